// The uncounted, never-faulting handle on the emulated workbooks, for tests, the preview server and benches: seed sheets, read cells, play the user's selection and sorting.
import { gasError } from '../kernel';
import { a1Notation } from './a1';
import type { Ctx } from './context';
import { SheetModel, SpreadsheetModel, type Box } from './model';
import { RangeImpl } from './rangeStyle';
import { boxFromA1 } from './sheet';
import { DEFAULT_COLUMN_WIDTH } from './sheet';
import { DEFAULT_NUMBER_FORMAT } from './format';
import { checkTimeZone } from './zone';
import type { Workbooks } from './index';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SelectionInfo {
  sheet: string;
  /** A1 of the last selected range (the active range). */
  a1: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** Every selected range, in A1. */
  ranges: string[];
}

export interface CellInfo {
  value: unknown;
  formula: string;
  displayValue: string;
  format: string;
  validation: { criteria: string; args: unknown[]; allowInvalid: boolean; helpText: string } | null;
  note: string;
  style: Record<string, unknown>;
}

export interface RuleInfo {
  condition: { type: string; args: unknown[] } | null;
  background: string | null;
  fontColor: string | null;
  ranges: string[];
}

export interface SpreadsheetControl {
  /** The active spreadsheet as a script sees it (calls on it are counted like a script's). */
  active(): Spreadsheet;
  create(name: string, opts?: { id?: string; timeZone?: string }): Spreadsheet;
  setActive(idOrSpreadsheet: string | Spreadsheet): void;
  /** The file is gone for this user (trashed, or their access removed): openById fails from now on. */
  remove(id: string): void;
  byId(id: string): Spreadsheet | null;
  /** Creates or replaces a sheet with raw values (no user-entered coercion). */
  setSheet(
    sheetName: string,
    rows: unknown[][],
    opts?: { frozenRows?: number },
    spreadsheetId?: string,
  ): void;
  /** What getDataRange().getValues() would return (a copy). */
  values(sheetName: string, spreadsheetId?: string): unknown[][];
  formulas(sheetName: string, spreadsheetId?: string): string[][];
  displayValues(sheetName: string, spreadsheetId?: string): string[][];
  numberFormats(sheetName: string, spreadsheetId?: string): string[][];
  cell(sheetName: string, a1: string, spreadsheetId?: string): CellInfo;
  sheetNames(spreadsheetId?: string): string[];
  frozenRows(sheetName: string, spreadsheetId?: string): number;
  hiddenColumns(sheetName: string, spreadsheetId?: string): number[];
  /** Puts a filter on the sheet's data that hides these rows (1-based), as a user's filter would. */
  filterRows(sheetName: string, hiddenRows: number[], spreadsheetId?: string): void;
  columnWidth(sheetName: string, column: number, spreadsheetId?: string): number;
  maxRows(sheetName: string, spreadsheetId?: string): number;
  maxColumns(sheetName: string, spreadsheetId?: string): number;
  conditionalRules(sheetName: string, spreadsheetId?: string): RuleInfo[];
  /** The user selects cells (A1, or row/column/numRows/numColumns) on a sheet, which becomes active. */
  setSelection(
    sheetName: string,
    a1OrRow: string | number,
    column?: number,
    numRows?: number,
    numColumns?: number,
  ): void;
  /** What is selected now (by the user or by the script), or null. */
  selection(): SelectionInfo | null;
  /** Toasts shown on the active spreadsheet, oldest first. */
  readonly toasts: Array<{ message: string; title: string; timeoutSeconds: number }>;
  /** Sorts the rows below the frozen rows by a column, as the user would from the menu. */
  sortSheet(sheetName: string, column: number, ascending?: boolean, spreadsheetId?: string): void;
  setTimeZone(timeZone: string, spreadsheetId?: string): void;
}

