// The lean merge: candidates ranked on the call list's index, whole rows read only for the clients planned, results written to those rows only.
import type { Settings } from '../shared/api';
import type { MergeRequest } from '../shared/mergeApi';
import type { Client } from '../core/clients';
import { toItem } from '../core/callList';
import { priorityOrder } from '../core/priority';
import { planMerge, type MergePlan, type SendPath } from '../core/merge/plan';
import { selectCandidates } from '../core/merge/recipients';
import { pickForAudience } from '../core/merge/audience';
import { planOnFirst } from '../core/merge/firstCandidates';
import {
  awaitingCallBack,
  buildHistory,
  historyKey,
  type LoggedTouch,
  type SendHistory,
} from '../core/merge/skipRules';
import { isReferralTemplate, type Template } from '../core/merge/templates';
import type { JournalEntry } from '../core/merge/journal';
import {
  missingOrRepeatedIds,
  openClientSheet,
  type ClientIndex,
  type OpenedSheet,
} from '../services/clientIndex';
import {
  idUpdates,
  readClientSheet,
  writeOwnedCells,
  type ClientSheet,
} from '../services/clientSheet';
import { readFieldColumns, readIntoSparse, sparseSheet } from '../services/mergeRows';
import { readDraftRecords } from '../services/draftStore';
import { confirmedBy, loadRankIndex } from './callListIndex';
import { publish } from '../services/listCache';
import { referralIncentives } from './referralFollowUps';
import { trackedDraftHistory } from './gmailDrafts';
import type { MergeContext, PlannedMerge } from './mergeContext';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What a lean context knows of every client: the call list's ranking index. */
export interface LeanState {
  opened: OpenedSheet;
  index: ClientIndex;
}

/** More clients of the template's history than this outside the batch: their emails by column. */
const ROWS_FOR_OTHERS = 200;

/**
 * The ranking index (from the call list's cache when it still holds) and an empty sparse sheet;
 * null when some client has no ID or shares one (the full read assigns them).
 */
export function openLean(
  settings: Settings,
  spreadsheet: Spreadsheet,
): { cs: ClientSheet; lean: LeanState } | null {
  const loaded = loadRankIndex(settings, spreadsheet, false);
  // A rebuilt index is found by the next load (the call list's or a merge's) once its meta is out.
  publish(loaded.cached);
  if (missingOrRepeatedIds(loaded.index.clients)) return null;
  return {
    cs: sparseSheet(loaded.opened, settings),
    lean: { opened: loaded.opened, index: loaded.index },
  };
}

/**
 * Whole rows read into the lean sheet (display values too when asked), or null when a row read no
 * longer holds what the index has there (rows moved or edited since): the caller reads the sheet.
 */
export function readConfirmed(
  cs: ClientSheet,
  lean: LeanState,
  rows: readonly number[],
  display: boolean,
): Client[] | null {
  const read = readIntoSparse(cs, lean.opened, rows, display);
  return confirmedBy(lean.index.clients, read, rows) ? read : null;
}

/** The call list's priority order over `clients` for this request (the follow-up: not due only). */
export function ranker(
  ctx: MergeContext,
  template: Template,
  request: MergeRequest,
): (clients: readonly Client[]) => Client[] {
  const { today } = ctx;
  const months = ctx.settings.recencyMonths;
  return (clients) => {
    const items = clients.filter((c) => !c.doNotContact).map((c) => toItem(c, today, months));
    const byId = new Map(clients.map((c) => [c.id, c] as const));
    const ordered = priorityOrder(
      // The follow-up's clients were just reached: not due, and still its audience.
      request.recipients.kind === 'top' && template.audience !== 'recent'
        ? items.filter((i) => i.due)
        : items,
    );
    return ordered.map((i) => byId.get(i.id) as Client);
  };
}

/**
 * Plans on the index: candidates ranked and picked for the audience from the ranking columns, then
 * whole rows read for the first of them only, more when skips leave the batch short. Returns null
 * when a row read no longer agrees with the index (the caller then reads the whole sheet).
 */
