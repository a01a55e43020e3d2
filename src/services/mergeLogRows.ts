// The Touches log read lean for a merge: its Client ID column once, the other columns only for the rows of the clients the merge considers.
import { TOUCH_SHEET, touchColumns, type TouchColumn } from '../core/touchLog';
import type { LoggedTouch } from '../core/merge/skipRules';
import type { CivilDates } from './civilDates';
import { runs } from '../core/runs';
import {
  FIELDS,
  MARK_MARGIN,
  mergeTouch,
  readMergeRows,
  strip,
  touchText,
  type LogMark,
} from './mergeTouches';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Columns = Partial<Record<TouchColumn, number>>;

/**
 * The log as of the moment it was opened (rows 2..mark.lastRow), read as needed, plus the touches
 * this operation wrote to it since (`add`). Every answer is the one the whole log read at opening
 * would give for the clients asked about: a client's rows are all read, in the log's order.
 */
export interface LeanLog {
  mark: LogMark;
  /** The touches of these clients, in the log's order, then the ones added since. */
  of(ids: Iterable<string>): LoggedTouch[];
  /** Every touch whose Step is this template (any client, any channel), found by the Step column. */
  withStep(template: string): LoggedTouch[];
  /** The whole log (read once, every row, on first call) and the touches added since. */
  all(): LoggedTouch[];
  /** A touch this operation appended to the log after opening it. */
  add(touch: LoggedTouch): void;
}

/**
 * One modelled call (getRange + getValues, about 3 ms) costs about as much as 100 cells read (31 µs
 * each, dev/emulator/cost.ts): a run of rows is read as one span of columns unless the columns
 * between cost more. Runs are of adjacent rows only: a gap is never read.
 */
const CELLS_PER_CALL = 100;

/** Opens the log: its extent, header and the Touch IDs of its last rows (the mark); nothing else. */
export function openLeanLog(ss: Spreadsheet, dates: CivilDates): LeanLog {
  const sheet = ss.getSheetByName(TOUCH_SHEET);
  if (!sheet) return new Log(ss, dates, null, {}, 1, new Set());
  const extent = sheet.getDataRange();
  const lastRow = extent.getLastRow();
  const width = extent.getLastColumn();
  if (lastRow < 2 || width < 1) return new Log(ss, dates, null, {}, lastRow, new Set());
  const columns = touchColumns(sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]);
  const ids = new Set<string>();
  const from = Math.max(2, lastRow - MARK_MARGIN);
  if (columns.touchId !== undefined) {
    const cells = sheet.getRange(from, columns.touchId + 1, lastRow - from + 1, 1).getValues();
    for (const [cell] of cells) {
      const id = touchText(columns, dates, () => cell, 'touchId').trim();
      if (id) ids.add(id);
    }
  }
  return new Log(ss, dates, sheet, columns, lastRow, ids);
}

class Log implements LeanLog {
  readonly mark: LogMark;
  private readonly read = new Map<number, LoggedTouch>();
  private rowsOf: Map<string, number[]> | null = null;
  private readonly stepped = new Map<string, LoggedTouch[]>();
  private readonly added: LoggedTouch[] = [];
  private whole: LoggedTouch[] | null = null;

  constructor(
    private readonly ss: Spreadsheet,
    private readonly dates: CivilDates,
    private readonly sheet: Sheet | null,
    private readonly columns: Columns,
    lastRow: number,
    ids: ReadonlySet<string>,
  ) {
    this.mark = { lastRow, ids };
  }

  of(ids: Iterable<string>): LoggedTouch[] {
    const wanted = new Set(ids);
    const index = this.clientRows();
    const rows: number[] = [];
    for (const id of wanted) rows.push(...(index.get(id) ?? []));
    rows.sort((a, b) => a - b);
    this.readRows(rows);
    const out = rows.map((r) => this.read.get(r) as LoggedTouch);
    return [...out, ...this.added.filter((t) => wanted.has(t.clientId))];
  }

