// Gmail's search language, as far as the add-on uses it: from:/to: with (a OR b) lists, in:sent/drafts/inbox, after:/before:, subject:, free words.
import { gasError } from './kernel';

/**
 * Gmail search operators (https://support.google.com/mail/answer/7190). Dates:
 * "All dates used in the search query are interpreted as midnight on that date in the PST timezone.
 * To specify accurate dates for other timezones pass the value in seconds instead" (Gmail API
 * filtering guide, https://developers.google.com/workspace/gmail/api/guides/filtering).
 */
export interface MailQuery {
  from: string[][];
  to: string[][];
  in: Array<'sent' | 'drafts' | 'inbox' | 'anywhere'>;
  afterMs: number | null;
  beforeMs: number | null;
  subject: string[];
  words: string[];
}

/** What a query is matched against: one message of the mailbox. */
export interface Searchable {
  kind: 'sent' | 'draft' | 'received';
  from: string;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  atMs: number;
}

/** Longest query the emulator accepts: Gmail filters refuse criteria past about 1,500 characters (bcleary/outlook-gmail-rules-export#7). */
export const QUERY_MAX = 1500;

export function parseQuery(query: string): MailQuery {
  const q: MailQuery = {
    from: [],
    to: [],
    in: [],
    afterMs: null,
    beforeMs: null,
    subject: [],
    words: [],
  };
  if (query.length > QUERY_MAX) throw gasError('Invalid argument: query');
  const re = /(\w+):(\([^)]*\)|\{[^}]*\}|"[^"]*"|\S+)|"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(query))) {
    if (m[4] !== undefined) {
      if (m[4] !== 'OR') q.words.push(m[4].toLowerCase());
      continue;
    }
    if (m[3] !== undefined) {
      q.words.push(m[3].toLowerCase());
      continue;
    }
    const op = m[1].toLowerCase();
    const value = m[2];
    switch (op) {
      case 'from':
      case 'to':
        q[op].push(list(value));
        break;
      case 'in':
      case 'label':
        q.in.push(folder(value));
        break;
      case 'after':
        q.afterMs = dateMs(value);
        break;
      case 'before':
        q.beforeMs = dateMs(value);
        break;
      case 'subject':
        q.subject.push(unquote(value).toLowerCase());
        break;
      default:
        q.words.push(m[0].toLowerCase());
    }
  }
  return q;
}

function unquote(v: string): string {
  return v.replace(/^["({]|[")}]$/g, '');
}

/** `a`, `(a OR b)`, `{a b}`: the alternatives, lower case. */
function list(value: string): string[] {
  return unquote(value)
    .split(/\s+OR\s+|\s+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s && s !== 'or');
}

function folder(v: string): MailQuery['in'][number] {
  const f = v.toLowerCase();
  if (f === 'sent' || f === 'drafts' || f === 'inbox' || f === 'anywhere') return f;
  return 'anywhere';
}

/** yyyy/mm/dd (midnight PST, as Gmail reads it) or epoch seconds. */
function dateMs(v: string): number {
  if (/^\d{9,11}$/.test(v)) return Number(v) * 1000;
  const d = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(v);
  if (!d) throw gasError('Invalid argument: query');
  // PST is UTC-8 (the guide says PST; daylight time is not mentioned).
  return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), 8);
}

function addresses(field: string): string[] {
  return field
    .split(',')
    .map((p) => {
      const angle = /<([^>]*)>/.exec(p);
      return (angle ? angle[1] : p).trim().toLowerCase();
    })
    .filter(Boolean);
}

/** A message matches when every term matches (terms are ANDed; a list is ORed). */
export function matches(q: MailQuery, m: Searchable, me: string): boolean {
  const who = (field: string, wanted: string[]) =>
    addresses(field).some((a) =>
      wanted.some((w) => (w === 'me' ? a === me : a === w || a.endsWith(w))),
    );
  if (!q.from.every((l) => who(m.from, l))) return false;
  if (!q.to.every((l) => who(`${m.to},${m.cc},${m.bcc}`, l))) return false;
  for (const f of q.in) {
    if (f === 'sent' && m.kind !== 'sent') return false;
    if (f === 'drafts' && m.kind !== 'draft') return false;
    if (f === 'inbox' && m.kind !== 'received') return false;
  }
  // Drafts only show when asked for (in:drafts), as in Gmail's default search.
  if (m.kind === 'draft' && !q.in.includes('drafts')) return false;
  if (q.afterMs !== null && m.atMs < q.afterMs) return false;
  if (q.beforeMs !== null && m.atMs >= q.beforeMs) return false;
  const subject = m.subject.toLowerCase();
  if (!q.subject.every((s) => subject.includes(s))) return false;
  const text = `${subject} ${m.body.toLowerCase()}`;
  return q.words.every((w) => text.includes(w));
}
