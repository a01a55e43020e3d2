// The Merge Status texts written to a client's row, and reading them back (a status is one of the "already sent" records).
import type { CivilDate } from '../dates';

export type SentKind = 'sent' | 'unconfirmed' | 'draft' | 'draftUnconfirmed' | 'letter';

const PREFIX: Record<SentKind, string> = {
  sent: 'Sent',
  // The run stopped between recording the intent and the result: the email may have gone out, so
  // it is treated as sent (never resent) and the user is told to check their Sent folder.
  unconfirmed: 'Sent (unconfirmed)',
  draft: 'Draft created',
  draftUnconfirmed: 'Draft created (unconfirmed)',
  letter: 'Letter sent',
};

export const WAITING_QUOTA = 'Waiting: daily email quota reached';
/** Gmail's own daily quota (drafts, reads) ran out: "Service invoked too many times for one day: gmail." */
export const WAITING_GMAIL =
  "Waiting: Gmail's daily limit for drafts reached, run the merge again tomorrow";
export const WAITING_TIME = 'Waiting: time limit reached, run the merge again';
export const WAITING_BUSY = 'Waiting: the spreadsheet was busy, run the merge again';
export const WAITING_STORAGE =
  "Waiting: this spreadsheet's add-on storage is full, see the Emails tab";

/** "Sent 2026-11-22: Reconnect apology". */
export function sentStatus(kind: SentKind, date: CivilDate, template: string): string {
  return `${PREFIX[kind]} ${date}: ${template}`;
}

export function skippedStatus(reason: string): string {
  return `Skipped: ${reason}`;
}

export function errorStatus(message: string): string {
  return `Error: ${oneLineShort(message)}`;
}

function oneLineShort(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

const PARSE =
  /^(Sent \(unconfirmed\)|Sent|Draft created \(unconfirmed\)|Draft created|Letter sent) (\d{4}-\d{2}-\d{2}): (.+)$/;

/** Reads a status written by sentStatus; anything else (Skipped, Error, Waiting, user text) is null. */
export function parseSentStatus(
  status: string,
): { kind: SentKind; date: CivilDate; template: string } | null {
  const m = PARSE.exec(status.trim());
  if (!m) return null;
  const kind = (Object.keys(PREFIX) as SentKind[]).find((k) => PREFIX[k] === m[1]) as SentKind;
  return { kind, date: m[2], template: m[3].trim() };
}
