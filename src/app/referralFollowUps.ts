// The call list's referral hook: reads the Referrals sheet once, marks clients due for a referral reminder or a post-sale step, and adds the ask advice to each item.
import type { CallList } from '../shared/api';
import type { Client } from '../core/clients';
import { followUpBatches, followUpsDue, markDue, withFollowUps } from '../core/referralDue';
import { adviseItems, lastAsks } from '../core/referralAsk';
import type { ClientSheet } from '../services/clientSheet';
import { readReferrals } from '../services/referralSheet';
import { latestIncentives } from '../core/referrals';

/**
 * Wraps the call list's build: `build` gets the clients with follow-ups marked due (their Next Due
 * moved to the follow-up's day), and the page it returns gets each item's follow-up and ask advice.
 * One extra read (the Referrals sheet) when that sheet exists; none otherwise.
 * Plugs in at one place: src/app/callList.ts getCallList, around buildCallList.
 */
export function withReferralFollowUps(
  cs: ClientSheet,
  build: (clients: Client[]) => CallList,
): CallList {
  const referrals = readReferrals(cs.spreadsheet, cs.dates);
  const today = cs.dates.today;
  const due = followUpsDue(cs.clients, referrals, cs.settings.referralReminderDays, today);
  const list = build(markDue(cs.clients, due));
  const ctx = { today, gapDays: cs.settings.askGapDays, seed: cs.spreadsheet.getId() };
  return { ...list, items: adviseItems(withFollowUps(list.items, due), lastAsks(referrals), ctx) };
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
