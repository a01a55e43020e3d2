// The call list's cache in CacheService: the ranking index in pieces, a version any edit by hand replaces, and the log of the add-on's own writes.
import { chunks, decodeIndex, encodeIndex, type RankIndex } from '../core/rankIndex';

type Cache = GoogleAppsScript.Cache.Cache;

const VERSION = 'reconnect.list.version';
const WRITES = 'reconnect.list.writes';
const META = 'reconnect.list.meta';
const PIECE = 'reconnect.list.piece.';
/** Replaced after every append to or deletion from the Touches log by the add-on. */
const TOUCHES = 'reconnect.list.touches';
const GOAL = 'reconnect.list.goal';
/**
 * The index lives 10 minutes (CacheService's default): changes no edit event reports (another
 * script, the Sheets API, a formula fed from outside) reach the list within that time at most.
 */
const INDEX_SECONDS = 600;
/** The version and the write log outlive the index (6 hours, CacheService's maximum). */
const LONG_SECONDS = 21600;
/** Own writes remembered; a longer gap since the index was built means it is rebuilt. */
const MAX_WRITES = 300;

interface Meta {
  stamp: string;
  version: string;
  /** The last own write already in the index when it was read. */
  seq: number;
  pieces: number;
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

/** What a load starts from: the index if still valid, and what publishing a new one needs. */
export interface CachedIndex {
  index: RankIndex | null;
  /** Today's contacts, when no touch was logged or removed and nothing edited since counted. */
  goal: number | null;
  touches: string;
  /** Rows the add-on wrote since the index was built: read again and replaced. */
  writtenRows: number[];
  version: string;
  seq: number;
}

/** The document's cache (shared by its editors); the user's where there is no document cache. */
function cache(): Cache {
  return CacheService.getDocumentCache() ?? CacheService.getUserCache();
}

function token(): string {
  return Utilities.getUuid();
}

/**
 * Reads the index for `stamp` (sheet, extent, header, columns, zone, today). Valid only when the
 * version is the one it was built under and every own write since is still in the log.
 */
export function loadIndex(stamp: string, today: string): CachedIndex {
  const store = cache();
  const head = store.getAll([VERSION, WRITES, META, TOUCHES, GOAL]);
  let version = head[VERSION];
  let log = head[WRITES] ? (JSON.parse(head[WRITES]) as WriteLog) : null;
  let touches = head[TOUCHES];
  if (!touches) {
    // Before the log is counted: an append after this replaces it.
    touches = token();
    store.put(TOUCHES, touches, LONG_SECONDS);
  }
  const saved = head[GOAL] ? (JSON.parse(head[GOAL]) as Goal) : null;
  if (!version || !log) {
    // A new version before the sheet is read: an edit after this replaces it, so the index built
    // from this read will not match. Without the write log, what the add-on wrote is unknown: a
    // new log starts with a new version, which no older index has.
    version = token();
    const values: Record<string, string> = { [VERSION]: version };
    if (!log) values[WRITES] = JSON.stringify((log = { seq: 0, rows: [] }));
    store.putAll(values, LONG_SECONDS);
  }
  const seq = log.seq;
  const meta = head[META] ? (JSON.parse(head[META]) as Meta) : null;
  const goal =
    saved && saved.version === version && saved.touches === touches && saved.today === today
      ? saved.done
      : null;
  const miss: CachedIndex = { index: null, goal, touches, writtenRows: [], version, seq };
  if (!meta || meta.stamp !== stamp || meta.version !== version) return miss;
  if (meta.seq > 0 && !log) return miss;
  const since = log ? log.rows.filter(([s]) => s > meta.seq) : [];
  if (log && log.seq > meta.seq && (since.length === 0 || since[0][0] !== meta.seq + 1))
    return miss;
  const keys = Array.from({ length: meta.pieces }, (_, i) => PIECE + i);
  const pieces = store.getAll(keys);
  if (keys.some((k) => pieces[k] === undefined)) return miss;
  return {
    ...miss,
    index: decodeIndex(keys.map((k) => pieces[k]).join('')),
    writtenRows: since.map(([, row]) => row),
  };
}

/** Stores an index read after `from` was loaded, under the version and write count seen then. */
export function storeIndex(stamp: string, from: CachedIndex, index: RankIndex): void {
  const pieces = chunks(encodeIndex(index));
  const values: Record<string, string> = {};
  pieces.forEach((p, i) => (values[PIECE + i] = p));
  const meta: Meta = { stamp, version: from.version, seq: from.seq, pieces: pieces.length };
  values[META] = JSON.stringify(meta);
  cache().putAll(values, INDEX_SECONDS);
}

/** Today's contacts, counted after `from` was loaded, under the version and touch token seen then. */
export function storeGoal(from: CachedIndex, today: string, done: number): void {
  const goal: Goal = { version: from.version, touches: from.touches, today, done };
  cache().put(GOAL, JSON.stringify(goal), INDEX_SECONDS);
}

/** The add-on appended to or deleted from the Touches log: today's count is counted again. */
export function noteTouchLogChanged(): void {
  cache().put(TOUCHES, token(), LONG_SECONDS);
}

/** Any edit by hand: every index built before it is stale. */
export function forgetIndex(): void {
  cache().put(VERSION, token(), LONG_SECONDS);
}

/**
 * The add-on wrote these client rows (under the document lock): the next load reads them again.
 * Without the log (never written, or evicted) the index cannot know what changed: it is dropped.
 */
export function noteOwnWrites(rows: readonly number[]): void {
  if (!rows.length) return;
  const store = cache();
  const text = store.get(WRITES);
  const log: WriteLog = text ? (JSON.parse(text) as WriteLog) : { seq: 0, rows: [] };
  for (const row of new Set(rows)) log.rows.push([++log.seq, row]);
  log.rows = log.rows.slice(-MAX_WRITES);
  if (!text) store.putAll({ [WRITES]: JSON.stringify(log), [VERSION]: token() }, LONG_SECONDS);
  else store.put(WRITES, JSON.stringify(log), LONG_SECONDS);
}
