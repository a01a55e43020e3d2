// The emulated Range: typed values, USER_ENTERED writes, formulas, display values, formats, validations, checkboxes and notes on a box of one sheet.
import { gasError } from '../kernel';
import { a1Notation } from './a1';
import { enter } from './coerce';
import type { Ctx } from './context';
import { displayValue } from './format';
import type { Box, RangeRef, SheetModel } from './model';
import { checkBox } from './grid';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** The host's Date, captured before installGlobals swaps in the clock's (a copy needs no clock). */
const HostDate = Date;

function copyValue(v: unknown): unknown {
  if (v === undefined) return '';
  if (typeof v === 'object' && v !== null) return new HostDate((v as Date).getTime());
  return v;
}

export function checkDimensions(values: unknown, box: Box): unknown[][] {
  if (!Array.isArray(values))
    throw gasError(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  if (values.length !== box.numRows) {
    throw gasError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${box.numRows}.`,
    );
  }
  for (const row of values) {
    const width = Array.isArray(row) ? row.length : 1;
    if (width !== box.numCols) {
      throw gasError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${width} but the range has ${box.numCols}.`,
      );
    }
  }
  return values as unknown[][];
}

/** Writes one value as typed by a user (formula, coercion, text format, apostrophe). */
export function writeEntered(
  sheet: SheetModel,
  r: number,
  c: number,
  input: unknown,
  timeZone: string,
): void {
  const meta = sheet.meta[r]?.[c];
  const textFormat = meta?.format === '@';
  // Fast path: text starting with a letter other than t/f can only stay text.
  if (typeof input === 'string' && !textFormat) {
    const code = input.charCodeAt(0) | 32;
    if (code >= 97 && code <= 122 && code !== 116 && code !== 102) {
      sheet.setCell(r, c, input);
      return;
    }
  }
  const entered = enter(input, textFormat, timeZone);
  sheet.setCell(r, c, entered.value, entered.formula);
  const auto =
    entered.autoFormat ??
    (Object.prototype.toString.call(input) === '[object Date]' ? 'M/d/yyyy H:mm:ss' : undefined);
  if (auto && (!meta?.format || meta.format.toLowerCase() === 'general'))
    sheet.metaFor(r, c).format = auto;
}

/** Values, formulas and geometry of a range; formats and validations are in rangeStyle.ts. */
export class RangeCore {
  constructor(
    protected readonly _ctx: Ctx,
    readonly _ref: RangeRef,
  ) {}

  protected _each(fn: (r0: number, c0: number) => void): void {
    const { row, col, numRows, numCols } = this._ref.box;
    for (let r = row - 1; r < row - 1 + numRows; r++)
      for (let c = col - 1; c < col - 1 + numCols; c++) fn(r, c);
  }

