// Who a template is for, applied: the top of the list picked to match, and a warning on each email that does not.
import type { Client } from '../clients';
import { addMonths, daysBetween, type CivilDate } from '../dates';
import { timeInWords } from '../../shared/timeWords';
import type { Template } from './templates';

/**
 * Who a template is for. silent: not reached for six months or more (the apology, the letter);
 * recent: reached in the last few days (the follow-up; exempt from the recently-contacted skip);
 * purchase: by purchase date; referral: an open referral commitment; anyone: no rule.
 */
export type Audience = 'silent' | 'recent' | 'purchase' | 'referral' | 'anyone';

/** The Audience column's words, as the Templates sheet shows them. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  silent: 'Silent 6 months or more',
  recent: 'Reached in the last few days',
  purchase: 'By purchase date',
  referral: 'Open referral commitment',
  anyone: 'Anyone',
};

/** The Audience cell read loosely: the label, the key, or its first word ("Silent", "Recent"). */
export function parseAudience(text: string): Audience | null {
  const t = text.trim().toLowerCase();
  for (const [key, label] of Object.entries(AUDIENCE_LABELS) as [Audience, string][]) {
    if (t === key || t === label.toLowerCase()) return key;
  }
  if (/^silent/.test(t)) return 'silent';
  if (/^(recent|reached)/.test(t)) return 'recent';
  if (/purchase/.test(t)) return 'purchase';
  if (/referral/.test(t)) return 'referral';
  if (/^any/.test(t)) return 'anyone';
  return null;
}

/** Silent this many months or more: the apology's and the letter's audience. */
export const SILENT_MONTHS = 6;

const FOR_WHOM: Record<Audience, string> = {
  silent: `clients silent six months or more`,
  recent: 'clients reached in the last few days',
  purchase: 'clients about a week or a month after a purchase',
  referral: 'clients who offered an introduction when you last spoke',
  anyone: 'anyone',
};

interface Ctx {
  today: CivilDate;
  recentDays: number;
}

function silentSince(client: Client, today: CivilDate): boolean {
  return !client.lastContact || client.lastContact <= addMonths(today, -SILENT_MONTHS);
}

function reachedRecently(client: Client, ctx: Ctx): boolean {
  return !!client.lastContact && daysBetween(client.lastContact, ctx.today) < ctx.recentDays;
}

/** A post-sale step lapses 30 days after its day; the survey's is 30 days after the purchase. */
export const PURCHASE_WINDOW_DAYS = 60;

/** Bought in the post-sale window (a purchase date on or before today, at most 60 days back). */
export function boughtRecently(client: Client, today: CivilDate): boolean {
  if (!client.purchaseDate || client.purchaseDate > today) return false;
  return daysBetween(client.purchaseDate, today) <= PURCHASE_WINDOW_DAYS;
}

/** Whether the client is who the template is for (purchase: unknown without a purchase date, so no). */
function matches(audience: Audience, client: Client, ctx: Ctx): boolean {
  switch (audience) {
    case 'silent':
      return silentSince(client, ctx.today);
    case 'recent':
      return reachedRecently(client, ctx);
    case 'referral':
      return !silentSince(client, ctx.today);
    case 'purchase':
      return boughtRecently(client, ctx.today);
    case 'anyone':
      return true;
  }
}

/** The warning shown on one email whose client is not who the template is for, or null. */
export function audienceWarning(
  template: Pick<Template, 'name' | 'audience'>,
  client: Client,
  ctx: Ctx,
): string | null {
  const audience = template.audience ?? 'anyone';
  if (matches(audience, client, ctx)) return null;
  const who = client.name || client.email || 'This client';
  const forWhom = `"${template.name}" is for ${FOR_WHOM[audience]}`;
  if (audience === 'purchase') {
    if (client.purchaseDate)
      return `${who} bought on ${client.purchaseDate}, over ${PURCHASE_WINDOW_DAYS} days ago: ${forWhom}.`;
    return `The client sheet has no purchase date for ${who}: check that they bought recently. ${forWhom}.`;
  }
  const since = client.lastContact
    ? `was last contacted ${agoWords(daysBetween(client.lastContact, ctx.today))}`
    : 'has no contact recorded';
  return `${who} ${since}: ${forWhom}.`;
}

function agoWords(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${timeInWords(days)} ago`;
}

/**
 * "Top of the list" picked for the template: only clients it is for (the follow-up: most recently
 * reached first). Returns the candidates and a notice when the audience changed the pick.
 */
export function pickForAudience(
  template: Pick<Template, 'name' | 'audience'>,
  candidates: readonly Client[],
  ctx: Ctx,
): { clients: readonly Client[]; notice: string | null } {
  const audience = template.audience ?? 'anyone';
  if (audience === 'anyone' || audience === 'purchase')
    return { clients: candidates, notice: null };
  const fit = candidates.filter((c) => matches(audience, c, ctx));
  if (audience === 'recent') {
    fit.sort((a, b) => (b.lastContact ?? '').localeCompare(a.lastContact ?? ''));
    const n = fit.length;
    return {
      clients: fit,
      notice: `${n} ${n === 1 ? 'client was' : 'clients were'} reached in the last ${ctx.recentDays} days: "${template.name}" is for them.`,
    };
  }
  const left = candidates.length - fit.length;
  if (left === 0) return { clients: fit, notice: null };
  return {
    clients: fit,
    notice: `${left} ${left === 1 ? 'client' : 'clients'} left out: "${template.name}" is for ${FOR_WHOM[audience]}.`,
  };
}
