// Who the weekly batch is for: the campaign (silent six months or more, the playbook's priority), then clients due on the cadence they chose; and the campaign's progress.
import type { Bucket } from '../shared/api';
import type { Client } from './clients';
import { nextDueFor, parseCadence, type CadenceSpan } from './cadence';
import { daysBetween, type CivilDate } from './dates';
import { bucketOf } from './recency';
import { priorityOrder } from './priority';
import { historyKey, skipReason, type SendHistory } from './merge/skipRules';
import type { Template } from './merge/templates';

/** A client with what ranking needs (no words, no full call-list item: 50,000 of these are built). */
interface Ranked {
  client: Client;
  id: string;
  name: string;
  nameKey: string;
  value: number | null;
  bucket: Bucket;
  due: boolean;
  daysSinceContact: number | null;
  nextDue: string | null;
}

export interface WeeklyCandidates {
  /** Silent six months or more (or never contacted), in no particular order (for counting). */
  campaign: Client[];
  /** Contacted within six months, with a cadence of their own, and due on it. */
  cadence: Client[];
  /**
   * The first `limit` of a list in the call list's priority order (due first, round-robin over the
   * recency groups, most valuable first in each): sorting only what a batch can use.
   */
  ordered(kind: 'campaign' | 'cadence', limit: number): Client[];
}

/**
 * Splits the clients for the weekly batch. Do Not Contact clients are in neither list. Clients
 * without an ID yet are left for the next run (the merge gives them one). Due and recency are the
 * call list's own rules (core/callList toItem), computed without building a full item.
 */
export function weeklyCandidates(
  clients: readonly Client[],
  today: CivilDate,
  recencyMonths?: readonly number[],
): WeeklyCandidates {
  const seen = new Set<string>();
  const spans = new Map<string, CadenceSpan | null>();
  const lists: Record<'campaign' | 'cadence', Ranked[]> = { campaign: [], cadence: [] };
  for (const client of clients) {
    if (client.doNotContact || !client.id || seen.has(client.id)) continue;
    seen.add(client.id);
    let span = spans.get(client.cadence);
    if (span === undefined) {
      span = parseCadence(client.cadence) ?? null;
      spans.set(client.cadence, span);
    }
    const nextDue = client.nextDue ?? nextDueFor(client.lastContact, span);
    const due = client.lastContact === null || (nextDue !== null && nextDue <= today);
    const bucket = bucketOf(client.lastContact, today, recencyMonths);
    const kind = bucket !== 'under6m' ? 'campaign' : due && span ? 'cadence' : null;
    if (!kind) continue;
    lists[kind].push({
      client,
      id: client.id,
      name: client.name,
      nameKey: client.name.toLowerCase(),
      value: client.value,
      bucket,
      due,
      daysSinceContact: client.lastContact === null ? null : daysBetween(client.lastContact, today),
      nextDue,
    });
  }
  return {
    campaign: lists.campaign.map((r) => r.client),
    cadence: lists.cadence.map((r) => r.client),
    ordered: (kind, limit) => priorityOrder(lists[kind], limit).map((r) => r.client),
  };
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
