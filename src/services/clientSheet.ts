// The client sheet as a store: one batched read into clients, and one batched write of the add-on's own columns, found by Client ID.
import type { DataProblem, Settings } from '../shared/api';
import type { Client } from '../core/clients';
import { parseClients } from '../core/clients';
import {
  missingColumnsMessage,
  missingNeeds,
  recognizeColumns,
  type ClientField,
  type ColumnMap,
} from '../core/columns';
import { clientIdFromUuid, planIds, sharedIds, type IdOwner } from '../core/ids';
import { logOwners } from './touchSheet';
import { HEADER_READ_MAX, trimmed } from './recordSheet';
import { loadSettings } from './settings';
import { spreadsheetCivilDates, type CivilDates } from './civilDates';
import type { CellUpdate } from './clientSheetWrite';

// Writing lives in its own file; importers keep one entry point for the client sheet.
export {
  asCell,
  columnRuns,
  wouldChangeMeaning,
  writeOwnedCells,
  type CellUpdate,
} from './clientSheetWrite';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ClientSheet {
  spreadsheet: Spreadsheet;
  sheet: Sheet;
  settings: Settings;
  dates: CivilDates;
  /** Header texts of row 1, trimmed. */
  headers: string[];
  /** field -> 0-based column index (header recognition plus the user's overrides). */
  columns: ColumnMap;
  clients: Client[];
  problems: DataProblem[];
  notices: string[];
  /**
   * The rows as read, header first (values[0]), so values[row - 1] is sheet row `row`; after
   * readClientRows only the header and the touched clients' rows are there.
   */
  values: unknown[][];
  /** Display values of the data rows (display[row - 2]), when asked for. */
  display?: string[][];
  /** Some client has no Client ID, or shares one with an earlier row (a copied row). */
  needsIds: boolean;
  /** The row of a client now, by Client ID; null when no row has it. */
  rowOf(clientId: string): number | null;
}

export interface ReadOptions {
  displayValues?: boolean;
  /** Time-driven runs have no active spreadsheet: pass the one opened by ID. */
  spreadsheet?: Spreadsheet;
  settings?: Settings;
  /** Setup reads sheets that may not be usable yet: do not throw for missing needed columns. */
  allowMissing?: boolean;
}

export function activeSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Reconnect works inside a spreadsheet: open it from a Google Sheet.');
  return ss;
}

export function findClientSheet(ss: Spreadsheet, settings: Settings): Sheet {
  const sheet = ss.getSheetByName(settings.clientSheet);
  if (!sheet) {
    throw new Error(
      `There is no sheet named "${settings.clientSheet}". Run Reconnect > Set up client sheet, ` +
        'or choose the sheet that holds your clients in Reconnect > Settings.',
    );
  }
  return sheet;
}

/**
 * Reads the client sheet in one batched call (two with display values). Needed columns: a name
 * (Name, First/Last Name or Company) and one of Last Contact, Email or Phone; without them this
 * throws one message listing the headers found and how to map them in Settings.
 */
export function readClientSheet(options: ReadOptions = {}): ClientSheet {
  const settings = options.settings ?? loadSettings();
  const spreadsheet = options.spreadsheet ?? activeSpreadsheet();
  const sheet = findClientSheet(spreadsheet, settings);
  const range = sheet.getDataRange();
  const values = range.getValues() as unknown[][];
  const display = options.displayValues
    ? (range.getDisplayValues() as string[][]).slice(1)
    : undefined;
  const recognition = recognizeHeaders(sheet, values[0] ?? [], settings, options.allowMissing);
  return assemble(spreadsheet, sheet, settings, recognition, values, 2, values.length, display);
}

export interface HeaderRecognition {
  headers: string[];
  columns: ColumnMap;
  notices: string[];
}

