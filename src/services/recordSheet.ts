// The add-on's log sheets (Touches, Referrals): created with their header, appended to by header, read by header, one cell run rewritten by record ID.
import { asCell } from './clientSheetWrite';
import type { CivilDates } from './civilDates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a log sheet is: its name, fields in the order a new sheet gets them, headers, and how a header row maps to fields. */
export interface RecordFormat<F extends string> {
  sheet: string;
  fields: readonly F[];
  header: Record<F, string>;
  /** Where each field is in a header row; fields found nowhere are left out. */
  columns(header: readonly unknown[]): Partial<Record<F, number>>;
  /** Fields holding a yyyy-MM-dd date (written as a Date cell in the spreadsheet's zone). */
  dateFields: readonly F[];
}

/** The log sheet, created (headers, frozen row, date format on the first column) when it does not exist yet. */
export function ensureRecordSheet<F extends string>(
  ss: Spreadsheet,
  format: RecordFormat<F>,
): Sheet {
  const existing = ss.getSheetByName(format.sheet);
  if (existing) return existing;
  const headers = format.fields.map((f) => format.header[f]);
  const sheet = ss.insertSheet(format.sheet);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  format.fields.forEach((f, i) => {
    if (format.dateFields.includes(f))
      sheet.getRange(2, i + 1, sheet.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd');
  });
  return sheet;
}

/**
 * Widest grid whose header row is read whole rather than asking for the sheet's extent first: 1,000
 * cells at about 31 µs each (31 ms) still cost less than one getLastColumn (about 160 ms,
 * dev/emulator/cost.ts). A wider grid has its extent asked for instead.
 */
export const HEADER_READ_MAX = 1000;

/**
 * An append to a log sheet, read when opened: open it before the operation's first write, since a
 * read that follows a pending write waits for that write (about 230 ms, dev/emulator/cost.ts).
 */
export interface RecordAppender<F extends string> {
  append(dates: CivilDates, rows: readonly Record<F, unknown>[]): void;
}

/**
 * Opens an append by header: the header row is read (the grid's width of it, no extent call), and
 * each field goes under its header wherever the user moved it. When a field has no header, or row 1
 * is blank (a new or cleared sheet), the sheet's extent is read too: missing headers are added after
 * the last used column (a column without a header may hold data), and a sheet with no rows at all
 * gets its header row first. Every text goes through the text guard.
 */
export function openAppend<F extends string>(
  ss: Spreadsheet,
  format: RecordFormat<F>,
): RecordAppender<F> {
  const sheet = ensureRecordSheet(ss, format);
  const max = sheet.getMaxColumns();
  if (max > HEADER_READ_MAX) return extentAppender(sheet, format);
  const header = trimmed(sheet.getRange(1, 1, 1, max).getValues()[0] as unknown[]);
  const columns = format.columns(header);
  if (header.length && format.fields.every((f) => columns[f] !== undefined)) {
    return { append: (dates, rows) => appendBelow(sheet, format, dates, rows, columns, header) };
  }
  return extentAppender(sheet, format, header);
}

/** Every field has its header: one row is one appendRow (no extent read), more are one write. */
function appendBelow<F extends string>(
  sheet: Sheet,
  format: RecordFormat<F>,
  dates: CivilDates,
  rows: readonly Record<F, unknown>[],
  columns: Partial<Record<F, number>>,
  header: unknown[],
): void {
  const body = rows.map((r) =>
    lineOf(format, r, columns as Record<F, number>, header.length, dates),
  );
  if (!body.length) return;
  // appendRow writes below the last row with content and grows the grid as needed.
  if (body.length === 1) {
    sheet.appendRow(body[0]);
    return;
  }
  writeBlock(sheet, sheet.getLastRow() + 1, body, header.length);
}

/**
 * The extent-reading append (a header to add, a blank row 1, a very wide grid): read now, written
 * later. `read` is the header row when already read whole.
 */
function extentAppender<F extends string>(
  sheet: Sheet,
  format: RecordFormat<F>,
  read?: unknown[],
): RecordAppender<F> {
  const last = sheet.getLastRow();
  const width = sheet.getLastColumn();
  const header =
    read ??
    trimmed(
      last > 0 && width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]) : [],
    );
  const columns = format.columns(header);
  // Missing headers go after the last used column (a column without a header may hold data).
  const at = Math.max(header.length, width);
  const added = format.fields.filter((f) => columns[f] === undefined);
  added.forEach((f, i) => (columns[f] = at + i));
  const fullHeader = [...pad(header, at), ...added.map((f) => format.header[f])];
  const total = fullHeader.length;
  const withHeader = last === 0 || (last === 1 && added.length > 0);
  return {
    append(dates, rows) {
      if (!rows.length) return;
      const body = rows.map((r) => lineOf(format, r, columns as Record<F, number>, total, dates));
      const block = withHeader ? [pad(fullHeader.map(asCell), total), ...body] : body;
      if (!withHeader && added.length) {
        sheet.getRange(1, at + 1, 1, added.length).setValues([added.map((f) => format.header[f])]);
      }
      writeBlock(sheet, withHeader ? 1 : last + 1, block, total);
    },
  };
}

