// The emulated Spreadsheet (one workbook: id, name, time zone, sheets, selection, toasts) and the Selection / RangeList objects.
import { gasError } from '../kernel';
import { splitSheetName } from './a1';
import { refOf, sheetOf, wrap, type Ctx } from './context';
import { SheetModel, type Box, type SpreadsheetModel } from './model';
import { boxFromA1, duplicateName } from './sheet';
import { checkTimeZone } from './zone';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function rangeList(
  ctx: Ctx,
  model: SpreadsheetModel,
  ranges: Range[],
): GoogleAppsScript.Spreadsheet.RangeList {
  return wrap(ctx, 'RangeList', {
    getRanges: () => [...ranges],
    activate: () => {
      const refs = ranges.map((r) => refOf(r, 'RangeList.activate'));
      if (refs.length) {
        model.activeSheet = refs[0].sheet;
        model.selection = { sheet: refs[0].sheet, boxes: refs.map((r) => ({ ...r.box })) };
      }
      return rangeList(ctx, model, ranges);
    },
  });
}

/** The active range of a workbook: the selection, or A1 of the active sheet. */
export function activeBoxes(model: SpreadsheetModel): { sheet: SheetModel; boxes: Box[] } {
  const sheet = model.active();
  if (model.selection && model.selection.sheet === sheet && model.sheets.includes(sheet))
    return model.selection;
  return { sheet, boxes: [{ row: 1, col: 1, numRows: 1, numCols: 1 }] };
}

export function selectionObject(
  ctx: Ctx,
  model: SpreadsheetModel,
): GoogleAppsScript.Spreadsheet.Selection {
  const active = (): Range => {
    const { sheet, boxes } = activeBoxes(model);
    return ctx.range({ sheet, box: boxes[boxes.length - 1] });
  };
  return wrap(ctx, 'Selection', {
    getActiveRange: active,
    getActiveRangeList: () => {
      const { sheet, boxes } = activeBoxes(model);
      return rangeList(
        ctx,
        model,
        boxes.map((box) => ctx.range({ sheet, box })),
      );
    },
    getActiveSheet: () => ctx.sheet(model.active()),
    getCurrentCell: () => {
      const { sheet, boxes } = activeBoxes(model);
      const b = boxes[boxes.length - 1];
      return ctx.range({ sheet, box: { row: b.row, col: b.col, numRows: 1, numCols: 1 } });
    },
  });
}

export class SpreadsheetImpl {
  constructor(
    private readonly _ctx: Ctx,
    readonly _workbook: SpreadsheetModel,
  ) {}

  private _sheetNamed(name: string): SheetModel {
    const sheet = this._workbook.sheet(name);
    if (!sheet) throw gasError('Range not found');
    return sheet;
  }

  getId(): string {
    return this._workbook.id;
  }
  getName(): string {
    return this._workbook.name;
  }
  rename(name: string): void {
    this._workbook.name = name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._workbook.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._workbook.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    try {
      checkTimeZone(timezone);
    } catch {
      throw gasError(`Invalid argument: timezone`);
    }
    this._workbook.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this._workbook.locale;
  }
  getSheetByName(name: string): Sheet | null {
    const sheet = this._workbook.sheet(name);
    return sheet ? this._ctx.sheet(sheet) : null;
  }
  getSheetById(id: number): Sheet | null {
    const sheet = this._workbook.sheets.find((s) => s.id === id);
    return sheet ? this._ctx.sheet(sheet) : null;
  }
  getSheets(): Sheet[] {
    return this._workbook.sheets.map((s) => this._ctx.sheet(s));
  }
  getNumSheets(): number {
    return this._workbook.sheets.length;
  }
  insertSheet(...args: unknown[]): Sheet {
    const named = typeof args[0] === 'string' ? (args[0] as string) : null;
    const index =
      typeof args[named === null ? 0 : 1] === 'number'
        ? (args[named === null ? 0 : 1] as number)
        : null;
    const wb = this._workbook;
    let name = named;
    if (name === null) {
      let n = wb.sheets.length + 1;
      while (wb.sheets.some((s) => s.name === `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (wb.sheets.some((s) => s.name.toLowerCase() === (name as string).toLowerCase()))
      throw duplicateName(name);
    const sheet = new SheetModel(name);
    const at = index === null ? wb.sheets.length : Math.max(0, Math.min(index, wb.sheets.length));
    wb.sheets.splice(at, 0, sheet);
    // Documented: the inserted sheet becomes the active sheet.
    wb.activeSheet = sheet;
    wb.selection = null;
    return this._ctx.sheet(sheet);
  }
  deleteSheet(sheet: unknown): void {
    const model = sheetOf(sheet, 'Spreadsheet.deleteSheet');
    const wb = this._workbook;
    if (!wb.sheets.includes(model)) throw gasError('Invalid argument: sheet');
    if (wb.sheets.length === 1) {
      throw gasError("You can't remove all the sheets in a document.");
    }
    wb.sheets.splice(wb.sheets.indexOf(model), 1);
    if (wb.selection?.sheet === model) wb.selection = null;
  }
  getActiveSheet(): Sheet {
    return this._ctx.sheet(this._workbook.active());
  }
  setActiveSheet(sheet: unknown): Sheet {
    const model = sheetOf(sheet, 'Spreadsheet.setActiveSheet');
    this._workbook.activeSheet = model;
    if (this._workbook.selection?.sheet !== model) this._workbook.selection = null;
    return this._ctx.sheet(model);
  }
  getActiveRange(): Range {
    const { sheet, boxes } = activeBoxes(this._workbook);
    return this._ctx.range({ sheet, box: boxes[boxes.length - 1] });
  }
  getActiveRangeList(): GoogleAppsScript.Spreadsheet.RangeList {
    const { sheet, boxes } = activeBoxes(this._workbook);
    return rangeList(
      this._ctx,
      this._workbook,
      boxes.map((box) => this._ctx.range({ sheet, box })),
    );
  }
  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return selectionObject(this._ctx, this._workbook);
  }
  getCurrentCell(): Range {
    const r = refOf(this.getActiveRange(), 'Spreadsheet.getCurrentCell');
    return this._ctx.range({
      sheet: r.sheet,
      box: { row: r.box.row, col: r.box.col, numRows: 1, numCols: 1 },
    });
  }
  setActiveSelection(range: unknown): Range {
    const r = typeof range === 'string' ? this.getRange(range) : range;
    const ref = refOf(r, 'Spreadsheet.setActiveSelection');
    this._workbook.activeSheet = ref.sheet;
    this._workbook.selection = { sheet: ref.sheet, boxes: [{ ...ref.box }] };
    return this._ctx.range(ref);
  }
  setActiveRange(range: unknown): Range {
    return this.setActiveSelection(range);
  }
  /** 'Sheet1!A1:B2' or, without a sheet name, a range of the active sheet. */
  getRange(a1Notation: string): Range {
    const { sheet } = splitSheetName(a1Notation);
    const model = sheet === null ? this._workbook.active() : this._sheetNamed(sheet);
    return this._ctx.range({ sheet: model, box: boxFromA1(model, a1Notation) });
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    return rangeList(
      this._ctx,
      this._workbook,
      a1Notations.map((a) => this.getRange(a)),
    );
  }
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this._workbook.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }
}
