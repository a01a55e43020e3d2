// Adding one new client row (a referred person) at the end of the client sheet, by header, with every text kept as text; and removing it again on undo.
import type { ClientField } from '../core/columns';
import { asCell } from './clientSheetWrite';
import type { ClientSheet } from './clientSheet';
import { forgetIndex } from './listCache';

/**
 * Writes one new row below the last used row of the client sheet: each given field under its
 * column (fields without a column are left out), every other cell empty. Nothing above it is
 * read or written again. Returns the sheet row.
 */
export function appendClientRow(
  cs: ClientSheet,
  fields: Partial<Record<ClientField, string>>,
): number {
  const width = Math.max(cs.sheet.getLastColumn(), cs.headers.length, 1);
  const line = new Array<unknown>(width).fill('');
  for (const [field, value] of Object.entries(fields) as [ClientField, string][]) {
    const c = cs.columns[field];
    if (c !== undefined && value !== undefined) line[c] = asCell(value);
  }
  const row = cs.sheet.getLastRow() + 1;
  const max = cs.sheet.getMaxRows();
  if (row > max) cs.sheet.insertRowsAfter(max, row - max);
  cs.sheet.getRange(row, 1, 1, width).setValues([line]);
  return row;
}

/** Deletes a row this add-on added (an undone referral, checked unchanged under the lock). */
export function deleteAddedClientRow(cs: ClientSheet, row: number): void {
  cs.sheet.deleteRow(row);
  // The rows below moved up: no cached ranking of this sheet is right any more.
  forgetIndex(cs.spreadsheet.getId());
}
