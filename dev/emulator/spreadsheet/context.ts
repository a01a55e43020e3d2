// What the emulated Spreadsheet objects share: the kernel, the wrapping of every object handed to a script, and the way back from a wrapped Range to its cells.
import { gasError, type Kernel } from '../kernel';
import type { RangeRef, SheetModel, SpreadsheetModel } from './model';

export const SERVICE = 'SpreadsheetApp';

export interface Ctx {
  kernel: Kernel;
  range(ref: RangeRef): GoogleAppsScript.Spreadsheet.Range;
  sheet(sheet: SheetModel): GoogleAppsScript.Spreadsheet.Sheet;
  spreadsheet(model: SpreadsheetModel): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The workbook a sheet belongs to (for its time zone and selection). */
  owner(sheet: SheetModel): SpreadsheetModel;
}

export function wrap<T>(ctx: Ctx, className: string, impl: object): T {
  return ctx.kernel.wrap<T & object>(SERVICE, className, impl);
}

/** The cells behind a Range handed back by a script (wrapped objects expose `_ref` uncounted). */
export function refOf(range: unknown, member: string): RangeRef {
  const ref = (range as { _ref?: RangeRef } | null)?._ref;
  if (!ref) throw gasError(`Invalid argument: ${member}`);
  return ref;
}

export function sheetOf(sheet: unknown, member: string): SheetModel {
  const model = (sheet as { _model?: SheetModel } | null)?._model;
  if (!model) throw gasError(`Invalid argument: ${member}`);
  return model;
}
