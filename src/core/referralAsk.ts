// When to suggest a referral ask: only once the relationship is warm again, never in Recovery, never within M days of the last ask, and at random, never on a rhythm.
import type { ReferralAskAdvice } from '../shared/api';
import { daysBetween, type CivilDate } from './dates';

/** The chance that an eligible touch gets an ask: about one eligible touch in three. */
export const ASK_CHANCE = 0.35;
/** A client silent longer than this is reconnected first, whatever their Status says. */
export const WARM_DAYS = 365;

/** What the rule knows about a client on the day of a touch. */
export interface AskFacts {
  clientId: string;
  status: string;
  /** Touches logged before this one. */
  touches: number;
  lastContact: CivilDate | null;
  /** The last ask (asked or promised), or null. */
  lastAsk: CivilDate | null;
}

export interface AskContext {
  today: CivilDate;
  /** M: no ask within this many days of the last one (60 by default). */
  gapDays: number;
  /** Where the randomness comes from: the spreadsheet's ID in the add-on, any text in tests. */
  seed: string;
}

/**
 * The advice for one client today. The random draw is a hash of (seed, client, day): the same all
 * day (the card does not change its mind on a reload), different from one day and one client to
 * the next, so asks land at irregular intervals and never on a fixed rhythm.
 */
export function askAdvice(facts: AskFacts, ctx: AskContext): ReferralAskAdvice {
  const status = facts.status.trim().toLowerCase();
  if (status === 'recovery')
    return no('In Recovery: no asks until the problem they raised is solved.');
  if (status === 'wrong number') return no('No working number yet.');
  if (facts.touches === 0 || status !== 'reconnected')
    return no('Not on the first reconnect touch: reconnect first, ask later.');
  if (!facts.lastContact || daysBetween(facts.lastContact, ctx.today) > WARM_DAYS)
    return no('Silent for over a year: reconnect first, ask later.');
  if (facts.lastAsk && daysBetween(facts.lastAsk, ctx.today) < ctx.gapDays) {
    const days = daysBetween(facts.lastAsk, ctx.today);
    return no(
      `Asked ${days} day${days === 1 ? '' : 's'} ago: not within ${ctx.gapDays} days of the last ask.`,
    );
  }
  if (draw(`${ctx.seed}|${facts.clientId}|${ctx.today}`) >= ASK_CHANCE)
    return no('Not today: asks are spread out at random so they never feel routine.');
  return { suggest: true, why: 'The relationship is warm: a good moment for one specific ask.' };
}

const no = (why: string): ReferralAskAdvice => ({ suggest: false, why });

/** A number in [0, 1) from a text: FNV-1a, then a mulberry32 round to spread the bits. */
export function draw(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** The last ask per client (rows with status Asked or Promised, or that began as a promise). */
export function lastAsks(
  referrals: readonly {
    clientId: string;
    date: CivilDate | null;
    status: string;
    count: number | null;
  }[],
): Map<string, CivilDate> {
  const last = new Map<string, CivilDate>();
  for (const r of referrals) {
    if (!r.date || !isAsk(r)) continue;
    const had = last.get(r.clientId);
    if (!had || r.date > had) last.set(r.clientId, r.date);
  }
  return last;
}

/** An ask: recorded as asked or promised (a promise fulfilled keeps its Promised Count). */
export function isAsk(r: { status: string; count: number | null }): boolean {
  return r.status === 'Asked' || r.status === 'Promised' || (r.count !== null && r.count > 0);
}

/** Each call-list item with today's advice. */
export function adviseItems<
  T extends {
    id: string;
    status: string;
    touches: number;
    lastContact: CivilDate | null;
    referralAsk?: ReferralAskAdvice;
  },
>(items: readonly T[], asks: ReadonlyMap<string, CivilDate>, ctx: AskContext): T[] {
  return items.map((item) => ({
    ...item,
    referralAsk: askAdvice(
      {
        clientId: item.id,
        status: item.status,
        touches: item.touches,
        lastContact: item.lastContact,
        lastAsk: asks.get(item.id) ?? null,
      },
      ctx,
    ),
  }));
}
