// Replies from clients: which sends to watch, how many Gmail searches cover them, which messages are new replies, and the card's "Replied: call them back" marker.
import { daysBetween, type CivilDate } from './dates';

/** Sends older than this are not watched for replies. */
export const WATCH_DAYS = 60;
/** The reply's first lines kept as the touch's notes. */
export const REPLY_NOTES_MAX = 300;
export const REPLIED = 'replied';

/** A touch of the log, as far as replies need it. */
export interface ReplyTouch {
  clientId: string;
  date: CivilDate | null;
  channel: string;
  outcome: string;
  notes: string;
  step: string;
}

/** A client emailed recently: the address to watch and since when. */
export interface Watched {
  clientId: string;
  email: string;
  /** The day of the latest email sent to the client, and its template. */
  since: CivilDate;
  template: string;
  /** The day of the latest reply already logged, or null. */
  lastReply: CivilDate | null;
}

/** From the Touches log: every client with an email sent in the last WATCH_DAYS days. */
export function watchedClients(
  touches: readonly ReplyTouch[],
  emailOf: (clientId: string) => string,
  today: CivilDate,
): Watched[] {
  const out = new Map<string, Watched>();
  for (const t of touches) {
    if (!t.date || t.channel.trim().toLowerCase() !== 'email') continue;
    const outcome = t.outcome.trim().toLowerCase();
    if (outcome === 'sent' && daysBetween(t.date, today) <= WATCH_DAYS) {
      const email = emailOf(t.clientId);
      if (!email) continue;
      const seen = out.get(t.clientId);
      if (!seen || seen.since <= t.date)
        out.set(t.clientId, {
          clientId: t.clientId,
          email,
          since: t.date,
          template: t.step,
          lastReply: seen?.lastReply ?? null,
        });
    }
  }
  for (const t of touches) {
    const w = out.get(t.clientId);
    if (!w || !t.date || t.outcome.trim().toLowerCase() !== REPLIED) continue;
    if (!w.lastReply || w.lastReply < t.date) w.lastReply = t.date;
  }
  return [...out.values()];
}

/** A message from someone, as the scan reads it (its day in the spreadsheet's time zone). */
export interface Incoming {
  from: string;
  day: CivilDate;
  atMs: number;
  text: string;
}

export interface NewReply {
  clientId: string;
  day: CivilDate;
  template: string;
  notes: string;
}

/**
 * One new reply per client at most: the latest message from the client's address on or after the
 * day of the send, and after the last reply already logged (a second scan logs nothing new).
 */
export function newReplies(watched: readonly Watched[], messages: readonly Incoming[]): NewReply[] {
  const byAddress = new Map<string, Watched[]>();
  for (const w of watched) {
    const key = w.email.toLowerCase();
    byAddress.set(key, [...(byAddress.get(key) ?? []), w]);
  }
  const latest = new Map<string, { w: Watched; m: Incoming }>();
  for (const m of messages) {
    for (const w of byAddress.get(m.from.toLowerCase()) ?? []) {
      if (m.day < w.since || (w.lastReply && m.day <= w.lastReply)) continue;
      const seen = latest.get(w.clientId);
      if (!seen || seen.m.atMs < m.atMs) latest.set(w.clientId, { w, m });
    }
  }
  return [...latest.values()].map(({ w, m }) => ({
    clientId: w.clientId,
    day: m.day,
    template: w.template,
    notes: `Replied: ${firstLines(m.text)}`,
  }));
}

/** The reply's own words: quoted history ("> ...", "On ... wrote:") left out, a few lines, clipped. */
export function firstLines(text: string): string {
  const lines: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (/^>/.test(line) || /^On .+wrote:$/.test(line) || /^-{2,}\s*Original/i.test(line)) break;
    if (line) lines.push(line);
    if (lines.length >= 4) break;
  }
  const joined = lines.join(' / ');
  return joined.length > REPLY_NOTES_MAX ? `${joined.slice(0, REPLY_NOTES_MAX - 1)}…` : joined;
}

/** Watched clients in batches whose searches start at the earliest send of the batch. */
export function byEarliestSend(watched: readonly Watched[]): Watched[] {
  return [...watched].sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}

/** Words that may mean "stop writing to me": never acted on, only shown with the reply. */
const OPT_OUT =
  /\b(unsubscribe|stop (emailing|contacting|writing)|do not (contact|email)|don't (contact|email)|remove me|no longer wish|not interested)\b/i;

export interface ReplyMarker {
  date: CivilDate;
  text: string;
  /** The reply may ask not to be contacted: the card offers "Do not contact", it never decides. */
  mayOptOut: boolean;
}

/**
 * The card's marker: the client's latest touch in the log is a reply nobody has answered yet (a call
 * or anything logged after it clears it).
 */
export function replyMarkers(touches: readonly ReplyTouch[]): Map<string, ReplyMarker> {
  const latest = new Map<string, ReplyTouch>();
  for (const t of touches) if (t.clientId) latest.set(t.clientId, t);
  const out = new Map<string, ReplyMarker>();
  for (const [id, t] of latest) {
    if (t.outcome.trim().toLowerCase() !== REPLIED || !t.date) continue;
    const text = t.notes.replace(/^Replied:\s*/, '');
    out.set(id, { date: t.date, text, mayOptOut: OPT_OUT.test(text) });
  }
  return out;
}
