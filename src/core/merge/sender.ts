// The sender fields of a merge (name, reply-to, alias), checked once before anything is rendered or sent.
import { EMAIL_RULES, isPlainAddress } from '../../shared/email';

export const SENDER_NAME_MAX = 100;

/**
 * Control characters (CR/LF would start a new mail header; others garble the From line) and the
 * bidirectional overrides that make a name read differently from what it is (U+202A-U+202E,
 * U+2066-U+2069).
 */
const UNSAFE_IN_NAME = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

export interface SenderFields {
  senderName?: unknown;
  replyTo?: unknown;
  from?: unknown;
}

/**
 * One clear sentence for the first sender field that cannot be used, or null. A bad name is
 * refused, not cleaned: it is what every recipient sees as the sender, so it goes out exactly as
 * typed or not at all, and the user fixes it once (the sidebar's field cannot hold a line break;
 * only a pasted or scripted value can).
 */
export function senderProblem(fields: SenderFields): string | null {
  const name = typeof fields.senderName === 'string' ? fields.senderName.trim() : '';
  if (fields.senderName !== undefined && typeof fields.senderName !== 'string')
    return 'The sender name must be text. Nothing was sent.';
  if (UNSAFE_IN_NAME.test(name))
    return 'The sender name contains a line break or another control character; type it on one line. Nothing was sent.';
  if (/[<>]/.test(name))
    return 'The sender name cannot contain < or >: it would look like an email address. Nothing was sent.';
  if (name.length > SENDER_NAME_MAX)
    return `The sender name is ${name.length} characters; keep it under ${SENDER_NAME_MAX + 1}. Nothing was sent.`;
  for (const [field, label] of [
    ['replyTo', 'reply-to address'],
    ['from', '"Send from" address'],
  ] as const) {
    const value = fields[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') return `The ${label} must be text. Nothing was sent.`;
    const address = value.trim();
    if (address && !isPlainAddress(address)) {
      return `The ${label} "${printable(address)}" is not a valid email address (${EMAIL_RULES}). Nothing was sent.`;
    }
  }
  return null;
}

/** A value quoted in a message: control characters shown as spaces, and kept short. */
function printable(value: string): string {
  const flat = value.replace(/[\p{Cc}]+/gu, ' ');
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