  withStep(template: string): LoggedTouch[] {
    const key = template.trim().toLowerCase();
    const known = this.stepped.get(key);
    if (known) return [...known, ...this.added.filter((t) => same(t.step, key))];
    const rows: number[] = [];
    const c = this.columns.step;
    if (this.sheet && c !== undefined) {
      const cells = this.column(c);
      cells.forEach(([cell], i) => {
        if (same(touchText(this.columns, this.dates, () => cell, 'step').trim(), key))
          rows.push(i + 2);
      });
    }
    this.readRows(rows);
    const found = rows.map((r) => this.read.get(r) as LoggedTouch);
    this.stepped.set(key, found);
    return [...found, ...this.added.filter((t) => same(t.step, key))];
  }

  all(): LoggedTouch[] {
    if (!this.whole) {
      const rows = this.sheet ? readMergeRows(this.ss, this.dates, this.mark.lastRow) : [];
      this.whole = [...rows, ...this.added];
    }
    return this.whole;
  }

  add(touch: LoggedTouch): void {
    this.added.push(touch);
    this.whole?.push(touch);
  }

  /** Client ID -> its rows, from the Client ID column (read once). */
  private clientRows(): Map<string, number[]> {
    if (this.rowsOf) return this.rowsOf;
    const out = new Map<string, number[]>();
    const c = this.columns.clientId;
    if (this.sheet && c !== undefined) {
      this.column(c).forEach(([cell], i) => {
        const id = touchText(this.columns, this.dates, () => cell, 'clientId').trim();
        if (!id) return;
        const rows = out.get(id);
        if (rows) rows.push(i + 2);
        else out.set(id, [i + 2]);
      });
    }
    this.rowsOf = out;
    return out;
  }

  private column(c: number): unknown[][] {
    const n = this.mark.lastRow - 1;
    return (this.sheet as Sheet).getRange(2, c + 1, n, 1).getValues() as unknown[][];
  }

  /**
   * The merge's columns of these rows (sorted), those not read yet: in runs of adjacent rows, or in
   * one read from the first to the last when that costs less (many scattered rows: never more than
   * the whole log's five columns).
   */
  private readRows(rows: readonly number[]): void {
    const todo = rows.filter((r) => !this.read.has(r));
    if (!todo.length || !this.sheet) return;
    const wanted = [
      ...new Set(FIELDS.map((f) => this.columns[f]).filter((c): c is number => c !== undefined)),
    ];
    if (!wanted.length) return;
    const blocks = runs(wanted);
    const parts = runs(todo);
    const width = blocks[blocks.length - 1][1] - blocks[0][0] + 1;
    const byRuns = parts.reduce((sum, [a, b]) => sum + CELLS_PER_CALL + (b - a + 1) * width, 0);
    const [first, last] = [todo[0], todo[todo.length - 1]];
    const whole = (last - first + 1) * wanted.length + blocks.length * CELLS_PER_CALL;
    if (whole < byRuns) this.readRun(first, last, blocks);
    else for (const [a, b] of parts) this.readRun(a, b, blocks);
  }

  private readRun(first: number, last: number, blocks: [number, number][]): void {
    const n = last - first + 1;
    const cells = blocks.reduce((sum, [a, b]) => sum + b - a + 1, 0);
    const lo = blocks[0][0];
    const hi = blocks[blocks.length - 1][1];
    // One span over the columns between costs (hi - lo + 1 - cells) cells a row more, but fewer calls.
    const spans: [number, number][] =
      n * (hi - lo + 1 - cells) < (blocks.length - 1) * CELLS_PER_CALL ? [[lo, hi]] : blocks;
    const grid: unknown[][] = Array.from({ length: n }, () => []);
    for (const [a, b] of spans) {
      const block = (this.sheet as Sheet).getRange(first, a + 1, n, b - a + 1).getValues();
      for (let r = 0; r < n; r++) for (let j = 0; j <= b - a; j++) grid[r][a + j] = block[r][j];
    }
    grid.forEach((row, i) =>
      this.read.set(first + i, strip(mergeTouch(this.columns, this.dates, (c) => row[c]))),
    );
  }
}

function same(step: string, key: string): boolean {
  return step.trim().toLowerCase() === key;
}
