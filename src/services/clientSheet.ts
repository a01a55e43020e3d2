// The client sheet as a store: one batched read into clients, and one batched write of the add-on's own columns, found by Client ID.
import type { DataProblem, Settings } from '../shared/api';
import type { Client } from '../core/clients';
import { parseClients } from '../core/clients';
import {
  OWNED_FIELDS,
  STANDARD_HEADER,
  missingColumnsMessage,
  missingNeeds,
  recognizeColumns,
  type ClientField,
  type ColumnMap,
} from '../core/columns';
import { parseDateText } from '../core/dates';
import { clientIdFromUuid, planIds } from '../core/ids';
import { loadSettings } from './settings';
import { spreadsheetCivilDates, type CivilDates } from './civilDates';

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
  /** Every row as read, header first (values[0]), so values[row - 1] is sheet row `row`. */
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
  const dates = spreadsheetCivilDates(spreadsheet);
  const headers = (values[0] ?? []).map((h) => String(h ?? '').trim());
  const recognition = recognizeColumns(headers, settings.columnMap);
  const missing = missingNeeds(recognition.columns);
  if (missing.length && !options.allowMissing)
    throw new Error(missingColumnsMessage(sheet.getName(), headers, missing));
  const { clients, problems } = parseClients(values.slice(1), recognition.columns, {
    today: dates.today,
    toCivil: dates.toCivil,
    headers,
    firstRow: 2,
  });
  const rows = new Map<string, number>();
  let needsIds = false;
  for (const client of clients) {
    if (!client.id || rows.has(client.id)) needsIds = true;
    else rows.set(client.id, client.row);
  }
  return {
    needsIds,
    spreadsheet,
    sheet,
    settings,
    dates,
    headers,
    columns: recognition.columns,
    clients,
    problems,
    notices: recognition.problems,
    values,
    display,
    rowOf: (id) => rows.get(id) ?? null,
  };
}

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
  const width = cs.values[0]?.length ?? 0;
  const added: ClientField[] = [];
  for (const u of updates) {
    if (cs.columns[u.field] === undefined && !added.includes(u.field)) added.push(u.field);
  }
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
  for (const run of columnRuns([...updatedColumns], owned)) {
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
 * setValues reads text the way typing does ("=..." becomes a formula, "3/4" a date), so text that
 * would change meaning is written with a leading apostrophe, which Sheets keeps out of the value.
 */
export function asCell(value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  return wouldChangeMeaning(value) ? `'${value}` : value;
}

export function wouldChangeMeaning(text: string): boolean {
  if (/^[=+\-@'\t\r]/.test(text)) return true;
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return true;
  if (/^[$€£¥]?\s?[\d.,]+\s?%?$/.test(t)) return true;
  return parseDateText(t) !== null;
}

/** A new Client ID from Utilities.getUuid ("C-" + 10 base-36 characters). */
export function newClientId(): string {
  return clientIdFromUuid(Utilities.getUuid());
}

/**
 * ID cells to write for clients without one, or whose ID a copied row shares; the clients in `cs`
 * get their new IDs at once so the rest of the operation can use them.
 */
export function idUpdates(cs: ClientSheet): { updates: CellUpdate[]; notices: string[] } {
  const plan = planIds(cs.clients, newClientId);
  const updates: CellUpdate[] = [];
  for (const client of cs.clients) {
    const id = plan.assign.get(client.row);
    if (id === undefined) continue;
    client.id = id;
    updates.push({ row: client.row, field: 'id', value: id });
  }
  if (updates.length) {
    const rows = new Map<string, number>();
    for (const c of cs.clients) if (!rows.has(c.id)) rows.set(c.id, c.row);
    cs.rowOf = (id) => rows.get(id) ?? null;
  }
  return { updates, notices: plan.notices };
}
