// Drafts Reconnect created: remembered at write-back, and checked by the Gmail scan (sent from Gmail: a touch and "Sent"; deleted: the client is free again).
import type { JournalEntry, TouchToLog } from '../core/merge/journal';
import type { DraftRecord, TrackedDraft } from '../core/merge/draftStore';
import { afterSeconds, batchedQueries } from '../core/merge/gmailQuery';
import { sentStatus } from '../core/merge/status';
import { searchMessages } from '../services/gmailSearch';
import { liveDraftIds } from '../services/mailer';
import { forgetDrafts, readDraftRecords, rememberDrafts } from '../services/draftStore';

/** After a write-back: the drafts of these entries remembered, one record per run. */
export function rememberDraftEntries(entries: readonly JournalEntry[], nowMs: number): void {
  const byRun = new Map<string, JournalEntry[]>();
  for (const e of entries) {
    if (e.mode !== 'draft' || e.state !== 'done' || !e.draftId || !e.run) continue;
    byRun.set(e.run, [...(byRun.get(e.run) ?? []), e]);
  }
  for (const [run, list] of byRun) {
    const first = list[0];
    const drafts: TrackedDraft[] = list.map((e) => ({
      clientId: e.clientId,
      to: e.to,
      draftId: e.draftId as string,
      messageId: e.messageId ?? '',
    }));
    rememberDrafts(
      run,
      { template: first.template, date: first.date, at: first.at ?? nowMs },
      drafts,
      nowMs,
    );
  }
}

/** What the scan learned about the tracked drafts. */
export interface DraftOutcome {
  /** Drafts the user sent from Gmail: a touch each ("Sent", Last Contact moved). */
  sent: TouchToLog[];
  /** Drafts deleted unsent: the client is free for that template again. */
  deleted: Map<string, string>;
  searches: number;
}

/**
 * One getDrafts call tells which tracked drafts left Drafts; the ones found in Sent (same thread as
 * the draft's message, a few batched searches) were sent, the rest were deleted.
 */
export function checkDrafts(toCivil: (d: Date) => string): DraftOutcome {
  const out: DraftOutcome = { sent: [], deleted: new Map(), searches: 0 };
  const records = readDraftRecords();
  if (!records.length) return out;
  const live = liveDraftIds();
  const gone: Array<{ record: DraftRecord; draft: TrackedDraft }> = [];
  for (const record of records)
    for (const draft of record.drafts) if (!live.has(draft.draftId)) gone.push({ record, draft });
  if (!gone.length) return out;
  const since = Math.min(...gone.map((g) => g.record.at)) - 60 * 1000;
  const sentThreads = new Map<string, number>();
  for (const q of batchedQueries(
    'in:sent to:',
    gone.map((g) => g.draft.to),
    ` after:${afterSeconds(since)}`,
  )) {
    out.searches += 1;
    for (const m of searchMessages(q)) {
      const seen = sentThreads.get(m.threadId);
      if (seen === undefined || m.atMs < seen) sentThreads.set(m.threadId, m.atMs);
    }
  }
  const done = new Map<DraftRecord, Set<string>>();
  for (const { record, draft } of gone) {
    const at = sentThreads.get(draft.messageId);
    if (at !== undefined) {
      const day = toCivil(new Date(at));
      out.sent.push({
        clientId: draft.clientId,
        date: day,
        channel: 'email',
        outcome: 'sent',
        step: record.template,
        notes: `Sent from Gmail to ${draft.to} (a draft Reconnect created on ${record.date})`,
        mergeStatus: sentStatus('sent', day, record.template),
      });
    } else {
      out.deleted.set(
        draft.clientId,
        `Draft deleted: "${record.template}" was not sent; it will be offered again`,
      );
    }
    done.set(record, (done.get(record) ?? new Set()).add(draft.draftId));
  }
  for (const [record, ids] of done) forgetDrafts(record, ids);
  return out;
}

/** The drafts still tracked, as "already drafted" history for the plan (not the status cell alone). */
export function trackedDraftHistory(records: readonly DraftRecord[]) {
  return records.flatMap((r) =>
    r.drafts.map((d) => ({
      clientId: d.clientId,
      template: r.template,
      kind: 'draft' as const,
      date: r.date,
    })),
  );
}
