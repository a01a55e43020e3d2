// Planning a week's batch on a merge context: the campaign first (the playbook's priority), then cadence-due clients, then the follow-ups due (referral reminders, post-sale check-ins and surveys), with the merge's own skip rules and the campaign's progress.
import type { Schedule, ScheduledClient } from '../shared/scheduleApi';
import type { Client } from '../core/clients';
import { choosePath, planMerge, type MergePlan } from '../core/merge/plan';
import { buildHistory, type SendHistory } from '../core/merge/skipRules';
import { isReferralTemplate, type Template } from '../core/merge/templates';
import { followUpBatches, followUpsDue } from '../core/referralDue';
import { latestIncentives } from '../core/referrals';
import { readReferrals } from '../services/referralSheet';
import {
  campaignCount,
  weeklyCandidates,
  type CampaignCount,
  type WeeklyCandidates,
} from '../core/weeklyBatch';
import { journalKey } from '../core/scheduleClaims';
import { errorMessage } from '../services/mailer';
import { resolveTemplate, type MergeContext } from './mergeContext';

export const CLAIMED =
  'another merge claimed this client (sending now, or stopped before confirming); not sent twice';

export type PartKind = 'campaign' | 'cadence' | 'followUp';

export interface PlannedPart {
  kind: PartKind;
  template: Template;
  plan: MergePlan;
  /** Candidate order (client ID -> position), to list ready and skipped clients as they were met. */
  order: Map<string, number>;
}

export interface WeekPlan {
  parts: PlannedPart[];
  count: CampaignCount;
  /** The campaign template is blocked (an unknown tag...): nothing may go out. */
  blocked: string | null;
  /** Follow-up parts left out (their template deleted or broken), in words for the owner. */
  followUpProblems: string[];
}

type PlanPart = (template: Template, list: Client[], limit: number, kind: PartKind) => MergePlan;

/** What the week is planned on: every client, and the candidates whole (app/weeklyLean.ts reads few). */
export interface WeekData {
  /** Every client, with at least the fields ranking, counting and the summary use. */
  clients: readonly Client[];
  /** The Email cell as displayed. */
  rawEmail: (client: Client) => string;
  /** The send history, as far as this template goes. */
  historyOf: (template: Template) => SendHistory;
  displayRow: (client: Client) => readonly string[];
  /** `run` (planMerge up to `limit` ready) on the candidates whole: all of them, or enough of the first. */
  whole: (
    template: Template,
    candidates: readonly Client[],
    limit: number,
    run: (whole: readonly Client[]) => MergePlan,
  ) => MergePlan;
}

/** The week's data from a full merge context (every cell read). */
export function fullData(ctx: MergeContext): WeekData {
  const history = buildHistory(ctx.touches, ctx.cs.clients, []);
  const display = ctx.cs.display ?? [];
  const emailColumn = ctx.cs.columns.email ?? -1;
  return {
    clients: ctx.cs.clients,
    rawEmail: (c) => (emailColumn >= 0 ? String(display[c.row - 2]?.[emailColumn] ?? '') : c.email),
    historyOf: () => history,
    displayRow: (c) => display[c.row - 2] ?? [],
    whole: (_template, candidates, _limit, run) => run(candidates),
  };
}

/**
 * The week's batch: up to `size` clients the campaign template can go to, in priority order; when
 * the campaign has fewer left and the user chose to go on, cadence-due clients fill the rest with
 * the cadence template. Then the follow-ups due, each with its own template, in an allowance of
 * their own (up to `size` more: see planFollowUps). Clients another run has claimed (`taken`, by
 * journal key) are skipped.
 */
export function planWeek(
  ctx: MergeContext,
  schedule: Schedule,
  taken: ReadonlyMap<string, string> = new Map(),
  data: WeekData = fullData(ctx),
): WeekPlan {
  const months = ctx.settings.recencyMonths;
  const candidates = weeklyCandidates(data.clients, ctx.today, months);
  const campaignTemplate = resolveTemplate(ctx, schedule.template);
  const emailColumn = ctx.cs.columns.email ?? -1;
  const count = campaignCount(
    data.clients,
    candidates.campaign,
    campaignTemplate,
    data.historyOf(campaignTemplate),
    ctx.today,
    ctx.settings.recentDays,
    data.rawEmail,
  );
  // One read of the Referrals sheet: the reminders due, and {{Referral Incentive}}.
  const referrals = readReferrals(ctx.cs.spreadsheet, ctx.cs.dates);
  const incentives = latestIncentives(referrals);
  const order = new Map<string, number>();
  const plan: PlanPart = (template, list, limit, kind) => {
    list.forEach((c, i) => order.set(c.id, i));
    const held = list.filter((c) => taken.has(journalKey(c.id, template.name)));
    const history = data.historyOf(template);
    const pool = held.length ? list.filter((c) => !held.includes(c)) : list;
    const result = data.whole(template, pool, limit, (whole) =>
      planMerge({
        template,
        candidates: whole,
        headers: ctx.cs.headers,
        displayRow: data.displayRow,
        emailColumn,
        today: ctx.today,
        recentDays: ctx.settings.recentDays,
        myName: ctx.settings.myName,
        // As the merge that sends it will plan it (mergeContext.planFor), so both agree on who is ready.
        surveyLink: ctx.settings.surveyLink,
        incentiveOf: isReferralTemplate(template) ? (c) => incentives.get(c.id) ?? '' : undefined,
        history,
        path: choosePath(schedule.mode, null, ctx.userEmail),
        limit,
        allClients: data.clients,
        // The cadence template goes to each client again whenever they are due again.
        repeatWhenDue: kind === 'cadence',
      }),
    );
    // Claimed by another merge (sending now, or stopped before confirming): listed, never sent.
    const last = Math.max(-1, ...result.ready.map((r) => order.get(r.client.id) ?? 0));
    for (const client of held) {
      if ((order.get(client.id) ?? 0) < last || result.ready.length < limit)
        result.skipped.push({ client, reason: CLAIMED });
    }
    return result;
  };
  const campaign = planOrdered(plan, candidates, 'campaign', campaignTemplate, schedule.size);
  const parts: PlannedPart[] = [
    { kind: 'campaign', template: campaignTemplate, plan: campaign, order: new Map(order) },
  ];
  const followUpProblems: string[] = [];
  const week = (blocked: string | null): WeekPlan => ({ parts, count, blocked, followUpProblems });
  if (campaign.blocked) return week(campaign.blocked.message);
  const room = schedule.size - campaign.ready.length;
  if (room > 0 && schedule.afterCampaign === 'cadence' && schedule.cadenceTemplate) {
    const cadenceTemplate = resolveTemplate(ctx, schedule.cadenceTemplate);
    order.clear();
    const cadence = planOrdered(plan, candidates, 'cadence', cadenceTemplate, room);
    parts.push({
      kind: 'cadence',
      template: cadenceTemplate,
      plan: cadence,
      order: new Map(order),
    });
    if (cadence.blocked) return week(cadence.blocked.message);
  }
  const due = followUpsDue(data.clients, referrals, ctx.settings.referralReminderDays, ctx.today);
  parts.push(...planFollowUps(ctx, data, plan, due, schedule.size, parts, followUpProblems));
  return week(null);
}

