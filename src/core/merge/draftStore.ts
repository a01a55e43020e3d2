// The drafts Reconnect created, remembered (bounded) until Gmail shows them sent or deleted: one small record per merge run.
import type { CivilDate } from '../dates';
import { utf8Bytes } from './journalStore';

export const DRAFT_PREFIX = 'rcd.';
/** A draft not sent within this many days is no longer watched (it stays a draft in Gmail). */
export const DRAFT_WATCH_DAYS = 60;
/** All draft records together stay under this (the document store holds 500 KB in all). */
export const DRAFT_STORE_MAX_BYTES = 48 * 1024;
/** One record (property value) stays under the 9 KB a value may hold. */
export const DRAFT_RECORD_MAX_BYTES = 8 * 1024;

export interface TrackedDraft {
  clientId: string;
  to: string;
  draftId: string;
  /** The draft's message ID: also its thread's ID, which the sent message keeps. */
  messageId: string;
}

export interface DraftRecord {
  key: string;
  template: string;
  date: CivilDate;
  /** When the drafts were created (ms). */
  at: number;
  drafts: TrackedDraft[];
}

export function encodeDraftRecord(r: Omit<DraftRecord, 'key'>): string {
  return JSON.stringify({
    t: r.template,
    d: r.date,
    a: r.at,
    x: r.drafts.map((d) => [d.clientId, d.to, d.draftId, d.messageId]),
  });
}

export function decodeDraftRecord(key: string, value: string): DraftRecord | null {
  try {
    const o = JSON.parse(value) as { t?: unknown; d?: unknown; a?: unknown; x?: unknown };
    if (typeof o.t !== 'string' || typeof o.d !== 'string' || typeof o.a !== 'number') return null;
    if (!Array.isArray(o.x)) return null;
    const drafts: TrackedDraft[] = [];
    for (const row of o.x as unknown[]) {
      if (!Array.isArray(row) || row.length < 4 || !row.every((c) => typeof c === 'string'))
        continue;
      drafts.push({ clientId: row[0], to: row[1], draftId: row[2], messageId: row[3] });
    }
    return { key, template: o.t, date: o.d, at: o.a, drafts };
  } catch {
    return null;
  }
}

/** Splits a run's drafts into records that each fit one property value. */
export function draftRecords(
  run: string,
  base: Omit<DraftRecord, 'key' | 'drafts'>,
  drafts: readonly TrackedDraft[],
): Array<{ key: string; value: string }> {
  const out: Array<{ key: string; value: string }> = [];
  let batch: TrackedDraft[] = [];
  const flush = () => {
    if (!batch.length) return;
    out.push({
      key: `${DRAFT_PREFIX}${run}.${out.length.toString(36)}`,
      value: encodeDraftRecord({ ...base, drafts: batch }),
    });
    batch = [];
  };
  for (const d of drafts) {
    const next = encodeDraftRecord({ ...base, drafts: [...batch, d] });
    if (batch.length && utf8Bytes(next) > DRAFT_RECORD_MAX_BYTES) flush();
    batch.push(d);
  }
  flush();
  return out;
}

/** Keys to drop: records past the watch window, then the oldest until the store fits its cap. */
export function prunedKeys(
  records: readonly DraftRecord[],
  bytesOf: (r: DraftRecord) => number,
  nowMs: number,
): string[] {
  const drop = new Set<string>();
  for (const r of records) if (nowMs - r.at > DRAFT_WATCH_DAYS * 86400000) drop.add(r.key);
  const kept = records.filter((r) => !drop.has(r.key)).sort((a, b) => b.at - a.at);
  let total = 0;
  for (const r of kept) {
    total += bytesOf(r);
    if (total > DRAFT_STORE_MAX_BYTES) drop.add(r.key);
  }
  return [...drop];
}
