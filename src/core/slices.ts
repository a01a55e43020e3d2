// A large client sheet's first read split into slices of rows, each read by its own execution side by side (google.script.run runs up to 10 calls at once).

/** Below this many data rows, one execution reads them all sooner than several would. */
export const SPLIT_FROM_ROWS = 5000;
/** Rows a slice aims at: about 0.23 s of the modelled 30.8 µs a cell at 6 cells a row. */
const ROWS_PER_SLICE = 1250;
/**
 * At most this many at once: google.script.run runs 10 calls at a time (Firefox 6 in practice,
 * apps-script-runtime.md §4.1), and the sidebar has other calls; 6 run as one round everywhere.
 */
export const MAX_SLICES = 6;

/** How many slices the first read of `rows` data rows takes; 1 means read them in one go. */
export function slicesFor(rows: number): number {
  if (rows < SPLIT_FROM_ROWS) return 1;
  return Math.min(MAX_SLICES, Math.ceil(rows / ROWS_PER_SLICE));
}

/** The sheet rows of slice `slice` of `slices` (data from row 2 to `lastRow`), in order, none left out. */
export function sliceRows(
  lastRow: number,
  slice: number,
  slices: number,
): { first: number; last: number } {
  const rows = Math.max(0, lastRow - 1);
  const size = Math.ceil(rows / slices);
  const first = 2 + slice * size;
  return { first, last: Math.min(lastRow, first + size - 1) };
}
