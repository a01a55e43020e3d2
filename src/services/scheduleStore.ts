// The weekly batches' record in the spreadsheet itself (a hidden sheet): the schedule, the week's state and the claims log, visible to the sidebar and to the trigger alike.
import {
  claimRow,
  deadPrefix,
  deadRuns,
  entryRow,
  journalEntries,
  journalKey,
  releaseRow,
  takenFrom,
  type LogKind,
  type LogRow,
} from '../core/scheduleClaims';
import { asCell } from './clientSheetWrite';
import { now } from './clock';
import type { StoredEntry } from '../core/merge/journal';
import type { Journal } from './mergeJournal';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Row 1: the schedule record (A1), the week's state (B1), a note (C1). Rows 2 on: the claims log
 * (at, run, kind, key, entry), appended one row per call so that two runs appending at once never
 * write over each other's rows.
 */
export const SCHEDULE_SHEET = 'Reconnect schedule';
const NOTE = 'Kept by Reconnect for weekly batches. Please do not edit or delete this sheet.';
const LOG_COLUMNS = 5;

export function findScheduleSheet(ss: Spreadsheet): Sheet | null {
  return ss.getSheetByName(SCHEDULE_SHEET);
}

export function ensureScheduleSheet(ss: Spreadsheet): Sheet {
  const found = findScheduleSheet(ss);
  if (found) return found;
  const sheet = ss.insertSheet(SCHEDULE_SHEET);
  sheet.getRange(1, 3).setValue(NOTE);
  sheet.hideSheet();
  return sheet;
}

function parse(cell: unknown): unknown {
  if (typeof cell !== 'string' || !cell.trim()) return null;
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    return null;
  }
}

/** The schedule record and the week's state, in one read. */
export function readHead(sheet: Sheet): { record: unknown; state: unknown } {
  const [row] = sheet.getRange(1, 1, 1, 2).getValues() as unknown[][];
  return { record: parse(row?.[0]), state: parse(row?.[1]) };
}

export function writeRecord(sheet: Sheet, record: unknown): void {
  sheet.getRange(1, 1).setValue(asCell(JSON.stringify(record)));
}

export function writeState(sheet: Sheet, state: unknown): void {
  sheet.getRange(1, 2).setValue(asCell(JSON.stringify(state)));
}

export function readLog(sheet: Sheet): LogRow[] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const values = sheet.getRange(2, 1, last - 1, LOG_COLUMNS).getValues() as unknown[][];
  return values
    .filter((r) => r[1] !== '' && r[1] !== null)
    .map((r) => ({
      at: Number(r[0]) || 0,
      run: String(r[1]),
      kind: String(r[2]) as LogKind,
      key: String(r[3] ?? ''),
      json: String(r[4] ?? ''),
    }));
}

function append(sheet: Sheet, row: LogRow): void {
  sheet.appendRow([row.at, asCell(row.run), row.kind, asCell(row.key), asCell(row.json)]);
}

/** Deletes the log's rows no run needs any more (a prefix: appenders never hold a row number). */
export function compactLog(sheet: Sheet): void {
  const rows = readLog(sheet);
  const dead = deadPrefix(rows, now().getTime());
  if (dead > 0) sheet.deleteRows(2, dead);
}

/** Ends the claims of weekly runs that were killed (see deadRuns), one row each. */
export function releaseDeadRuns(sheet: Sheet, prefix: string): void {
  const nowMs = now().getTime();
  for (const run of deadRuns(readLog(sheet), prefix, nowMs))
    append(sheet, releaseRow(run, nowMs, true));
}

/** What a merge asks of the claims log: claim a chunk of sends, and release them when done. */
export interface Claims {
  /** Appends the claim, then re-reads the log: the keys another run claimed first (key -> run). */
  claim(keys: readonly string[]): Map<string, string>;
  /** This run has written its results to the sheet: its claims end a few minutes from now. */
  release(): void;
}

/**
 * The claims of one run on this spreadsheet, or null when no weekly schedule was ever saved here
 * (no trigger can be sending, so a merge pays one getSheetByName for this check).
 */
export function openClaims(ss: Spreadsheet, run: string): Claims | null {
  const sheet = findScheduleSheet(ss);
  if (!sheet) return null;
  return {
    claim(keys) {
      if (!keys.length) return new Map();
      append(sheet, claimRow(run, keys, now().getTime()));
      SpreadsheetApp.flush();
      return takenFrom(readLog(sheet), run, now().getTime());
    },
    release() {
      append(sheet, releaseRow(run, now().getTime()));
    },
  };
}

/**
 * The merge journal kept in the claims log instead of document properties: what the weekly run
 * uses, so its intents are where every sender looks whether or not the trigger has the
 * document's context. Same contract as services/mergeJournal's Journal: an intent is appended
 * before each send together with the previous send's result, and entries written to the sheet are
 * marked (their rows go when the log is compacted). The log is not a property store: no room check.
 */
export function sheetJournal(sheet: Sheet): Journal {
  const write = (s: StoredEntry) =>
    append(sheet, entryRow(s.key, { ...s.entry, at: now().getTime() }, now().getTime()));
  return {
    snapshot: () => ({
      entries: journalEntries(readLog(sheet)).filter((s) => !s.entry.written),
      runs: [],
      stale: [],
      journalBytes: 0,
      storeBytes: 0,
    }),
    start() {
      // The entry whose result (set by the caller after the send) is not in the log yet.
      let pending: StoredEntry | null = null;
      return {
        record(entry) {
          if (pending) write(pending);
          const stored = { key: journalKey(entry.clientId, entry.template), entry };
          write(stored);
          pending = stored;
          return stored;
        },
        flush() {
          if (pending) write(pending);
          pending = null;
        },
      };
    },
    markWritten(entries) {
      for (const { key, entry } of entries)
        append(
          sheet,
          entryRow(key, { ...entry, written: true, at: now().getTime() }, now().getTime()),
        );
    },
    clear() {
      compactLog(sheet);
    },
  };
}
