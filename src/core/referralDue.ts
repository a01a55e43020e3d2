// Follow-ups that make a client due beyond their cadence: a referral promise not come through after N days, and the post-sale check-in (7 days) and survey (30 days).
import type { CallListItem, FollowUpDue, FollowUpKind } from '../shared/api';
import type { Client } from './clients';
import { addDays, type CivilDate } from './dates';
import { nextDueFor, parseCadence } from './cadence';

/** The built-in templates each follow-up uses (core/merge/templates.ts). */
export const FOLLOW_UP_TEMPLATES: Record<FollowUpKind, string> = {
  referralReminder: 'Referral reminder',
  checkIn: 'Post-purchase check-in',
  survey: 'Post-purchase survey',
};

export const FOLLOW_UP_REASONS: Record<FollowUpKind, string> = {
  referralReminder: 'Remind about referrals',
  checkIn: 'Post-sale check-in',
  survey: 'Post-sale survey',
};

export const CHECK_IN_DAYS = 7;
export const SURVEY_DAYS = 30;
/**
 * A post-sale step stays due this long after its day, then lapses: a purchase date from years ago
 * (an imported history) never fills the list with check-ins nobody would send now.
 */
export const POST_SALE_WINDOW_DAYS = 30;

/** A promise as the reminder needs it (a row of the Referrals sheet). */
export interface PromiseFacts {
  clientId: string;
  status: string;
  date: CivilDate | null;
  due: CivilDate | null;
}

const followUp = (kind: FollowUpKind, dueOn: CivilDate): FollowUpDue => ({
  kind,
  reason: FOLLOW_UP_REASONS[kind],
  template: FOLLOW_UP_TEMPLATES[kind],
  dueOn,
});

/**
 * The day a promise comes due for a reminder: N days after it was made, or the day after the
 * "by when" the client gave if that is later. Settled once any contact is logged on or after
 * that day (the reminder itself, or the client getting in touch), so it reminds once.
 */
export function reminderDue(
  promise: PromiseFacts,
  lastContact: CivilDate | null,
  reminderDays: number,
  today: CivilDate,
): CivilDate | null {
  if (promise.status !== 'Promised' || !promise.date) return null;
  let day = addDays(promise.date, reminderDays);
  if (promise.due && addDays(promise.due, 1) > day) day = addDays(promise.due, 1);
  if (day > today) return null;
  if (lastContact && lastContact >= day) return null;
  return day;
}

/**
 * The post-sale step due today, if any: the check-in from 7 days after the purchase or delivery
 * (settled by any contact after the purchase day), the survey from 30 days after (settled by a
 * contact on or after its day); each lapses 30 days after its day.
 */
export function postSaleDue(client: Client, today: CivilDate): FollowUpDue | null {
  const bought = client.purchaseDate;
  if (!bought || bought > today) return null;
  const survey = addDays(bought, SURVEY_DAYS);
  const contact = client.lastContact;
  if (survey <= today) {
    const open = !contact || contact < survey;
    return open && today < addDays(survey, POST_SALE_WINDOW_DAYS)
      ? followUp('survey', survey)
      : null;
  }
  const checkIn = addDays(bought, CHECK_IN_DAYS);
  if (checkIn > today) return null;
  const open = !contact || contact <= bought;
  return open && today < addDays(checkIn, POST_SALE_WINDOW_DAYS)
    ? followUp('checkIn', checkIn)
    : null;
}

/** Every client's follow-up due today (the earliest when several are), by Client ID. */
export function followUpsDue(
  clients: readonly Client[],
  promises: readonly PromiseFacts[],
  reminderDays: number,
  today: CivilDate,
): Map<string, FollowUpDue> {
  const due = new Map<string, FollowUpDue>();
  const keep = (id: string, f: FollowUpDue) => {
    const had = due.get(id);
    if (!had || f.dueOn < had.dueOn) due.set(id, f);
  };
  // Only the promised clients' last contacts are kept: most sheets have a few promises and
  // tens of thousands of clients.
  const promised = new Set(promises.map((p) => p.clientId));
  const lastContact = new Map<string, CivilDate | null>();
  for (const c of clients) {
    if (c.doNotContact || !c.id) continue;
    if (promised.has(c.id)) lastContact.set(c.id, c.lastContact);
    const sale = postSaleDue(c, today);
    if (sale) keep(c.id, sale);
  }
  for (const p of promises) {
    if (!lastContact.has(p.clientId)) continue;
    const day = reminderDue(p, lastContact.get(p.clientId) ?? null, reminderDays, today);
    if (day) keep(p.clientId, followUp('referralReminder', day));
  }
  return due;
}

/**
 * The clients with each follow-up's day as their Next Due when it is earlier than their cadence's
 * (so the call list counts them due, whatever its ranking); other clients are passed through as is.
 */
export function markDue(
  clients: readonly Client[],
  due: ReadonlyMap<string, FollowUpDue>,
): Client[] {
  if (!due.size) return clients as Client[];
  return clients.map((c) => {
    const f = due.get(c.id);
    if (!f) return c;
    const current = c.nextDue ?? nextDueFor(c.lastContact, parseCadence(c.cadence) ?? null);
    return current !== null && current <= f.dueOn ? c : { ...c, nextDue: f.dueOn };
  });
}

/** The items with their follow-up attached (the card shows the reason and the template). */
export function withFollowUps(
  items: readonly CallListItem[],
  due: ReadonlyMap<string, FollowUpDue>,
): CallListItem[] {
  return items.map((item) => {
    const f = due.get(item.id);
    return f ? { ...item, followUp: f } : item;
  });
}

/** The follow-ups due, grouped by template: what a scheduled run sends (one merge per template). */
export function followUpBatches(
  due: ReadonlyMap<string, FollowUpDue>,
): { template: string; kind: FollowUpKind; clientIds: string[] }[] {
  const batches = new Map<FollowUpKind, string[]>();
  for (const [id, f] of due) batches.set(f.kind, [...(batches.get(f.kind) ?? []), id]);
  return (Object.keys(FOLLOW_UP_TEMPLATES) as FollowUpKind[])
    .filter((kind) => batches.has(kind))
    .map((kind) => ({ template: FOLLOW_UP_TEMPLATES[kind], kind, clientIds: batches.get(kind)! }));
}
