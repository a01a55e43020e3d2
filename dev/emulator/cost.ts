// The cost model: modelled Apps Script milliseconds per service call and per cell moved, from published measurements (a model, not the truth).

/**
 * Published figures. Each is a measurement someone made on real Apps Script; the model adds them up.
 * Google's own advice is qualitative: "Minimize calls to other services", "Use batch operations",
 * "Alternating read and write commands is slow"
 * (https://developers.google.com/apps-script/guides/support/best-practices).
 */
export const COST = {
  /**
   * A cell read by getValues/getDisplayValues/...: 7.4 s for 120,000 x 2 = 240,000 cells on a plain
   * sheet, about 31 µs a cell (qiita.com/shi-suzuki, quoted in reference/apps-script-runtime.md;
   * several times more on a heavily formatted sheet).
   */
  readCellMs: 7400 / 240000,
  /**
   * A cell written by setValues/appendRow/...: no recent per-cell figure was found; modelled at the
   * read figure, above the one published write measurement (one setValues of 4,000 cells "less than
   * 50ms", https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp).
   */
  writeCellMs: 7400 / 240000,
  /**
   * Any SpreadsheetApp call served from Apps Script's look-ahead cache: 1,000 x (getRange + getValue)
   * in 3,064 ms, about 1.5 ms a call (https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html).
   */
  spreadsheetCallMs: 3064 / 2000,
  /**
   * getLastRow (and the calls that need it: getLastColumn, getDataRange) goes to the server: 1,000
   * calls in 160,377 ms, about 160 ms each (same bugbugnow page).
   */
  sheetExtentMs: 160377 / 1000,
  /**
   * A read after a write forces the pending writes out first: 100 x (getValue, getValue, setValue)
   * took 24,123 ms, about 241 ms a round, of which about 230 ms is the flush
   * (https://gas.excelspeedup.com/gas-spreadsheet-speedup). SpreadsheetApp.flush() pays the same.
   */
  flushMs: 24123 / 100 - 6 * (3064 / 2000),
  /** PropertiesService: getProperty avg 30 ms, setProperty avg 62 ms (https://ziritione.org/post/apps_script_performance). */
  propertyReadMs: 30,
  propertyWriteMs: 62,
  /**
   * CacheService: get avg 20 ms and remove avg 90 ms with 100 KB values as with small ones
   * (https://qiita.com/mitonattou919/items/a0fdd1a9e4559ee4a512); put avg 93 ms
   * (https://ziritione.org/post/apps_script_performance).
   */
  cacheReadMs: 20,
  cacheWriteMs: 93,
  cacheRemoveMs: 90,
  /**
   * One email send: "An email with total size of 100KB will take about 1.2 seconds to send"
   * (https://sites.google.com/quickfixters.com/add-onsuniverse/faq).
   */
  sendMs: 1200,
  /** Calls nobody has published a figure for (Utilities, Session, LockService...): a cached call's cost. */
  otherCallMs: 3064 / 2000,
} as const;

const PROPERTY_READS = new Set(['getProperty', 'getProperties', 'getKeys']);
const PROPERTY_WRITES = new Set([
  'setProperty',
  'setProperties',
  'deleteProperty',
  'deleteAllProperties',
]);
const CACHE_READS = new Set(['get', 'getAll']);
const CACHE_WRITES = new Set(['put', 'putAll']);
const CACHE_REMOVES = new Set(['remove', 'removeAll']);
const SENDS = new Set(['GmailApp.sendEmail', 'MailApp.sendEmail', 'GmailDraft.send']);
const EXTENT = new Set(['Sheet.getLastRow', 'Sheet.getLastColumn', 'Sheet.getDataRange']);
/** Spreadsheet calls that read sheet data, so the pending writes must be applied first. */
const DATA_READS =
  /^(Range|Sheet)\.(getValues?|getDisplayValues?|getFormulas?|getNumberFormats?|getLastRow|getLastColumn|getDataRange|getSheetValues)$/;
const SPREADSHEET_WRITE =
  /^(Range|Sheet|Spreadsheet)\.(set(Values?|Formulas?|NumberFormats?)|appendRow|insert\w*|delete\w*|clear\w*|sort)$/;

