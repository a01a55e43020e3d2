// Planning a week's batch on a merge context: the campaign first (the playbook's priority), then cadence-due clients, with the merge's own skip rules and the campaign's progress.
import type { Schedule, ScheduledClient } from '../shared/scheduleApi';
import type { Client } from '../core/clients';
import { choosePath, planMerge, type MergePlan } from '../core/merge/plan';
import { buildHistory } from '../core/merge/skipRules';
import type { Template } from '../core/merge/templates';
import {
  campaignCount,
  weeklyCandidates,
  type CampaignCount,
  type WeeklyCandidates,
} from '../core/weeklyBatch';
import { journalKey } from '../core/scheduleClaims';
import { resolveTemplate, type MergeContext } from './mergeContext';

export const CLAIMED =
  'another merge claimed this client (sending now, or stopped before confirming); not sent twice';

export interface PlannedPart {
  kind: 'campaign' | 'cadence';
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
}

/**
 * The week's batch: up to `size` clients the campaign template can go to, in priority order; when
 * the campaign has fewer left and the user chose to go on, cadence-due clients fill the rest with
 * the cadence template. Clients another run has claimed (`taken`, by journal key) are skipped.
 */
export function planWeek(
  ctx: MergeContext,
  schedule: Schedule,
  taken: ReadonlyMap<string, string> = new Map(),
): WeekPlan {
  const months = ctx.settings.recencyMonths;
  const candidates = weeklyCandidates(ctx.cs.clients, ctx.today, months);
  const history = buildHistory(ctx.touches, ctx.cs.clients, []);
  const campaignTemplate = resolveTemplate(ctx, schedule.template);
  const display = ctx.cs.display ?? [];
  const emailColumn = ctx.cs.columns.email ?? -1;
  const rawEmail = (c: Client) =>
    emailColumn >= 0 ? String(display[c.row - 2]?.[emailColumn] ?? '') : c.email;
  const count = campaignCount(
    ctx.cs.clients,
    candidates.campaign,
    campaignTemplate,
    history,
    ctx.today,
    ctx.settings.recentDays,
    rawEmail,
  );
  const order = new Map<string, number>();
  const plan = (
    template: Template,
    list: Client[],
    limit: number,
    kind: 'campaign' | 'cadence',
  ): MergePlan => {
    list.forEach((c, i) => order.set(c.id, i));
    const held = list.filter((c) => taken.has(journalKey(c.id, template.name)));
    const result = planMerge({
      template,
      candidates: held.length ? list.filter((c) => !held.includes(c)) : list,
      headers: ctx.cs.headers,
      displayRow: (c) => display[c.row - 2] ?? [],
      emailColumn,
      today: ctx.today,
      recentDays: ctx.settings.recentDays,
      myName: ctx.settings.myName,
      history,
      path: choosePath(schedule.mode, null, ctx.userEmail),
      limit,
      allClients: ctx.cs.clients,
      // The cadence template goes to each client again whenever they are due again.
      repeatWhenDue: kind === 'cadence',
    });
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
  if (campaign.blocked) return { parts, count, blocked: campaign.blocked.message };
  const room = schedule.size - campaign.ready.length;
  if (room > 0 && schedule.afterCampaign === 'cadence' && schedule.cadenceTemplate) {
    const cadenceTemplate = resolveTemplate(ctx, schedule.cadenceTemplate);
    order.clear();
    const cadence = planOrdered(plan, candidates, 'cadence', cadenceTemplate, room);
    parts.push({ kind: 'cadence', template: cadenceTemplate, plan: cadence, order });
    if (cadence.blocked) return { parts, count, blocked: cadence.blocked.message };
  }
  return { parts, count, blocked: null };
}

/**
 * Plans on the first few hundred of the priority order (a batch needs `limit`, plus the skips met
 * on the way); only when skips eat all of them is the whole list ordered.
 */
function planOrdered(
  plan: (
    template: Template,
    list: Client[],
    limit: number,
    kind: 'campaign' | 'cadence',
  ) => MergePlan,
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
    for (const s of part.plan.skipped) {
      const item = { clientId: s.client.id, name: s.client.name, to: '', kind: part.kind };
      listed.push({ at: at(s.client), item: { ...item, skip: s.reason } });
    }
    for (const r of part.plan.ready) {
      const item = { clientId: r.client.id, name: r.client.name, to: r.to, kind: part.kind };
      listed.push({ at: at(r.client), item });
    }
    out.push(...listed.sort((a, b) => a.at - b.at).map((l) => l.item));
  }
  return out;
}
