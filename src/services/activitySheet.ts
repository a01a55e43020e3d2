// The Activity sheet (one row per weekly run, appended by header) and the short emails to the schedule's owner.
import {
  ACTIVITY_HEADERS,
  ACTIVITY_SHEET,
  activityCells,
  type ActivityRecord,
} from '../core/activity';
import { asCell } from './clientSheetWrite';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Appends one run's row, creating the sheet with its headers first; rows are matched by header. */
export function appendActivity(ss: Spreadsheet, record: ActivityRecord): void {
  let sheet = ss.getSheetByName(ACTIVITY_SHEET);
  let headers: string[];
  if (!sheet) {
    sheet = ss.insertSheet(ACTIVITY_SHEET);
    headers = [...ACTIVITY_HEADERS];
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold');
    sheet.setFrozenRows(1);
  } else {
    const width = Math.max(1, sheet.getLastColumn());
    headers = (sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]).map((h) =>
      String(h ?? '').trim(),
    );
    // A blank sheet (a run killed right after creating it) gets its header row first.
    if (headers.every((h) => !h)) {
      headers = [...ACTIVITY_HEADERS];
      sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
    }
  }
  // Text from the sheet or Gmail (names, reasons, error messages) stays text: "=..." is not a formula.
  sheet.appendRow(activityCells(record, headers).map((v) => asCell(v)));
}

/** A plain-text email to the owner through MailApp (it needs only script.send_mail). */
export function emailOwner(to: string, subject: string, body: string): void {
  if (!to) return;
  MailApp.sendEmail({ to, subject, body, name: 'Reconnect' });
}
