// The client sheet read for ranking: only the columns ranking needs for every row, then full rows for the clients shown.
import type { DataProblem, Settings } from '../shared/api';
import { clientParser, parseClients, type Client } from '../core/clients';
import { runs } from '../core/runs';
import type { ClientField, ColumnMap } from '../core/columns';
import { spreadsheetCivilDates, type CivilDates } from './civilDates';
import { findClientSheet, recognizeHeaders, type HeaderRecognition } from './clientSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * What ranking reads for every client: 6 cells a row, 7 when the sheet has a purchase date (a
 * post-sale check-in makes a client due). Among clients of equal rank the sheet's order decides
 * (reading every name to break ties would cost one more cell a client).
 */
export const RANK_FIELDS: readonly ClientField[] = [
  'id',
  'lastContact',
  'value',
  'cadence',
  'nextDue',
  'doNotContact',
  'purchaseDate',
];

/** What a search looks in (core/callList `matches`), read only when the list is searched. */
export const SEARCH_FIELDS: readonly ClientField[] = [
  'name',
  'firstName',
  'lastName',
  'company',
  'email',
  'phone',
  'notes',
];

/** The client sheet opened for ranking: its extent, header and columns, and the stamp of all that. */
export interface OpenedSheet {
  spreadsheet: Spreadsheet;
  sheet: Sheet;
  dates: CivilDates;
  recognition: HeaderRecognition;
  lastRow: number;
  width: number;
  /**
   * What an index read from this sheet depends on besides its cells: the sheet, its extent, its
   * header and the columns recognised, the time zone and today (a date in the future is unknown).
   */
  stamp: string;
}

export interface ClientIndex {
  /** Every client, with the fields read (the others empty) or complete when its row was read whole. */
  clients: Client[];
  /** Problems in the cells read. */
  problems: DataProblem[];
}

/** The extent (one call), the header row and the columns: what every load reads first. */
export function openClientSheet(settings: Settings, spreadsheet: Spreadsheet): OpenedSheet {
  const sheet = findClientSheet(spreadsheet, settings);
  const extent = sheet.getDataRange();
  const lastRow = extent.getLastRow();
  const width = extent.getLastColumn();
  const header = width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]) : [];
  const recognition = recognizeHeaders(sheet, header, settings);
  const dates = spreadsheetCivilDates(spreadsheet);
  const stamp = JSON.stringify([
    sheet.getSheetId(),
    lastRow,
    width,
    recognition.headers,
    recognition.columns,
    dates.timeZone,
    dates.today,
  ]);
  return { spreadsheet, sheet, dates, recognition, lastRow, width, stamp };
}

/**
 * Reads the ranking columns (contiguous ones in one call; the search columns too when searching),
 * then whole rows only for rows whose read cells are all empty: those may be blank or may be a
 * client typed without any of those cells, and only the whole row tells (as the full read did).
 */
export function readClientIndex(
  opened: OpenedSheet,
  search: boolean,
  rows: { first: number; last: number } = { first: 2, last: opened.lastRow },
): ClientIndex {
  const { sheet, recognition, dates } = opened;
  const { first: firstRow, last: lastRow } = rows;
  const fields = search ? [...RANK_FIELDS, ...SEARCH_FIELDS] : RANK_FIELDS;
  const columns = pick(recognition.columns, fields);
  const read = readColumns(sheet, columns, firstRow, lastRow);
  const parser = clientParser(read.columns, {
    today: dates.today,
    toCivil: dates.toCivil,
    headers: read.sheetColumns.map((c) => recognition.headers[c]),
    // With a search the name columns are read, and their problems are the search's to report.
    checkNames: search,
  });
  // One array, refilled for each row in turn: the parser keeps no row.
  const { cells, width } = read;
  const row = new Array<unknown>(width);
  for (let r = 0, at = 0; at < cells.length; r++) {
    for (let j = 0; j < width; j++, at++) row[j] = cells[at];
    parser.add(row, r + firstRow);
  }
  const partial = parser.parsed;
  // The parsed clients come in row order: the rows between them are the unknown ones.
  const unknown: number[] = [];
  const known = partial.clients;
  for (let row = firstRow, k = 0; row <= lastRow; row++) {
    if (k < known.length && known[k].row === row) k++;
    else unknown.push(row);
  }
  const whole = readRows(opened, unknown);
  const readHeaders = new Set(Object.values(columns).map((c) => recognition.headers[c]));
  return {
    clients: mergeByRow(partial.clients, whole.clients),
    problems: [
      ...partial.problems.filter((p) => readHeaders.has(p.column)),
      ...whole.problems,
    ].sort((a, b) => a.row - b.row),
  };
}

