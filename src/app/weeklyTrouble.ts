// What stops a weekly run, in plain words: authorization lapsed, a spreadsheet that can no longer be opened, a missing sheet, column or template (the schedule pauses), anything else (retried).
import { addFailure, newReport, writeActivity } from './weeklyReport';
import { emailOwner } from '../services/activitySheet';
import { errorMessage, userEmail } from '../services/mailer';
import { now } from '../services/clock';
import { markOnce, openSpreadsheet, removeTriggerById } from '../services/triggers';
import { writeRecord } from '../services/scheduleStore';
import type { RunState } from '../core/scheduleRecord';
import type { MergeContext } from './mergeContext';
import type { RunReport } from './weeklyReport';
import type { WeekRun } from './weeklyRun';

/**
 * Authorization is needed again (an update added a scope, or access was revoked): nothing is sent.
 * The owner gets one email a day at most with the one step to fix it (MailApp works while
 * script.send_mail is still granted); the Activity sheet gets a row if it can still be written.
 */
export function authorizationLapsed(ssId: string, url: string | null, started: Date): void {
  const line =
    'Reconnect needs your permission again before it can send the weekly batches (an update added a permission, or access was removed).';
  const step = `Open the spreadsheet, then Extensions > Reconnect > Weekly batches, and allow access when asked${url ? ` (or open ${url})` : ''}. Nothing is sent until then.`;
  try {
    const ss = openSpreadsheet(ssId);
    const report = newReport(started, '');
    addFailure(report, `${line} ${step}`);
    writeActivity(ss, report, now());
  } catch {
    // The spreadsheet scope itself may be what lapsed: the email below is the record then.
  }
  try {
    const to = userEmail();
    if (markOnce(`auth.${ssId}`, started))
      emailOwner(to, 'Reconnect: weekly batches need your permission', `${line}\n\n${step}`);
  } catch {
    // Nothing else can reach the owner from here; the next run tries again.
  }
}

/** The spreadsheet is deleted or no longer shared with the owner: the trigger removes itself. */
export function spreadsheetGone(ssId: string, triggerId: string, error: unknown): void {
  removeTriggerById(triggerId);
  try {
    emailOwner(
      userEmail(),
      'Reconnect: weekly batches stopped',
      `The weekly batches stopped because their spreadsheet (ID ${ssId}) can no longer be opened: it was deleted, or your access to it was removed (${errorMessage(error)}). Their trigger has been removed, so nothing more will run. To start again, open the spreadsheet and set up Weekly batches.`,
    );
  } catch {
    // The trigger is gone either way.
  }
}

/** The batches need the Email and Last Contact columns: without them every client would be skipped or look silent. */
export function checkColumns(ctx: MergeContext): void {
  const missing = [
    ctx.cs.columns.email === undefined ? 'Email' : '',
    ctx.cs.columns.lastContact === undefined ? 'Last Contact' : '',
  ].filter(Boolean);
  if (missing.length) {
    throw new Paused(
      `The ${missing.join(' and ')} column${missing.length > 1 ? 's are' : ' is'} missing from "${ctx.cs.sheet.getName()}" (removed or renamed).`,
      'Put it back (or map it in Reconnect > Settings), then resume them in Weekly batches.',
    );
  }
}

/** Failures that would fail every day until fixed pause the schedule; others are retried tomorrow. */
export class Paused extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

export function failed(run: WeekRun, state: RunState, report: RunReport, error: unknown): RunState {
  const message = errorMessage(error);
  const sheetName = run.record.settings.clientSheet;
  let line: string;
  let pause = true;
  if (error instanceof Paused)
    line = `${message} The weekly batches are paused: fix it, then resume them.`;
  else if (/There is no sheet named/.test(message) || !run.ss.getSheetByName(sheetName)) {
    line = `The client sheet "${sheetName}" is gone (renamed or deleted), so the weekly batches are paused. Rename it back, or choose the right sheet in Reconnect > Settings, then resume them in Weekly batches.`;
  } else if (/column|header/i.test(message)) {
    line = `A column the batches need is missing from "${sheetName}": ${message} The weekly batches are paused until it is back; then resume them.`;
  } else if (/template/i.test(message)) {
    line = `${message} The weekly batches are paused: choose a template in Weekly batches to resume them.`;
  } else {
    pause = false;
    line = `The run stopped: ${message}. The next run tries again.`;
  }
  addFailure(report, line);
  if (pause) {
    writeRecord(run.sheet, { ...run.record, schedule: { ...run.record.schedule, paused: true } });
    removeTriggerById(run.triggerId);
  }
  return { ...state, attention: [...state.attention, line] };
}
