// The Touches sheet: created with its headers when missing, appended in one batched write, read for today's goal and for undo.
import { TOUCH_HEADERS, TOUCH_SHEET } from '../core/touchLog';
import { isDateCell } from '../core/clients';
import { parseDateText } from '../core/dates';
import type { CivilDates } from './civilDates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Touches sheet, created (headers, frozen row, date format) when it does not exist yet. */
export function ensureTouchSheet(ss: Spreadsheet): Sheet {
  const existing = ss.getSheetByName(TOUCH_SHEET);
  if (existing) return existing;
  const sheet = ss.insertSheet(TOUCH_SHEET);
  sheet
    .getRange(1, 1, 1, TOUCH_HEADERS.length)
    .setValues([[...TOUCH_HEADERS]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd');
  return sheet;
}

/** Appends rows after the last one in one setValues (the grid grows first when full). */
export function appendTouchRows(sheet: Sheet, rows: unknown[][]): number {
  if (!rows.length) return 0;
  const last = sheet.getLastRow();
  const max = sheet.getMaxRows();
  if (last + rows.length > max) sheet.insertRowsAfter(max, last + rows.length - max);
  sheet.getRange(last + 1, 1, rows.length, TOUCH_HEADERS.length).setValues(rows);
  return last + 1;
}

export interface LoggedTouch {
  row: number;
  date: string | null;
  clientId: string;
  channel: string;
  outcome: string;
  notes: string;
}

/** Every logged touch, in one read; columns found by header so a reordered log still reads. */
export function readTouches(
  ss: Spreadsheet,
  dates: CivilDates,
): { sheet: Sheet | null; touches: LoggedTouch[] } {
  const sheet = ss.getSheetByName(TOUCH_SHEET);
  if (!sheet) return { sheet: null, touches: [] };
  const values = sheet.getDataRange().getValues() as unknown[][];
  const header = (values[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const col = (name: string, fallback: number): number => {
    const i = header.indexOf(name.toLowerCase());
    return i >= 0 ? i : fallback;
  };
  const [d, id, ch, out, notes] = [
    col('Date', 0),
    col('Client ID', 1),
    col('Channel', 3),
    col('Outcome', 4),
    col('Notes', 5),
  ];
  const touches: LoggedTouch[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const cell = row[d];
    const date = isDateCell(cell)
      ? dates.toCivil(cell)
      : typeof cell === 'string'
        ? parseDateText(cell)
        : null;
    touches.push({
      row: r + 1,
      date,
      clientId: String(row[id] ?? '').trim(),
      channel: String(row[ch] ?? ''),
      outcome: String(row[out] ?? ''),
      notes: String(row[notes] ?? ''),
    });
  }
  return { sheet, touches };
}

/** Who is logging: the signed-in user's email (empty for consumer accounts in some contexts). */
export function currentUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

export function deleteTouchRow(sheet: Sheet, row: number): void {
  sheet.deleteRow(row);
}
