// What recording a referral does: the row to append or the fields to change, the touch to log with the referrer, and the toast's words.
import type { Referral, ReferralInput } from '../shared/api';
import type { Client } from './clients';
import type { CivilDate } from './dates';

/** A referral read from the sheet, with its row. */
export interface SheetReferral extends Referral {
  row: number;
}

/** The touch logged with the referrer when the referral came up in a conversation with them. */
export interface ReferralTouch {
  outcome: string;
  notes: string;
}

export interface ReferralPlan {
  /** The referral as it is after recording. */
  referral: Referral;
  /** A new row, or the row to update and the fields changed. */
  append: boolean;
  update?: { row: number; changes: Partial<Referral> };
  /** An open promise this referral fulfils: its row and the new status. */
  fulfils?: { row: number; referralId: string };
  touch?: ReferralTouch;
  message: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Decides what recording `input` does; throws a sentence when it cannot be recorded. */
export function planReferral(
  input: ReferralInput,
  referrer: Client,
  referrals: readonly SheetReferral[],
  today: CivilDate,
  newId: string,
): ReferralPlan {
  if (input.kind === 'contacted' || input.kind === 'won' || input.kind === 'lost')
    return planUpdate(input, referrer, referrals, today);
  const base: Referral = {
    referralId: newId,
    date: today,
    clientId: referrer.id,
    referrer: referrer.name,
    contact: { name: '', email: '', phone: '' },
    count: null,
    incentive: input.incentive?.trim() ?? '',
    due: null,
    status: 'Asked',
    statusDate: today,
    value: null,
    newClientId: '',
    notes: input.notes ?? '',
  };
  const who = referrer.name || 'this client';
  if (input.kind === 'asked') {
    const touch = { outcome: 'asked for referrals', notes: input.notes ?? '' };
    return { referral: base, append: true, touch, message: `Recorded a referral ask to ${who}.` };
  }
  if (input.kind === 'promised') return planPromise(input, base, who, today);
  return planReceived(input, base, who, referrals);
}

function planPromise(
  input: ReferralInput,
  base: Referral,
  who: string,
  today: CivilDate,
): ReferralPlan {
  if (input.due && input.due < today)
    throw new Error(`The promise's date ${input.due} has passed: give a day from today on.`);
  const count = input.count ?? 1;
  const referral = { ...base, status: 'Promised', count, due: input.due ?? null };
  const words = [`Promised ${plural(count, 'referral')}`];
  if (referral.incentive) words.push(`incentive: ${referral.incentive}`);
  if (referral.due) words.push(`by ${referral.due}`);
  const notes = [words.join(', '), input.notes ?? ''].filter(Boolean).join('. ');
  return {
    referral,
    append: true,
    touch: { outcome: 'promised referrals', notes },
    message: `Recorded ${plural(count, 'promised referral')} from ${who}.`,
  };
}

/** A person referred: a new row, and the referrer's oldest open promise counts as kept. */
function planReceived(
  input: ReferralInput,
  base: Referral,
  who: string,
  referrals: readonly SheetReferral[],
): ReferralPlan {
  const c = input.contact!;
  const contact = {
    name: c.name.trim(),
    email: c.email?.trim() ?? '',
    phone: c.phone?.trim() ?? '',
  };
  const referral = { ...base, status: 'Received', contact };
  const open = referrals
    .filter((r) => r.clientId === base.clientId && r.status === 'Promised')
    .sort((a, b) => String(a.date).localeCompare(String(b.date)))[0];
  const name = contact.name || contact.email || contact.phone;
  return {
    referral,
    append: true,
    fulfils: open ? { row: open.row, referralId: open.referralId } : undefined,
    touch: {
      outcome: 'referral received',
      notes: [`Referred ${name}`, input.notes ?? ''].filter(Boolean).join('. '),
    },
    message: `Recorded ${name}, referred by ${who}.`,
  };
}

const NEXT: Record<'contacted' | 'won' | 'lost', { from: string[]; status: string }> = {
  contacted: { from: ['Received', 'Contacted'], status: 'Contacted' },
  won: { from: ['Received', 'Contacted', 'Lost'], status: 'Won' },
  lost: { from: ['Received', 'Contacted', 'Won'], status: 'Lost' },
};

function planUpdate(
  input: ReferralInput,
  referrer: Client,
  referrals: readonly SheetReferral[],
  today: CivilDate,
): ReferralPlan {
  const kind = input.kind as 'contacted' | 'won' | 'lost';
  const id = input.referralId!.trim();
  const found = referrals.filter((r) => r.referralId === id);
  if (!found.length)
    throw new Error(
      `No referral has the ID "${id}" in the Referrals sheet (was the row deleted?).`,
    );
  if (found.length > 1)
    throw new Error(
      `Rows ${found.map((r) => r.row).join(' and ')} of the Referrals sheet share the ID ${id}: keep one.`,
    );
  const current = found[0];
  if (current.clientId !== referrer.id)
    throw new Error(
      `Referral ${id} came from ${current.referrer || current.clientId}, not ${referrer.name}.`,
    );
  if (!current.contact.name && !current.contact.email && !current.contact.phone)
    throw new Error(
      `Referral ${id} is a ${current.count ? 'promise' : 'referral ask'}, not a referred person: record the person with "Referral received", then mark them ${kind}.`,
    );
  const step = NEXT[kind];
  if (!step.from.includes(current.status))
    throw new Error(
      `Referral ${id} is ${current.status || 'without a status'}: only a referral received can be marked ${kind}.`,
    );
  const changes: Partial<Referral> = { status: step.status, statusDate: today };
  if (kind === 'won' && input.value !== undefined) changes.value = input.value;
  if (input.notes?.trim())
    changes.notes = [current.notes.trim(), `${today}: ${input.notes.trim()}`]
      .filter(Boolean)
      .join('\n');
  const name = current.contact.name || current.contact.email || 'The referral';
  const referral: Referral = { ...stripRow(current), ...changes };
  return {
    referral,
    append: false,
    update: { row: current.row, changes },
    message: `${name} is marked ${step.status.toLowerCase()}.`,
  };
}

function stripRow(r: SheetReferral): Referral {
  const { row, ...rest } = r;
  void row;
  return rest;
}
