// The call list's first load on a large sheet: startCallList says how many slices to read, warmCallList reads one (the sidebar runs them side by side), getCallList puts them together.
import type { CallListQuery, CallListStart, WarmSlice } from '../shared/api';
import { num, object } from '../core/schema';
import { MAX_SLICES, sliceRows, slicesFor } from '../core/slices';
import { openClientSheet, readClientIndex } from '../services/clientIndex';
import { activeSpreadsheet } from '../services/clientSheet';
import { loadIndex } from '../services/listCache';
import { storeSlice } from '../services/listPieces';
import { loadSettings } from '../services/settings';
import { callListOf, callListQuery } from './callList';
import { loadRankIndex } from './callListIndex';

/**
 * The list, as getCallList gives it, unless nothing is cached and the sheet is large: then how many
 * slices to read side by side (nothing read yet but the header). Searches are never split.
 */
export function startCallList(input: CallListQuery = {}): CallListStart {
  const query: CallListQuery = callListQuery(input ?? {}, 'query');
  const settings = loadSettings();
  const spreadsheet = activeSpreadsheet();
  const search = Boolean(query.search?.trim());
  if (search)
    return { list: callListOf(query, settings, loadRankIndex(settings, spreadsheet, true)) };
  const opened = openClientSheet(settings, spreadsheet);
  const rows = opened.lastRow - 1;
  const slices = slicesFor(rows);
  // Also makes the cache's version and write log, if missing, before any slice is read: the
  // slices then all read under the same version.
  const cached = loadIndex(spreadsheet.getId(), opened.stamp, opened.dates.today);
  if (slices > 1 && !cached.index) return { slices, rows };
  return {
    list: callListOf(
      query,
      settings,
      loadRankIndex(settings, spreadsheet, false, { opened, cached }),
    ),
  };
}

const warmInput = object({
  slice: num({ integer: true, min: 0, max: MAX_SLICES - 1 }),
  slices: num({ integer: true, min: 2, max: MAX_SLICES }),
});

/**
 * Reads the ranking columns of one slice of rows and caches them, under the cache's version and
 * write count seen before the read (as a whole read is). Nothing is written to the sheet.
 */
export function warmCallList(input: { slice: number; slices: number }): WarmSlice {
  const { slice, slices } = warmInput(input ?? {}, 'slice');
  if (slice >= slices) throw new Error(`There is no slice ${slice} of ${slices}.`);
  const settings = loadSettings();
  const spreadsheet = activeSpreadsheet();
  const opened = openClientSheet(settings, spreadsheet);
  const cached = loadIndex(spreadsheet.getId(), opened.stamp, opened.dates.today);
  if (cached.index) return { slice, rows: 0 };
  const rows = sliceRows(opened.lastRow, slice, slices);
  storeSlice(opened.stamp, cached, readClientIndex(opened, false, rows), slice, slices);
  return { slice, rows: Math.max(0, rows.last - rows.first + 1) };
}
