// The list's states besides cards: nothing to show, a load that failed (in plain words, with the one button that helps), and data problems.
import type { DataProblem } from '../../src/shared/api';
import { explainError } from '../format';
import { el } from './dom';

/** What to say when no card is shown: a search with no match, an empty group, or everyone caught up. */
export function emptyState(search: string, groupLabel: string | null): HTMLElement {
  if (search) {
    return el('div', { className: 'empty' }, el('p', { text: `No client matches “${search}”.` }));
  }
  if (groupLabel) {
    return el('div', { className: 'empty' }, el('p', { text: `No one is due in ${groupLabel}.` }));
  }
  return el(
    'div',
    { className: 'empty caught-up' },
    el('p', { className: 'empty-title', text: 'Everyone is caught up.' }),
    el('p', {
      text: 'Nobody is due for a call today. Keeping up is easier than catching up: come back tomorrow.',
    }),
  );
}

/**
 * A failed load in plain words. The button is Open Settings when the fix is there (and `settings`
 * is given), otherwise Try again.
 */
export function errorState(
  error: unknown,
  actions: { retry(): void; settings?(): void },
): HTMLElement {
  const plain = explainError(error);
  const { settings } = actions;
  const action =
    plain.action === 'settings' && settings
      ? el('button', {
          className: 'primary',
          text: 'Open Settings',
          attrs: { type: 'button' },
          on: { click: () => settings() },
        })
      : el('button', {
          className: 'primary',
          text: 'Try again',
          attrs: { type: 'button' },
          on: { click: () => actions.retry() },
        });
  return el(
    'div',
    { className: 'error-state', attrs: { role: 'alert' } },
    el('p', { className: 'error-message', text: plain.message }),
    el('p', { text: plain.advice }),
    action,
  );
}

/** Cells the list could not read, by row and column (the first 50; the rows are still listed). */
export function problemsList(problems: DataProblem[]): HTMLElement {
  const details = el(
    'details',
    { className: 'problems' },
    el('summary', { text: `Data problems (${problems.length.toLocaleString()})` }),
  );
  const ul = el('ul');
  for (const p of problems.slice(0, 50)) {
    ul.appendChild(el('li', { text: `Row ${p.row}, ${p.column}: ${p.message}` }));
  }
  details.appendChild(ul);
  return details;
}
