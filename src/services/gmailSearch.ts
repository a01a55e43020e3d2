// GmailApp.search for Reconnect: Sent/Drafts lookups and client messages, flattened from threads to plain records.
import type { FoundMessage } from '../core/merge/reconcile';
import { errorMessage } from './mailer';

/** GmailApp.search returns at most 500 threads a call. */
const PAGE = 500;

/** A message of a thread, as the reply scan reads it. */
export interface MailRecord {
  threadId: string;
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  atMs: number;
  /** Plain text (read only when asked for). */
  text: string;
}

/** The bare addresses of a header ("Ann <a@x.com>, b@y.com"), lower case. */
export function addressesOf(header: string): string[] {
  return header
    .split(',')
    .map((p) => {
      const angle = /<([^>]*)>/.exec(p);
      return (angle ? angle[1] : p).trim().toLowerCase();
    })
    .filter(Boolean);
}

/** Every thread matching the query (paged 500 at a time). */
export function searchThreads(query: string): GoogleAppsScript.Gmail.GmailThread[] {
  const out: GoogleAppsScript.Gmail.GmailThread[] = [];
  for (let start = 0; ; start += PAGE) {
    const page = GmailApp.search(query, start, PAGE);
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

/** Messages of the matching threads; `withText` reads each one's plain body too. */
export function searchMessages(query: string, withText = false): MailRecord[] {
  const out: MailRecord[] = [];
  for (const thread of searchThreads(query)) {
    const threadId = thread.getId();
    for (const m of thread.getMessages()) {
      if (m.isDraft()) continue;
      out.push({
        threadId,
        messageId: m.getId(),
        from: addressesOf(m.getFrom())[0] ?? '',
        to: addressesOf(`${m.getTo()},${m.getCc()}`),
        subject: m.getSubject(),
        atMs: m.getDate().getTime(),
        text: withText ? m.getPlainBody() : '',
      });
    }
  }
  return out;
}

/** Sent messages (and live drafts) to these recipients, for settling unconfirmed sends; null if Gmail cannot be read. */
export function findInSentOrDrafts(queries: {
  sent: string[];
  drafts: string[];
}): { found: FoundMessage[] } | { error: string } {
  try {
    const found: FoundMessage[] = [];
    for (const q of queries.sent) {
      for (const m of searchMessages(q)) found.push({ ...m, folder: 'sent' });
    }
    for (const q of queries.drafts) {
      for (const thread of searchThreads(q)) {
        for (const m of thread.getMessages()) {
          if (!m.isDraft()) continue;
          found.push({
            to: addressesOf(m.getTo()),
            subject: m.getSubject(),
            atMs: m.getDate().getTime(),
            folder: 'drafts',
          });
        }
      }
    }
    return { found };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

/** When this user's sidebar last scanned Gmail (ms), kept small in user properties. */
const LAST_SCAN_KEY = 'rcr.last';

export function lastScanMs(): number {
  const value = PropertiesService.getUserProperties().getProperty(LAST_SCAN_KEY);
  const ms = Number(value);
  return value && Number.isFinite(ms) ? ms : 0;
}

export function setLastScanMs(ms: number): void {
  PropertiesService.getUserProperties().setProperty(LAST_SCAN_KEY, String(ms));
}

/**
 * Replies to what the user sent: the Sent threads since `afterMs` (500 a search), their messages in
 * one getMessagesForThreads call per page, and of those only the messages from a watched address
 * (read in full). A thousand recent sends cost a few searches, not one per client.
 */
export function repliesInSentThreads(
  afterMs: number,
  watched: ReadonlySet<string>,
): { messages: MailRecord[]; searches: number } {
  const messages: MailRecord[] = [];
  let searches = 0;
  for (let start = 0; ; start += PAGE) {
    searches += 1;
    const page = GmailApp.search(`in:sent after:${Math.floor(afterMs / 1000)}`, start, PAGE);
    const threads = GmailApp.getMessagesForThreads(page);
    threads.forEach((thread, i) => {
      if (thread.length < 2) return;
      for (const m of thread) {
        const from = addressesOf(m.getFrom())[0] ?? '';
        if (!watched.has(from) || m.isDraft()) continue;
        messages.push({
          threadId: page[i].getId(),
          messageId: m.getId(),
          from,
          to: addressesOf(m.getTo()),
          subject: m.getSubject(),
          atMs: m.getDate().getTime(),
          text: m.getPlainBody(),
        });
      }
    });
    if (page.length < PAGE) return { messages, searches };
  }
}

/**
 * Set when a scan logs a reply, cleared once no reply is left unanswered: the call list reads the
 * Touches log's tail for its "Replied" cards only while this says there may be some.
 */
const OPEN_REPLIES_KEY = 'rcr.open';

export function hasOpenReplies(): boolean {
  return PropertiesService.getDocumentProperties()?.getProperty(OPEN_REPLIES_KEY) === '1';
}

export function setOpenReplies(open: boolean): void {
  const props = PropertiesService.getDocumentProperties();
  if (!props) return;
  if (open) props.setProperty(OPEN_REPLIES_KEY, '1');
  else props.deleteProperty(OPEN_REPLIES_KEY);
}
