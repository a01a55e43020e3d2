// Pieces of the Calls tab: the logged card's one-line record with its Undo, the email offers (after no answer, after Reached), and finding the card to focus next.
import type { CallListItem, TouchInput } from '../../src/shared/api';
import { el } from './dom';

/**
 * What takes a logged card's place: its message and its own Undo, so the keyboard reaches Undo with
 * one Shift+Tab from the next card (the toast sits at the bottom).
 */
export function loggedRow(message: string, onUndo: () => void): HTMLLIElement {
  const row = el(
    'li',
    { className: 'card-logged' },
    el('span', { text: message }),
    el('button', {
      className: 'link',
      text: 'Undo',
      attrs: { type: 'button', 'aria-label': `Undo: ${message}` },
      on: {
        click: () => {
          row.remove();
          onUndo();
        },
      },
    }),
  );
  return row;
}

/** After no answer or a voicemail: call first, then email (playbook 2), said for what happened. */
export function emailOffer(
  item: CallListItem,
  input: TouchInput,
  actions: { close(): void; write(): void },
): HTMLElement {
  const what =
    input.outcome === 'voicemail'
      ? `Voicemail left for ${item.name}`
      : `No answer from ${item.name}`;
  return el(
    'div',
    { className: 'banner', attrs: { role: 'region', 'aria-label': 'Follow up by email' } },
    el('p', { text: `${what}. Call first, then email: send the reconnect email now?` }),
    el('button', {
      className: 'primary',
      text: 'Write the email',
      attrs: { type: 'button' },
      on: {
        click: () => {
          actions.close();
          actions.write();
        },
      },
    }),
    el('button', { text: 'Not now', attrs: { type: 'button' }, on: { click: actions.close } }),
  );
}

/** The built-in template for after a reconnect call (src/core/merge/templates.ts). */
export const FOLLOW_UP = 'Follow-up after a call';

/** After Reached: offer the follow-up email ("Thank you for our conversation") for this client. */
export function followUpOffer(
  item: CallListItem,
  template: string,
  actions: { close(): void; write(): void },
): HTMLElement {
  return el(
    'div',
    { className: 'banner', attrs: { role: 'region', 'aria-label': 'Follow up by email' } },
    el('p', {
      text: `Reached ${item.name}. Send "${template}" while the call is fresh?`,
    }),
    el('button', {
      className: 'primary',
      text: 'Write the follow-up',
      attrs: { type: 'button' },
      on: {
        click: () => {
          actions.close();
          actions.write();
        },
      },
    }),
    el('button', { text: 'Not now', attrs: { type: 'button' }, on: { click: actions.close } }),
  );
}

export function nextCard(node: Element | null): Element | null {
  let n = node?.nextElementSibling ?? null;
  while (n && !n.classList.contains('card')) n = n.nextElementSibling;
  return n;
}

export function previousCard(node: Element | null): Element | null {
  let n = node?.previousElementSibling ?? null;
  while (n && !n.classList.contains('card')) n = n.previousElementSibling;
  return n;
}
