// runScheduledBatch: the daily trigger's run. Nothing to do costs one small read; otherwise this week's batch (or what is left of it) goes out through the mail merge, and the run is recorded.
import { addDays } from '../core/dates';
import { batchWeekOf, dueWork, expectedDoneWeek, nextWeek } from '../core/schedule';
import {
  EMPTY_BATCH,
  parseRecord,
  parseState,
  type RunState,
  type ScheduleRecord,
} from '../core/scheduleRecord';
import { takenFrom } from '../core/scheduleClaims';
import { RUN_MAX_MS } from '../core/merge/journal';
import { spreadsheetCivilDates } from '../services/civilDates';
import { now } from '../services/clock';
import { userEmail } from '../services/mailer';
import { withMergeLock } from '../services/mergeLock';
import { scanGmail } from './gmailScan';
import { errorMessage } from '../services/mailer';
import { documentSettings } from '../services/triggers';
import {
  findScheduleSheet,
  readHead,
  readLog,
  releaseDeadRuns,
  sheetJournal,
  writeRecord,
  writeState,
} from '../services/scheduleStore';
import {
  authorizationNeeded,
  openSpreadsheet,
  removeTriggerById,
  spreadsheetIdFor,
} from '../services/triggers';
import { openMergeContext, type MergeContext } from './mergeContext';
import type { WeekPlan } from './weeklyPlan';
import { planWeekLean } from './weeklyLean';
import type { Client } from '../core/clients';
import { WEEKLY_RUN, batchOf, sendParts } from './weeklySend';
import {
  addProblem,
  newReport,
  sendSummary,
  toCall,
  writeActivity,
  type RunReport,
} from './weeklyReport';
import {
  Paused,
  authorizationLapsed,
  checkColumns,
  failed,
  spreadsheetGone,
} from './weeklyTrouble';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export { WEEKLY_SEND_BUDGET_MS } from './weeklySend';

export interface WeekRun {
  ss: Spreadsheet;
  sheet: Sheet;
  record: ScheduleRecord;
  state: RunState | null;
  work: 'batch' | 'carry';
  today: string;
  week: string;
  started: Date;
  triggerId: string;
}

/** The trigger's handler. `e.triggerUid` says which of the user's schedules fired. */
export function runScheduledBatch(e?: { triggerUid?: unknown }): void {
  const started = now();
  const triggerId = String(e?.triggerUid ?? '');
  const ssId = spreadsheetIdFor(triggerId);
  if (!ssId) {
    if (triggerId) removeTriggerById(triggerId);
    return;
  }
  const auth = authorizationNeeded();
  if (auth.required) return authorizationLapsed(ssId, auth.url, started);
  let ss: Spreadsheet;
  try {
    ss = openSpreadsheet(ssId);
  } catch (error) {
    return spreadsheetGone(ssId, triggerId, error);
  }
  const sheet = findScheduleSheet(ss);
  const head = sheet ? readHead(sheet) : null;
  const record = parseRecord(head?.record);
  if (!sheet || !record || record.schedule.paused) {
    // The schedule was paused or removed and this trigger outlived it.
    removeTriggerById(triggerId);
    return;
  }
  const state = parseState(head?.state);
  const today = spreadsheetCivilDates(ss).today;
  const work = dueWork(today, record.schedule.day, state, record.savedOn);
  if (work === 'none') return;
  // A merge the sidebar started before the schedule existed claims nothing in the spreadsheet; no
  // run lives longer than RUN_MAX_MS, so sending only after that long since saving stays clear of it.
  if (started.getTime() - record.savedAt < RUN_MAX_MS) return;
  // Another editor took the schedule over (after it was paused): this older trigger bows out.
  if (record.owner.trim().toLowerCase() !== userEmail().trim().toLowerCase()) {
    removeTriggerById(triggerId);
    return;
  }
  const week = work === 'carry' && state ? state.week : batchWeekOf(today, record.schedule.day);
  runWeek({
    ss,
    sheet,
    record: withLiveSettings(sheet, record),
    state,
    work,
    today,
    week,
    started,
    triggerId,
  });
}

/**
 * With the document's context the real settings are there: use them, and refresh the copy kept
 * for runs without it. Without it, the copy (refreshed whenever settings or the schedule are saved).
 */
function withLiveSettings(sheet: Sheet, record: ScheduleRecord): ScheduleRecord {
  const live = documentSettings();
  if (!live || JSON.stringify(live) === JSON.stringify(record.settings)) return record;
  const fresh = { ...record, settings: live };
  writeRecord(sheet, fresh);
  return fresh;
}

