// Who must not get this template, and why: Do Not Contact, bad email, already sent, Recovery, contacted recently.
import type { Client } from '../clients';
import { daysBetween, type CivilDate } from '../dates';
import { parseSentStatus, type SentKind } from './status';
import { isReferralTemplate, type Template } from './templates';

/** A template already sent (or drafted, or printed) to a client, from any of the three records. */
export interface PriorSend {
  kind: SentKind;
  date: CivilDate;
}

export type SendHistory = Map<string, PriorSend>;

export function historyKey(clientId: string, template: string): string {
  return `${clientId}\n${template.trim().toLowerCase()}`;
}

/** A row of the Touches log, as far as the merge needs it. */
export interface LoggedTouch {
  clientId: string;
  date: CivilDate;
  channel: string;
  step: string;
  notes?: string;
  /** "sent", "replied", a call's outcome... (absent in older callers). */
  outcome?: string;
}

/**
 * Clients whose latest touch is a reply nobody answered yet: no follow-up or scheduled email goes to
 * them (a reply is a call to make, not a reason for another email).
 */
export function awaitingCallBack(touches: readonly LoggedTouch[]): Map<string, CivilDate> {
  const latest = new Map<string, LoggedTouch>();
  for (const t of touches) if (t.clientId) latest.set(t.clientId, t);
  const out = new Map<string, CivilDate>();
  for (const [id, t] of latest) {
    if ((t.outcome ?? '').trim().toLowerCase() === 'replied') out.set(id, t.date);
  }
  return out;
}

/**
 * What has already gone out, merged from the Touches log (channel email or letter, Step = template),
 * the clients' Merge Status, and journal entries not yet written to the sheet. Any one of them is
 * enough to skip: the sheet can be edited by hand, and the journal outlives a killed run.
 */
export function buildHistory(
  touches: readonly LoggedTouch[],
  clients: readonly Pick<Client, 'id' | 'mergeStatus'>[],
  journal: readonly { clientId: string; template: string; kind: SentKind; date: CivilDate }[],
): SendHistory {
  const history: SendHistory = new Map();
  const add = (clientId: string, template: string, prior: PriorSend) => {
    if (!clientId || !template) return;
    const key = historyKey(clientId, template);
    const seen = history.get(key);
    // A real send outranks a draft ("already sent" is the stronger reason); then the latest wins.
    if (
      !seen ||
      (isDraft(seen.kind) && !isDraft(prior.kind)) ||
      (isDraft(seen.kind) === isDraft(prior.kind) && prior.date > seen.date)
    )
      history.set(key, prior);
  };
  for (const t of touches) {
    const channel = t.channel.trim().toLowerCase();
    if (channel !== 'email' && channel !== 'letter') continue;
    add(t.clientId, t.step, { kind: channel === 'letter' ? 'letter' : 'sent', date: t.date });
  }
  for (const c of clients) {
    const parsed = parseSentStatus(c.mergeStatus);
    if (parsed) add(c.id, parsed.template, { kind: parsed.kind, date: parsed.date });
  }
  for (const j of journal) add(j.clientId, j.template, { kind: j.kind, date: j.date });
  return history;
}

function isDraft(kind: SentKind): boolean {
  return kind === 'draft' || kind === 'draftUnconfirmed';
}

export interface SkipContext {
  template: Pick<Template, 'name' | 'notes' | 'channel' | 'audience'>;
  today: CivilDate;
  /** Contacted within this many days: skipped (Settings.recentDays, 14 by default). */
  recentDays: number;
  history: SendHistory;
  /** Client ID -> the day of an unanswered reply (awaitingCallBack). */
  replied?: ReadonlyMap<string, CivilDate>;
  /**
   * A template sent on each client's cadence: one who got it before gets it again once due again
   * (Next Due reached, and the last send before it). A draft or an unconfirmed send still holds.
   */
  repeatWhenDue?: boolean;
}

/** A post-sale template, and the client's last contact was on or before their purchase date. */
function contactWasTheSale(client: Client, ctx: SkipContext): boolean {
  return (
    ctx.template.audience === 'purchase' &&
    !!client.purchaseDate &&
    !!client.lastContact &&
    client.lastContact <= client.purchaseDate
  );
}

/** The client is due again since this template last went out (for a template sent on a cadence). */
export function dueAgain(client: Client, prior: PriorSend, today: CivilDate): boolean {
  if (prior.kind !== 'sent' && prior.kind !== 'letter') return false;
  return client.nextDue !== null && client.nextDue <= today && prior.date < client.nextDue;
}

/**
 * The first rule that stops this client getting the template, as the reason the user reads, or
 * null. `rawEmail` is the Email cell as displayed, so an invalid one can be quoted back.
 */
export function skipReason(client: Client, rawEmail: string, ctx: SkipContext): string | null {
  if (client.doNotContact) return 'Do Not Contact';
  if (ctx.template.channel === 'email') {
    if (!client.email) {
      const typed = rawEmail.trim();
      return typed ? `invalid email '${typed}'` : 'no email address';
    }
  }
  const replied = ctx.replied?.get(client.id);
  if (replied && ctx.template.channel === 'email') return `replied on ${replied}: call them back`;
  const prior = ctx.history.get(historyKey(client.id, ctx.template.name));
  if (prior && !(ctx.repeatWhenDue && dueAgain(client, prior, ctx.today)))
    return priorReason(prior, ctx.template.name);
  if (isReferralTemplate(ctx.template) && /^recovery$/i.test(client.status.trim())) {
    return 'in Recovery: no referral asks while a problem is open';
  }
  // The follow-up is for the client just reached, and a post-sale check-in for a client last
  // contacted at the sale itself: the recently-contacted rule is for neither.
  if (client.lastContact && ctx.template.audience !== 'recent' && !contactWasTheSale(client, ctx)) {
    const days = daysBetween(client.lastContact, ctx.today);
    if (days < ctx.recentDays) {
      const when = days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
      return `contacted ${when} (less than ${ctx.recentDays} days)`;
    }
  }
  return null;
}

function priorReason(prior: PriorSend, template: string): string {
  switch (prior.kind) {
    case 'draft':
    case 'draftUnconfirmed':
      return `a draft of "${template}" was created on ${prior.date} (see Gmail Drafts)`;
    case 'unconfirmed':
      return `"${template}" may already have gone out on ${prior.date} (unconfirmed)`;
    case 'letter':
      return `the letter "${template}" was sent on ${prior.date}`;
    default:
      return `already sent "${template}" on ${prior.date}`;
  }
}
