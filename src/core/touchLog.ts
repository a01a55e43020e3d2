// The touch log: the Touches sheet's columns, what a touch does to a client's own columns, and today's contact count.
import { CHANNELS, STATUSES } from '../shared/api';
import type { Client } from './clients';
import { isCivilDate, type CivilDate } from './dates';
import { nextDueFor, parseCadence } from './cadence';

export const TOUCH_SHEET = 'Touches';
/** The log's fields, in the order a new log gets them; older logs get "Touch ID" added at the end. */
export const TOUCH_FIELDS = [
  'date',
  'clientId',
  'client',
  'channel',
  'outcome',
  'notes',
  'step',
  'loggedBy',
  'touchId',
] as const;
export type TouchColumn = (typeof TOUCH_FIELDS)[number];

export const TOUCH_HEADER: Record<TouchColumn, string> = {
  date: 'Date',
  clientId: 'Client ID',
  client: 'Client',
  channel: 'Channel',
  outcome: 'Outcome',
  notes: 'Notes',
  step: 'Step',
  loggedBy: 'Logged by',
  touchId: 'Touch ID',
};

export const TOUCH_HEADERS = TOUCH_FIELDS.map((f) => TOUCH_HEADER[f]);

/** One row of the Touches log, as the add-on writes it and reads it back (texts, a civil date). */
export interface TouchRow {
  /** yyyy-MM-dd, or null when the cell is not a date. */
  date: CivilDate | null;
  clientId: string;
  client: string;
  channel: string;
  outcome: string;
  notes: string;
  step: string;
  loggedBy: string;
  touchId: string;
}

/** The log row of one recorded touch; the one place a Touches row is put together. */
export function touchRow(
  touch: TouchRecord,
  clientName: string,
  loggedBy: string,
  touchId: string,
): TouchRow {
  return {
    date: touch.date,
    clientId: touch.clientId,
    client: clientName,
    channel: touch.channel,
    outcome: touch.outcome,
    notes: touch.notes ?? '',
    step: touch.step ?? '',
    loggedBy,
    touchId,
  };
}

const squash = (h: unknown): string =>
  String(h ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * Where each field is in a log's header row: by header text (case, spaces and punctuation aside).
 * In a log of the add-on's width, a field whose header is gone is taken from its standard place when
 * no other field is there: renaming a header keeps the column in use. Fields found nowhere are
 * left out (the writer adds them at the end).
 */
export function touchColumns(header: readonly unknown[]): Partial<Record<TouchColumn, number>> {
  const names = header.map(squash);
  const columns: Partial<Record<TouchColumn, number>> = {};
  const taken = new Set<number>();
  TOUCH_FIELDS.forEach((f, standard) => {
    const wanted = [squash(TOUCH_HEADER[f]), ...(ALIASES[f] ?? [])];
    const found = names.flatMap((n, i) => (wanted.includes(n) && !taken.has(i) ? [i] : []));
    // Two columns with one header: the one in the standard place first.
    const i = found.includes(standard) ? standard : found[0];
    if (i !== undefined) {
      columns[f] = i;
      taken.add(i);
    }
  });
  // A log in the add-on's layout (8 columns or more) whose header the user renamed. "Touch ID"
  // came later: its standard place in an old log may hold the user's own column.
  if (names.length < TOUCH_FIELDS.length - 1) return columns;
  TOUCH_FIELDS.forEach((f, standard) => {
    if (columns[f] !== undefined || f === 'touchId') return;
    if (taken.has(standard)) return;
    columns[f] = standard;
    taken.add(standard);
  });
  return columns;
}

const ALIASES: Partial<Record<TouchColumn, string[]>> = {
  clientId: ['id', 'customerid', 'clientno', 'clientnumber'],
  touchId: ['touch'],
};

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
  /** What the sidebar's card showed: the row found by ID must still hold this client. */
  expect?: { name?: string; email?: string };
  /** Where the list saw this client: looked at first, trusted only if it holds the Client ID. */
  row?: number;
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
  if (touch.date < '1900-01-01') return `The touch date ${touch.date} is before 1900.`;
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
