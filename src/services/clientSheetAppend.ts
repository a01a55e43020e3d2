// Adding one new client row (a referred person) at the end of the client sheet, by header, with every text kept as text.
import type { ClientField } from '../core/columns';
import { asCell } from './clientSheetWrite';
import type { ClientSheet } from './clientSheet';

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