export function createControl(
  ctx: Ctx,
  books: Workbooks,
): SpreadsheetControl & {
  _create(name: string, opts?: { id?: string; timeZone?: string }): SpreadsheetModel;
} {
  const book = (id?: string): SpreadsheetModel => {
    if (id === undefined) return books.active;
    const wb = books.list.find((b) => b.id === id);
    if (!wb) throw new Error(`emulator: no spreadsheet with id ${id}`);
    return wb;
  };
  const sheetOf = (name: string, id?: string): SheetModel => {
    const s = book(id).sheet(name);
    if (!s) throw new Error(`emulator: no sheet named ${name}`);
    return s;
  };
  const dataRange = (sheet: SheetModel): RangeImpl =>
    new RangeImpl(ctx, {
      sheet,
      box: {
        row: 1,
        col: 1,
        numRows: Math.max(1, sheet.lastRow()),
        numCols: Math.max(1, sheet.lastColumn()),
      },
    });
  const describe = (sheet: SheetModel, box: Box): string =>
    a1Notation(box.row, box.col, box.numRows, box.numCols);

  const control = {
    _create(name: string, opts: { id?: string; timeZone?: string } = {}): SpreadsheetModel {
      const id = opts.id ?? `spreadsheet-${books.nextId++}`;
      if (books.list.some((b) => b.id === id))
        throw new Error(`emulator: spreadsheet ${id} exists`);
      const wb = new SpreadsheetModel(id, name, opts.timeZone ?? books.defaultTimeZone);
      wb.sheets.push(new SheetModel('Sheet1', 0));
      books.list.push(wb);
      return wb;
    },
    active: () => ctx.spreadsheet(books.active),
    create: (name: string, opts?: { id?: string; timeZone?: string }) =>
      ctx.spreadsheet(control._create(name, opts)),
    setActive(idOrSpreadsheet: string | Spreadsheet): void {
      if (typeof idOrSpreadsheet === 'string') books.active = book(idOrSpreadsheet);
      else {
        const wb = (idOrSpreadsheet as unknown as { _workbook?: SpreadsheetModel })._workbook;
        if (!wb) throw new Error('emulator: not an emulated spreadsheet');
        books.active = wb;
      }
    },
    remove(id: string): void {
      const wb = book(id);
      books.list = books.list.filter((b) => b !== wb);
    },
    byId: (id: string) => {
      const wb = books.list.find((b) => b.id === id);
      return wb ? ctx.spreadsheet(wb) : null;
    },
    setSheet(
      sheetName: string,
      rows: unknown[][],
      opts: { frozenRows?: number } = {},
      spreadsheetId?: string,
    ): void {
      const wb = book(spreadsheetId);
      // Replacing keeps the same sheet (id, position, objects a script already holds).
      const existing = wb.sheet(sheetName);
      const sheet = existing ?? new SheetModel(sheetName);
      if (existing) Object.assign(sheet, new SheetModel(sheetName, existing.id));
      else wb.sheets.push(sheet);
      sheet.values = rows.map((row) =>
        row.map((v) =>
          v === null || v === undefined
            ? ''
            : Object.prototype.toString.call(v) === '[object Date]'
              ? new Date((v as Date).getTime())
              : v,
        ),
      );
      sheet.maxRows = Math.max(1000, rows.length);
      sheet.maxCols = Math.max(26, ...rows.map((r) => r.length));
      sheet.frozenRows = opts.frozenRows ?? 0;
      if (wb.selection?.sheet === sheet) wb.selection = null;
    },
    values: (name: string, id?: string) => dataRange(sheetOf(name, id)).getValues(),
    formulas: (name: string, id?: string) => dataRange(sheetOf(name, id)).getFormulas(),
    displayValues: (name: string, id?: string) => dataRange(sheetOf(name, id)).getDisplayValues(),
    numberFormats: (name: string, id?: string) => dataRange(sheetOf(name, id)).getNumberFormats(),
    cell(name: string, a1: string, id?: string): CellInfo {
      const sheet = sheetOf(name, id);
      const box = boxFromA1(sheet, a1);
      const r = box.row - 1;
      const c = box.col - 1;
      const meta = sheet.cellMeta(r, c);
      const range = new RangeImpl(ctx, {
        sheet,
        box: { row: box.row, col: box.col, numRows: 1, numCols: 1 },
      });
      return {
        value: range.getValue(),
        formula: sheet.formula(r, c),
        displayValue: range.getDisplayValue(),
        format: meta?.format ?? DEFAULT_NUMBER_FORMAT,
        validation: meta?.validation
          ? { ...meta.validation, args: [...meta.validation.args] }
          : null,
        note: meta?.note ?? '',
        style: { ...meta?.style },
      };
    },
    sheetNames: (id?: string) => book(id).sheets.map((s) => s.name),
    frozenRows: (name: string, id?: string) => sheetOf(name, id).frozenRows,
    filterRows: (name: string, hiddenRows: number[], id?: string) => {
      const model = sheetOf(name, id);
      model.filterBox = {
        row: 1,
        col: 1,
        numRows: Math.max(1, model.lastRow()),
        numCols: Math.max(1, model.lastColumn()),
      };
      for (const r of hiddenRows) model.hiddenRows.set(r, 'filter');
    },
    hiddenColumns: (name: string, id?: string) =>
      [...sheetOf(name, id).hiddenColumns].sort((a, b) => a - b),
    columnWidth: (name: string, column: number, id?: string) =>
      sheetOf(name, id).columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH,
    maxRows: (name: string, id?: string) => sheetOf(name, id).maxRows,
    maxColumns: (name: string, id?: string) => sheetOf(name, id).maxCols,
    conditionalRules: (name: string, id?: string): RuleInfo[] =>
      sheetOf(name, id).rules.map((r) => ({
        condition: r.condition && { type: r.condition.type, args: [...r.condition.args] },
        background: r.background,
        fontColor: r.fontColor,
        ranges: r.ranges.map((x) => describe(x.sheet, x.box)),
      })),
    setSelection(
      name: string,
      a1OrRow: string | number,
      column?: number,
      numRows = 1,
      numColumns = 1,
    ): void {
      const wb = books.active;
      const sheet = sheetOf(name);
      const box =
        typeof a1OrRow === 'string'
          ? boxFromA1(sheet, a1OrRow)
          : { row: a1OrRow, col: column ?? 1, numRows, numCols: numColumns };
      wb.activeSheet = sheet;
      wb.selection = { sheet, boxes: [box] };
    },
    selection(): SelectionInfo | null {
      const sel = books.active.selection;
      if (!sel || !books.active.sheets.includes(sel.sheet)) return null;
      const last = sel.boxes[sel.boxes.length - 1];
      return {
        sheet: sel.sheet.name,
        a1: describe(sel.sheet, last),
        row: last.row,
        column: last.col,
        numRows: last.numRows,
        numColumns: last.numCols,
        ranges: sel.boxes.map((b) => describe(sel.sheet, b)),
      };
    },
    get toasts() {
      return books.active.toasts;
    },
    sortSheet(name: string, column: number, ascending = true, id?: string): void {
      const sheet = sheetOf(name, id);
      sheet.sortRows(sheet.frozenRows, sheet.lastRow(), [{ col0: column - 1, ascending }]);
    },
    setTimeZone(timeZone: string, id?: string): void {
      try {
        checkTimeZone(timeZone);
      } catch {
        throw gasError(`emulator: unknown time zone ${timeZone}`);
      }
      book(id).timeZone = timeZone;
    },
  };
  return control;
}
