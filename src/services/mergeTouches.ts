// The Touches log as the merge reads it: only the six columns it needs, every row (a full context; a lean one: mergeLogRows.ts), and at a run's end only the rows appended since.
import { TOUCH_SHEET, touchColumns, type TouchColumn } from '../core/touchLog';
import type { LoggedTouch } from '../core/merge/skipRules';
import type { CivilDates } from './civilDates';
import { runs } from '../core/runs';
import { touchCellDate, touchCellText } from './touchSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Where the log ended when the merge read it: its last row and the Touch IDs it held. */
export interface LogMark {
  lastRow: number;
  ids: ReadonlySet<string>;
}

/** Rows before the mark read again at a run's end: room for touches undone (rows deleted) meanwhile. */
export const MARK_MARGIN = 50;

/** What the merge needs of a touch: "already sent this template", and replies not called back. */
export const FIELDS: readonly TouchColumn[] = ['date', 'clientId', 'channel', 'outcome', 'step'];

/** The whole log, five columns of it, and its mark (the Touch IDs of its last rows only). */
export function readMergeLog(
  ss: Spreadsheet,
  dates: CivilDates,
): { touches: LoggedTouch[]; mark: LogMark } {
  const read = readFrom(ss, dates, 2, (lastRow) => Math.max(2, lastRow - MARK_MARGIN));
  const ids = new Set(read.touches.map((t) => t.touchId).filter((id) => id));
  return { touches: read.touches.map(strip), mark: { lastRow: read.lastRow, ids } };
}

/**
 * The touches appended since `mark` (with a few rows before it): read from the recent end when the
 * first row read is one the mark knows, else the whole log (rows deleted or moved meanwhile).
 */
export function readLogSince(ss: Spreadsheet, dates: CivilDates, mark: LogMark): LoggedTouch[] {
  const from = Math.max(2, mark.lastRow - MARK_MARGIN);
  if (from > 2) {
    const tail = readFrom(ss, dates, from);
    const first = tail.touches[0];
    if (first && mark.ids.has(first.touchId)) return tail.touches.map(strip);
  }
  return readFrom(ss, dates, 2).touches.map(strip);
}

/** Rows 2..`until` of the log (a lean log's mark: rows appended since are not read). */
export function readMergeRows(ss: Spreadsheet, dates: CivilDates, until: number): LoggedTouch[] {
  return readFrom(ss, dates, 2, () => Infinity, until).touches.map(strip);
}

export type MergeTouch = Required<
  Pick<LoggedTouch, 'clientId' | 'date' | 'channel' | 'step' | 'outcome'>
> & {
  touchId: string;
};

export function strip(t: MergeTouch): LoggedTouch {
  return {
    clientId: t.clientId,
    date: t.date,
    channel: t.channel,
    step: t.step,
    outcome: t.outcome,
  };
}

/**
 * Rows `from`..last of the log, the merge's columns only (adjacent ones in one call), and the Touch
 * IDs of the rows from `idsFrom(lastRow)` on (all the rows read, unless told); rows past `until` are
 * left out.
 */
function readFrom(
  ss: Spreadsheet,
  dates: CivilDates,
  from: number,
  idsFrom: (lastRow: number) => number = () => from,
  until = Infinity,
): { touches: MergeTouch[]; lastRow: number } {
  const sheet = ss.getSheetByName(TOUCH_SHEET);
  if (!sheet) return { touches: [], lastRow: 1 };
  const extent = sheet.getDataRange();
  const lastRow = Math.min(extent.getLastRow(), until);
  const width = extent.getLastColumn();
  if (lastRow < from || width < 1) return { touches: [], lastRow };
  const columns = touchColumns(sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]);
  const n = lastRow - from + 1;
  const rows: unknown[][] = Array.from({ length: n }, () => []);
  const wanted = [
    ...new Set(FIELDS.map((f) => columns[f]).filter((c): c is number => c !== undefined)),
  ];
  for (const [first, last] of runs(wanted)) {
    const block = sheet.getRange(from, first + 1, n, last - first + 1).getValues() as unknown[][];
    for (let r = 0; r < n; r++)
      for (let j = 0; j <= last - first; j++) rows[r][first + j] = block[r][j];
  }
  const idColumn = columns.touchId;
  const idRow = Math.max(from, idsFrom(lastRow));
  if (idColumn !== undefined && idRow <= lastRow) {
    const ids = sheet.getRange(idRow, idColumn + 1, lastRow - idRow + 1, 1).getValues();
    ids.forEach((cell, i) => (rows[idRow - from + i][idColumn] = cell[0]));
  }
  const touches = rows.map((row) => mergeTouch(columns, dates, (c) => row[c]));
  return { touches, lastRow };
}

/** A log row as the merge reads it: `cell(c)` is the row's value in column c (0-based). */
export function mergeTouch(
  columns: Partial<Record<TouchColumn, number>>,
  dates: CivilDates,
  cell: (column: number) => unknown,
): MergeTouch {
  const date = cellDate(columns, dates, cell);
  return {
    date: date ?? '',
    clientId: touchText(columns, dates, cell, 'clientId').trim(),
    channel: touchText(columns, dates, cell, 'channel'),
    outcome: touchText(columns, dates, cell, 'outcome'),
    step: touchText(columns, dates, cell, 'step').trim(),
    touchId: touchText(columns, dates, cell, 'touchId').trim(),
  };
}

/** A field's cell as text (a date cell as its civil date), '' when the log has no such column. */
export function touchText(
  columns: Partial<Record<TouchColumn, number>>,
  dates: CivilDates,
  cell: (column: number) => unknown,
  f: TouchColumn,
): string {
  const c = columns[f];
  return touchCellText(c === undefined ? '' : cell(c), dates);
}

function cellDate(
  columns: Partial<Record<TouchColumn, number>>,
  dates: CivilDates,
  cell: (column: number) => unknown,
): string | null {
  const c = columns.date;
  return touchCellDate(c === undefined ? '' : cell(c), dates);
}
