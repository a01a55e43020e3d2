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

/**
 * Logged touches, in one read; columns found by header so a reordered log still reads. With
 * `lastRows`, only the tail of a long log is read (today's goal needs only what was appended
 * recently: a touch dated today was logged today), using the log's own column order, since the
 * header is not in that read.
 */
export function readTouches(
  ss: Spreadsheet,
  dates: CivilDates,
  options: { lastRows?: number } = {},
): { sheet: Sheet | null; touches: LoggedTouch[] } {
  const sheet = ss.getSheetByName(TOUCH_SHEET);
  if (!sheet) return { sheet: null, touches: [] };
  const tail = options.lastRows;
  const last = tail ? sheet.getLastRow() : 0;
  if (tail && last > tail + 1) {
    const first = last - tail + 1;
    const rows = sheet.getRange(first, 1, tail, TOUCH_HEADERS.length).getValues() as unknown[][];
    return { sheet, touches: toTouches(rows, first, dates, [0, 1, 3, 4, 5]) };
  }
  const values = sheet.getDataRange().getValues() as unknown[][];
  const header = (values[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const col = (name: string, fallback: number): number => {
    const i = header.indexOf(name.toLowerCase());
    return i >= 0 ? i : fallback;
  };
  const columns = [
    col('Date', 0),
    col('Client ID', 1),
    col('Channel', 3),
    col('Outcome', 4),
    col('Notes', 5),
  ];
  return { sheet, touches: toTouches(values.slice(1), 2, dates, columns) };
}

function toTouches(
  rows: unknown[][],
  firstRow: number,
  dates: CivilDates,
  [d, id, ch, out, notes]: number[],
): LoggedTouch[] {
  const touches: LoggedTouch[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const cell = row[d];
    const date = isDateCell(cell)
      ? dates.toCivil(cell)
      : typeof cell === 'string'
        ? parseDateText(cell)
        : null;
    touches.push({
      row: firstRow + r,
      date,
      clientId: String(row[id] ?? '').trim(),
      channel: String(row[ch] ?? ''),
      outcome: String(row[out] ?? ''),
      notes: String(row[notes] ?? ''),
    });
  }
  return touches;
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
