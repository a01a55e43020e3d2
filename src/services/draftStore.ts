// The tracked drafts in document properties (core/merge/draftStore.ts format): written once per run, read by the Gmail scan and the merge plan.
import {
  DRAFT_PREFIX,
  decodeDraftRecord,
  draftRecords,
  encodeDraftRecord,
  prunedKeys,
  type DraftRecord,
  type TrackedDraft,
} from '../core/merge/draftStore';
import { utf8Bytes } from '../core/merge/journalStore';

function store(): GoogleAppsScript.Properties.Properties | null {
  return PropertiesService.getDocumentProperties();
}

/** Every draft record of this spreadsheet (one read of the store). */
export function readDraftRecords(all?: Record<string, string>): DraftRecord[] {
  const props = all ?? store()?.getProperties() ?? {};
  const out: DraftRecord[] = [];
  for (const key of Object.keys(props)) {
    if (!key.startsWith(DRAFT_PREFIX)) continue;
    const r = decodeDraftRecord(key, props[key]);
    if (r) out.push(r);
  }
  return out;
}

/** Remembers a run's drafts (one write per 8 KB of them), dropping what is past its window or cap. */
export function rememberDrafts(
  run: string,
  base: Omit<DraftRecord, 'key' | 'drafts'>,
  drafts: readonly TrackedDraft[],
  nowMs: number,
): void {
  const props = store();
  if (!props || !drafts.length) return;
  const records = draftRecords(run, base, drafts);
  const values: Record<string, string> = {};
  for (const r of records) values[r.key] = r.value;
  props.setProperties(values);
  const all = readDraftRecords(props.getProperties());
  const size = (r: DraftRecord) => utf8Bytes(r.key) + utf8Bytes(encodeDraftRecord(r));
  for (const key of prunedKeys(all, size, nowMs)) props.deleteProperty(key);
}

/** Rewrites a record without the drafts Gmail showed sent or deleted (or removes it when empty). */
export function forgetDrafts(record: DraftRecord, done: ReadonlySet<string>): void {
  const props = store();
  if (!props) return;
  const left = record.drafts.filter((d) => !done.has(d.draftId));
  if (!left.length) props.deleteProperty(record.key);
  else props.setProperty(record.key, encodeDraftRecord({ ...record, drafts: left }));
}
