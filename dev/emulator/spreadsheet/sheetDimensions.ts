// The row and column structure of an emulated Sheet: insertion, deletion, widths, hiding and frozen rows, with the documented bounds errors.
import { gasError } from '../kernel';
import { refOf, type Ctx } from './context';
import { checkNumbers } from './grid';
import type { Box, SheetModel } from './model';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export const DEFAULT_COLUMN_WIDTH = 100;

/** SheetImpl's base: the methods that change or read the grid's rows and columns. */
export abstract class SheetDimensions {
  constructor(
    protected readonly _ctx: Ctx,
    readonly _model: SheetModel,
  ) {}

  protected _self(): Sheet {
    return this._ctx.sheet(this._model);
  }

  protected _range(box: Box): Range {
    return this._ctx.range({ sheet: this._model, box });
  }

  protected _checkRows(start: number, count: number): void {
    if (start < 1 || count < 1 || start + count - 1 > this._model.maxRows) {
      throw gasError('Those rows are out of bounds.');
    }
  }

  protected _checkColumns(start: number, count: number): void {
    if (start < 1 || count < 1 || start + count - 1 > this._model.maxCols) {
      throw gasError('Those columns are out of bounds.');
    }
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
  // ---- hidden rows and the filter ----
  hideRows(rowIndex: number, numRows = 1): void {
    this._checkRows(rowIndex, numRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this._model.hiddenRows.set(r, 'user');
  }
  showRows(rowIndex: number, numRows = 1): void {
    this._checkRows(rowIndex, numRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) {
      if (this._model.hiddenRows.get(r) === 'user') this._model.hiddenRows.delete(r);
    }
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    this._checkRows(rowPosition, 1);
    return this._model.hiddenRows.get(rowPosition) === 'user';
  }
  isRowHiddenByFilter(rowPosition: number): boolean {
    this._checkRows(rowPosition, 1);
    return this._model.hiddenRows.get(rowPosition) === 'filter';
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

  // ---- frozen rows ----
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
}
