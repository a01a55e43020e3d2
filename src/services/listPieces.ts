// The call list index's pieces in the document cache: an index in one part or in slices read side by side, put together when every part is there.
import { chunks, decodeIndex, encodeIndex, type RankIndex } from '../core/rankIndex';
import type { CachedIndex, Meta } from './listCache';

type Cache = GoogleAppsScript.Cache.Cache;

const PIECE = 'reconnect.list.piece.';
/**
 * The index lives 10 minutes (CacheService's default): changes no edit event reports (another
 * script, the Sheets API, a formula fed from outside) reach the list within that time at most.
 */
export const INDEX_SECONDS = 600;

/** A slice of the rows read by its own execution (warmCallList), kept beside its pieces. */
interface SliceMeta {
  stamp: string;
  version: string;
  seq: number;
  pieces: number;
}

/** The key prefix of part `slice` of `slices` of a spreadsheet's index (1 part: read whole). */
export function partKey(spreadsheetId: string, slices: number, slice: number): string {
  return `${PIECE}${spreadsheetId}.${slices}.${slice}.`;
}

/** Where the pieces live: per document (the user's cache where there is none), so large indexes
 * of many documents do not crowd each other out of one 1,000-item cache. */
export function pieces(): Cache {
  return CacheService.getDocumentCache() ?? CacheService.getUserCache();
}

/** The index's parts from the document cache (one call), or null when a piece is gone. */
export function readParts(meta: Meta): RankIndex | null {
  const keys = meta.parts.flatMap((p) => Array.from({ length: p.pieces }, (_, i) => p.key + i));
  const stored = pieces().getAll(keys);
  if (keys.some((k) => stored[k] === undefined)) return null;
  const parts: RankIndex[] = [];
  let at = 0;
  for (const p of meta.parts) {
    const part = decodeIndex(
      keys
        .slice(at, (at += p.pieces))
        .map((k) => stored[k])
        .join(''),
    );
    if (!part) return null;
    parts.push(part);
  }
  // Slices are in row order: so are their clients and problems, put one after the other.
  return parts.length === 1
    ? parts[0]
    : { clients: parts.flatMap((p) => p.clients), problems: parts.flatMap((p) => p.problems) };
}

/** The meta of `slices` slices all read under this stamp and version, or null (one call). */
export function sliceMetas(
  spreadsheetId: string,
  stamp: string,
  version: string,
  slices: number,
): Meta | null {
  const keys = Array.from({ length: slices }, (_, s) => partKey(spreadsheetId, slices, s));
  const got = pieces().getAll(keys.map((k) => `${k}meta`));
  const metas = keys
    .map((k) => got[`${k}meta`])
    .map((t) => (t ? (JSON.parse(t) as SliceMeta) : null));
  if (metas.some((m) => !m || m.stamp !== stamp || m.version !== version)) return null;
  const seq = Math.min(...metas.map((m) => m!.seq));
  return { stamp, version, seq, parts: keys.map((key, s) => ({ key, pieces: metas[s]!.pieces })) };
}

/**
 * Stores slice `slice` of `slices` (its rows read by one execution while the others read theirs),
 * pieces and meta in one call: a load finds the slices only when every one is there.
 */
export function storeSlice(
  stamp: string,
  from: CachedIndex,
  index: RankIndex,
  slice: number,
  slices: number,
): void {
  const key = partKey(from.spreadsheetId, slices, slice);
  const { values, count } = partValues(key, index);
  const meta: SliceMeta = { stamp, version: from.version, seq: from.seq, pieces: count };
  values[`${key}meta`] = JSON.stringify(meta);
  pieces().putAll(values, INDEX_SECONDS);
}

/** An index (or a slice of one) as cache values under `key` + 0, 1, ...: the values and how many. */
export function partValues(
  key: string,
  index: RankIndex,
): { values: Record<string, string>; count: number } {
  const parts = chunks(encodeIndex(index));
  const values: Record<string, string> = {};
  parts.forEach((p, i) => (values[key + i] = p));
  return { values, count: parts.length };
}
