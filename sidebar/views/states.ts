// The list's states besides cards: nothing to show, a load that failed (in plain words, with the one button that helps), and data problems.
import type { DataProblem } from '../../src/shared/api';
import { explainError } from '../format';
import { el } from './dom';

/** What to say when no card is shown: a search with no match, an empty group, or everyone caught up. */
/**
 * Nobody listed, and why. A search says which group chip hid the matches (with a way out) and names
 * matching clients marked Do Not Contact, who are never listed.
 */
export function emptyState(
  search: string,
  groupLabel: string | null,
  why: { doNotContact?: string[]; searchAll?: () => void } = {},
): HTMLElement {
  if (search) {
    const box = el('div', { className: 'empty' });
    const dnc = why.doNotContact ?? [];
    if (groupLabel) {
      box.append(
        el('p', { text: `No client in ${groupLabel} matches “${search}”.` }),
        el('button', {
          text: 'Search all clients',
          attrs: { type: 'button' },
          on: { click: () => why.searchAll?.() },
        }),
      );
    } else if (dnc.length) {
      box.append(
        el('p', {
          text: `${dnc.join(', ')} ${dnc.length === 1 ? 'matches' : 'match'} “${search}” but ${dnc.length === 1 ? 'is' : 'are'} marked Do Not Contact, so not listed. Untick Do Not Contact in the sheet to call again.`,
        }),
      );
    } else {
      box.append(el('p', { text: `No client matches “${search}”.` }));
    }
    return box;
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
