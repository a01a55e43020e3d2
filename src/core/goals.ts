// Referral goals: the yearly target split into months, referrals needed (x1.5 until five are resolved, then the measured conversion), and each month's counts.
import type { Referral, ReferralMonth, ReferralSummary } from '../shared/api';
import type { CivilDate } from './dates';
import { isAsk } from './referralAsk';

/** Until this many referrals are won or lost, plan for 1.5 referrals per new client wanted. */
export const RESOLVED_FOR_MEASURE = 5;
export const PLANNED_FACTOR = 1.5;
/** A measured rate below this is taken as this: at most 10 referrals planned per client wanted. */
export const MIN_RATE = 0.1;

/** Month m (0-11) of a yearly target, in whole clients that add up to the year's target. */
export function monthlyTarget(yearly: number, monthIndex: number): number {
  return Math.floor((yearly * (monthIndex + 1)) / 12) - Math.floor((yearly * monthIndex) / 12);
}

export interface Basis {
  kind: 'planned' | 'measured';
  resolved: number;
  won: number;
  rate: number | null;
  words: string;
}

/** How many referrals a month needs: measured once five referrals are resolved (Won or Lost). */
export function conversionBasis(referrals: readonly Pick<Referral, 'status'>[]): Basis {
  const won = referrals.filter((r) => r.status === 'Won').length;
  const resolved = won + referrals.filter((r) => r.status === 'Lost').length;
  if (resolved < RESOLVED_FOR_MEASURE) {
    const more = RESOLVED_FOR_MEASURE - resolved;
    return {
      kind: 'planned',
      resolved,
      won,
      rate: null,
      words: `Planned at 1.5 referrals per new client until ${more} more referral${more === 1 ? ' is' : 's are'} won or lost.`,
    };
  }
  const rate = won / resolved;
  return {
    kind: 'measured',
    resolved,
    won,
    rate,
    words: `Your referrals convert at ${Math.round(rate * 100)}% (${won} won of ${resolved}).`,
  };
}

export function referralsNeeded(target: number, basis: Basis): number {
  if (target <= 0) return 0;
  if (basis.kind === 'planned') return Math.ceil(target * PLANNED_FACTOR - 1e-9);
  return Math.ceil(target / Math.max(basis.rate ?? 0, MIN_RATE) - 1e-9);
}

/** A referral that is a person passed on (not a promise or an ask). */
export function isReferredPerson(r: Pick<Referral, 'contact'>): boolean {
  return !!(r.contact.name || r.contact.email || r.contact.phone);
}

/** The 12 months ending with today's, as yyyy-MM, oldest first. */
export function lastMonths(today: CivilDate, count = 12): string[] {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

export interface GoalInput {
  today: CivilDate;
  yearlyTarget: number;
  referrals: readonly Referral[];
  /** Logged touches: a date and a channel (notes are not contacts). */
  touches: readonly { date: CivilDate | null; channel: string }[];
}

/** The summary the Referrals view shows. */
export function referralSummary(input: GoalInput): ReferralSummary {
  const basis = conversionBasis(input.referrals);
  const months = lastMonths(input.today).map((month) => monthCounts(month, input, basis));
  const month = months[months.length - 1];
  return {
    today: input.today,
    yearlyTarget: input.yearlyTarget,
    month,
    months,
    basis,
    openPromises: input.referrals.filter((r) => r.status === 'Promised').length,
    note: month.met ? warmNote(month) : '',
  };
}

function monthCounts(month: string, input: GoalInput, basis: Basis): ReferralMonth {
  const inMonth = (d: string | null) => !!d && d.slice(0, 7) === month;
  const refs = input.referrals;
  const target = monthlyTarget(input.yearlyTarget, Number(month.slice(5, 7)) - 1);
  const won = refs.filter((r) => r.status === 'Won' && inMonth(r.statusDate ?? r.date)).length;
  return {
    month,
    touches: input.touches.filter(
      (t) => inMonth(t.date) && t.channel.trim().toLowerCase() !== 'note',
    ).length,
    asks: refs.filter((r) => isAsk(r) && inMonth(r.date)).length,
    commitments: refs.filter((r) => (r.count ?? 0) > 0 && inMonth(r.date)).length,
    received: refs.filter((r) => isReferredPerson(r) && inMonth(r.date)).length,
    won,
    target,
    needed: referralsNeeded(target, basis),
    met: target > 0 && won >= target,
  };
}

function warmNote(month: ReferralMonth): string {
  const clients = `${month.won} new client${month.won === 1 ? '' : 's'}`;
  return `You reached this month's goal: ${clients} from referrals. The people you reconnected with are sending others your way. Take a moment to thank them, and to celebrate with your team.`;
}
