// Before a stopped run's results go to the sheet: each unconfirmed send looked for in Gmail's Sent folder (drafts in Drafts), in a few batched searches.
import type { JournalEntry, StoredEntry } from '../core/merge/journal';
import { clientHash } from '../core/merge/journalStore';
import { afterSeconds, batchedQueries } from '../core/merge/gmailQuery';
import { notSentStatus, verdictFor } from '../core/merge/reconcile';
import { findInSentOrDrafts } from '../services/gmailSearch';

export interface Settled {
  /** Entries to write back now (unconfirmed ones settled as sent, or not sent with a note). */
  ready: StoredEntry[];
  /** Intents too recent to call "not sent": kept in the journal, their clients not offered. */
  pending: StoredEntry[];
  /** Pages that hold a pending intent: they stay (their other entries are written again, idempotently). */
  keepPages: Set<string>;
  found: number;
  notSent: number;
  /** Gmail could not be searched: unconfirmed sends stay unconfirmed (never resent). */
  problem: string | null;
}

/**
 * An intent without a result (a run killed during the send) is looked for in Sent: found means the
 * email left (written as Sent, with its touch); not found once the run is certainly over means it
 * never left (a note, and the client is offered again). Never a duplicate: while in doubt (too
 * recent, or Gmail unreadable) the client is not offered.
 */
export function settleUnconfirmed(leftovers: readonly StoredEntry[], nowMs: number): Settled {
  const open = leftovers.filter((s) => s.entry.state === 'sending');
  const settled: Settled = {
    ready: [...leftovers],
    pending: [],
    keepPages: new Set(),
    found: 0,
    notSent: 0,
    problem: null,
  };
  if (!open.length) return settled;
  const since = Math.min(...open.map((s) => s.entry.at ?? nowMs)) - 60 * 1000;
  const suffix = ` after:${afterSeconds(since)}`;
  const addresses = (mode: JournalEntry['mode'] | null) =>
    open.filter((s) => mode === null || s.entry.mode === mode).map((s) => s.entry.to);
  const drafts = addresses('draft');
  const search = findInSentOrDrafts({
    sent: batchedQueries('in:sent to:', addresses(null), suffix),
    drafts: drafts.length ? batchedQueries('in:drafts to:', drafts, suffix) : [],
  });
  if ('error' in search) {
    settled.problem = search.error;
    return settled;
  }
  const pending = new Set<StoredEntry>();
  for (const stored of open) {
    const verdict = verdictFor(stored.entry, search.found, nowMs, clientHash);
    if (verdict === 'found') {
      stored.entry.state = 'done';
      settled.found += 1;
    } else if (verdict === 'notFound') {
      stored.entry.state = 'failed';
      stored.entry.status = notSentStatus(stored.entry);
      settled.notSent += 1;
    } else pending.add(stored);
  }
  settled.ready = leftovers.filter((s) => !pending.has(s));
  settled.pending = [...pending];
  settled.keepPages = new Set([...pending].map((s) => s.key));
  return settled;
}

/** The pending intents as "already sent, unconfirmed" for the plan (the client is not offered yet). */
export function pendingHistory(pending: readonly StoredEntry[]) {
  return pending
    .filter((s) => s.entry.state === 'sending')
    .map((s) => ({
      clientId: s.entry.clientId,
      template: s.entry.template,
      kind: s.entry.mode === 'draft' ? ('draftUnconfirmed' as const) : ('unconfirmed' as const),
      date: s.entry.date,
    }));
}