/** One week's work: plan (or resume), state written before the first send, sends, record. */
function runWeek(run: WeekRun): void {
  const { ss, sheet, record } = run;
  const schedule = record.schedule;
  const report = newReport(run.started, run.week);
  const clock = () => now().getTime();
  const journal = sheetJournal(sheet);
  let ctx: MergeContext | null = null;
  let plan: WeekPlan | null = null;
  let clients: readonly Client[] = [];
  let planned = false;
  let state: RunState = {
    week: run.week,
    complete: false,
    batch: run.work === 'carry' && run.state ? run.state.batch : EMPTY_BATCH,
    lastRun: '',
    attention: [],
  };
  scanReplies(run, report);
  try {
    const opened = withMergeLock(() => {
      releaseDeadRuns(sheet, WEEKLY_RUN);
      // Lean: the ranking index and a few columns, whole rows only for the candidates examined.
      const context = openMergeContext({
        spreadsheet: ss,
        settings: record.settings,
        journal,
        lean: true,
      });
      const taken = takenFrom(readLog(sheet), '', clock());
      return { context, ...planWeekLean(context, schedule, taken) };
    });
    ctx = opened.context;
    plan = opened.week;
    clients = opened.clients;
    checkColumns(ctx);
    report.record.notes.push(...ctx.notices);
    if (plan.blocked)
      throw new Paused(
        `The template cannot be sent: ${plan.blocked}`,
        'Fix it in the Templates sheet (or choose another in Weekly batches), then resume them.',
      );
    if (run.work === 'batch') {
      state.batch = batchOf(plan);
      for (const part of plan.parts)
        for (const s of part.plan.skipped)
          report.record.skipped.push(`${s.client.name}: ${s.reason}`);
      for (const line of plan.followUpProblems) addProblem(report, line);
    } else report.record.notes.push(`Carried over from the batch of ${run.week}.`);
    const b = state.batch;
    report.record.selected =
      b.campaign.length + b.cadence.length + b.followUps.reduce((n, p) => n + p.ids.length, 0);
    writeState(sheet, state);
    planned = true;
    state = sendParts(run, state, report, clock);
  } catch (error) {
    state = failed(run, state, report, error);
  }
  finish(run, planned ? state : unplanned(run, state), report, ctx && { ctx, clients }, plan);
}

/**
 * Before the batch is planned: replies and drafts sent from Gmail (app/gmailScan.ts), so a client
 * who answered is not emailed again this week. Gmail unreadable is a note, never a failed run.
 */
function scanReplies(run: WeekRun, report: ReturnType<typeof newReport>): void {
  try {
    const scan = scanGmail(run.ss, { settings: run.record.settings });
    if (scan.replies)
      report.record.notes.push(
        `${scan.replies} client${scan.replies === 1 ? '' : 's'} replied: call them back (marked at the top of the call list).`,
      );
    if (scan.draftsSent)
      report.record.notes.push(`${scan.draftsSent} draft(s) you sent from Gmail are now logged.`);
    if (scan.problem) report.record.notes.push(`Replies could not be checked: ${scan.problem}`);
  } catch (error) {
    report.record.notes.push(`Replies could not be checked: ${errorMessage(error)}`);
  }
}

/**
 * A run that stopped before its week's state was written (the spreadsheet busy, an error while
 * reading) leaves the week as it found it, so the next firing plans or resumes it again.
 */
function unplanned(run: WeekRun, state: RunState): RunState {
  const before: RunState =
    run.state && run.state.week === run.week
      ? run.state
      : {
          week: addDays(run.week, -7),
          complete: true,
          batch: EMPTY_BATCH,
          lastRun: '',
          attention: [],
        };
  return { ...before, attention: state.attention };
}

/** State, Activity row and summary email: each written even if another fails. */
function finish(
  run: WeekRun,
  state: RunState,
  report: RunReport,
  opened: { ctx: MergeContext; clients: readonly Client[] } | null,
  plan: WeekPlan | null,
): void {
  const r = report.record;
  const did = r.sent + r.drafted + r.errors.length > 0;
  const remaining = Math.max(0, (plan?.count.remaining ?? 0) - report.campaignSent);
  const reached = (plan?.count.reached ?? 0) + report.campaignSent;
  const expectedDone = expectedDoneWeek(
    remaining,
    run.record.schedule.size,
    state.complete ? nextWeek(run.week) : run.week,
  );
  if (plan && remaining === 0 && report.campaignSent > 0) {
    const line = `Campaign done: everyone silent six months or more has been reached (${reached}).`;
    r.notes.push(line);
    report.attention.push(line);
  }
  if (plan && remaining === 0 && run.record.schedule.afterCampaign === 'stop') {
    // The user chose to stop once everyone was reached: the schedule pauses itself.
    r.notes.push('The weekly batches stop here, as chosen: the campaign is done.');
    writeRecord(run.sheet, { ...run.record, schedule: { ...run.record.schedule, paused: true } });
    removeTriggerById(run.triggerId);
  }
  state.lastRun = `${run.today}: ${r.sent} sent, ${r.drafted} drafted, ${r.skipped.length} skipped, ${r.waiting} waiting${r.errors.length ? `, ${r.errors.length} problem(s)` : ''}.`;
  state.attention = [...new Set(report.attention.filter((a) => !a.startsWith('Campaign done')))];
  writeState(run.sheet, state);
  if ((run.record.schedule.summaryEmail && did) || state.attention.length) {
    sendSummary(report, {
      ss: run.ss,
      owner: run.record.owner,
      week: run.week,
      mode: run.record.schedule.mode,
      toCall: opened ? toCall(opened.ctx, opened.clients, report.emailedIds) : [],
      campaign: { reached, remaining, expectedDone },
    });
  }
  writeActivity(run.ss, report, now());
}
