// Writing the add-on's own cells of the client sheet: batched runs of columns, new columns at the end, and text kept as text.
import { OWNED_FIELDS, STANDARD_HEADER, type ClientField } from '../core/columns';
import { parseDateText } from '../core/dates';
import type { ClientSheet } from './clientSheet';
import { noteOwnWrites } from './listCache';

/** One owned cell to write; `value` is sheet-ready (Dates for dates, numbers, booleans, text). */
export interface CellUpdate {
  row: number;
  field: ClientField;
  value: unknown;
}

/**
 * Writes owned cells in as few setValues calls as the layout allows: updated columns are grouped
 * into runs of adjacent columns (owned columns between them are rewritten with the values just
 * read), each run spanning the rows from the first to the last updated one. A field without a column
 * gets one at the end of the header row. Callers hold the document lock and read in the same
 * operation, so the rows rewritten unchanged cannot have moved.
 */
export function writeOwnedCells(cs: ClientSheet, updates: readonly CellUpdate[]): void {
  if (!updates.length) return;
  const added: ClientField[] = [];
  for (const u of updates) {
    if (cs.columns[u.field] === undefined && !added.includes(u.field)) added.push(u.field);
  }
  // New columns go after the last used column: a column without a header may hold data.
  const read = cs.values[0]?.length ?? 0;
  const width = added.length ? Math.max(read, cs.sheet.getLastColumn()) : read;
  added.forEach((field, i) => {
    cs.columns[field] = width + i;
    cs.headers[width + i] = STANDARD_HEADER[field];
  });
  if (added.length) {
    const max = cs.sheet.getMaxColumns();
    if (width + added.length > max) cs.sheet.insertColumnsAfter(max, width + added.length - max);
  }
  const byCell = new Map<string, unknown>();
  const updatedColumns = new Set<number>();
  let top = Infinity;
  let bottom = 0;
  for (const u of updates) {
    const c = cs.columns[u.field]!;
    byCell.set(`${u.row}:${c}`, u.value);
    updatedColumns.add(c);
    top = Math.min(top, u.row);
    bottom = Math.max(bottom, u.row);
  }
  const owned = new Set(
    OWNED_FIELDS.map((f) => cs.columns[f]).filter((c): c is number => c !== undefined),
  );
  // New columns are written apart from existing ones: they span every row down from the header,
  // and an existing column bridged into that span would be rewritten from rows that may not have
  // been read (readClientRows reads a few rows only).
  const existing = [...updatedColumns].filter((c) => c < width);
  const fresh = [...updatedColumns].filter((c) => c >= width);
  for (const run of [...columnRuns(existing, owned), ...columnRuns(fresh, new Set(fresh))]) {
    const first = run[0];
    const includesNew = run.some((c) => c >= width);
    const start = includesNew ? 1 : top;
    const block: unknown[][] = [];
    for (let row = start; row <= bottom; row++) {
      const line: unknown[] = [];
      for (const c of run) {
        const key = `${row}:${c}`;
        if (byCell.has(key)) line.push(asCell(byCell.get(key)));
        else if (row === 1 && c >= width) line.push(cs.headers[c]);
        else line.push(asCell(cs.values[row - 1]?.[c] ?? ''));
      }
      block.push(line);
    }
    cs.sheet.getRange(start, first + 1, block.length, run.length).setValues(block);
    for (let row = start; row <= bottom; row++) {
      const target = (cs.values[row - 1] ??= []);
      run.forEach((c, i) => (target[c] = block[row - start][i]));
    }
  }
  // After the write: a call list reading the log then reads these rows as written (listCache.ts).
  noteOwnWrites(
    cs.spreadsheet.getId(),
    updates.map((u) => u.row),
  );
}

/** Sorted runs of adjacent columns; a gap made only of owned columns is bridged. */
export function columnRuns(columns: number[], owned: Set<number>): number[][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const run = runs[runs.length - 1];
    if (run) {
      const last = run[run.length - 1];
      let bridge = true;
      for (let g = last + 1; g < c; g++) if (!owned.has(g)) bridge = false;
      if (bridge) {
        for (let g = last + 1; g <= c; g++) run.push(g);
        continue;
      }
    }
    runs.push([c]);
  }
  return runs;
}

/**
 * The one text guard for every text the add-on writes (client sheet and Touches log). setValues
 * reads text the way typing does ("=..." becomes a formula, "00123" the number 123, "3/4" a date,
 * "TRUE" a boolean), so text that might change meaning is written with a leading apostrophe, which
 * Sheets keeps out of the value: the cell reads back as the exact text. Erring on the side of the
 * apostrophe is harmless (the value is the same either way).
 */
export function asCell(value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  return wouldChangeMeaning(value) ? `'${value}` : value;
}

export function wouldChangeMeaning(text: string): boolean {
  // Formulas (= + - @), an apostrophe of the user's own, and leading whitespace Sheets may trim.
  if (/^[=+\-@'\s]/.test(text)) return true;
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return true;
  // Numbers in any dress: 00123, 1e5, 1,234.50, $12, 12 €, 50%, (12), 1/2, 10:30, 2024-03-15.
  if (/\d/.test(t) && /^[\d\s.,:/()$€£¥%eE+-]+$/.test(t)) return true;
  // Month-name dates with or without a year: "Jan 5", "5 March", "March 2024".
  if (/^(\d{1,2}\s+[a-z]{3,9}\.?|[a-z]{3,9}\.?\s+\d{1,4})(,?\s*\d{2,4})?$/i.test(t)) return true;
  return parseDateText(t) !== null;
}
