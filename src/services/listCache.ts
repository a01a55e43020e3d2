// The call list's cache in CacheService: per spreadsheet, a version any edit by hand replaces, the log of the add-on's own writes, and the ranking index in pieces.
import type { LastTry } from '../shared/api';
import type { RankIndex } from '../core/rankIndex';
import { INDEX_SECONDS, partKey, partValues, pieces, readParts, sliceMetas } from './listPieces';

type Cache = GoogleAppsScript.Cache.Cache;

/**
 * Two stores. The control keys (version, write log, touch token, goal, index meta) are in the
 * script cache under the spreadsheet's ID: every context reaches it, a time-driven run without a
 * document included, so a trigger's writes are noted where the sidebar looks. The index's pieces
 * are in the document cache (the user's where there is none), so large indexes of many documents
 * do not crowd each other out of one 1,000-item cache.
 */
const VERSION = 'version';
const WRITES = 'writes';
const META = 'meta';
/** Replaced after every append to or deletion from the Touches log by the add-on. */
const TOUCHES = 'touches';
const GOAL = 'goal';
/** The cards' last tries from the log's recent end: valid exactly as long as the goal. */
const TRIES = 'tries';
/** The version and the write log outlive the index (6 hours, CacheService's maximum). */
const LONG_SECONDS = 21600;
/** Own writes remembered; a longer gap since the index was built means it is rebuilt. */
const MAX_WRITES = 300;

export interface Meta {
  stamp: string;
  version: string;
  /** The last own write already in the index when it was read (the earliest of its parts). */
  seq: number;
  /** The index's parts in row order (one, or the slices read side by side): key prefix, pieces. */
  parts: { key: string; pieces: number }[];
}

interface WriteLog {
  seq: number;
  rows: [number, number][];
}

interface Goal {
  version: string;
  touches: string;
  today: string;
  done: number;
}

interface Tries {
  version: string;
  touches: string;
  today: string;
  tries: Record<string, LastTry>;
}

/** What a load starts from: the index if still valid, and what publishing a new one needs. */
export interface CachedIndex {
  spreadsheetId: string;
  index: RankIndex | null;
  /** Today's contacts, when no touch was logged or removed and nothing edited since counted. */
  goal: number | null;
  /** The cards' last tries, by Client ID, under the same condition as the goal. */
  tries: Record<string, LastTry> | null;
  touches: string;
  /** Rows the add-on wrote since the index was built: read again and replaced. */
  writtenRows: number[];
  version: string;
  seq: number;
  /**
   * Control keys stored by this load (the index's meta, the goal, the tries), put in one call by
   * `publish` when the load is done: one cache write (about 93 ms) instead of three.
   */
  later: Record<string, string>;
}

/** The control keys of one spreadsheet, in the script cache. */
function control(spreadsheetId: string): {
  cache: Cache;
  key: (name: string) => string;
} {
  return {
    cache: CacheService.getScriptCache(),
    key: (name) => `reconnect.list.${spreadsheetId}.${name}`,
  };
}

function token(): string {
  return Utilities.getUuid();
}

/**
 * Reads the index for `stamp` (sheet, extent, header, columns, zone, today). Valid only when the
 * version is the one it was built under and every own write since is still in the log. With
 * `slices`, an index not yet whole is put together from that many slices read side by side
 * (warmCallList), when every one was read under this stamp and version.
 */
export function loadIndex(
  spreadsheetId: string,
  stamp: string,
  today: string,
  slices = 0,
): CachedIndex {
  const { cache, key } = control(spreadsheetId);
  const names = [VERSION, WRITES, META, TOUCHES, GOAL, TRIES];
  const got = cache.getAll(names.map(key));
  const head = Object.fromEntries(names.map((n) => [n, got[key(n)]]));
  let { version, touches } = head;
  let log = head[WRITES] ? (JSON.parse(head[WRITES]) as WriteLog) : null;
  const fresh: Record<string, string> = {};
  // Before the sheet is read: an edit or a touch after this replaces these, so what is read now
  // will not match them. Without the write log, what the add-on wrote is unknown: a new log
  // starts with a new version, which no older index has.
  if (!version || !log) fresh[key(VERSION)] = version = token();
  if (!log) fresh[key(WRITES)] = JSON.stringify((log = { seq: 0, rows: [] }));
  if (!touches) fresh[key(TOUCHES)] = touches = token();
  if (Object.keys(fresh).length) cache.putAll(fresh, LONG_SECONDS);
  const saved = head[GOAL] ? (JSON.parse(head[GOAL]) as Goal) : null;
  const goal =
    saved && saved.version === version && saved.touches === touches && saved.today === today
      ? saved.done
      : null;
  const savedTries = head[TRIES] ? (JSON.parse(head[TRIES]) as Tries) : null;
  const tries =
    savedTries &&
    savedTries.version === version &&
    savedTries.touches === touches &&
    savedTries.today === today
      ? savedTries.tries
      : null;
  const miss: CachedIndex = {
    spreadsheetId,
    index: null,
    goal,
    tries,
    touches,
    writtenRows: [],
    version,
    seq: log.seq,
    later: {},
  };
  const savedMeta = head[META] ? (JSON.parse(head[META]) as Partial<Meta>) : null;
  const whole =
    savedMeta?.parts && savedMeta.stamp === stamp && savedMeta.version === version
      ? (savedMeta as Meta)
      : null;
  const meta = whole ?? (slices > 1 ? sliceMetas(spreadsheetId, stamp, version, slices) : null);
  if (!meta) return miss;
  const since = log.rows.filter(([s]) => s > meta.seq);
  if (log.seq > meta.seq && (since.length === 0 || since[0][0] !== meta.seq + 1)) return miss;
  const index = readParts(meta);
  if (!index) return miss;
  const loaded = { ...miss, index, writtenRows: since.map(([, row]) => row) };
  // Slices put together: the next load finds them as one index.
  if (!whole) loaded.later[key(META)] = JSON.stringify(meta);
  return loaded;
}

