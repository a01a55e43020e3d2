// The Activity record: one row per weekly run (its one format, read and appended by header), and the owner's summary email, in plain words.
import type { CivilDate } from './dates';

export const ACTIVITY_SHEET = 'Activity';
export const ACTIVITY_HEADERS = [
  'Started',
  'Finished',
  'Week',
  'Selected',
  'Sent',
  'Drafted',
  'Skipped',
  'Waiting',
  'Errors',
  'Quota left',
  'Duration (s)',
  'Notes',
] as const;

export interface ActivityRecord {
  started: Date;
  finished: Date;
  /** The batch day naming the week ("" when the run stopped before knowing it). */
  week: CivilDate | '';
  selected: number;
  sent: number;
  drafted: number;
  /** Each skip with its reason: "Ann Lee: no email address". */
  skipped: string[];
  waiting: number;
  /** Failures in plain words (one line each). */
  errors: string[];
  /** Email recipients left today, or null when unknown. */
  quotaLeft: number | null;
  /** Anything else worth a line: "Campaign done", "Carried over from Monday". */
  notes: string[];
}

/** The cells of a record, by header: a header the user renamed or added gets "" (their column). */
export function activityCells(
  record: ActivityRecord,
  headers: readonly string[],
): Array<string | number | Date> {
  const values: Record<string, string | number | Date> = {
    Started: record.started,
    Finished: record.finished,
    Week: record.week,
    Selected: record.selected,
    Sent: record.sent,
    Drafted: record.drafted,
    Skipped: record.skipped.length ? `${record.skipped.length}: ${record.skipped.join('; ')}` : 0,
    Waiting: record.waiting,
    Errors: record.errors.join('; '),
    'Quota left': record.quotaLeft ?? '',
    'Duration (s)': Math.round((record.finished.getTime() - record.started.getTime()) / 100) / 10,
    Notes: record.notes.join(' '),
  };
  return headers.map((h) => (Object.prototype.hasOwnProperty.call(values, h) ? values[h] : ''));
}

export interface SummaryInput {
  spreadsheetName: string;
  spreadsheetUrl: string;
  week: CivilDate;
  mode: 'send' | 'draft';
  /** Who got an email (or a draft) this run: "Ann Lee <ann@example.com>". */
  emailed: string[];
  /** The top of the call list: "Bob Stone, 555-0100". */
  toCall: string[];
  /** Anything that needs the owner (failures, skips worth a look, campaign done). */
  attention: string[];
  campaign: { reached: number; remaining: number; expectedDone: CivilDate | null };
}

/** The summary email: a subject and a plain-text body, short enough to read on a phone. */
export function summaryEmail(input: SummaryInput): { subject: string; body: string } {
  const n = input.emailed.length;
  const verb = input.mode === 'send' ? 'emailed' : 'drafted emails to';
  const subject = `Reconnect: ${n === 0 ? 'weekly batch' : `${verb} ${n} client${n === 1 ? '' : 's'}`} (week of ${input.week})`;
  const lines: string[] = [];
  if (input.attention.length) {
    lines.push('Needs your attention:', ...input.attention.map((a) => `- ${a}`), '');
  }
  if (n) {
    lines.push(
      input.mode === 'send' ? 'Emailed this week:' : 'Drafts waiting in Gmail for your review:',
      ...input.emailed.map((e) => `- ${e}`),
      '',
    );
  }
  if (input.toCall.length) lines.push('Call this week:', ...input.toCall.map((c) => `- ${c}`), '');
  const c = input.campaign;
  lines.push(
    c.remaining === 0
      ? `Campaign: everyone silent six months or more has been reached (${c.reached}).`
      : `Campaign: ${c.reached} reached, ${c.remaining} to go; at this pace done the week of ${c.expectedDone}.`,
    '',
    `Spreadsheet: ${input.spreadsheetName} ${input.spreadsheetUrl}`,
    'The Activity sheet lists every run. To change or pause the weekly batches: Extensions > Reconnect > Weekly batches.',
  );
  return { subject, body: lines.join('\n') };
}
