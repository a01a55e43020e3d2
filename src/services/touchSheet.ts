// The Touches sheet: the one writer (appends by header, adds missing headers, a cleared log gets its header first) and the one reader, by header.
import { noteTouchLogChanged } from './listCache';
import {
  TOUCH_FIELDS,
  TOUCH_HEADER,
  TOUCH_SHEET,
  touchColumns,
  type TouchColumn,
  type TouchRow,
} from '../core/touchLog';
import { isDateCell } from '../core/clients';
import { parseDateText } from '../core/dates';
import { touchIdFromUuid } from '../core/ids';
import { runs } from '../core/runs';
import { ensureRecordSheet, openAppend, type RecordFormat } from './recordSheet';
import type { CivilDates } from './civilDates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Columns = Partial<Record<TouchColumn, number>>;

/** The Touches log as a record sheet: the format the shared writer appends by. */
export const TOUCH_FORMAT: RecordFormat<TouchColumn> = {
  sheet: TOUCH_SHEET,
  fields: TOUCH_FIELDS,
  header: TOUCH_HEADER,
  columns: touchColumns,
  dateFields: ['date'],
};

/** The Touches sheet, created (headers, frozen row, date format) when it does not exist yet. */
export function ensureTouchSheet(ss: Spreadsheet): Sheet {
  return ensureRecordSheet(ss, TOUCH_FORMAT);
}

/** A new Touch ID from Utilities.getUuid ("T-" + 10 base-36 characters). */
export function newTouchId(): string {
  return touchIdFromUuid(Utilities.getUuid());
}

/** An append to the Touches log, its header read when opened (before the operation's first write). */
export interface TouchAppender {
  append(dates: CivilDates, rows: readonly TouchRow[]): void;
}

/**
 * Opens an append to the log by header (services/recordSheet.ts): open it before writing anything
 * else, so that no read of the log waits for an earlier write.
 */
export function openTouchAppend(ss: Spreadsheet): TouchAppender {
  const appender = openAppend(ss, TOUCH_FORMAT);
  return {
    append(dates, rows) {
      if (!rows.length) return;
      appender.append(dates, rows as unknown as Record<TouchColumn, unknown>[]);
      // After the write: the call list's count of today's contacts is taken again (listCache.ts).
      noteTouchLogChanged(ss.getId());
    },
  };
}

/** Appends touches to the log, by header, in one write (two when headers are added to a log that has rows). */
export function appendTouches(ss: Spreadsheet, dates: CivilDates, rows: readonly TouchRow[]): void {
  if (rows.length) openTouchAppend(ss).append(dates, rows);
}

/** A logged touch and its sheet row. */
export interface LoggedTouch extends TouchRow {
  row: number;
}

export interface TouchLog {
  sheet: Sheet | null;
  touches: LoggedTouch[];
}

/**
 * The logged touches, read by header in one read (getDataRange). With `lastRows`, only the header
 * and the tail of a long log are read (today's goal needs only what was appended recently).
 */
export function readTouchLog(
  ss: Spreadsheet,
  dates: CivilDates,
  options: { lastRows?: number } = {},
): TouchLog {
  const sheet = ss.getSheetByName(TOUCH_SHEET);
  if (!sheet) return { sheet: null, touches: [] };
  const tail = options.lastRows;
  // One extent call (about 160 ms, dev/emulator/cost.ts): the data range knows both its ends.
  const extent = sheet.getDataRange();
  const last = extent.getLastRow();
  if (tail && last > tail + 1) {
    const width = extent.getLastColumn();
    const header = sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[];
    const first = last - tail + 1;
    const rows = sheet.getRange(first, 1, tail, width).getValues() as unknown[][];
    return { sheet, touches: toTouches(rows, first, dates, touchColumns(header)) };
  }
  const values = extent.getValues() as unknown[][];
  return { sheet, touches: toTouches(values.slice(1), 2, dates, touchColumns(values[0] ?? [])) };
}