/** Full rows for the given clients' rows, parsed; one read per run of adjacent rows. */
export function readRows(
  opened: OpenedSheet,
  rows: readonly number[],
): { clients: Client[]; problems: DataProblem[] } {
  const { sheet, width, recognition, dates } = opened;
  const clients: Client[] = [];
  const problems: DataProblem[] = [];
  if (!rows.length || width < 1) return { clients, problems };
  // A gap of a few rows is read through: a call (about 3 ms with its getRange) costs more than
  // 4 rows of 16 cells (about 2 ms, dev/emulator/cost.ts).
  for (const [first, last] of runs(rows, 4)) {
    const values = sheet.getRange(first, 1, last - first + 1, width).getValues() as unknown[][];
    const parsed = parseClients(values, recognition.columns, {
      today: dates.today,
      toCivil: dates.toCivil,
      headers: recognition.headers,
      firstRow: first,
    });
    const wanted = new Set(rows);
    clients.push(...parsed.clients.filter((c) => wanted.has(c.row)));
    problems.push(...parsed.problems.filter((p) => wanted.has(p.row)));
  }
  return { clients, problems };
}

function pick(columns: ColumnMap, fields: readonly ClientField[]): ColumnMap {
  const out: ColumnMap = {};
  for (const f of fields) if (columns[f] !== undefined) out[f] = columns[f];
  return out;
}

/**
 * The rows first..last holding only the given columns, side by side, `width` cells a row in one
 * flat array (`sheetColumns[j]` is the 0-based sheet column of position j, `columns` maps each
 * field to its position): adjacent columns are read in one call, each other group in its own.
 * One flat array, not an array per row: 50,000 small arrays, alive until parsed, were copied by
 * every garbage collection of the load.
 */
function readColumns(
  sheet: Sheet,
  columns: ColumnMap,
  firstRow: number,
  lastRow: number,
): { cells: unknown[]; width: number; columns: ColumnMap; sheetColumns: number[] } {
  const n = Math.max(0, lastRow - firstRow + 1);
  const sheetColumns = [...new Set(Object.values(columns))].sort((a, b) => a - b);
  const position = new Map(sheetColumns.map((c, j) => [c, j]));
  const compact: ColumnMap = {};
  for (const [field, c] of Object.entries(columns) as [ClientField, number][])
    compact[field] = position.get(c);
  const width = sheetColumns.length;
  const cells = new Array<unknown>(n * width);
  if (!n) return { cells, width, columns: compact, sheetColumns };
  // Only adjacent columns share a read: a column read through would cost a cell a row.
  for (const [first, last] of runs(sheetColumns.map((c) => c + 1))) {
    const block = sheet.getRange(firstRow, first, n, last - first + 1).getValues() as unknown[][];
    const at = position.get(first - 1)!;
    for (let r = 0; r < n; r++) {
      const src = block[r];
      for (let j = 0; j < src.length; j++) cells[r * width + at + j] = src[j];
    }
  }
  return { cells, width, columns: compact, sheetColumns };
}

/** Only the problems of the ranking columns (what a fresh index read reports for every row). */
export function rankProblems(opened: OpenedSheet, problems: readonly DataProblem[]): DataProblem[] {
  const { columns, headers } = opened.recognition;
  const wanted = new Set(
    RANK_FIELDS.filter((f) => columns[f] !== undefined).map((f) => headers[columns[f]!]),
  );
  return problems.filter((p) => wanted.has(p.column));
}

/** Clients by row, with `whole` replacing any client of `partial` on the same row. */
export function mergeByRow(partial: Client[], whole: Client[]): Client[] {
  if (!whole.length) return partial;
  const replaced = new Set(whole.map((c) => c.row));
  return [...partial.filter((c) => !replaced.has(c.row)), ...whole].sort((a, b) => a.row - b.row);
}

/** True when some client has no ID or repeats an earlier row's ID (a copied row). */
export function missingOrRepeatedIds(clients: readonly Client[]): boolean {
  // Every load checks every ID: an open-addressing table of positions (1-based, 0 for empty),
  // hashed by the ID's characters, is about twice as fast as a Set at 50,000 clients and its one
  // typed array is no work for the garbage collector.
  const mask = 2 ** Math.ceil(Math.log2(2 * clients.length + 2)) - 1;
  const slots = new Int32Array(mask + 1);
  for (let k = 0; k < clients.length; k++) {
    const id = clients[k].id;
    if (!id) return true;
    let s = idHash(id) & mask;
    for (let at = slots[s]; at !== 0; at = slots[s]) {
      if (clients[at - 1].id === id) return true;
      s = (s + 1) & mask;
    }
    slots[s] = k + 1;
  }
  return false;
}

/** FNV-1a over the UTF-16 units, its high bits folded in (the table uses the low ones). */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h ^ (h >>> 16);
}
