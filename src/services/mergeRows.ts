// The client sheet as a lean merge reads and writes it: whole rows only for the clients it plans or writes back, owned cells written per run of rows read.
import type { Settings } from '../shared/api';
import { parseClients, type Client } from '../core/clients';
import type { ClientField, ColumnMap } from '../core/columns';
import { OWNED_FIELDS } from '../core/columns';
import type { OpenedSheet } from './clientIndex';
import {
  asCell,
  columnRuns,
  writeOwnedCells,
  type CellUpdate,
  type ClientSheet,
} from './clientSheet';
import { noteOwnWrites } from './listCache';
import { runs } from '../core/runs';

/**
 * A client sheet holding only some rows (values[row - 1], display[row - 2], clients of those rows),
 * with the set of rows actually read: the only rows a sparse write may rewrite.
 */
const readRowsOf = new WeakMap<ClientSheet, Set<number>>();

/** True for a ClientSheet built here from some rows only (written with writeSparse). */
export function isSparse(cs: ClientSheet): boolean {
  return readRowsOf.has(cs);
}

/** An empty sparse sheet over an opened client sheet: header and columns known, no rows yet. */
export function sparseSheet(opened: OpenedSheet, settings: Settings): ClientSheet {
  const { recognition } = opened;
  const cs: ClientSheet = {
    spreadsheet: opened.spreadsheet,
    sheet: opened.sheet,
    settings,
    dates: opened.dates,
    headers: recognition.headers,
    columns: recognition.columns,
    clients: [],
    problems: [],
    notices: recognition.notices,
    values: [recognition.headers.slice()],
    display: [],
    needsIds: false,
    rowOf: () => null,
  };
  readRowsOf.set(cs, new Set());
  refreshRows(cs);
  return cs;
}

/**
 * Reads whole rows (values, and display values when asked) into the sparse sheet, one call per
 * run of nearby rows; rows already read are not read again. Returns the clients of `rows`.
 */
export function readIntoSparse(
  cs: ClientSheet,
  opened: OpenedSheet,
  rows: readonly number[],
  display: boolean,
): Client[] {
  const read = readRowsOf.get(cs);
  if (!read) throw new Error('Not a sparse client sheet.');
  const wanted = rows.filter((r) => r >= 2 && r <= opened.lastRow && !read.has(r));
  const width = opened.width;
  if (wanted.length && width > 0) {
    // Up to 3 rows between two wanted ones are read through: a call costs more.
    for (const [first, last] of runs(wanted, 4)) {
      const range = cs.sheet.getRange(first, 1, last - first + 1, width);
      const values = range.getValues() as unknown[][];
      const shown = display ? (range.getDisplayValues() as string[][]) : null;
      const parsed = parseClients(values, cs.columns, {
        today: cs.dates.today,
        toCivil: cs.dates.toCivil,
        headers: cs.headers,
        firstRow: first,
      });
      values.forEach((line, i) => {
        cs.values[first - 1 + i] = line;
        if (shown) (cs.display ??= [])[first - 2 + i] = shown[i];
        read.add(first + i);
      });
      const known = new Set(cs.clients.map((c) => c.row));
      cs.clients.push(...parsed.clients.filter((c) => !known.has(c.row)));
      cs.problems.push(...parsed.problems);
    }
    cs.clients.sort((a, b) => a.row - b.row);
    refreshRows(cs);
  }
  const byRow = new Map(cs.clients.map((c) => [c.row, c] as const));
  return rows.map((r) => byRow.get(r)).filter((c): c is Client => c !== undefined);
}

/** Whole columns of every data row, parsed into clients with only those fields (one call a column). */
export function readFieldColumns(opened: OpenedSheet, fields: readonly ClientField[]): Client[] {
  const { recognition, lastRow, width, sheet, dates } = opened;
  const columns: ColumnMap = {};
  for (const f of fields)
    if (recognition.columns[f] !== undefined) columns[f] = recognition.columns[f];
  const n = Math.max(0, lastRow - 1);
  if (!n) return [];
  const rows: unknown[][] = Array.from({ length: n }, () => new Array<unknown>(width).fill(''));
  for (const c of new Set(Object.values(columns))) {
    const block = sheet.getRange(2, c + 1, n, 1).getValues() as unknown[][];
    for (let r = 0; r < n; r++) rows[r][c] = block[r][0];
  }
  return parseClients(rows, columns, {
    today: dates.today,
    toCivil: dates.toCivil,
    headers: recognition.headers,
    firstRow: 2,
  }).clients;
}

function refreshRows(cs: ClientSheet): void {
  const rows = new Map<string, number>();
  for (const c of cs.clients) if (c.id && !rows.has(c.id)) rows.set(c.id, c.row);
  cs.rowOf = (id) => rows.get(id) ?? null;
}

/**
 * Writes owned cells of a sparse sheet: one setValues per run of adjacent owned columns over each
 * run of rows read (a gap of rows read in this same locked operation is rewritten as read, like
 * writeOwnedCells does). A field without a column gets one through writeOwnedCells (a new column
 * is empty below its header, so nothing unread is rewritten).
 */
export function writeSparse(cs: ClientSheet, updates: readonly CellUpdate[]): void {
  const read = readRowsOf.get(cs);
  if (!read) throw new Error('Not a sparse client sheet.');
  const fresh = updates.filter((u) => cs.columns[u.field] === undefined);
  if (fresh.length) writeOwnedCells(cs, fresh);
  const existing = updates.filter((u) => !fresh.includes(u));
  if (!existing.length) return;
  for (const u of existing) {
    if (!read.has(u.row)) throw new Error(`Row ${u.row} was not read before writing it.`);
  }
  const byCell = new Map<string, unknown>();
  const columns = new Set<number>();
  for (const u of existing) {
    const c = cs.columns[u.field]!;
    byCell.set(`${u.row}:${c}`, u.value);
    columns.add(c);
  }
  const owned = new Set(
    OWNED_FIELDS.map((f) => cs.columns[f]).filter((c): c is number => c !== undefined),
  );
  // A gap of up to 3 rows is rewritten as read, but only rows read in this operation.
  const rows = runs(
    existing.map((u) => u.row),
    4,
    (r) => read.has(r),
  );
  for (const run of columnRuns([...columns], owned)) {
    for (const [top, bottom] of rows) {
      const block: unknown[][] = [];
      for (let row = top; row <= bottom; row++) {
        const line = (cs.values[row - 1] ??= []);
        block.push(
          run.map((c) => {
            const key = `${row}:${c}`;
            return asCell(byCell.has(key) ? byCell.get(key) : (line[c] ?? ''));
          }),
        );
      }
      cs.sheet.getRange(top, run[0] + 1, block.length, run.length).setValues(block);
      block.forEach((cells, i) => {
        const target = (cs.values[top - 1 + i] ??= []);
        run.forEach((c, j) => (target[c] = cells[j]));
      });
    }
  }
  noteOwnWrites(
    cs.spreadsheet.getId(),
    existing.map((u) => u.row),
  );
}
