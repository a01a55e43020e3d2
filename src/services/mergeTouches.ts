// The Touches log as the merge reads it: only the six columns it needs, every row when it opens, and at a run's end only the rows appended since.
import { isDateCell } from '../core/clients';
import { parseDateText } from '../core/dates';
import { TOUCH_SHEET, touchColumns, type TouchColumn } from '../core/touchLog';
import type { LoggedTouch } from '../core/merge/skipRules';
import type { CivilDates } from './civilDates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Where the log ended when the merge read it: its last row and the Touch IDs it held. */
export interface LogMark {
  lastRow: number;
  ids: ReadonlySet<string>;
}

/** Rows before the mark read again at a run's end: room for touches undone (rows deleted) meanwhile. */
export const MARK_MARGIN = 50;

/** What the merge needs of a touch: "already sent this template", and replies not called back. */
const FIELDS: readonly TouchColumn[] = ['date', 'clientId', 'channel', 'outcome', 'step'];

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

type MergeTouch = Required<
  Pick<LoggedTouch, 'clientId' | 'date' | 'channel' | 'step' | 'outcome'>
> & {
  touchId: string;
};

function strip(t: MergeTouch): LoggedTouch {
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
 * IDs of the rows from `idsFrom(lastRow)` on (all the rows read, unless told).
 */
function readFrom(
  ss: Spreadsheet,
  dates: CivilDates,
  from: number,
  idsFrom: (lastRow: number) => number = () => from,
): { touches: MergeTouch[]; lastRow: number } {
  const sheet = ss.getSheetByName(TOUCH_SHEET);
  if (!sheet) return { touches: [], lastRow: 1 };
  const extent = sheet.getDataRange();
  const lastRow = extent.getLastRow();
  const width = extent.getLastColumn();
  if (lastRow < from || width < 1) return { touches: [], lastRow };
  const columns = touchColumns(sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]);
  const n = lastRow - from + 1;
  const rows: unknown[][] = Array.from({ length: n }, () => []);
  const wanted = [
    ...new Set(FIELDS.map((f) => columns[f]).filter((c): c is number => c !== undefined)),
  ];
  for (const [first, last] of adjacent(wanted)) {
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
  const text = (row: unknown[], f: TouchColumn): string => {
    const c = columns[f];
    const cell = c === undefined ? '' : row[c];
    return isDateCell(cell) ? dates.toCivil(cell) : String(cell ?? '');
  };
  const touches = rows.map((row) => {
    const c = columns.date;
    const cell = c === undefined ? '' : row[c];
    const date = isDateCell(cell)
      ? dates.toCivil(cell)
      : typeof cell === 'string'
        ? parseDateText(cell)
        : null;
    return {
      date: date ?? '',
      clientId: text(row, 'clientId').trim(),
      channel: text(row, 'channel'),
      outcome: text(row, 'outcome'),
      step: text(row, 'step').trim(),
      touchId: text(row, 'touchId').trim(),
    };
  });
  return { touches, lastRow };
}

/** Sorted column indexes as [first, last] runs of adjacent ones. */
function adjacent(columns: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}
