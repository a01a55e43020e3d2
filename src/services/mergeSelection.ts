// The rows the user has selected in the client sheet, for "email the selected clients", leaving out rows a filter hides.
import { MAX_BATCH } from '../shared/mergeApi';

export interface SelectedRows {
  /** Visible selected sheet rows (1-based, header excluded), in sheet order. */
  rows: number[];
  /** Selected rows left out because the sheet's filter hides them. */
  hiddenByFilter: number;
}

/** A selection of a whole column can span thousands of rows; past this many hidden rows we stop asking. */
const MAX_HIDDEN_CHECKS = 1000;

/**
 * Sheet rows covered by the current selection, when it is on the client sheet. Several ranges
 * (Ctrl-click) all count. A user who filters the sheet and selects what they see does not mean the
 * rows the filter hides (Google's mail-merge sample was asked for this: solutions PR #126), so those
 * are left out and counted. isRowHiddenByFilter is one call per row, so it is asked only when the
 * sheet has a filter and only until a full batch of visible rows is found.
 */
export function selectedClientRows(sheet: GoogleAppsScript.Spreadsheet.Sheet): SelectedRows {
  const none: SelectedRows = { rows: [], hiddenByFilter: 0 };
  const spreadsheet = sheet.getParent();
  if (spreadsheet.getActiveSheet().getSheetId() !== sheet.getSheetId()) return none;
  const list = spreadsheet.getActiveRangeList();
  if (!list) return none;
  const covered = new Set<number>();
  for (const range of list.getRanges()) {
    const first = range.getRow();
    const last = first + range.getNumRows() - 1;
    for (let row = Math.max(2, first); row <= last; row++) covered.add(row);
  }
  const rows = [...covered].sort((a, b) => a - b);
  if (!sheet.getFilter()) return { rows, hiddenByFilter: 0 };
  const visible: number[] = [];
  let hiddenByFilter = 0;
  for (const row of rows) {
    if (visible.length >= MAX_BATCH || hiddenByFilter >= MAX_HIDDEN_CHECKS) break;
    if (sheet.isRowHiddenByFilter(row)) hiddenByFilter += 1;
    else visible.push(row);
  }
  return { rows: visible, hiddenByFilter };
}