/** Stores an index read after `from` was loaded, under the version and write count seen then. */
export function storeIndex(stamp: string, from: CachedIndex, index: RankIndex): void {
  const key = partKey(from.spreadsheetId, 1, 0);
  const { values, count } = partValues(key, index);
  pieces().putAll(values, INDEX_SECONDS);
  // The meta after the pieces (in `publish`): an index is found only once all its pieces are there.
  const meta: Meta = {
    stamp,
    version: from.version,
    seq: from.seq,
    parts: [{ key, pieces: count }],
  };
  from.later[control(from.spreadsheetId).key(META)] = JSON.stringify(meta);
}

/** Today's contacts, counted after `from` was loaded, under the version and touch token seen then. */
export function storeGoal(from: CachedIndex, today: string, done: number): void {
  const goal: Goal = { version: from.version, touches: from.touches, today, done };
  from.later[control(from.spreadsheetId).key(GOAL)] = JSON.stringify(goal);
}

/** The cards' last tries, read after `from` was loaded, under the version and touch token seen then. */
export function storeTries(from: CachedIndex, today: string, tries: Record<string, LastTry>): void {
  const saved: Tries = { version: from.version, touches: from.touches, today, tries };
  from.later[control(from.spreadsheetId).key(TRIES)] = JSON.stringify(saved);
}

/**
 * Puts what the load stored (meta, goal, tries) in one call. Each keeps the version and touch
 * token read before the sheet was, so a later put cannot make a stale value current.
 */
export function publish(from: CachedIndex | null): void {
  if (!from || !Object.keys(from.later).length) return;
  control(from.spreadsheetId).cache.putAll(from.later, INDEX_SECONDS);
  from.later = {};
}

/** The add-on appended to or deleted from the Touches log: today's count is counted again. */
export function noteTouchLogChanged(spreadsheetId: string): void {
  if (gathering) gathered(spreadsheetId).touches = true;
  else writeNotes(spreadsheetId, [], true);
}

/** Notes of the operation running in noteTogether, by spreadsheet ID; null outside one. */
let gathering: Map<string, { rows: number[]; touches: boolean }> | null = null;

function gathered(spreadsheetId: string): { rows: number[]; touches: boolean } {
  let notes = gathering!.get(spreadsheetId);
  if (!notes) gathering!.set(spreadsheetId, (notes = { rows: [], touches: false }));
  return notes;
}

/**
 * Runs fn (under the document lock) and writes the notes of its writes together at the end, even
 * when it throws: one read and one write of the control keys where each note would make its own.
 */
export function noteTogether<T>(fn: () => T): T {
  if (gathering) return fn();
  gathering = new Map();
  try {
    return fn();
  } finally {
    const notes = gathering;
    gathering = null;
    for (const [id, { rows, touches }] of notes) writeNotes(id, rows, touches);
  }
}

/** Any edit by hand: every index built before it is stale. */
export function forgetIndex(spreadsheetId: string): void {
  const { cache, key } = control(spreadsheetId);
  cache.put(key(VERSION), token(), LONG_SECONDS);
}

/**
 * The add-on wrote these client rows (under the document lock): the next load reads them again.
 * Without the log (never written, or evicted) the index cannot know what changed: it is dropped.
 */
export function noteOwnWrites(spreadsheetId: string, rows: readonly number[]): void {
  if (!rows.length) return;
  if (gathering) gathered(spreadsheetId).rows.push(...rows);
  else writeNotes(spreadsheetId, rows, false);
}

function writeNotes(spreadsheetId: string, rows: readonly number[], touches: boolean): void {
  const { cache, key } = control(spreadsheetId);
  const values: Record<string, string> = {};
  if (touches) values[key(TOUCHES)] = token();
  if (rows.length) {
    const text = cache.get(key(WRITES));
    const log: WriteLog = text ? (JSON.parse(text) as WriteLog) : { seq: 0, rows: [] };
    for (const row of new Set(rows)) log.rows.push([++log.seq, row]);
    log.rows = log.rows.slice(-MAX_WRITES);
    values[key(WRITES)] = JSON.stringify(log);
    if (!text) values[key(VERSION)] = token();
  }
  if (Object.keys(values).length) cache.putAll(values, LONG_SECONDS);
}
