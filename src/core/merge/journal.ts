// The send journal's entries and what they mean for the sheet: one small record per send, written before and after it.
import type { CivilDate } from '../dates';
import { historyKey, type LoggedTouch } from './skipRules';
import { errorStatus, sentStatus, type SentKind } from './status';
import type { MergeMode } from './plan';

/**
 * `sending`: the intent, written just before the Gmail call. `done`: the call returned.
 * `failed`: the call threw, so nothing went out; `status` says why (an error, or the quota).
 * An intent with no result means the run died during the send: the email may have gone out.
 */
export type JournalState = 'sending' | 'done' | 'failed';

export interface JournalEntry {
  clientId: string;
  template: string;
  mode: MergeMode;
  state: JournalState;
  /** The day of the attempt in the spreadsheet's time zone (the touch's date). */
  date: CivilDate;
  to: string;
  /** For `failed`: the Merge Status to write. */
  status?: string;
  /** The run that wrote it: a merge skips a client another run is sending to at the same time. */
  run?: string;
  /** When it was written (ms), so entries can be dropped once no run that could need them is alive. */
  at?: number;
  /** Its status and touch are in the sheet; kept a few minutes only for runs still sending. */
  written?: boolean;
}

/**
 * No Apps Script run lives longer than 6 minutes, so an entry older than this cannot matter to any
 * run still going: once written to the sheet it can go.
 */
export const RUN_MAX_MS = 7 * 60 * 1000;

export const JOURNAL_PREFIX = 'reconnect.merge.';

export function journalKey(clientId: string, template: string): string {
  return `${JOURNAL_PREFIX}${clientId}|${template.trim().toLowerCase()}`;
}

export function encodeEntry(entry: JournalEntry): string {
  return JSON.stringify(entry);
}

/** Reads one stored entry; anything unreadable is dropped rather than trusted. */
export function decodeEntry(value: string): JournalEntry | null {
  try {
    const e = JSON.parse(value) as Partial<JournalEntry>;
    if (typeof e.clientId !== 'string' || typeof e.template !== 'string') return null;
    if (e.mode !== 'send' && e.mode !== 'draft') return null;
    if (e.state !== 'sending' && e.state !== 'done' && e.state !== 'failed') return null;
    if (typeof e.date !== 'string' || typeof e.to !== 'string') return null;
    if (e.at !== undefined && typeof e.at !== 'number') return null;
    return e as JournalEntry;
  } catch {
    return null;
  }
}

/** What a journal entry proves went out, for the "already sent" rule (null: nothing went out). */
export function entryKind(entry: JournalEntry): SentKind | null {
  if (entry.state === 'failed') return null;
  if (entry.mode === 'draft') return entry.state === 'done' ? 'draft' : 'draftUnconfirmed';
  return entry.state === 'done' ? 'sent' : 'unconfirmed';
}

/**
 * The clients another run has sent (or is sending) this template to, by journal key. A run sends in
 * short locked chunks, so between two chunks another merge may reach a client this run planned for:
 * each chunk re-reads the journal and leaves those clients alone. A failed attempt took nothing.
 */
export function takenByOthers(
  entries: ReadonlyArray<{ key: string; entry: JournalEntry }>,
  run: string,
): Set<string> {
  const taken = new Set<string>();
  for (const { key, entry } of entries) {
    if (entry.run !== run && entry.state !== 'failed') taken.add(key);
  }
  return taken;
}

/** A written entry old enough that no live run can still need it. */
export function isExpired(entry: JournalEntry, nowMs: number): boolean {
  return entry.written === true && nowMs - (entry.at ?? 0) >= RUN_MAX_MS;
}

export interface TouchToLog {
  clientId: string;
  date: CivilDate;
  channel: 'email' | 'letter';
  outcome: 'sent';
  step: string;
  notes?: string;
  mergeStatus: string;
}

export interface WriteBack {
  /** Sent emails (and unconfirmed ones: never resent, so counted): a touch and a status each. */
  touches: TouchToLog[];
  /** Drafts and failures: a status only (a draft is not a touch: nobody has received anything yet). */
  statuses: Map<string, string>;
}

/**
 * Turns journal entries into the sheet write-back. A touch already in the log for the same client
 * and template is not logged again: a run killed after the log was written but before the journal
 * was cleared replays its entries, and the replay must not double the touch.
 */
export function journalWriteBack(
  entries: readonly JournalEntry[],
  logged: readonly LoggedTouch[],
): WriteBack {
  const alreadyLogged = new Set(
    logged
      .filter((t) => t.channel.trim().toLowerCase() === 'email')
      .map((t) => historyKey(t.clientId, t.step)),
  );
  const out: WriteBack = { touches: [], statuses: new Map() };
  for (const entry of entries) {
    const kind = entryKind(entry);
    if (!kind) {
      out.statuses.set(entry.clientId, entry.status ?? errorStatus('the send failed'));
      continue;
    }
    const status = sentStatus(kind, entry.date, entry.template);
    if (entry.mode === 'draft') {
      out.statuses.set(entry.clientId, status);
      continue;
    }
    const key = historyKey(entry.clientId, entry.template);
    if (alreadyLogged.has(key)) {
      out.statuses.set(entry.clientId, status);
      continue;
    }
    alreadyLogged.add(key);
    out.touches.push({
      clientId: entry.clientId,
      date: entry.date,
      channel: 'email',
      outcome: 'sent',
      step: entry.template,
      notes:
        kind === 'unconfirmed'
          ? `Unconfirmed: the run stopped while this email was being sent to ${entry.to}; it will not be resent. Check your Sent mail.`
          : `Emailed ${entry.to}`,
      mergeStatus: status,
    });
  }
  return out;
}