/** Header texts and the column of each field; throws the missing-columns message unless allowed. */
export function recognizeHeaders(
  sheet: Sheet,
  headerRow: readonly unknown[],
  settings: Settings,
  allowMissing = false,
): HeaderRecognition {
  const headers = headerRow.map((h) => String(h ?? '').trim());
  const recognition = recognizeColumns(headers, settings.columnMap);
  const missing = missingNeeds(recognition.columns);
  if (missing.length && !allowMissing)
    throw new Error(missingColumnsMessage(sheet.getName(), headers, missing));
  return { headers, columns: recognition.columns, notices: recognition.problems };
}

/** Parses rows first..last of `values` (indexed by sheet row - 1) into a ClientSheet. */
function assemble(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  settings: Settings,
  recognition: HeaderRecognition,
  values: unknown[][],
  first: number,
  last: number,
  display?: string[][],
): ClientSheet {
  const dates = spreadsheetCivilDates(spreadsheet);
  const { clients, problems } = parseClients(values.slice(first - 1, last), recognition.columns, {
    today: dates.today,
    toCivil: dates.toCivil,
    headers: recognition.headers,
    firstRow: first,
  });
  return {
    needsIds: missingOrRepeatedIds(clients),
    spreadsheet,
    sheet,
    settings,
    dates,
    headers: recognition.headers,
    columns: recognition.columns,
    clients,
    problems,
    notices: recognition.notices,
    values,
    display,
    rowOf: rowFinder(clients),
  };
}

/** True when some client has no ID or repeats an earlier row's ID (a copied row). */
function missingOrRepeatedIds(clients: readonly Client[]): boolean {
  const seen = new Set<string>();
  for (const client of clients) {
    if (!client.id || seen.has(client.id)) return true;
    seen.add(client.id);
  }
  return false;
}

/** rowOf, its index built on the first call: the call list never asks, and 50,000 keys cost. */
function rowFinder(clients: readonly Client[]): (id: string) => number | null {
  let rows: Map<string, number> | undefined;
  return (id) => {
    if (!rows) {
      rows = new Map();
      for (const c of clients) if (c.id && !rows.has(c.id)) rows.set(c.id, c.row);
    }
    return rows.get(id) ?? null;
  };
}

/**
 * Reads only what touching a few known clients needs. One client whose row the list gave: the
 * header and that row, when it still holds the client's ID (a copy of the row elsewhere is not
 * looked for; the next call list gives the copy its own ID). Otherwise three reads whatever the sheet's size: the
 * header row, the Client ID column, and the rows from the first to the last of those clients. The
 * result holds those clients only (values has the header and those rows). Returns null when the
 * full read is needed instead: no Client ID column, or an ID that is not on exactly one row (the
 * full read refuses unknown IDs and gives a copied row its own ID).
 */
export function readClientRows(
  clientIds: readonly string[],
  options: Pick<ReadOptions, 'spreadsheet' | 'settings'> & {
    /** Rows the list gave, by Client ID: read first, trusted only if they hold that ID. */
    rows?: ReadonlyMap<string, number>;
  } = {},
): ClientSheet | null {
  const settings = options.settings ?? loadSettings();
  const spreadsheet = options.spreadsheet ?? activeSpreadsheet();
  const sheet = findClientSheet(spreadsheet, settings);
  const headerRow = headersOf(sheet);
  const width = headerRow.length;
  if (width < 1 || !clientIds.length) return null;
  const recognition = recognizeHeaders(sheet, headerRow, settings);
  const idColumn = recognition.columns.id;
  if (idColumn === undefined) return null;
  const given = clientIds.length === 1 ? options.rows?.get(clientIds[0]) : undefined;
  if (given !== undefined && given >= 2) {
    // Constant time: the row the list gave, confirmed by the ID in it; a search only if it moved.
    const line = sheet.getRange(given, 1, 1, width).getValues()[0] as unknown[];
    const cell = line[idColumn];
    if ((typeof cell === 'string' ? cell.trim() : String(cell)) === clientIds[0]) {
      const values: unknown[][] = [headerRow];
      values[given - 1] = line;
      return assemble(spreadsheet, sheet, settings, recognition, values, given, given);
    }
  }
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return null;
  const ids = sheet.getRange(2, idColumn + 1, lastRow - 1, 1).getValues() as unknown[][];
  const wanted = new Map<string, number>(clientIds.map((id) => [id, 0]));
  let top = Infinity;
  let bottom = 0;
  for (let i = 0; i < ids.length; i++) {
    const cell = ids[i][0];
    const id = typeof cell === 'string' ? cell.trim() : String(cell);
    const seen = wanted.get(id);
    if (seen === undefined) continue;
    if (seen > 0) return null;
    wanted.set(id, i + 2);
    top = Math.min(top, i + 2);
    bottom = Math.max(bottom, i + 2);
  }
  for (const row of wanted.values()) if (row === 0) return null;
  const rows = sheet.getRange(top, 1, bottom - top + 1, width).getValues() as unknown[][];
  const values: unknown[][] = [headerRow];
  rows.forEach((line, i) => (values[top - 1 + i] = line));
  return assemble(spreadsheet, sheet, settings, recognition, values, top, bottom);
}

