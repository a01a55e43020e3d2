// The send journal's entries and what they mean for the sheet: each send recorded before it starts and its result with the next (format: journalStore.ts).
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
  /** When its run started (ms): a run older than RUN_MAX_MS is certainly over. */
  at?: number;
  /** With the intent: a hash of the subject, to know the email again in the Sent folder. */
  subjectHash?: string;
  /** A draft's IDs (done drafts): remembered so a scan sees it sent from Gmail, or deleted. */
  draftId?: string;
  messageId?: string;
}

/** An entry and the property that holds it (a page of its run, or one old-format entry). */
export interface StoredEntry {
  key: string;
  entry: JournalEntry;
}

/**
 * No Apps Script run lives longer than 6 minutes, so a run record older than this cannot matter to
 * any run still going: once its pages are written back it can go.
 */
export const RUN_MAX_MS = 7 * 60 * 1000;

/** What a journal entry proves went out, for the "already sent" rule (null: nothing went out). */
export function entryKind(entry: JournalEntry): SentKind | null {
  if (entry.state === 'failed') return null;
  if (entry.mode === 'draft') return entry.state === 'done' ? 'draft' : 'draftUnconfirmed';
  return entry.state === 'done' ? 'sent' : 'unconfirmed';
}

/** What other runs have done, as the journal shows it: entries still in pages, and written runs. */
export interface OtherRuns {
  entries: readonly StoredEntry[];
  runs: ReadonlyArray<{ run: string; template: string; written: readonly string[] }>;
}

/**
 * Whether another run has sent (or is sending) this template to a client. A run sends in short
 * locked chunks, so between two chunks another merge may reach a client this run planned for: each
 * chunk re-reads the journal and leaves those clients alone. A failed attempt took nothing. Results
 * already written back are known by a hash of the Client ID (a collision only skips a client).
 */
export function takenByOthers(
  journal: OtherRuns,
  run: string,
  template: string,
  hash: (clientId: string) => string,
): (clientId: string) => boolean {
  const name = template.trim().toLowerCase();
  const ids = new Set<string>();
  const hashes = new Set<string>();
  for (const { entry } of journal.entries) {
    if (entry.run !== run && entry.state !== 'failed' && same(entry.template, name))
      ids.add(entry.clientId);
  }
  for (const r of journal.runs) {
    if (r.run !== run && same(r.template, name)) for (const h of r.written) hashes.add(h);
  }
  return (clientId) => ids.has(clientId) || hashes.has(hash(clientId));
}

function same(template: string, lowerName: string): boolean {
  return template.trim().toLowerCase() === lowerName;
}

export interface TouchToLog {
  clientId: string;
  date: CivilDate;
  channel: 'email' | 'letter';
  /** `replied`: a client's reply found in Gmail (app/gmailScan.ts). */
  outcome: 'sent' | 'replied';
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
      .map((t) => `${historyKey(t.clientId, t.step)}\n${t.date}`),
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
    const key = `${historyKey(entry.clientId, entry.template)}\n${entry.date}`;
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
