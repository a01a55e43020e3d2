// Who the weekly batch is for: the campaign (silent six months or more, the playbook's priority), then clients due on the cadence they chose; and the campaign's progress.
import type { Client } from './clients';
import { toItem } from './callList';
import { parseCadence } from './cadence';
import type { CivilDate } from './dates';
import { priorityOrder } from './priority';
import { historyKey, skipReason, type SendHistory } from './merge/skipRules';
import type { Template } from './merge/templates';

export interface WeeklyCandidates {
  /** Silent six months or more (or never contacted), most valuable first in each recency group. */
  campaign: Client[];
  /** Contacted within six months, with a cadence of their own, and due on it. */
  cadence: Client[];
}

/**
 * Both lists in the call list's priority order (due first, round-robin over the recency groups,
 * most valuable first in each). Do Not Contact clients are in neither. Clients without an ID yet
 * are left for the next run (the merge gives them one).
 */
export function weeklyCandidates(
  clients: readonly Client[],
  today: CivilDate,
  recencyMonths?: readonly number[],
): WeeklyCandidates {
  const byId = new Map<string, Client>();
  const campaign = [];
  const cadence = [];
  for (const client of clients) {
    if (client.doNotContact || !client.id || byId.has(client.id)) continue;
    byId.set(client.id, client);
    const item = toItem(client, today, recencyMonths);
    if (item.bucket !== 'under6m') campaign.push(item);
    else if (item.due && parseCadence(client.cadence)) cadence.push(item);
  }
  const back = (items: ReturnType<typeof toItem>[]) =>
    priorityOrder(items).map((i) => byId.get(i.id) as Client);
  return { campaign: back(campaign), cadence: back(cadence) };
}

export interface CampaignCount {
  /** Campaign clients who already got the campaign template (sent, unconfirmed or drafted). */
  reached: number;
  /** Campaign clients the template can still go to (no skip rule stops it). */
  remaining: number;
}

/**
 * Counts with the merge's own skip rules, without rendering anything (50,000 clients cost a rule
 * check each). `reached` also counts clients reached earlier in the campaign who have since become
 * recent (their send is what made them recent).
 */
export function campaignCount(
  clients: readonly Client[],
  campaign: readonly Client[],
  template: Pick<Template, 'name' | 'notes' | 'channel'>,
  history: SendHistory,
  today: CivilDate,
  recentDays: number,
  rawEmail: (client: Client) => string,
): CampaignCount {
  let reached = 0;
  for (const client of clients) {
    if (client.id && history.has(historyKey(client.id, template.name))) reached += 1;
  }
  let remaining = 0;
  const ctx = { template, today, recentDays, history };
  for (const client of campaign) {
    if (skipReason(client, rawEmail(client), ctx) === null) remaining += 1;
  }
  return { reached, remaining };
}
