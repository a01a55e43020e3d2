// A card's history, read on expand: the last few touches (date, channel, outcome, notes), the tries since the last conversation, the last outcome.
import type { ClientHistory } from '../../src/shared/api';
import { clear, el } from './dom';

/** The history block: "Loading…", then the touches; a failed read says so and offers to try again. */
export function historyBlock(load: () => Promise<ClientHistory>): HTMLElement {
  const block = el('section', {
    className: 'history',
    attrs: { 'aria-label': 'Recent touches', 'aria-busy': 'true' },
  });
  const fill = () => {
    clear(block);
    block.setAttribute('aria-busy', 'true');
    block.appendChild(el('p', { className: 'loading', text: 'Loading recent touches…' }));
    load().then(
      (history) => show(block, history),
      () => {
        clear(block);
        block.removeAttribute('aria-busy');
        block.append(
          el('p', { className: 'notice', text: 'The recent touches could not be read.' }),
          el('button', {
            className: 'link',
            text: 'Try again',
            attrs: { type: 'button' },
            on: { click: fill },
          }),
        );
      },
    );
  };
  fill();
  return block;
}

function show(block: HTMLElement, history: ClientHistory): void {
  clear(block);
  block.removeAttribute('aria-busy');
  block.appendChild(el('h3', { className: 'history-title', text: 'Recent touches' }));
  if (!history.touches.length) {
    block.appendChild(el('p', { className: 'history-none', text: 'No touches logged yet.' }));
    return;
  }
  block.appendChild(el('p', { className: 'history-summary', text: summary(history) }));
  const list = el('ul', { className: 'history-list' });
  for (const t of history.touches) {
    const what = [t.channel, t.outcome].filter(Boolean).join(': ');
    list.appendChild(
      el(
        'li',
        {},
        el('span', { className: 'history-date', text: t.date }),
        ` ${what}`,
        t.notes ? el('span', { className: 'history-notes', text: ` · ${t.notes}` }) : null,
      ),
    );
  }
  block.appendChild(list);
}

function summary(h: ClientHistory): string {
  const last = h.lastConversation
    ? `Last spoke ${h.lastConversation}`
    : 'No conversation logged yet';
  const tries = h.attempts > 0 ? `; ${h.attempts} ${h.attempts === 1 ? 'try' : 'tries'} since` : '';
  const outcome = h.lastOutcome ? `. Last outcome: ${h.lastOutcome}.` : '.';
  return `${last}${tries}${outcome}`;
}
