// The emulated Sheet: ranges by every getRange overload, extents, appendRow, row/column insertion and deletion, widths, hiding, frozen rows, sort, conditional format rules.
import { gasError } from '../kernel';
import { parseA1, splitSheetName } from './a1';
import { refOf, type Ctx } from './context';
import { checkBox, checkNumbers } from './grid';
import type { Box, RuleSpec, SheetModel } from './model';
import { writeEntered } from './range';
import { cloneRule, conditionalRule } from './rules';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export const DEFAULT_COLUMN_WIDTH = 100;

/** The box an A1 notation names on this sheet, or the documented error. */
export function boxFromA1(sheet: SheetModel, a1: string): Box {
  const { cells } = splitSheetName(a1);
  const parsed = parseA1(cells);
  if (!parsed) throw gasError('Range not found');
  const numRows = parsed.numRows ?? sheet.maxRows - parsed.row + 1;
  const numCols = parsed.numCols ?? sheet.maxCols - parsed.col + 1;
  checkBox(sheet, parsed.row, parsed.col, numRows, numCols, 'Sheet');
  return { row: parsed.row, col: parsed.col, numRows, numCols };
}

export function duplicateName(name: string): Error {
  return gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

export class SheetImpl {
  constructor(
    private readonly _ctx: Ctx,
    readonly _model: SheetModel,
  ) {}

  private _self(): Sheet {
    return this._ctx.sheet(this._model);
  }

  private _range(box: Box): Range {
    return this._ctx.range({ sheet: this._model, box });
  }

  private _checkRows(start: number, count: number): void {
    if (start < 1 || count < 1 || start + count - 1 > this._model.maxRows) {
      throw gasError('Those rows are out of bounds.');
    }
  }

  private _checkColumns(start: number, count: number): void {
    if (start < 1 || count < 1 || start + count - 1 > this._model.maxCols) {
      throw gasError('Those columns are out of bounds.');
    }
  }

  getName(): string {
    return this._model.name;
  }
  setName(name: string): Sheet {
    const owner = this._ctx.owner(this._model);
    if (
      owner.sheets.some((s) => s !== this._model && s.name.toLowerCase() === name.toLowerCase())
    ) {
      throw duplicateName(name);
    }
    this._model.name = name;
    return this._self();
  }
  getSheetId(): number {
    return this._model.id;
  }
  getSheetName(): string {
    return this._model.name;
  }
  getIndex(): number {
    return this._ctx.owner(this._model).sheets.indexOf(this._model) + 1;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this._ctx.spreadsheet(this._ctx.owner(this._model));
  }
  getType(): unknown {
    return 'GRID';
  }
  isSheetHidden(): boolean {
    return false;
  }

  getRange(...args: unknown[]): Range {
    if (args.length === 1 && typeof args[0] === 'string')
      return this._range(boxFromA1(this._model, args[0]));
    checkNumbers(args, 'Sheet.getRange');
    const [row, col, numRows = 1, numCols = 1] = args as number[];
    checkBox(this._model, row, col, numRows, numCols, 'Sheet');
    return this._range({ row, col, numRows, numCols });
  }
  getDataRange(): Range {
    const rows = Math.max(1, this._model.lastRow());
    const cols = Math.max(1, this._model.lastColumn());
    return this._range({ row: 1, col: 1, numRows: rows, numCols: cols });
  }
  getLastRow(): number {
    return this._model.lastRow();
  }
  getLastColumn(): number {
    return this._model.lastColumn();
  }
  getMaxRows(): number {
    return this._model.maxRows;
  }
  getMaxColumns(): number {
    return this._model.maxCols;
  }

  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents)) checkNumbers([rowContents], 'Sheet.appendRow');
    const row0 = this._model.lastRow();
    if (row0 + 1 > this._model.maxRows) this._model.maxRows = row0 + 1;
    if (rowContents.length > this._model.maxCols) this._model.maxCols = rowContents.length;
    const tz = this._ctx.owner(this._model).timeZone;
    rowContents.forEach((v, c) => writeEntered(this._model, row0, c, v, tz));
    return this._self();
  }

  // ---- rows ----
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    checkNumbers([afterPosition, howMany], 'Sheet.insertRowsAfter');
    this._checkRows(afterPosition, 1);
    this._model.insertRows(afterPosition, howMany);
    return this._self();
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    checkNumbers([beforePosition, howMany], 'Sheet.insertRowsBefore');
    this._checkRows(beforePosition, 1);
    this._model.insertRows(beforePosition - 1, howMany);
    return this._self();
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  deleteRow(rowPosition: number): Sheet {
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): Sheet {
    checkNumbers([rowPosition, howMany], 'Sheet.deleteRows');
    this._checkRows(rowPosition, howMany);
    if (howMany >= this._model.maxRows - this._model.frozenRows) {
      throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this._model.deleteRows(rowPosition - 1, howMany);
    return this._self();
  }

  // ---- columns ----
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    checkNumbers([afterPosition, howMany], 'Sheet.insertColumnsAfter');
    this._checkColumns(afterPosition, 1);
    this._model.insertColumns(afterPosition, howMany);
    return this._self();
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    checkNumbers([beforePosition, howMany], 'Sheet.insertColumnsBefore');
    this._checkColumns(beforePosition, 1);
    this._model.insertColumns(beforePosition - 1, howMany);
    return this._self();
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  deleteColumn(columnPosition: number): Sheet {
    return this.deleteColumns(columnPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): Sheet {
    checkNumbers([columnPosition, howMany], 'Sheet.deleteColumns');
    this._checkColumns(columnPosition, howMany);
    this._model.deleteColumns(columnPosition - 1, howMany);
    return this._self();
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this._checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._model.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this._checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++)
      this._model.hiddenColumns.delete(c);
  }
  unhideColumn(column: unknown): void {
    const { box } = refOf(column, 'Sheet.unhideColumn');
    this.showColumns(box.col, box.numCols);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this._checkColumns(columnPosition, 1);
    return this._model.hiddenColumns.has(columnPosition);
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    checkNumbers([startColumn, numColumns, width], 'Sheet.setColumnWidths');
    this._checkColumns(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this._model.columnWidths.set(c, width);
    return this._self();
  }
  getColumnWidth(columnPosition: number): number {
    this._checkColumns(columnPosition, 1);
    return this._model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    this._checkColumns(startColumn, numColumns);
    return this._self();
  }
  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }

  // ---- frozen rows, sort, rules ----
  setFrozenRows(rows: number): void {
    checkNumbers([rows], 'Sheet.setFrozenRows');
    this._model.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    checkNumbers([columns], 'Sheet.setFrozenColumns');
    this._model.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._model.frozenColumns;
  }
  /** Documented: sorts the sheet by column, rows below the frozen rows only. */
  sort(columnPosition: number, ascending = true): Sheet {
    checkNumbers([columnPosition], 'Sheet.sort');
    this._checkColumns(columnPosition, 1);
    const last = this._model.lastRow();
    this._model.sortRows(this._model.frozenRows, last, [{ col0: columnPosition - 1, ascending }]);
    return this._self();
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this._model.rules.map((r) => conditionalRule(this._ctx, r));
  }
  setConditionalFormatRules(rules: unknown[]): void {
    this._model.rules = rules.map((rule) => {
      const spec = (rule as { _spec?: RuleSpec } | null)?._spec;
      if (!spec) throw gasError('Invalid argument: rules');
      return cloneRule(spec);
    });
  }
  clearConditionalFormatRules(): void {
    this._model.rules = [];
  }

  // ---- clearing and selection ----
  private _all(): Box {
    return { row: 1, col: 1, numRows: this._model.maxRows, numCols: this._model.maxCols };
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    this._model.clear(this._all(), !options?.formatOnly, !options?.contentsOnly);
    return this._self();
  }
  clearContents(): Sheet {
    this._model.clear(this._all(), true, false);
    return this._self();
  }
  clearFormats(): Sheet {
    this._model.clear(this._all(), false, true);
    return this._self();
  }
  activate(): Sheet {
    const owner = this._ctx.owner(this._model);
    owner.activeSheet = this._model;
    if (owner.selection?.sheet !== this._model) {
      owner.selection = { sheet: this._model, boxes: [{ row: 1, col: 1, numRows: 1, numCols: 1 }] };
    }
    return this._self();
  }
  setActiveSelection(range: unknown): Range {
    const r = typeof range === 'string' ? this.getRange(range) : range;
    const ref = refOf(r, 'Sheet.setActiveSelection');
    if (ref.sheet !== this._model) throw gasError('The range must be on this sheet.');
    const owner = this._ctx.owner(this._model);
    owner.activeSheet = this._model;
    owner.selection = { sheet: this._model, boxes: [{ ...ref.box }] };
    return this._range(ref.box);
  }
  setActiveRange(range: unknown): Range {
    return this.setActiveSelection(range);
  }
  getActiveRange(): Range | null {
    const sel = this._ctx.owner(this._model).selection;
    if (!sel || sel.sheet !== this._model)
      return this._range({ row: 1, col: 1, numRows: 1, numCols: 1 });
    return this._range(sel.boxes[0]);
  }
  getActiveCell(): Range {
    const active = this.getActiveRange() as Range;
    const ref = refOf(active, 'Sheet.getActiveCell');
    return this._range({ row: ref.box.row, col: ref.box.col, numRows: 1, numCols: 1 });
  }
  setTabColor(_color: string | null): Sheet {
    return this._self();
  }
}
