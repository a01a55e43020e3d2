// The rows the user has selected in the client sheet, for "email the selected clients".

/**
 * Sheet rows (1-based, header excluded) covered by the current selection, when it is on the client
 * sheet; [] otherwise. Several ranges (Ctrl-click) all count. Rows are mapped to clients by the
 * caller in the same execution, from the read it just made, so they cannot have moved.
 */
export function selectedClientRows(sheet: GoogleAppsScript.Spreadsheet.Sheet): number[] {
  const spreadsheet = sheet.getParent();
  if (spreadsheet.getActiveSheet().getSheetId() !== sheet.getSheetId()) return [];
  const list = spreadsheet.getActiveRangeList();
  if (!list) return [];
  const rows = new Set<number>();
  for (const range of list.getRanges()) {
    const first = range.getRow();
    const last = first + range.getNumRows() - 1;
    for (let row = Math.max(2, first); row <= last; row++) rows.add(row);
  }
  return [...rows].sort((a, b) => a - b);
}