export function planLean(
  ctx: MergeContext,
  lean: LeanState,
  template: Template,
  request: MergeRequest,
  path: SendPath,
): PlannedMerge | null {
  const { today, cs } = ctx;
  const months = ctx.settings.recencyMonths;
  const candidates = selectCandidates(request.recipients, lean.index.clients, {
    rank: ranker(ctx, template, request),
    bucketOf: (c) => toItem(c, today, months).bucket,
    selectedRows: ctx.selectedRows,
  });
  const limit = candidates.limit;
  const picked =
    limit === undefined
      ? { clients: candidates.clients, notice: null }
      : pickForAudience(template, candidates.clients, {
          today,
          recentDays: ctx.settings.recentDays,
        });
  const order = picked.clients;
  const extra = [...ctx.pending, ...trackedDraftHistory(readDraftRecords())];
  const incentiveOf = isReferralTemplate(template) ? referralIncentives(cs) : undefined;
  const plan = planOnFirst(
    order,
    limit,
    (first) => {
      const full = readConfirmed(
        cs,
        lean,
        first.map((c) => c.row),
        true,
      );
      if (!full) return null;
      const touches = logOf(ctx, full, template);
      const history = buildHistory(touches.all, full, extra);
      const planned: MergePlan = planMerge({
        template,
        candidates: full,
        headers: cs.headers,
        displayRow: (c) => cs.display?.[c.row - 2] ?? [],
        emailColumn: cs.columns.email ?? -1,
        today,
        recentDays: ctx.settings.recentDays,
        myName: (request.senderName ?? '').trim() || ctx.settings.myName,
        surveyLink: ctx.settings.surveyLink,
        incentiveOf,
        history,
        path,
        limit,
        allClients: [...full, ...othersWhoGot(ctx, lean, history, template, full)],
        held:
          request.recipients.kind === 'clients'
            ? new Set(request.recipients.skipped ?? [])
            : undefined,
        replied: awaitingCallBack(touches.batch),
        repeatWhenDue: request.repeatWhenDue === true,
      });
      // The audience was applied to the whole list above: its notice counts the whole list.
      planned.notices = picked.notice ? [picked.notice] : [];
      return planned;
    },
    (p) => !!p.blocked || limit === undefined || p.ready.length >= limit,
  );
  return plan && { template, path, plan, notices: [...candidates.notices, ...plan.notices] };
}

/**
 * The touches a lean plan decides on: every touch of the batch's clients (their history, and whether
 * their latest touch is an unanswered reply), and every touch of this template (who else got it).
 * The plan asks nothing else of the log, so its decisions are those the whole log would give.
 */
function logOf(
  ctx: MergeContext,
  batch: readonly Client[],
  template: Template,
): { batch: LoggedTouch[]; all: LoggedTouch[] } {
  if (!ctx.log) return { batch: ctx.touches, all: ctx.touches };
  const ids = new Set(batch.map((c) => c.id));
  const mine = ctx.log.of(ids);
  const others = ctx.log.withStep(template.name).filter((t) => !ids.has(t.clientId));
  return { batch: mine, all: [...mine, ...others] };
}

/**
 * Clients outside the batch whose history has this template (the Touches log, the journal, the
 * drafts): with their emails, so an address shared with one of them gets the template no more.
 * Few: their rows; many: the Client ID and Email columns. (A Merge Status on a row outside the
 * batch with no Touches row behind it is not looked for.)
 */
function othersWhoGot(
  ctx: MergeContext,
  lean: LeanState,
  history: SendHistory,
  template: Template,
  batch: readonly Client[],
): Client[] {
  const inBatch = new Set(batch.map((c) => c.id));
  const ids = new Set<string>();
  for (const c of lean.index.clients) {
    if (c.id && !inBatch.has(c.id) && history.has(historyKey(c.id, template.name))) ids.add(c.id);
  }
  if (!ids.size) return [];
  if (ids.size > ROWS_FOR_OTHERS) {
    return readFieldColumns(lean.opened, ['id', 'email']).filter((c) => ids.has(c.id));
  }
  const rows = lean.index.clients.filter((c) => ids.has(c.id)).map((c) => c.row);
  return readIntoSparse(ctx.cs, lean.opened, rows, true).filter((c) => ids.has(c.id));
}

/**
 * The rows of these clients read whole from a freshly opened sheet, for a write-back: null unless
 * every client is still on the row given (the caller then reads the whole sheet).
 */
export function rowsSheet(
  settings: Settings,
  spreadsheet: Spreadsheet,
  rowOf: ReadonlyMap<string, number>,
  opened: OpenedSheet = openClientSheet(settings, spreadsheet),
): ClientSheet | null {
  const cs = sparseSheet(opened, settings);
  const read = readIntoSparse(cs, opened, [...rowOf.values()], false);
  const found = new Map(read.map((c) => [c.row, c.id] as const));
  for (const [id, row] of rowOf) if (found.get(row) !== id) return null;
  return cs;
}

/**
 * The sheet the leftovers are written to: in a lean context, their clients' rows only (found by the
 * index, confirmed by ID); else, or when a row moved, the whole sheet (and the context turns full).
 */
export function leftoverSheet(ctx: MergeContext, entries: readonly JournalEntry[]): ClientSheet {
  if (!ctx.lean) return ctx.cs;
  const rowOf = new Map<string, number>();
  const wanted = new Set(entries.map((e) => e.clientId));
  for (const c of ctx.lean.index.clients) if (wanted.has(c.id)) rowOf.set(c.id, c.row);
  const cs =
    rowOf.size === wanted.size
      ? rowsSheet(ctx.settings, ctx.cs.spreadsheet, rowOf, ctx.lean.opened)
      : null;
  if (cs) return cs;
  toFull(ctx);
  return ctx.cs;
}

/** A lean context made full: the whole sheet read (values and display values), IDs assigned. */
export function toFull(ctx: MergeContext): void {
  ctx.cs = readClientSheet({
    settings: ctx.settings,
    displayValues: true,
    spreadsheet: ctx.cs.spreadsheet,
  });
  ctx.lean = undefined;
  const ids = idUpdates(ctx.cs);
  if (ids.updates.length) {
    writeOwnedCells(ctx.cs, ids.updates);
    ctx.notices.push(...ids.notices);
  }
}
