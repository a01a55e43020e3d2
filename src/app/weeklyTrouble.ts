// The two failures a weekly run meets before it can open the spreadsheet: authorization lapsed, and a spreadsheet that can no longer be opened.
import { newReport, writeActivity, addFailure } from './weeklyReport';
import { emailOwner } from '../services/activitySheet';
import { errorMessage, userEmail } from '../services/mailer';
import { now } from '../services/clock';
import { openSpreadsheet, removeTriggerById } from '../services/triggers';
import { markOnce } from '../services/triggers';

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
