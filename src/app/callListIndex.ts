// The call list's ranking index: from the cache when nothing changed since it was read, else read from the sheet and cached.
import type { LastTry, Settings } from '../shared/api';
import { sameRanking } from '../core/rankIndex';
import type { Client } from '../core/clients';
import {
  mergeByRow,
  openClientSheet,
  rankProblems,
  readClientIndex,
  readRows,
  type ClientIndex,
  type OpenedSheet,
} from '../services/clientIndex';
import { activeSpreadsheet } from '../services/clientSheet';
import {
  forgetIndex,
  loadIndex,
  storeGoal,
  storeIndex,
  storeTries,
  type CachedIndex,
} from '../services/listCache';
import { countContactsOn } from '../core/touchLog';
import { readTouches, type LoggedTouch } from '../services/touchSheet';
import type { CivilDates } from '../services/civilDates';

export interface LoadedIndex {
  opened: OpenedSheet;
  index: ClientIndex;
  /** True when the index came from the cache: the rows shown must then confirm it. */
  fromCache: boolean;
  /** The cache as found (null for a search, which is not cached). */
  cached: CachedIndex | null;
  /** The Touches log's recent end, read once whoever asks (today's goal, the cards' last tries). */
  tail: TouchTail;
}

/** The last `lastRows` rows of the Touches log (all of a shorter log). */
export type TouchTail = (lastRows: number) => LoggedTouch[];

/**
 * The Touches log's recent end, read at most once per load: a longer tail asked later is read
 * again, a shorter one is cut from what was read.
 */
export function touchTail(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  dates: CivilDates,
): TouchTail {
  let read: { lastRows: number; touches: LoggedTouch[] } | null = null;
  return (lastRows) => {
    const whole = read !== null && read.touches.length < read.lastRows;
    if (!read || (!whole && read.lastRows < lastRows)) {
      read = { lastRows, touches: readTouches(spreadsheet, dates, { lastRows }).touches };
    }
    return read.touches.length > lastRows ? read.touches.slice(-lastRows) : read.touches;
  };
}

/**
 * A search reads its columns fresh. Otherwise the cached index is used when its stamp (extent,
 * header, columns, zone, today) and version (replaced by every edit by hand) still hold; the rows
 * the add-on wrote since are read again, and must still hold the clients the index put there.
 */
export function loadRankIndex(
  settings: Settings,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  search: boolean,
  /** Slices read side by side to put together (warmCallList), or the sheet and cache already opened. */
  options: { slices?: number; opened?: OpenedSheet; cached?: CachedIndex } = {},
): LoadedIndex {
  const opened = options.opened ?? openClientSheet(settings, spreadsheet);
  const tail = touchTail(spreadsheet, opened.dates);
  if (search)
    return { opened, index: readClientIndex(opened, true), fromCache: false, cached: null, tail };
  const cached =
    options.cached ??
    loadIndex(spreadsheet.getId(), opened.stamp, opened.dates.today, options.slices);
  if (cached.index) {
    const rows = cached.writtenRows.filter((r) => r <= opened.lastRow);
    const written = readRows(opened, rows);
    if (stillInPlace(cached.index.clients, written.clients)) {
      const changed = new Set(rows);
      const index: ClientIndex = {
        clients: mergeByRow(
          cached.index.clients.filter((c) => !changed.has(c.row)),
          written.clients,
        ),
        problems: [
          ...cached.index.problems.filter((p) => !changed.has(p.row)),
          ...rankProblems(opened, written.problems),
        ].sort((a, b) => a.row - b.row),
      };
      return { opened, index, fromCache: true, cached, tail };
    }
  }
  return rebuild(opened, cached, tail);
}

/** Reads the index from the sheet and caches it under the version and write count seen before. */
export function rebuild(
  opened: OpenedSheet,
  cached: CachedIndex | null,
  tail: TouchTail = touchTail(opened.spreadsheet, opened.dates),
): LoadedIndex {
  const index = readClientIndex(opened, false);
  if (cached) storeIndex(opened.stamp, cached, index);
  return { opened, index, fromCache: false, cached, tail };
}

/** Each row read again holds the client (by ID) the index has on that row, if it has one there. */
function stillInPlace(indexed: readonly Client[], reread: readonly Client[]): boolean {
  if (!reread.length) return true;
  const byRow = new Map(indexed.map((c) => [c.row, c.id]));
  return reread.every((c) => !byRow.has(c.row) || byRow.get(c.row) === c.id);
}

/** The rows shown, read whole, agree with the index on every ranking field. */
export function confirmedBy(
  indexed: readonly Client[],
  shown: readonly Client[],
  rows: readonly number[],
): boolean {
  const byRow = new Map(indexed.map((c) => [c.row, c]));
  const fresh = new Map(shown.map((c) => [c.row, c]));
  return rows.every((row) => {
    const a = byRow.get(row);
    const b = fresh.get(row);
    return a !== undefined && b !== undefined && sameRanking(a, b);
  });
}

/** The log's tail read first for today's goal: a day with fewer contacts needs no more. */
const SHORT_TOUCH_TAIL = 100;

/** More rows than anyone logs in a day (calls plus a full day's email quota). */
const RECENT_TOUCH_ROWS = 2000;

/** Today's contacts: kept in the cache until a touch is logged or removed, or anything is edited. */
export function todaysGoal(loaded: LoadedIndex): number {
  const { cached, opened } = loaded;
  if (cached?.goal != null) return cached.goal;
  const done = contactsToday(loaded.tail, opened.dates.today);
  if (cached) storeGoal(cached, opened.dates.today, done);
  return done;
}

/** The cards' last tries: kept in the cache exactly as long as today's goal (no touch logged since). */
export function cardTries(
  loaded: LoadedIndex,
  read: () => Map<string, LastTry>,
): Map<string, LastTry> {
  const { cached, opened } = loaded;
  if (cached?.tries) return new Map(Object.entries(cached.tries));
  const tries = read();
  if (cached) storeTries(cached, opened.dates.today, Object.fromEntries(tries));
  return tries;
}

/**
 * Today's contacts, from the recent end of the log: a short tail first, a longer one only when
 * the whole short tail is from today.
 */
export function contactsToday(tail: TouchTail, today: string): number {
  for (const lastRows of [SHORT_TOUCH_TAIL, RECENT_TOUCH_ROWS]) {
    const touches = tail(lastRows);
    const olderSeen = touches.length < lastRows || touches.some((t) => t.date !== today);
    if (olderSeen || lastRows === RECENT_TOUCH_ROWS) return countContactsOn(touches, today);
  }
  return 0;
}

/**
 * The onEdit simple trigger: an edit by hand anywhere in the spreadsheet (a formula may feed the
 * client sheet from another tab) makes every cached index stale. Edits by scripts and the Sheets
 * API fire no trigger: the index's 10-minute life bounds those.
 */
export function onEdit(event?: { source?: GoogleAppsScript.Spreadsheet.Spreadsheet }): void {
  forgetIndex(spreadsheetOf(event));
}

/** The edited spreadsheet: the event's source, else the active one. */
function spreadsheetOf(event?: { source?: GoogleAppsScript.Spreadsheet.Spreadsheet }): string {
  return (event?.source ?? activeSpreadsheet()).getId();
}
