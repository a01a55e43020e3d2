// The emulator's side of opening a file: the active spreadsheet's sheets replaced by imported ones (values, formats, formulas with their last results), uncounted like the control API.
import type { SpreadsheetControl } from './control';
import type { SpreadsheetModel } from './model';

export interface SheetContents {
  name: string;
  values: unknown[][];
  /** Number format per cell, '' for the automatic one. */
  formats: string[][];
  /** '=...' per cell, '' for a value. */
  formulas: string[][];
  frozenRows: number;
}

export interface LoadOptions {
  /** The spreadsheet's new name. */
  name: string;
  /** The sheet that becomes active (the client sheet). */
  active: string;
  /** Sheets locale name, as getSpreadsheetLocale reports it. */
  locale: string;
}

function modelOf(control: SpreadsheetControl): SpreadsheetModel {
  const wb = (control.active() as unknown as { _workbook?: SpreadsheetModel })._workbook;
  if (!wb) throw new Error('emulator: the active spreadsheet is not an emulated one');
  return wb;
}

/** The active spreadsheet's time zone, read without counting a script call. */
export function spreadsheetTimeZone(control: SpreadsheetControl): string {
  return modelOf(control).timeZone;
}

/**
 * Replaces every sheet of the active spreadsheet with `sheets`, in their order. A formula cell keeps
 * the result the file stored as its value: the emulator does not evaluate formulas, and Sheets
 * would show (and getValues would return) a computed value, not a blank.
 */
export function replaceSheets(
  control: SpreadsheetControl,
  sheets: SheetContents[],
  options: LoadOptions,
): void {
  if (!sheets.length) throw new Error('emulator: a spreadsheet needs at least one sheet');
  for (const s of sheets) control.setSheet(s.name, s.values, { frozenRows: s.frozenRows });
  const wb = modelOf(control);
  wb.sheets = sheets.map((s) => wb.sheet(s.name)!);
  for (const s of sheets) {
    const model = wb.sheet(s.name)!;
    s.formats.forEach((row, r) =>
      row.forEach((format, c) => {
        if (format) model.metaFor(r, c).format = format;
      }),
    );
    s.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula) model.setCell(r, c, s.values[r]?.[c] ?? '', formula);
      }),
    );
  }
  wb.name = options.name;
  wb.locale = options.locale;
  wb.activeSheet = wb.sheet(options.active) ?? wb.sheets[0];
  wb.selection = null;
}