/** One setValues at `first`, the grid grown first where the block does not fit. */
function writeBlock(sheet: Sheet, first: number, block: unknown[][], total: number): void {
  const max = sheet.getMaxRows();
  if (first + block.length - 1 > max) sheet.insertRowsAfter(max, first + block.length - 1 - max);
  if (total > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), total - sheet.getMaxColumns());
  sheet.getRange(first, 1, block.length, total).setValues(block);
}

/** Appends records (services/recordSheet openAppend, opened and written at once). */
export function appendRecords<F extends string>(
  ss: Spreadsheet,
  format: RecordFormat<F>,
  dates: CivilDates,
  rows: readonly Record<F, unknown>[],
): void {
  if (rows.length) openAppend(ss, format).append(dates, rows);
}

/** A header row without its trailing blank cells. */
export function trimmed(header: unknown[]): unknown[] {
  const line = [...header];
  while (line.length && String(line[line.length - 1] ?? '').trim() === '') line.pop();
  return line;
}

function pad(line: unknown[], width: number): unknown[] {
  return [...line, ...new Array<unknown>(Math.max(0, width - line.length)).fill('')];
}

/** A record's value as a cell: dates as Date cells, texts through the guard, numbers as numbers. */
function cellOf<F extends string>(
  format: RecordFormat<F>,
  field: F,
  value: unknown,
  dates: CivilDates,
): unknown {
  if (format.dateFields.includes(field))
    return typeof value === 'string' && value ? dates.toDate(value) : '';
  if (value === null || value === undefined) return '';
  return asCell(value);
}

function lineOf<F extends string>(
  format: RecordFormat<F>,
  row: Record<F, unknown>,
  columns: Record<F, number>,
  width: number,
  dates: CivilDates,
): unknown[] {
  // Cells of the user's own columns are left empty on the new row.
  const line = new Array<unknown>(width).fill('');
  for (const f of format.fields) line[columns[f]] = cellOf(format, f, row[f], dates);
  return line;
}

/**
 * Rewrites some fields of one record at sheet row `row`: each run of adjacent changed columns in one
 * write, so the user's cells between them (formulas included) are never rewritten. Fields without a
 * column get one after the last used column.
 */
export function updateRecord<F extends string>(
  sheet: Sheet,
  format: RecordFormat<F>,
  dates: CivilDates,
  row: number,
  changes: Partial<Record<F, unknown>>,
): void {
  const width = sheet.getLastColumn();
  const header = width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]) : [];
  const columns = format.columns(header);
  const fields = (Object.keys(changes) as F[]).filter((f) => format.fields.includes(f));
  const missing = fields.filter((f) => columns[f] === undefined);
  if (missing.length) {
    if (width + missing.length > sheet.getMaxColumns())
      sheet.insertColumnsAfter(
        sheet.getMaxColumns(),
        width + missing.length - sheet.getMaxColumns(),
      );
    missing.forEach((f, i) => (columns[f] = width + i));
    sheet
      .getRange(1, width + 1, 1, missing.length)
      .setValues([missing.map((f) => format.header[f])]);
  }
  const cells = fields
    .map((f) => ({ c: columns[f]!, v: cellOf(format, f, changes[f], dates) }))
    .sort((a, b) => a.c - b.c);
  let i = 0;
  while (i < cells.length) {
    let j = i;
    while (j + 1 < cells.length && cells[j + 1].c === cells[j].c + 1) j++;
    sheet
      .getRange(row, cells[i].c + 1, 1, j - i + 1)
      .setValues([cells.slice(i, j + 1).map((x) => x.v)]);
    i = j + 1;
  }
}

/** The data rows of a log sheet with the header's column map, in one read; null when the sheet is absent. */
export function readRecordSheet<F extends string>(
  ss: Spreadsheet,
  format: RecordFormat<F>,
): { sheet: Sheet; rows: unknown[][]; columns: Partial<Record<F, number>> } | null {
  const sheet = ss.getSheetByName(format.sheet);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues() as unknown[][];
  return { sheet, rows: values.slice(1), columns: format.columns(values[0] ?? []) };
}