/** Modelled time and cells since the last reset; one meter per kernel. */
export class CostMeter {
  ms = 0;
  cellsRead = 0;
  cellsWritten = 0;
  /** Modelled ms per "Class.method", for the benches. */
  readonly byMethod = new Map<string, number>();
  private pendingWrite = false;

  reset(): void {
    this.ms = 0;
    this.cellsRead = 0;
    this.cellsWritten = 0;
    this.byMethod.clear();
  }

  /** A new execution starts with nothing pending (Apps Script applies writes when a script ends). */
  beginExecution(): void {
    this.pendingWrite = false;
  }

  /** The cost of one call, before any cell it moves. */
  call(service: string, key: string): void {
    this.add(key, this.callMs(service, key));
  }

  /** Cells a call moved: counted and charged per cell. */
  cells(key: string, read: number, written: number): void {
    this.cellsRead += read;
    this.cellsWritten += written;
    this.add(key, read * COST.readCellMs + written * COST.writeCellMs);
  }

  private add(key: string, ms: number): void {
    this.ms += ms;
    this.byMethod.set(key, (this.byMethod.get(key) ?? 0) + ms);
  }

  private callMs(service: string, key: string): number {
    const method = key.slice(key.indexOf('.') + 1);
    if (service === 'SpreadsheetApp') return this.spreadsheetMs(key);
    if (service === 'PropertiesService') {
      if (PROPERTY_READS.has(method)) return COST.propertyReadMs;
      if (PROPERTY_WRITES.has(method)) return COST.propertyWriteMs;
    }
    if (service === 'CacheService') {
      if (CACHE_READS.has(method)) return COST.cacheReadMs;
      if (CACHE_WRITES.has(method)) return COST.cacheWriteMs;
      if (CACHE_REMOVES.has(method)) return COST.cacheRemoveMs;
    }
    if (SENDS.has(key)) return COST.sendMs;
    return COST.otherCallMs;
  }

  private spreadsheetMs(key: string): number {
    let ms = EXTENT.has(key) ? COST.sheetExtentMs : COST.spreadsheetCallMs;
    if (key === 'SpreadsheetApp.flush' || DATA_READS.test(key)) {
      if (this.pendingWrite) ms += COST.flushMs;
      this.pendingWrite = false;
    }
    if (SPREADSHEET_WRITE.test(key)) this.pendingWrite = true;
    return ms;
  }
}

/**
 * The cells a Spreadsheet call moved, from what it returned or was given: a grid returned by a
 * getter is read, a grid given to a setter (or a row to appendRow) is written, a single-value
 * getter or setter moves the cells of its range.
 */
export function cellsMoved(
  key: string,
  target: object,
  args: readonly unknown[],
  result: unknown,
): { read: number; written: number } {
  const method = key.slice(key.indexOf('.') + 1);
  if (method.startsWith('get')) {
    if (isGrid(result)) return { read: gridCells(result), written: 0 };
    if (/^get(Value|DisplayValue|Formula|NumberFormat)$/.test(method))
      return { read: 1, written: 0 };
    return { read: 0, written: 0 };
  }
  if (method === 'appendRow' && Array.isArray(args[0])) return { read: 0, written: args[0].length };
  if (/^set(Values|Formulas|NumberFormats)$/.test(method) && isGrid(args[0]))
    return { read: 0, written: gridCells(args[0]) };
  if (/^set(Value|Formula|NumberFormat)$/.test(method)) {
    const box = (target as { _ref?: { box?: { numRows: number; numCols: number } } })._ref?.box;
    return { read: 0, written: box ? box.numRows * box.numCols : 1 };
  }
  return { read: 0, written: 0 };
}

function isGrid(value: unknown): value is unknown[][] {
  return Array.isArray(value) && (value.length === 0 || Array.isArray(value[0]));
}

function gridCells(grid: unknown[][]): number {
  let n = 0;
  for (const row of grid) n += Array.isArray(row) ? row.length : 1;
  return n;
}
