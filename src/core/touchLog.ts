// The touch log: the Touches sheet's columns, what a touch does to a client's own columns, and today's contact count.
import { CHANNELS, STATUSES } from '../shared/api';
import type { Client } from './clients';
import { isCivilDate, type CivilDate } from './dates';
import { nextDueFor, parseCadence } from './cadence';

export const TOUCH_SHEET = 'Touches';
export const TOUCH_HEADERS = [
  'Date',
  'Client ID',
  'Client',
  'Channel',
  'Outcome',
  'Notes',
  'Step',
  'Logged by',
] as const;

/** One touch to record: from the sidebar (logTouch) or a mail-merge batch. */
export interface TouchRecord {
  clientId: string;
  /** yyyy-MM-dd in the spreadsheet's time zone; never in the future; '' means today. */
  date: string;
  channel: string;
  outcome: string;
  notes?: string;
  /** The merge step or template name; "" from the sidebar. */
  step?: string;
  cadence?: string;
  status?: string;
  /** Text for the Merge Status column (issue 5). */
  mergeStatus?: string;
}

/** Outcomes where nobody was reached and no message was left: the silence goes on. */
const NOT_A_CONTACT = new Set(['no answer', 'wrong number']);

/** Why a touch cannot be recorded, or null when it can. */
export function touchProblem(
  touch: TouchRecord,
  client: Client | undefined,
  today: CivilDate,
): string | null {
  if (!client) {
    return `No client has the ID "${touch.clientId}" in the client sheet (was the row deleted?). Reload the list and try again.`;
  }
  if (!isCivilDate(touch.date)) return `"${touch.date}" is not a date (expected yyyy-MM-dd).`;
  if (touch.date > today)
    return `The touch date ${touch.date} is in the future: log touches on or before today (${today}).`;
  if (!(CHANNELS as readonly string[]).includes(touch.channel)) {
    return `"${touch.channel}" is not a channel (${CHANNELS.join(', ')}).`;
  }
  if (
    touch.cadence !== undefined &&
    touch.cadence !== '' &&
    parseCadence(touch.cadence) === undefined
  ) {
    return `"${touch.cadence}" is not a cadence: use Quarterly, Twice a year, Yearly or a number of days.`;
  }
  if (
    touch.status !== undefined &&
    touch.status !== '' &&
    !(STATUSES as readonly string[]).includes(touch.status)
  ) {
    return `"${touch.status}" is not a status (${STATUSES.join(', ')}).`;
  }
  return null;
}

/**
 * The client after a touch. Last Contact moves to the touch's date, never backwards (an older touch
 * logged late keeps the latest date), except when nobody was reached ("no answer", "wrong number").
 * Status follows the outcome unless one is given: reached -> Reconnected, raised a problem ->
 * Recovery, wrong number -> Wrong number; "do not contact" ticks Do Not Contact.
 */
export function applyTouch(client: Client, touch: TouchRecord): Client {
  const next: Client = { ...client };
  const isLatest = !client.lastContact || touch.date >= client.lastContact;
  const outcome = touch.outcome.trim().toLowerCase();
  if (!NOT_A_CONTACT.has(outcome) && isLatest) next.lastContact = touch.date;
  next.touches = client.touches + 1;
  if (isLatest) next.lastChannel = touch.channel;
  if (touch.cadence !== undefined && touch.cadence !== '') next.cadence = touch.cadence.trim();
  if (touch.status) next.status = touch.status;
  else if (outcome === 'raised a problem') next.status = 'Recovery';
  else if (outcome === 'wrong number') next.status = 'Wrong number';
  else if (outcome === 'reached' && (client.status === '' || client.status === 'To reconnect')) {
    next.status = 'Reconnected';
  }
  if (outcome === 'do not contact') next.doNotContact = true;
  if (next.lastContact !== client.lastContact || next.cadence !== client.cadence) {
    next.nextDue = nextDueFor(next.lastContact, parseCadence(next.cadence) ?? null);
  }
  if (touch.mergeStatus !== undefined) next.mergeStatus = touch.mergeStatus;
  return next;
}

/** The owned fields a touch may change. */
export const TOUCHED_FIELDS = [
  'lastContact',
  'touches',
  'lastChannel',
  'cadence',
  'status',
  'nextDue',
  'doNotContact',
  'mergeStatus',
] as const;
export type TouchedField = (typeof TOUCHED_FIELDS)[number];

/** The fields that differ between two versions of a client. */
export function changedFields(before: Client, after: Client): TouchedField[] {
  return TOUCHED_FIELDS.filter((f) => before[f] !== after[f]);
}

/** Contacts logged for `today` (every channel but notes). */
export function countContactsOn(
  rows: readonly { date: CivilDate | null; channel: string }[],
  today: CivilDate,
): number {
  let n = 0;
  for (const r of rows) if (r.date === today && r.channel.trim().toLowerCase() !== 'note') n += 1;
  return n;
}

const VERBS: Record<string, string> = {
  call: 'a call with',
  voicemail: 'a voicemail for',
  email: 'an email to',
  letter: 'a letter to',
  meeting: 'a meeting with',
  note: 'a note on',
};

/** "Logged a call with Ann Lee" (with the date when it is not today). */
export function touchMessage(touch: TouchRecord, name: string, today: CivilDate): string {
  const what = VERBS[touch.channel] ?? `a ${touch.channel} with`;
  return `Logged ${what} ${name || 'this client'}${touch.date === today ? '' : ` on ${touch.date}`}.`;
}
