// The sheet grids the preview page draws: only the rows a person can see (the top, and around the selection), formatted as Sheets shows them.
import type { Emulator } from '../emulator';

/** Rows from the top of each sheet: more than a tall window shows, few enough to stay cheap at 10,000 rows. */
export const TOP_ROWS = 80;
/** Rows kept above and below the selection, so "Show in sheet" lands on visible context. */
const AROUND_SELECTION = 15;

export interface GridRow {
  row: number;
  cells: string[];
}

export interface SheetGrid {
  name: string;
  /** Hidden in Sheets (the add-on's own records); the page still shows it, marked. */
  hidden: boolean;
  totalRows: number;
  width: number;
  rows: GridRow[];
}

function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** Whether the tab is hidden (Sheet.hideSheet), read off the model so the page makes no script call. */
function isHidden(emulator: Emulator, name: string): boolean {
  const book = emulator.sheets.active() as unknown as {
    _workbook?: { sheet(n: string): { hidden?: boolean } | null };
  };
  return book._workbook?.sheet(name)?.hidden === true;
}

/**
 * One sheet as the page draws it. Display values are formatted cell by cell for the kept rows only:
 * formatting a whole 10,000-row sheet took about 150 ms of the preview server on every refresh,
 * which held up the sidebar's own calls. The emulator's control API is used throughout, so the
 * page never counts as a script call or fires a fault a test injected.
 */
export function sheetGrid(emulator: Emulator, name: string): SheetGrid {
  const values = emulator.sheets.values(name);
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  const keep = new Set<number>();
  for (let i = 0; i < Math.min(TOP_ROWS, values.length); i += 1) keep.add(i);
  const selection = emulator.sheets.selection();
  if (selection && selection.sheet === name) {
    const from = Math.max(0, selection.row - 1 - AROUND_SELECTION);
    const to = Math.min(values.length, selection.row - 1 + selection.numRows + AROUND_SELECTION);
    for (let i = from; i < to; i += 1) keep.add(i);
  }
  const rows = [...keep]
    .sort((a, b) => a - b)
    .map((i) => ({
      row: i + 1,
      cells: values[i].map((value, c) =>
        value === ''
          ? ''
          : emulator.sheets.cell(name, `${columnLetters(c + 1)}${i + 1}`).displayValue,
      ),
    }));
  return { name, hidden: isHidden(emulator, name), totalRows: values.length, width, rows };
}
