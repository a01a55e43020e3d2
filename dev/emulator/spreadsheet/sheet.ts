// The emulated Sheet: ranges by every getRange overload, extents, appendRow, sort, conditional format rules, clearing and the active selection.
import { gasError } from '../kernel';
import { parseA1, splitSheetName } from './a1';
import { refOf, wrap } from './context';
import { checkBox, checkNumbers } from './grid';
import type { Box, RuleSpec, SheetModel } from './model';
import { writeEntered } from './range';
import { SheetDimensions } from './sheetDimensions';
import { cloneRule, conditionalRule } from './rules';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export { DEFAULT_COLUMN_WIDTH } from './sheetDimensions';

/** The box an A1 notation names on this sheet, or the documented error. */
export function boxFromA1(sheet: SheetModel, a1: string): Box {
  const { cells } = splitSheetName(a1);
  const parsed = parseA1(cells);
  // Attested for a failed range lookup; for a malformed A1 string it is [unverified].
  if (!parsed) throw gasError('Range not found');
  const numRows = parsed.numRows ?? sheet.maxRows - parsed.row + 1;
  const numCols = parsed.numCols ?? sheet.maxCols - parsed.col + 1;
  checkBox(sheet, parsed.row, parsed.col, numRows, numCols, 'Sheet');
  return { row: parsed.row, col: parsed.col, numRows, numCols };
}

/** The Sheets backend's sentence; that Apps Script's insertSheet/setName show it too is [unverified]. */
export function duplicateName(name: string): Error {
  return gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

export class SheetImpl extends SheetDimensions {
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
    return this._model.hidden;
  }
  hideSheet(): Sheet {
    this._model.hidden = true;
    return this._self();
  }
  showSheet(): Sheet {
    this._model.hidden = false;
    return this._self();
  }

  getRange(...args: unknown[]): Range {
    if (args.length === 1 && typeof args[0] === 'string')
      return this._range(boxFromA1(this._model, args[0]));
    checkNumbers(args, 'Sheet.getRange');
    const [row, col, numRows = 1, numCols = 1] = args as number[];
    checkBox(this._model, row, col, numRows, numCols, 'Sheet');
    return this._range({ row, col, numRows, numCols });
  }
  /** The sheet's filter, or null. Only its range and removal are emulated; rows it hides are set by control.filterRows. */
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    const model = this._model;
    const box = model.filterBox;
    if (!box) return null;
    const ctx = this._ctx;
    return wrap<GoogleAppsScript.Spreadsheet.Filter>(ctx, 'Filter', {
      getRange: () => ctx.range({ sheet: model, box }),
      remove: () => {
        model.filterBox = null;
        for (const [r, by] of [...model.hiddenRows])
          if (by === 'filter') model.hiddenRows.delete(r);
      },
    });
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

  // ---- sort, rules ----
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
