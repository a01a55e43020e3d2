// Writing a merge's results to the sheet: statuses, Last Contact and the rest of a touch on the client row, one Touches row per send.
import type { MergeOutcome, MergeResult } from '../shared/mergeApi';
import type { Client } from '../core/clients';
import { journalWriteBack, type TouchToLog } from '../core/merge/journal';
import type { MergePlan } from '../core/merge/plan';
import { parseSentStatus, skippedStatus } from '../core/merge/status';
import {
  applyTouch,
  changedFields,
  touchRow,
  type TouchRow,
  type TouchedField,
} from '../core/touchLog';
import {
  readClientSheet,
  writeOwnedCells,
  type CellUpdate,
  type ClientSheet,
} from '../services/clientSheet';
import { readMergeTouches, type StoredEntry } from '../services/mergeJournal';
import { isSparse, writeSparse } from '../services/mergeRows';
import { readLogSince } from '../services/mergeTouches';
import { rowsSheet } from './mergeLean';
import { appendTouches, newTouchId } from '../services/touchSheet';
import type { MergeContext } from './mergeContext';
import { rememberDraftEntries } from './gmailDrafts';
import { now } from '../services/clock';

export interface MergeWriteBack {
  /** Sends (and printed letters): a touch row each, and the client's own columns updated. */
  touches: readonly TouchToLog[];
  /** Statuses that always land (drafts, errors). */
  statuses: ReadonlyMap<string, string>;
  /** Statuses that never hide a Sent/Draft/Letter record already on the row (skips, waiting). */
  softStatuses?: ReadonlyMap<string, string>;
}

/**
 * One batched write of the client sheet's own columns (rows found by Client ID in `cs`, which the
 * caller read in this same locked operation) and one append to the Touches log. Returns the IDs of
 * clients no longer in the sheet (deleted mid-run), whose results are reported but not written.
 */
export function writeMergeBack(cs: ClientSheet, input: MergeWriteBack, loggedBy: string): string[] {
  const byId = new Map<string, Client>();
  for (const c of cs.clients) if (c.id && !byId.has(c.id)) byId.set(c.id, c);
  const missing: string[] = [];
  const changed = new Map<string, Set<TouchedField>>();
  const current = new Map<string, Client>();
  const version = (id: string): Client | undefined => current.get(id) ?? byId.get(id);
  const touchRows: TouchRow[] = [];

  for (const touch of input.touches) {
    const before = version(touch.clientId);
    if (!before) {
      missing.push(touch.clientId);
      continue;
    }
    const after = applyTouch(before, { ...touch });
    current.set(touch.clientId, after);
    const fields = changed.get(touch.clientId) ?? new Set<TouchedField>();
    for (const f of changedFields(before, after)) fields.add(f);
    fields.add('mergeStatus');
    changed.set(touch.clientId, fields);
    touchRows.push(touchRow({ ...touch }, before.name, loggedBy, newTouchId()));
  }
  const setStatus = (id: string, status: string, soft: boolean) => {
    const before = version(id);
    if (!before) {
      missing.push(id);
      return;
    }
    if (soft && (changed.get(id)?.has('mergeStatus') || parseSentStatus(before.mergeStatus)))
      return;
    current.set(id, { ...before, mergeStatus: status });
    const fields = changed.get(id) ?? new Set<TouchedField>();
    fields.add('mergeStatus');
    changed.set(id, fields);
  };
  for (const [id, status] of input.statuses) setStatus(id, status, false);
  for (const [id, status] of input.softStatuses ?? []) setStatus(id, status, true);

  const updates: CellUpdate[] = [];
  for (const [id, fields] of changed) {
    const row = cs.rowOf(id);
    const client = current.get(id);
    if (row === null || !client) continue;
    for (const field of fields) updates.push({ row, field, value: cellValue(cs, client, field) });
  }
  if (isSparse(cs)) writeSparse(cs, updates);
  else writeOwnedCells(cs, updates);
  // The one writer: by header, and a blank log (a killed run, a user's clear) gets its header first.
  appendTouches(cs.spreadsheet, cs.dates, touchRows);
  // Keep the in-memory clients in step, for a plan made after this write in the same run.
  cs.clients = cs.clients.map((c) => current.get(c.id) ?? c);
  return [...new Set(missing)];
}

function cellValue(cs: ClientSheet, client: Client, field: TouchedField): unknown {
  switch (field) {
    case 'lastContact':
    case 'nextDue': {
      const date = client[field];
      return date ? cs.dates.toDate(date) : '';
    }
    default:
      return client[field];
  }
}

/** The rows the plan read its clients from, by Client ID (a lean run writes back to those only). */
function planRows(plan: MergePlan): Map<string, number> {
  const rows = new Map<string, number>();
  for (const { client } of [...plan.ready, ...plan.skipped])
    if (client.id) rows.set(client.id, client.row);
  return rows;
}

/**
 * The end of a run, under the lock: the client sheet and the Touches log read afresh (rows may have
 * moved, and another merge or preview may have written some of these results already), one
 * write-back, the run's journal entries marked as written, and the outcome of every client.
 */
export function finishRun(
  ctx: MergeContext,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | undefined,
  plan: MergePlan,
  entries: readonly StoredEntry[],
  result: MergeResult,
  extra: { soft: ReadonlyMap<string, string> },
): void {
  const ss = spreadsheet ?? ctx.cs.spreadsheet;
  const cs =
    (ctx.lean && rowsSheet(ctx.settings, ss, planRows(plan))) ||
    readClientSheet({ settings: ctx.settings, spreadsheet: ss });
  // Touches of this run logged by someone else (a preview between two chunks) came after the mark.
  const logged = ctx.logMark
    ? readLogSince(cs.spreadsheet, cs.dates, ctx.logMark)
    : readMergeTouches(cs.spreadsheet, cs.dates);
  const back = journalWriteBack(
    entries.map((e) => e.entry),
    logged,
  );
  const soft = new Map<string, string>(extra.soft);
  for (const s of plan.skipped) if (s.client.id) soft.set(s.client.id, skippedStatus(s.reason));
  const missing = writeMergeBack(
    cs,
    { touches: back.touches, statuses: back.statuses, softStatuses: soft },
    ctx.userEmail,
  );
  rememberDraftEntries(
    entries.map((e) => e.entry),
    now().getTime(),
  );
  ctx.journal.markWritten(entries);
  if (missing.length) {
    result.notices.push(
      `${missing.length} client row(s) were deleted during the merge; their results are listed here only.`,
    );
  }
  const statusOf = new Map<string, string>([...soft, ...back.statuses]);
  for (const t of back.touches) statusOf.set(t.clientId, t.mergeStatus);
  const outcome = (client: Client, to: string): MergeOutcome => ({
    clientId: client.id,
    name: client.name,
    to,
    status: statusOf.get(client.id) ?? '',
  });
  result.outcomes = [
    ...plan.ready.map((r) => outcome(r.client, r.to)),
    ...plan.skipped.map((s) => outcome(s.client, s.client.email)),
  ];
}