/**
 * The touches dated `since` or later, from the whole log: its Date column read for every row (one
 * cell a row), then only the rows dated since then, whole, one read per run of nearby rows. Exact
 * whatever the order of the log (a touch logged late for an old date, a pasted history).
 */
export function readTouchesSince(ss: Spreadsheet, dates: CivilDates, since: string): TouchLog {
  const sheet = ss.getSheetByName(TOUCH_SHEET);
  if (!sheet) return { sheet: null, touches: [] };
  const extent = sheet.getDataRange();
  const last = extent.getLastRow();
  const width = extent.getLastColumn();
  if (last < 2 || width < 1) return { sheet, touches: [] };
  const columns = touchColumns(sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]);
  // Without a Date column no touch has a date, so none is dated since.
  if (columns.date === undefined) return { sheet, touches: [] };
  const cells = sheet.getRange(2, columns.date + 1, last - 1, 1).getValues() as unknown[][];
  const rows: number[] = [];
  cells.forEach(([cell], i) => {
    const date = touchCellDate(cell, dates);
    if (date !== null && date >= since) rows.push(i + 2);
  });
  const touches: LoggedTouch[] = [];
  const wanted = new Set(rows);
  for (const [first, end] of runs(rows, 4)) {
    const values = sheet.getRange(first, 1, end - first + 1, width).getValues() as unknown[][];
    touches.push(...toTouches(values, first, dates, columns).filter((t) => wanted.has(t.row)));
  }
  return { sheet, touches };
}

/** A log's Date cell as a calendar day: a Date, or text in a common format; null otherwise. */
export function touchCellDate(cell: unknown, dates: CivilDates): string | null {
  if (isDateCell(cell)) return dates.toCivil(cell);
  return typeof cell === 'string' ? parseDateText(cell) : null;
}

function toTouches(
  rows: unknown[][],
  firstRow: number,
  dates: CivilDates,
  columns: Columns,
): LoggedTouch[] {
  const touches: LoggedTouch[] = [];
  const at = (row: unknown[], f: TouchColumn): unknown => {
    const c = columns[f];
    return c === undefined ? '' : row[c];
  };
  const textAt = (row: unknown[], f: TouchColumn): string => touchCellText(at(row, f), dates);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const date = touchCellDate(at(row, 'date'), dates);
    touches.push({
      row: firstRow + r,
      date,
      clientId: textAt(row, 'clientId').trim(),
      client: textAt(row, 'client'),
      channel: textAt(row, 'channel'),
      outcome: textAt(row, 'outcome'),
      notes: textAt(row, 'notes'),
      step: textAt(row, 'step').trim(),
      loggedBy: textAt(row, 'loggedBy'),
      touchId: textAt(row, 'touchId').trim(),
    });
  }
  return touches;
}

/** A log's cell as text: older logs may hold numbers, booleans or dates where text was meant. */
export function touchCellText(cell: unknown, dates: CivilDates): string {
  if (isDateCell(cell)) return dates.toCivil(cell);
  return String(cell ?? '');
}

/** The name today's goal (app/callList.ts) reads the log by. */
export const readTouches = readTouchLog;

/** The Touches log as the merge needs it (client, date, channel, Step): "already sent this template". */
export function readMergeTouchLog(
  ss: Spreadsheet,
  dates: CivilDates,
): { clientId: string; date: string; channel: string; step: string; outcome: string }[] {
  return readTouchLog(ss, dates).touches.map((t) => ({
    clientId: t.clientId,
    date: t.date ?? '',
    channel: t.channel,
    step: t.step,
    outcome: t.outcome,
  }));
}

/** The client name the log last gave each of `ids`: who a Client ID belonged to (one read). */
export function logOwners(
  ss: Spreadsheet,
  dates: CivilDates,
  ids: readonly string[],
): Map<string, { name: string }> {
  const wanted = new Set(ids);
  const owners = new Map<string, { name: string }>();
  for (const t of readTouchLog(ss, dates).touches) {
    if (wanted.has(t.clientId) && t.client.trim()) owners.set(t.clientId, { name: t.client });
  }
  return owners;
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
  noteTouchLogChanged(sheet.getParent().getId());
}
