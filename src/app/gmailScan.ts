// scanGmail: replies from recently emailed clients found in a few batched Gmail searches, each logged once as a touch through the merge write-back.
import { afterSeconds, batchedQueries } from '../core/merge/gmailQuery';
import {
  byEarliestSend,
  newReplies,
  watchedClients,
  type Incoming,
  type Watched,
} from '../core/replies';
import type { TouchToLog } from '../core/merge/journal';
import { now } from '../services/clock';
import { readClientSheet } from '../services/clientSheet';
import { lastScanMs, searchMessages, setLastScanMs } from '../services/gmailSearch';
import { errorMessage } from '../services/mailer';
import { withMergeLock } from '../services/mergeLock';
import { loadSettings } from '../services/settings';
import { currentUserEmail, readTouchLog } from '../services/touchSheet';
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
 * Finds replies from clients emailed in the last 60 days: one search per batch of addresses
 * (`from:(a OR b OR ...) after:<seconds>`, within Gmail's query length), from the earliest send of
 * the batch. A new reply logs a touch (email, "replied", its first lines as notes) and marks the row;
 * a second scan finds the same messages and logs nothing (the log already has that reply).
 * The weekly run calls this with the spreadsheet it opened by ID.
 */
export function scanGmail(spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet): GmailScan {
  return withMergeLock(() => {
    const settings = loadSettings();
    const cs = readClientSheet({ settings, spreadsheet });
    const { touches } = readTouchLog(cs.spreadsheet, cs.dates);
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
    try {
      // Drafts sent from Gmail first: their sends are watched for replies in this same scan.
      const drafts = checkDrafts((d) => cs.dates.toCivil(d));
      result.searches += drafts.searches;
      logs.push(...drafts.sent);
      for (const [id, status] of drafts.deleted) statuses.set(id, status);
      result.draftsSent = drafts.sent.length;
      result.draftsDeleted = drafts.deleted.size;
      const all = [...touches, ...drafts.sent.map((t) => ({ ...t, notes: t.notes ?? '' }))];
      const emails = new Map(cs.clients.map((c) => [c.id, c.email] as const));
      const watched = watchedClients(all, (id) => emails.get(id) ?? '', cs.dates.today);
      if (watched.length) found = newReplies(watched, searchReplies(watched, cs.dates, result));
    } catch (error) {
      const message = errorMessage(error);
      result.problem = declinedPermission(message, 'Finding replies in Gmail') ?? message;
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
    return result;
  });
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
  const out: Incoming[] = [];
  const sorted = byEarliestSend(watched);
  // Batches of addresses in send order, so each search starts at its own earliest send.
  const queries: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const since = afterSeconds(dates.toDate(sorted[i].since).getTime());
    const [first] = batchedQueries(
      'from:',
      sorted.slice(i).map((w) => w.email),
      ` after:${since}`,
    );
    const count = (first.match(/ OR /g)?.length ?? 0) + 1;
    queries.push(first);
    i += Math.max(1, count);
  }
  for (const q of queries) {
    result.searches += 1;
    for (const m of searchMessages(q, true)) {
      out.push({ from: m.from, day: dates.toCivil(new Date(m.atMs)), atMs: m.atMs, text: m.text });
    }
  }
  return out;
}
