// The weekly run's sends: each part of the week's batch (campaign, cadence, each follow-up) through runMerge with its template; what waits (quota, time, a busy sheet) is what the week carries over.
import type { MergeRequest, MergeResult, TemplateRef } from '../shared/mergeApi';
import type { FollowUpPart, RunState } from '../core/scheduleRecord';
import { WAITING_BUSY } from '../core/merge/status';
import { errorMessage } from '../services/mailer';
import { sheetJournal } from '../services/scheduleStore';
import { runMerge } from './mergeRun';
import type { PartKind, WeekPlan } from './weeklyPlan';
import { addProblem, addResult, type RunReport } from './weeklyReport';
import type { WeekRun } from './weeklyRun';

/**
 * Sends stop this long after the run started, planning included: the merge's write-back, the
 * Activity row and the summary email then fit well inside Apps Script's 6 minutes.
 */
export const WEEKLY_SEND_BUDGET_MS = 4 * 60 * 1000;
/** Run IDs of weekly sends start with this, so the next weekly run can end a killed one's claims. */
export const WEEKLY_RUN = 'weekly.';

/** The week's batch as the state keeps it: the IDs ready in each part. */
export function batchOf(plan: WeekPlan): RunState['batch'] {
  return {
    campaign: idsOf(plan, 'campaign'),
    cadence: idsOf(plan, 'cadence'),
    followUps: followUpsOf(plan),
  };
}

function idsOf(plan: WeekPlan, kind: 'campaign' | 'cadence'): string[] {
  const part = plan.parts.find((p) => p.kind === kind);
  return part ? part.plan.ready.map((r) => r.client.id) : [];
}

/** The follow-up parts of the plan: each template with the clients ready for it. */
function followUpsOf(plan: WeekPlan): FollowUpPart[] {
  return plan.parts
    .filter((p) => p.kind === 'followUp' && p.plan.ready.length)
    .map((p) => ({ template: p.template.name, ids: p.plan.ready.map((r) => r.client.id) }));
}

/** Each part through runMerge; what still waits (quota, time, a busy sheet) stays in the state. */
export function sendParts(
  run: WeekRun,
  state: RunState,
  report: RunReport,
  clock: () => number,
): RunState {
  const schedule = run.record.schedule;
  const left: RunState['batch'] = { campaign: [], cadence: [], followUps: [] };
  for (const kind of ['campaign', 'cadence'] as const) {
    const template = kind === 'campaign' ? schedule.template : schedule.cadenceTemplate;
    if (!state.batch[kind].length || !template) continue;
    const result = sendPart(run, clock, kind, template, state.batch[kind]);
    addResult(report, result, kind);
    left[kind] = waitingIds(result);
  }
  for (const part of state.batch.followUps) {
    if (!part.ids.length) continue;
    const template = { source: 'sheet' as const, name: part.template };
    let result: MergeResult;
    try {
      result = sendPart(run, clock, 'followUp', template, part.ids);
    } catch (error) {
      // Deleted (or duplicated) between the plan and now: that part waits for nobody, the rest goes.
      if (!TEMPLATE_GONE.test(errorMessage(error))) throw error;
      const n = part.ids.length;
      addProblem(
        report,
        `The follow-up template "${part.template}" could not be used (${errorMessage(error)}): ${n} client${n === 1 ? '' : 's'} due for it ${n === 1 ? 'was' : 'were'} not emailed. Add it back to the Templates sheet to send it with the weekly batches.`,
      );
      continue;
    }
    if (result.blocked)
      addProblem(
        report,
        `The follow-up template "${part.template}" cannot be sent: ${result.blocked.message}`,
      );
    addResult(report, result, 'followUp', part.template);
    const ids = waitingIds(result);
    if (ids.length) left.followUps.push({ template: part.template, ids });
  }
  const complete = left.campaign.length + left.cadence.length + left.followUps.length === 0;
  return { ...state, batch: left, complete };
}

/** pickTemplate's refusals: no template of that name, or several. */
const TEMPLATE_GONE = /No template is named|templates are named/;

function sendPart(
  run: WeekRun,
  clock: () => number,
  kind: PartKind,
  template: TemplateRef,
  ids: string[],
): MergeResult {
  const request: MergeRequest = {
    template,
    recipients: { kind: 'clients', ids },
    mode: run.record.schedule.mode,
    repeatWhenDue: kind === 'cadence',
  };
  return runMerge(request, {
    spreadsheet: run.ss,
    settings: run.record.settings,
    journal: sheetJournal(run.sheet),
    budgetMs: Math.max(0, WEEKLY_SEND_BUDGET_MS - (clock() - run.started.getTime())),
    clock,
    run: `${WEEKLY_RUN}${kind}.${clock()}.${Math.random().toString(36).slice(2, 8)}`,
  });
}

function waitingIds(result: MergeResult): string[] {
  return result.outcomes
    .filter((o) => o.status.startsWith('Waiting:') || o.status === WAITING_BUSY)
    .map((o) => o.clientId);
}