  protected _grid<T>(fn: (r0: number, c0: number) => T): T[][] {
    const { row, col, numRows, numCols } = this._ref.box;
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const line: T[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) line[j] = fn(row - 1 + i, col - 1 + j);
      out[i] = line;
    }
    return out;
  }

  protected _tz(): string {
    return this._ctx.owner(this._ref.sheet).timeZone;
  }

  protected _self(): Range {
    return this._ctx.range(this._ref);
  }

  protected _sub(row: number, col: number, numRows: number, numCols: number): Range {
    checkBox(this._ref.sheet, row, col, numRows, numCols, 'Range');
    return this._ctx.range({ sheet: this._ref.sheet, box: { row, col, numRows, numCols } });
  }

  // ---- values ----
  getValues(): unknown[][] {
    const { sheet, box } = this._ref;
    const out: unknown[][] = new Array(box.numRows);
    for (let i = 0; i < box.numRows; i++) {
      const src = sheet.values[box.row - 1 + i];
      const line: unknown[] = new Array(box.numCols);
      if (src === undefined) line.fill('');
      else {
        for (let j = 0, c = box.col - 1; j < box.numCols; j++, c++) {
          const v = src[c];
          line[j] = v === undefined ? '' : typeof v === 'object' && v !== null ? copyValue(v) : v;
        }
      }
      out[i] = line;
    }
    return out;
  }
  getValue(): unknown {
    return copyValue(this._ref.sheet.values[this._ref.box.row - 1]?.[this._ref.box.col - 1]);
  }
  getDisplayValues(): string[][] {
    const { sheet } = this._ref;
    const tz = this._tz();
    return this._grid((r, c) =>
      displayValue(sheet.value(r, c), sheet.cellMeta(r, c)?.format ?? '', tz),
    );
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }
  setValues(values: unknown[][]): Range {
    const rows = checkDimensions(values, this._ref.box);
    const { sheet, box } = this._ref;
    const tz = this._tz();
    for (let i = 0; i < box.numRows; i++) {
      const line = rows[i];
      const r = box.row - 1 + i;
      const target = sheet.values[r] ?? (sheet.values[r] = []);
      while (target.length < box.col - 1) target.push('');
      const metaRow = sheet.meta[r];
      const formulaRow = sheet.formulas[r];
      for (let j = 0, c = box.col - 1; j < box.numCols; j++, c++) {
        const v = line[j];
        // Fast path for numbers, booleans and text starting with a letter other than t/f, in
        // cells with no format and no formula: nothing to coerce.
        if (metaRow?.[c] === undefined && formulaRow?.[c] === undefined) {
          const t = typeof v;
          if (t === 'number' || t === 'boolean') {
            target[c] = v;
            continue;
          }
          if (t === 'string') {
            const code = (v as string).charCodeAt(0) | 32;
            if (code >= 97 && code <= 122 && code !== 116 && code !== 102) {
              target[c] = v;
              continue;
            }
          }
        }
        writeEntered(sheet, r, c, v, tz);
      }
    }
    return this._self();
  }
  setValue(value: unknown): Range {
    const tz = this._tz();
    this._each((r, c) => writeEntered(this._ref.sheet, r, c, value, tz));
    return this._self();
  }
  getFormulas(): string[][] {
    return this._grid((r, c) => this._ref.sheet.formula(r, c));
  }
  getFormula(): string {
    return this._ref.sheet.formula(this._ref.box.row - 1, this._ref.box.col - 1);
  }
  setFormula(formula: string): Range {
    const f = formula.startsWith('=') ? formula : `=${formula}`;
    this._each((r, c) => this._ref.sheet.setCell(r, c, '', f));
    return this._self();
  }
  setFormulas(formulas: string[][]): Range {
    const grid = checkDimensions(formulas, this._ref.box) as string[][];
    const { row, col } = this._ref.box;
    this._each((r, c) => {
      const f = String(grid[r - row + 1][c - col + 1] ?? '');
      this._ref.sheet.setCell(r, c, '', f === '' ? undefined : f);
    });
    return this._self();
  }
  isBlank(): boolean {
    let blank = true;
    this._each((r, c) => {
      if (this._ref.sheet.value(r, c) !== '' || this._ref.sheet.formula(r, c) !== '') blank = false;
    });
    return blank;
  }
  clearContent(): Range {
    this._ref.sheet.clear(this._ref.box, true, false);
    return this._self();
  }
  clearFormat(): Range {
    this._ref.sheet.clear(this._ref.box, false, true);
    return this._self();
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Range {
    const contents = !options?.formatOnly;
    const formats = !options?.contentsOnly;
    this._ref.sheet.clear(this._ref.box, contents, formats);
    return this._self();
  }

  // ---- geometry ----
  getRow(): number {
    return this._ref.box.row;
  }
  getRowIndex(): number {
    return this._ref.box.row;
  }
  getColumn(): number {
    return this._ref.box.col;
  }
  getNumRows(): number {
    return this._ref.box.numRows;
  }
  getHeight(): number {
    return this._ref.box.numRows;
  }
  getNumColumns(): number {
    return this._ref.box.numCols;
  }
  getWidth(): number {
    return this._ref.box.numCols;
  }
  getLastRow(): number {
    return this._ref.box.row + this._ref.box.numRows - 1;
  }
  getLastColumn(): number {
    return this._ref.box.col + this._ref.box.numCols - 1;
  }
  getA1Notation(): string {
    const b = this._ref.box;
    return a1Notation(b.row, b.col, b.numRows, b.numCols);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this._ctx.sheet(this._ref.sheet);
  }
  getGridId(): number {
    return this._ref.sheet.id;
  }
  getCell(row: number, column: number): Range {
    const b = this._ref.box;
    if (row < 1 || column < 1 || row > b.numRows || column > b.numCols) {
      throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this._sub(b.row + row - 1, b.col + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const b = this._ref.box;
    return this._sub(
      b.row + rowOffset,
      b.col + columnOffset,
      numRows ?? b.numRows,
      numColumns ?? b.numCols,
    );
  }
  activate(): Range {
    const owner = this._ctx.owner(this._ref.sheet);
    owner.activeSheet = this._ref.sheet;
    owner.selection = { sheet: this._ref.sheet, boxes: [{ ...this._ref.box }] };
    return this._self();
  }
  activateAsCurrentCell(): Range {
    return this.activate();
  }
}
