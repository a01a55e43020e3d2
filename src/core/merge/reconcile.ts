// Unconfirmed sends settled against Gmail: an intent without a result is looked for in Sent (or Drafts) by recipient, subject and time window.
import { RUN_MAX_MS, type JournalEntry } from './journal';

/** A message as the Sent/Drafts search returns it. */
export interface FoundMessage {
  to: string[];
  subject: string;
  atMs: number;
  folder: 'sent' | 'drafts';
}

/**
 * An intent is only "not sent" once its run is certainly over and Gmail has had time to file the
 * message: the run's start plus the longest run, plus a margin for Gmail's search to catch up.
 */
export const SETTLE_MS = RUN_MAX_MS + 60 * 1000;
/** A message dated a little before the run's start still counts (clocks differ). */
const EARLY_MS = 60 * 1000;

export type Verdict = 'found' | 'notFound' | 'pending';

/**
 * Found: a message to the same address, with the same subject (when the intent kept its hash), dated
 * within the run. Not found once settled: the email never left, so the client may be offered again.
 * Otherwise pending: the entry stays in the journal (the client is not offered) until it settles.
 */
export function verdictFor(
  entry: JournalEntry,
  found: readonly FoundMessage[],
  nowMs: number,
  hash: (subject: string) => string,
): Verdict {
  const start = entry.at ?? 0;
  const to = entry.to.toLowerCase();
  const folder = entry.mode === 'draft' ? null : 'sent';
  const hit = found.some(
    (m) =>
      (folder === null || m.folder === folder) &&
      m.to.includes(to) &&
      m.atMs >= start - EARLY_MS &&
      m.atMs <= start + RUN_MAX_MS &&
      (!entry.subjectHash || hash(m.subject) === entry.subjectHash),
  );
  if (hit) return 'found';
  return nowMs - start >= SETTLE_MS ? 'notFound' : 'pending';
}

/** The Merge Status of an email that never left: the client is offered again, and told why. */
export function notSentStatus(entry: JournalEntry): string {
  return `Not sent ${entry.date}: the merge stopped before "${entry.template}" left (not in Gmail's ${entry.mode === 'draft' ? 'Drafts or Sent' : 'Sent'} folder); it will be offered again`;
}
