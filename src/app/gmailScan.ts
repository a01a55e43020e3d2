// scanGmail: replies from recently emailed clients found in a few batched Gmail searches, each logged once as a touch through the merge write-back.
import {
  byEarliestSend,
  newReplies,
  watchedClients,
  type Incoming,
  type Watched,
} from '../core/replies';
import type { TouchToLog } from '../core/merge/journal';
import { now } from '../services/clock';
import { activeSpreadsheet, readClientSheet, type ClientSheet } from '../services/clientSheet';
import { spreadsheetCivilDates } from '../services/civilDates';
import { addDays } from '../core/dates';
import { WATCH_DAYS } from '../core/replies';
import { openLean, readConfirmed } from './mergeLean';
import {
  lastScanMs,
  repliesInSentThreads,
  setLastScanMs,
  setOpenReplies,
} from '../services/gmailSearch';
import { errorMessage } from '../services/mailer';
import { withMergeLock } from '../services/mergeLock';
import { loadSettings } from '../services/settings';
import type { Settings } from '../shared/api';
import { currentUserEmail, readTouchesSince } from '../services/touchSheet';
import { writeMergeBack } from './mergeWriteBack';
import { checkDrafts } from './gmailDrafts';
import { declinedPermission } from '../shared/permissions';

/** The sidebar scans at most this often per user. */
export const SCAN_EVERY_MS = 10 * 60 * 1000;

export interface GmailScan {
  scanned: boolean;
  /** Clients whose new reply was logged. */
  replies: number;
  /** Drafts Reconnect created that the user sent from Gmail, or deleted. */
  draftsSent: number;
  draftsDeleted: number;
  /** Gmail searches made. */
  searches: number;
  /** Why Gmail could not be read (a declined permission, the daily limit), or null. */
  problem: string | null;
}

/**
 * Finds replies from clients emailed in the last 60 days, in the threads of the user's Sent folder
 * since the earliest of those sends (`in:sent after:<seconds>`, 500 threads a search, their messages
 * in one batched read): a handful of searches for a thousand clients, where one `from:(a OR b ...)`
 * query holds only a few dozen addresses within Gmail's query length. A new reply logs a touch (email, "replied", its first lines as notes) and marks the row;
 * a second scan finds the same messages and logs nothing (the log already has that reply).
 * The weekly run calls this with the spreadsheet it opened by ID.
 */
export function scanGmail(
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet,
  options: { settings?: Settings } = {},
): GmailScan {
  return withMergeLock(() => {
    // A time-driven run may have no document context: it passes the settings it keeps.
    const settings = options.settings ?? loadSettings();
    const ss = spreadsheet ?? activeSpreadsheet();
    const dates = spreadsheetCivilDates(ss);
    // Only touches of the watch window matter: a reply before a client's last send is ignored.
    const { touches } = readTouchesSince(ss, dates, addDays(dates.today, -WATCH_DAYS));
    const result: GmailScan = {
      scanned: true,
      replies: 0,
      draftsSent: 0,
      draftsDeleted: 0,
      searches: 0,
      problem: null,
    };
    const logs: TouchToLog[] = [];
    const statuses = new Map<string, string>();
    let found: ReturnType<typeof newReplies> = [];
    let drafts: ReturnType<typeof checkDrafts> | null = null;
    try {
      // Drafts sent from Gmail first: their sends are watched for replies in this same scan.
      drafts = checkDrafts((d) => dates.toCivil(d));
      result.searches += drafts.searches;
      logs.push(...drafts.sent);
      for (const [id, status] of drafts.deleted) statuses.set(id, status);
      result.draftsSent = drafts.sent.length;
      result.draftsDeleted = drafts.deleted.size;
    } catch (error) {
      const message = errorMessage(error);
      result.problem = declinedPermission(message, 'Finding replies in Gmail') ?? message;
    }
    const all = [...touches, ...(drafts?.sent ?? []).map((t) => ({ ...t, notes: t.notes ?? '' }))];
    const ids = new Set([...all.map((t) => t.clientId), ...statuses.keys()].filter((id) => id));
    if (!ids.size) return result;
    // Only the rows of the clients in those touches are read (their emails, the write-back).
    const cs = clientRowsOf(settings, ss, ids);
    if (drafts) {
      try {
        const emails = new Map(cs.clients.map((c) => [c.id, c.email] as const));
        const watched = watchedClients(all, (id) => emails.get(id) ?? '', cs.dates.today);
        if (watched.length) found = newReplies(watched, searchReplies(watched, cs.dates, result));
      } catch (error) {
        const message = errorMessage(error);
        result.problem = declinedPermission(message, 'Finding replies in Gmail') ?? message;
      }
    }
    logs.push(
      ...found.map((r): TouchToLog => ({
        clientId: r.clientId,
        date: r.day,
        channel: 'email',
        outcome: 'replied',
        step: r.template,
        notes: r.notes,
        mergeStatus: `Replied ${r.day}: ${r.template}`,
      })),
    );
    if (logs.length || statuses.size)
      writeMergeBack(cs, { touches: logs, statuses }, currentUserEmail());
    result.replies = found.length;
    if (found.length) setOpenReplies(true);
    return result;
  });
}

/**
 * The client sheet holding the rows of `ids` only, found through the call list's ranking index
 * (cached when the list was opened; a weekly run's merge then finds it cached). The whole sheet
 * when some client has no ID or shares one, or when a row read no longer agrees with the index.
 */
function clientRowsOf(
  settings: Settings,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  ids: ReadonlySet<string>,
): ClientSheet {
  const lean = openLean(settings, spreadsheet);
  if (lean) {
    const rows = lean.lean.index.clients.filter((c) => ids.has(c.id)).map((c) => c.row);
    if (readConfirmed(lean.cs, lean.lean, rows, false)) return lean.cs;
  }
  return readClientSheet({ settings, spreadsheet });
}

/** The sidebar's scan on opening: at most every 10 minutes per user; a failure never blocks the sidebar. */
export function scanGmailIfDue(): GmailScan {
  const at = now().getTime();
  if (at - lastScanMs() < SCAN_EVERY_MS) {
    return {
      scanned: false,
      replies: 0,
      draftsSent: 0,
      draftsDeleted: 0,
      searches: 0,
      problem: null,
    };
  }
  setLastScanMs(at);
  return scanGmail();
}

function searchReplies(
  watched: readonly Watched[],
  dates: { toDate(civil: string): Date; toCivil(date: Date): string },
  result: GmailScan,
): Incoming[] {
  const earliest = byEarliestSend(watched)[0].since;
  const addresses = new Set(watched.map((w) => w.email.toLowerCase()));
  // A day's margin: the send's day starts in the spreadsheet's zone; seconds are exact.
  const found = repliesInSentThreads(dates.toDate(earliest).getTime() - 86400000, addresses);
  result.searches += found.searches;
  return found.messages.map((m) => ({
    from: m.from,
    day: dates.toCivil(new Date(m.atMs)),
    atMs: m.atMs,
    text: m.text,
  }));
}
