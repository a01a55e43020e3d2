// What a card says about a client at a glance: time since contact, the last try, the phone (not a link once it is a wrong number) and the email (with its problem).
import type { CallListItem } from '../../src/shared/api';
import { mailtoHref, telHref } from '../format';
import { el } from './dom';

/** "2 years, 3 months since last contact"; "Contacted today" for a client just logged. */
export function sinceText(item: CallListItem): string {
  if (!item.sinceWords) return 'No contact recorded';
  if (item.sinceWords === 'today') return 'Contacted today';
  return `${item.sinceWords} since last contact`;
}

const OUTCOME_WORDS: Record<string, string> = {
  'no answer': 'no answer',
  voicemail: 'left a voicemail',
  'wrong number': 'wrong number',
  reached: 'reached',
  'raised a problem': 'reached, raised a problem',
  sent: 'email sent',
};

/** "Tried 3 days ago: no answer (2 tries since you last spoke)", or null when there is no try to tell. */
export function triedText(item: CallListItem, today: string): string | null {
  const t = item.lastTry;
  if (!t || t.attempts === 0) return null;
  const days = Math.round((Date.parse(today) - Date.parse(t.date)) / 86_400_000);
  const when = days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
  const what = OUTCOME_WORDS[t.outcome] ?? t.outcome;
  const tries = t.attempts > 1 ? ` (${t.attempts} tries since you last spoke)` : '';
  return `Tried ${when}: ${what}${tries}`;
}

export function isWrongNumber(item: CallListItem): boolean {
  return item.status.trim().toLowerCase() === 'wrong number';
}

/** The phone: a tel: link, or plain text when it cannot be dialled or is marked a wrong number. */
export function phoneNode(item: CallListItem): HTMLElement {
  if (!item.phone) return el('span', { className: 'card-missing', text: 'No phone number' });
  if (isWrongNumber(item)) {
    return el('span', {
      className: 'card-phone wrong',
      text: `${item.phone} (wrong number)`,
      attrs: { title: 'Marked a wrong number: find the right one, then set Status again.' },
    });
  }
  const href = telHref(item.phone);
  if (!href) return el('span', { className: 'card-phone', text: item.phone });
  return el('a', {
    className: 'card-phone',
    text: item.phone,
    attrs: { href, target: '_top', 'aria-label': `Call ${item.name}: ${item.phone}` },
  });
}

/** The email: a mailto: link, the invalid address with its reason, or "No email". */
export function emailNode(item: CallListItem): HTMLElement {
  if (item.email) {
    const href = mailtoHref(item.email);
    if (href) {
      return el('a', {
        className: 'card-email',
        text: item.email,
        attrs: { href, target: '_blank', rel: 'noopener', title: item.email },
      });
    }
    return el('span', {
      className: 'card-email invalid',
      text: item.email,
      attrs: { title: `Not a valid email address: ${item.email}` },
    });
  }
  const problem = (item.problems ?? []).find((p) => /^e-?mail\b/i.test(p));
  if (problem) return el('span', { className: 'card-email invalid', text: problem });
  return el('span', { className: 'card-missing', text: 'No email' });
}
