// What a weekly run tells: its Activity row, the owner's summary email, and the plain-words lines for what went wrong.
import type { MergeResult } from '../shared/mergeApi';
import type { ActivityRecord } from '../core/activity';
import { summaryEmail } from '../core/activity';
import { toItem } from '../core/callList';
import type { Client } from '../core/clients';
import type { CivilDate } from '../core/dates';
import { priorityOrder } from '../core/priority';
import { WAITING_QUOTA } from '../core/merge/status';
import { appendActivity, emailOwner } from '../services/activitySheet';
import { errorMessage } from '../services/mailer';
import type { MergeContext } from './mergeContext';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A run's record, filled in as it goes; written once at the end. */
export interface RunReport {
  record: ActivityRecord;
  /** Who got an email or a draft: "Ann Lee <ann@example.com>". */
  emailed: string[];
  emailedIds: Set<string>;
  attention: string[];
  campaignSent: number;
  /** Follow-ups sent or drafted, by template name. */
  followUps: Map<string, number>;
}

export function newReport(started: Date, week: CivilDate | ''): RunReport {
  return {
    record: {
      started,
      finished: started,
      week,
      selected: 0,
      sent: 0,
      drafted: 0,
      skipped: [],
      waiting: 0,
      errors: [],
      quotaLeft: null,
      notes: [],
    },
    emailed: [],
    emailedIds: new Set(),
    attention: [],
    campaignSent: 0,
    followUps: new Map(),
  };
}

/**
 * Adds one merge's result: counts, each skip with its reason, each refusal in words. A follow-up
 * part names its template, so the summary says which follow-up each client got.
 */
export function addResult(
  report: RunReport,
  result: MergeResult,
  kind: 'campaign' | 'cadence' | 'followUp',
  template = '',
): void {
  const r = report.record;
  r.sent += result.sent;
  r.drafted += result.drafted;
  r.waiting += result.waiting;
  r.quotaLeft = result.quotaLeft;
  if (kind === 'campaign') report.campaignSent += result.sent + result.drafted;
  if (kind === 'followUp' && result.sent + result.drafted > 0)
    report.followUps.set(
      template,
      (report.followUps.get(template) ?? 0) + result.sent + result.drafted,
    );
  const what = kind === 'followUp' ? ` (follow-up: ${template})` : '';
  for (const o of result.outcomes) {
    if (/^(Sent|Draft created) /.test(o.status)) {
      report.emailed.push(`${o.name} <${o.to}>${what}`);
      report.emailedIds.add(o.clientId);
    } else if (o.status.startsWith('Skipped: ')) r.skipped.push(`${o.name}: ${o.status.slice(9)}`);
    else if (o.status.startsWith('Error: ')) {
      const why = o.status.slice(7);
      r.errors.push(`${o.name}: ${why}`);
      report.attention.push(
        `Gmail refused to send to ${o.name} (${o.to || 'no address'}): ${why}. Fix their Email cell; next week's batch tries them again.`,
      );
    }
  }
  const quota = result.outcomes.filter((o) => o.status === WAITING_QUOTA).length;
  if (quota) {
    const line = `Today's email quota ran out: ${quota} ${quota === 1 ? 'email waits' : 'emails wait'} for tomorrow's run.`;
    r.notes.push(line);
    report.attention.push(line);
  }
  r.notes.push(...result.notices);
}

/** Something the owner should fix that did not stop the run (a follow-up template deleted): a note and a line for them. */
export function addProblem(report: RunReport, line: string): void {
  report.record.notes.push(line);
  report.attention.push(line);
}

/** "Follow-ups: 1 Post-purchase check-in, 2 Referral reminder." for the Activity row; "" when none. */
export function followUpLine(report: RunReport): string {
  if (!report.followUps.size) return '';
  const parts = [...report.followUps].map(([template, n]) => `${n} ${template}`);
  return `Follow-ups: ${parts.join(', ')}.`;
}

/** A failure that stopped the run: an error cell and a line for the owner. */
export function addFailure(report: RunReport, line: string, error?: unknown): void {
  report.record.errors.push(error === undefined ? line : `${line} (${errorMessage(error)})`);
  report.attention.push(line);
}

/** The top five of the call list (due, priority order) with their phone numbers, not emailed this run. */
export function toCall(
  ctx: MergeContext,
  clients: readonly Client[],
  emailedIds: ReadonlySet<string>,
): string[] {
  const items = clients
    .filter((c) => !c.doNotContact && c.phone && !emailedIds.has(c.id))
    .map((c) => toItem(c, ctx.today, ctx.settings.recencyMonths))
    .filter((i) => i.due);
  return priorityOrder(items, 5).map((i) => `${i.name}, ${i.phone}`);
}

/** Writes the Activity row (a failure to write it must not hide the run's own result). */
export function writeActivity(ss: Spreadsheet, report: RunReport, finished: Date): void {
  report.record.finished = finished;
  const line = followUpLine(report);
  if (line && !report.record.notes.includes(line)) report.record.notes.push(line);
  appendActivity(ss, report.record);
}

export interface SummaryContext {
  ss: Spreadsheet;
  owner: string;
  week: CivilDate;
  mode: 'send' | 'draft';
  toCall: string[];
  campaign: { reached: number; remaining: number; expectedDone: CivilDate | null };
}

export function sendSummary(report: RunReport, ctx: SummaryContext): void {
  const mail = summaryEmail({
    spreadsheetName: ctx.ss.getName(),
    spreadsheetUrl: ctx.ss.getUrl(),
    week: ctx.week,
    mode: ctx.mode,
    emailed: report.emailed,
    toCall: ctx.toCall,
    attention: report.attention,
    campaign: ctx.campaign,
  });
  try {
    emailOwner(ctx.owner, mail.subject, mail.body);
  } catch (error) {
    // Most often the day's quota, spent by the batch itself: the Activity row is the record.
    report.record.notes.push(`The summary email could not be sent: ${errorMessage(error)}`);
  }
}