/**
 * The follow-ups due, one part per template (followUpBatches), oldest due first, up to `allowance`
 * clients in all. Their own allowance rather than what the campaign leaves: they are few and
 * time-bound (a check-in a week after a sale), and a campaign filling every batch for months would
 * starve them, while the campaign's pace (and its expected end) stays what the user chose. A client
 * already in an earlier part is left out (one email per client per run). A template deleted from
 * the Templates sheet (or broken) leaves its part out, with a line in `problems`; never a failure.
 */
function planFollowUps(
  ctx: MergeContext,
  data: WeekData,
  plan: PlanPart,
  due: ReturnType<typeof followUpsDue>,
  allowance: number,
  before: readonly PlannedPart[],
  problems: string[],
): PlannedPart[] {
  const out: PlannedPart[] = [];
  const used = new Set(before.flatMap((p) => p.plan.ready.map((r) => r.client.id)));
  const byId = new Map(data.clients.map((c) => [c.id, c] as const));
  let room = allowance;
  for (const batch of followUpBatches(due)) {
    const list = batch.clientIds
      .filter((id) => !used.has(id))
      .map((id) => byId.get(id))
      .filter((c): c is Client => !!c)
      .sort((a, b) => due.get(a.id)!.dueOn.localeCompare(due.get(b.id)!.dueOn) || a.row - b.row);
    if (room <= 0 || !list.length) continue;
    const n = list.length;
    const whom = `${n} client${n === 1 ? '' : 's'} due for it ${n === 1 ? 'was' : 'were'} not emailed`;
    let template: Template;
    try {
      template = resolveTemplate(ctx, { source: 'sheet', name: batch.template });
    } catch (error) {
      problems.push(
        `The follow-up template "${batch.template}" is not in the Templates sheet (${errorMessage(error)}); ${whom}. Add a template with that name back to send it with the weekly batches.`,
      );
      continue;
    }
    const result = plan(template, list, room, 'followUp');
    const order = new Map(list.map((c, i) => [c.id, i] as const));
    if (result.blocked) {
      problems.push(
        `The follow-up template "${batch.template}" cannot be sent: ${result.blocked.message} ${whom}.`,
      );
      continue;
    }
    for (const r of result.ready) used.add(r.client.id);
    room -= result.ready.length;
    out.push({ kind: 'followUp', template, plan: result, order });
  }
  return out;
}

/**
 * Plans on the first few hundred of the priority order (a batch needs `limit`, plus the skips met
 * on the way); only when skips eat all of them is the whole list ordered.
 */
function planOrdered(
  plan: PlanPart,
  candidates: WeeklyCandidates,
  kind: 'campaign' | 'cadence',
  template: Template,
  limit: number,
): MergePlan {
  const total = candidates[kind].length;
  const first = Math.min(total, limit * 5 + 100);
  const result = plan(template, candidates.ordered(kind, first), limit, kind);
  if (result.blocked || result.ready.length >= limit || first >= total) return result;
  return plan(template, candidates.ordered(kind, total), limit, kind);
}

/** The batch as the panel lists it: each client in order, skips with their reason. */
export function scheduledClients(week: WeekPlan): ScheduledClient[] {
  const out: ScheduledClient[] = [];
  for (const part of week.parts) {
    const listed: Array<{ at: number; item: ScheduledClient }> = [];
    const at = (c: Client) => part.order.get(c.id) ?? 0;
    // A follow-up names its template ("Follow-up: Referral reminder" in the panel).
    const template = part.kind === 'followUp' ? { template: part.template.name } : {};
    const base = (c: Client) => ({ clientId: c.id, name: c.name, kind: part.kind, ...template });
    for (const s of part.plan.skipped)
      listed.push({ at: at(s.client), item: { ...base(s.client), to: '', skip: s.reason } });
    for (const r of part.plan.ready)
      listed.push({ at: at(r.client), item: { ...base(r.client), to: r.to } });
    out.push(...listed.sort((a, b) => a.at - b.at).map((l) => l.item));
  }
  return out;
}
