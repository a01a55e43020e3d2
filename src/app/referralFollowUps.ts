// The call list's referral hook: reads the Referrals sheet once, marks clients due for a referral reminder or a post-sale step, and adds the ask advice to each item.
import type { CallList } from '../shared/api';
import type { Client } from '../core/clients';
import { followUpBatches, followUpsDue, markDue, withFollowUps } from '../core/referralDue';
import { adviseItems, lastAsks } from '../core/referralAsk';
import type { ClientSheet } from '../services/clientSheet';
import { readReferrals } from '../services/referralSheet';
import { latestIncentives } from '../core/referrals';

/** What the call list needs of its source: the clients, the spreadsheet, its dates and settings. */
export type FollowUpSource = Pick<ClientSheet, 'clients' | 'spreadsheet' | 'dates' | 'settings'>;

/** The call list's referral hook, in two steps around its build. */
export interface FollowUps {
  /** The clients with each follow-up's day as their Next Due (so ranking counts them due). */
  mark(clients: readonly Client[]): Client[];
  /** The page's items with their follow-up and the ask advice. */
  decorate(list: CallList): CallList;
}

/**
 * Reads the Referrals sheet once (none when it does not exist) and finds every follow-up due
 * today, from the source's clients (a purchase date, a promise still open).
 * Plugs in at one place: src/app/callList.ts, around buildCallList and the page's items.
 */
export function referralFollowUps(source: FollowUpSource): FollowUps {
  const referrals = readReferrals(source.spreadsheet, source.dates);
  const today = source.dates.today;
  const due = followUpsDue(source.clients, referrals, source.settings.referralReminderDays, today);
  const ctx = { today, gapDays: source.settings.askGapDays, seed: source.spreadsheet.getId() };
  const asks = lastAsks(referrals);
  return {
    mark: (clients) => markDue(clients, due),
    decorate: (list) => ({
      ...list,
      items: adviseItems(withFollowUps(list.items, due), asks, ctx),
    }),
  };
}

/** The two steps around one build, for a source whose clients are the whole list. */
export function withReferralFollowUps(
  cs: FollowUpSource,
  build: (clients: Client[]) => CallList,
): CallList {
  const hook = referralFollowUps(cs);
  return hook.decorate(build(hook.mark(cs.clients)));
}

/** {{Referral Incentive}} for the merge: the incentive of each client's latest promise (one read). */
export function referralIncentives(cs: ClientSheet): (client: Client) => string {
  const incentives = latestIncentives(readReferrals(cs.spreadsheet, cs.dates));
  return (client) => incentives.get(client.id) ?? '';
}

/**
 * For the scheduled run (weekly batches): the follow-ups due today, one batch per template, each to
 * be merged with recipients { kind: 'clients', ids }. Reads the Referrals sheet once.
 */
export function dueFollowUpBatches(cs: ClientSheet): ReturnType<typeof followUpBatches> {
  const due = followUpsDue(
    cs.clients,
    readReferrals(cs.spreadsheet, cs.dates),
    cs.settings.referralReminderDays,
    cs.dates.today,
  );
  return followUpBatches(due);
}
