// What every merge use case starts with, under the merge lock (services/mergeLock.ts): the sheets read once, IDs assigned, a stopped run's journal written back.
import type { Settings } from '../shared/api';
import type { MergeRequest, MergeSkip, TemplateBlock, TemplateSummary } from '../shared/mergeApi';
import { toItem } from '../core/callList';
import { RUN_MAX_MS } from '../core/merge/journal';
import { expiredKeys } from '../core/merge/journalStore';
import { choosePath, planMerge, type MergePlan, type SendPath } from '../core/merge/plan';
import { selectCandidates } from '../core/merge/recipients';
import { awaitingCallBack, buildHistory, type LoggedTouch } from '../core/merge/skipRules';
import { availableTags, buildCatalog } from '../core/merge/tags';
import {
  AUDIENCE_LABELS,
  isReferralTemplate,
  pickTemplate,
  type Template,
} from '../core/merge/templates';
import { openLean, planLean, ranker, toFull, type LeanState } from './mergeLean';
import {
  activeSpreadsheet,
  idUpdates,
  readClientSheet,
  writeOwnedCells,
  type ClientSheet,
} from '../services/clientSheet';
import { loadSettings } from '../services/settings';
import { readTemplates } from '../services/templatesSheet';
import { readDraftTemplates, userEmail } from '../services/mailer';
import { openJournal, type Journal } from '../services/mergeJournal';
import { selectedClientRows } from '../services/mergeSelection';
import { readMergeLog, type LogMark } from '../services/mergeTouches';
import { openLeanLog, type LeanLog } from '../services/mergeLogRows';
import { now } from '../services/clock';
import { referralIncentives } from './referralFollowUps';
import { reconcileLeftovers } from './mergeLeftovers';
import { pendingHistory } from './mergeReconcile';
import { trackedDraftHistory } from './gmailDrafts';
import { readDraftRecords } from '../services/draftStore';

export interface MergeContext {
  cs: ClientSheet;
  settings: Settings;
  today: string;
  userEmail: string;
  /**
   * The Touches log (merge view): one read per operation. In a lean context it is read whole only
   * when asked for (a getter over `log.all()`): lean plans ask `log` for their clients' rows.
   */
  touches: LoggedTouch[];
  /** A lean context's log: the rows of the clients asked about (services/mergeLogRows.ts). */
  log?: LeanLog;
  /** Where the log ended when read: a run's end reads only what was appended since. */
  logMark?: LogMark;
  notices: string[];
  journal: Journal;
  /** Sheet rows selected in the client sheet when the operation began (only when asked for). */
  selectedRows?: number[];
  /** Unconfirmed sends still being settled against Gmail's Sent folder: not offered meanwhile. */
  pending: ReturnType<typeof pendingHistory>;
  /**
   * A lean context: `cs` holds only the rows read so far, every client is known by the ranking
   * index, and plans and write-backs read the rows they need (app/mergeLean.ts).
   */
  lean?: LeanState;
}

export interface ContextOptions {
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** A time-driven run may have no document properties: its settings and journal are passed in. */
  settings?: Settings;
  journal?: Journal;
  /** Read the user's selection first, before anything (a new sheet) can move it. */
  selection?: boolean;
  /** Rank on the call list's index and read whole rows only for the clients planned. */
  lean?: boolean;
}

/**
 * Reads the client sheet (values and display values) and the Touches log, gives Client IDs to rows
 * without one (written at once: the journal refers to clients by ID), and writes back whatever a
 * stopped run left in the journal, before anything new is planned or sent. Call under withMergeLock.
 * A run sends in locked chunks and writes back at its end, so an unwritten entry seen here is from a
 * run that died, or from one between two chunks: either way writing it now is safe (touches are
 * never logged twice), and it makes those clients part of this operation's history.
 */
export function openMergeContext(options: ContextOptions = {}): MergeContext {
  const settings = options.settings ?? loadSettings();
  const opened = options.lean
    ? openLean(settings, options.spreadsheet ?? activeSpreadsheet())
    : null;
  const cs =
    opened?.cs ??
    readClientSheet({ settings, displayValues: true, spreadsheet: options.spreadsheet });
  const notices: string[] = [];
  const selection = options.selection ? selectedClientRows(cs.sheet) : undefined;
  if (selection?.hiddenByFilter) {
    const n = selection.hiddenByFilter;
    notices.push(
      `${n} selected ${n === 1 ? 'row is' : 'rows are'} hidden by the sheet's filter and ${n === 1 ? 'was' : 'were'} left out.`,
    );
  }
  const selectedRows = selection?.rows;
  const ids = idUpdates(cs);
  if (ids.updates.length) {
    writeOwnedCells(cs, ids.updates);
    notices.push(...ids.notices);
  }
  const lean = opened ? openLeanLog(cs.spreadsheet, cs.dates) : undefined;
  const log = lean ? { touches: [], mark: lean.mark } : readMergeLog(cs.spreadsheet, cs.dates);
  const me = userEmail();
  const context: MergeContext = {
    cs,
    settings,
    today: cs.dates.today,
    userEmail: me,
    touches: log.touches,
    logMark: log.mark,
    log: lean,
    notices,
    journal: options.journal ?? openJournal(),
    selectedRows,
    pending: [],
    lean: opened?.lean,
  };
  // Whatever asks for every touch (a plan on the whole sheet, a rule over all clients) gets them all.
  if (lean) Object.defineProperty(context, 'touches', { get: () => lean.all(), enumerable: true });
  const snap = context.journal.snapshot();
  const nowMs = now().getTime();
  const expired = expiredKeys(snap, nowMs, RUN_MAX_MS);
  if (expired.length) context.journal.clear(expired);
  if (snap.entries.length) reconcileLeftovers(context, snap.entries, nowMs);
  return context;
}