/**
 * Row 1 up to its last header, read at the grid's width: no extent call (getLastColumn goes to the
 * server, about 160 ms, dev/emulator/cost.ts). A new column goes after the last used column, which
 * writeOwnedCells asks for when it adds one.
 */
function headersOf(sheet: Sheet): unknown[] {
  const max = sheet.getMaxColumns();
  const width = max <= HEADER_READ_MAX ? max : sheet.getLastColumn();
  return width > 0 ? trimmed(sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]) : [];
}

/** Names of every sheet of the spreadsheet (Settings checks the chosen client sheet exists). */
export function sheetNames(ss: Spreadsheet): string[] {
  return ss.getSheets().map((s) => s.getName());
}

/** The first row of a sheet, one read; [] when the sheet is missing or empty. */
export function headerRow(ss: Spreadsheet, name: string): unknown[] {
  const sheet = ss.getSheetByName(name);
  const width = sheet ? sheet.getLastColumn() : 0;
  return sheet && width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]) : [];
}

/** The number format of one cell of a client's row ('' when the field has no column). */
export function numberFormatAt(cs: ClientSheet, row: number, field: ClientField): string {
  const c = cs.columns[field];
  return c === undefined ? '' : cs.sheet.getRange(row, c + 1).getNumberFormat();
}

/** Shows the client sheet with one row selected. */
export function selectRow(cs: ClientSheet, row: number): void {
  cs.spreadsheet.setActiveSheet(cs.sheet);
  cs.sheet.getRange(row, 1, 1, Math.max(1, cs.headers.length)).activate();
}

/** A new Client ID from Utilities.getUuid ("C-" + 10 base-36 characters). */
export function newClientId(): string {
  return clientIdFromUuid(Utilities.getUuid());
}

/**
 * ID cells to write for clients without one, or whose ID a copied row shares; the clients in `cs`
 * get their new IDs at once so the rest of the operation can use them. Among rows sharing an ID,
 * the one matching `owners` (what the sidebar showed), else the name the Touches log has for that
 * ID, keeps it.
 */
export function idUpdates(
  cs: ClientSheet,
  owners: ReadonlyMap<string, IdOwner> = new Map(),
): { updates: CellUpdate[]; notices: string[] } {
  const known = new Map(owners);
  const unknown = sharedIds(cs.clients).filter((id) => !known.has(id));
  if (unknown.length) {
    for (const [id, owner] of logOwners(cs.spreadsheet, cs.dates, unknown)) known.set(id, owner);
  }
  const plan = planIds(cs.clients, newClientId, known);
  const updates: CellUpdate[] = [];
  for (const client of cs.clients) {
    const id = plan.assign.get(client.row);
    if (id === undefined) continue;
    client.id = id;
    updates.push({ row: client.row, field: 'id', value: id });
  }
  if (updates.length) cs.rowOf = rowFinder(cs.clients);
  return { updates, notices: plan.notices };
}
