// The grid rules every getRange overload shares: argument types and the documented range errors.
import { gasError } from '../kernel';
import type { SheetModel } from './model';

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return 'number';
  if (v === undefined) return 'undefined';
  return 'Object';
}

/**
 * Apps Script's message when the arguments match no overload, e.g. getRange(1, null) ->
 * "The parameters (number,null) don't match ...". How it renders undefined is [unverified].
 */
export function checkNumbers(args: unknown[], member: string): void {
  if (args.every((a) => typeof a === 'number' && Number.isFinite(a))) return;
  throw gasError(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${member}.`,
  );
}

/** Throws the documented errors for a box that is not a valid range of this sheet's grid. */
export function checkBox(
  sheet: SheetModel,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
  _className: string,
): void {
  if (row < 1) throw gasError('The starting row of the range is too small.');
  if (col < 1) throw gasError('The starting column of the range is too small.');
  if (numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw gasError('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) {
    throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
  }
}