/** The template a request names: a Templates sheet row, or a Gmail draft without recipients. */
export function resolveTemplate(ctx: MergeContext, ref: MergeRequest['template']): Template {
  if (!ref || (ref.source !== 'sheet' && ref.source !== 'draft') || typeof ref.name !== 'string') {
    throw new Error('Choose a template first.');
  }
  if (ref.source === 'draft') return pickTemplate(readDraftTemplates(ref.name), 'draft', ref.name);
  const read = readTemplates(ctx.cs.spreadsheet);
  if (read.created)
    ctx.notices.push(
      'The Templates sheet was created with the built-in templates; edit them there.',
    );
  return pickTemplate(read.templates, 'sheet', ref.name);
}

export function summarize(t: Template): TemplateSummary {
  const summary: TemplateSummary = {
    source: t.source,
    name: t.name,
    subject: t.subject,
    channel: t.channel,
    notes: t.notes,
    audience: AUDIENCE_LABELS[t.audience ?? 'anyone'],
  };
  if (t.files) summary.files = t.files;
  return summary;
}

export interface PlannedMerge {
  template: Template;
  path: SendPath;
  plan: MergePlan;
  notices: string[];
}

/** Picks the candidates for the request and plans the merge on the context's (fresh) data. */
export function planFor(
  ctx: MergeContext,
  template: Template,
  request: MergeRequest,
  pathOverride?: SendPath,
): PlannedMerge {
  const path = pathOverride ?? choosePath(request.mode, request.from || null, ctx.userEmail);
  if (ctx.lean) {
    const planned = planLean(ctx, ctx.lean, template, request, path);
    if (planned) return planned;
    // A row no longer agrees with the index (an edit the cache missed): plan on the whole sheet.
    toFull(ctx);
  }
  const { cs, today } = ctx;
  const months = ctx.settings.recencyMonths;
  const candidates = selectCandidates(request.recipients, cs.clients, {
    rank: ranker(ctx, template, request),
    bucketOf: (c) => toItem(c, today, months).bucket,
    selectedRows: ctx.selectedRows,
  });
  // "Already done for this template": the Touches log, the journal, and the drafts still in Gmail.
  const history = buildHistory(ctx.touches, cs.clients, [
    ...ctx.pending,
    ...trackedDraftHistory(readDraftRecords()),
  ]);
  const display = cs.display ?? [];
  const plan = planMerge({
    template,
    candidates: candidates.clients,
    headers: cs.headers,
    displayRow: (c) => display[c.row - 2] ?? [],
    emailColumn: cs.columns.email ?? -1,
    today,
    recentDays: ctx.settings.recentDays,
    // The name the user typed for this merge signs it; never an email address in its place.
    myName: (request.senderName ?? '').trim() || ctx.settings.myName,
    surveyLink: ctx.settings.surveyLink,
    incentiveOf: isReferralTemplate(template) ? referralIncentives(cs) : undefined,
    history,
    path,
    limit: candidates.limit,
    allClients: cs.clients,
    held:
      request.recipients.kind === 'clients' ? new Set(request.recipients.skipped ?? []) : undefined,
    replied: awaitingCallBack(ctx.touches),
    repeatWhenDue: request.repeatWhenDue === true,
  });
  return { template, path, plan, notices: [...candidates.notices, ...plan.notices] };
}

export function blockOf(ctx: MergeContext, plan: MergePlan): TemplateBlock | null {
  if (!plan.blocked) return null;
  return {
    message: plan.blocked.message,
    unknownTags: plan.blocked.unknownTags,
    availableTags: availableTags(buildCatalog(ctx.cs.headers)),
  };
}

export function skipsOf(plan: MergePlan): MergeSkip[] {
  return plan.skipped.map((s) => ({
    clientId: s.client.id,
    name: s.client.name,
    email: s.client.email,
    reason: s.reason,
  }));
}
