// The emulated workbook's storage: rows of values as arrays, formulas and per-cell formats kept sparse per row, and the row/column operations that keep them aligned.

/** What a data validation holds (the wrapped DataValidation objects are views of this). */
export interface ValidationSpec {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface CellMeta {
  format?: string;
  validation?: ValidationSpec;
  note?: string;
  /** Formatting calls that only need recording (font weight, colours, wrap, alignment...). */
  style?: Record<string, unknown>;
}

/** Stored conditional format rule. */
export interface RuleSpec {
  condition: { type: string; args: unknown[] } | null;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  ranges: RangeRef[];
}

/** A range as the service sees it: a box on a sheet. */
export interface RangeRef {
  sheet: SheetModel;
  box: Box;
}

/** A rectangle of cells, 1-based like Apps Script. */
export interface Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

let nextSheetId = 1;

export class SheetModel {
  /** values[r][c], 0-based; rows may be shorter than the grid (missing cells are blank). */
  values: unknown[][] = [];
  formulas: Array<Array<string | undefined> | undefined> = [];
  meta: Array<Array<CellMeta | undefined> | undefined> = [];
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenColumns = 0;
  /** The tab is hidden (Sheet.hideSheet); the sheet still reads and writes as any other. */
  hidden = false;
  hiddenColumns = new Set<number>();
  /** Hidden rows (1-based): hidden by the user (hideRows) or by the sheet's filter. */
  hiddenRows = new Map<number, 'user' | 'filter'>();
  /** The sheet's filter range, if it has one (a sheet has at most one filter). */
  filterBox: Box | null = null;
  columnWidths = new Map<number, number>();
  rules: RuleSpec[] = [];
  readonly id: number;

  constructor(
    public name: string,
    id?: number,
  ) {
    this.id = id ?? nextSheetId++ * 100003;
  }

  value(r: number, c: number): unknown {
    const v = this.values[r]?.[c];
    return v === undefined ? '' : v;
  }

  formula(r: number, c: number): string {
    return this.formulas[r]?.[c] ?? '';
  }

  cellMeta(r: number, c: number): CellMeta | undefined {
    return this.meta[r]?.[c];
  }

  /** The meta of a cell, created on demand (formats stay sparse until someone sets one). */
  metaFor(r: number, c: number): CellMeta {
    const row = this.meta[r] ?? (this.meta[r] = []);
    return row[c] ?? (row[c] = {});
  }

  setCell(r: number, c: number, value: unknown, formula?: string): void {
    const row = this.values[r] ?? (this.values[r] = []);
    while (row.length < c) row.push('');
    row[c] = value;
    if (formula !== undefined) (this.formulas[r] ?? (this.formulas[r] = []))[c] = formula;
    else if (this.formulas[r]?.[c] !== undefined) this.formulas[r]![c] = undefined;
  }

  private hasContent(r: number, c: number): boolean {
    const v = this.values[r]?.[c];
    return (v !== undefined && v !== '') || this.formulas[r]?.[c] !== undefined;
  }

  /** 1-based position of the last row with content; 0 when the sheet is empty. */
  lastRow(): number {
    for (let r = Math.max(this.values.length, this.formulas.length) - 1; r >= 0; r--) {
      const row = this.values[r];
      if (row)
        for (let c = 0; c < row.length; c++)
          if (row[c] !== '' && row[c] !== undefined) return r + 1;
      if (this.formulas[r]?.some((f) => f !== undefined)) return r + 1;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    const rows = Math.max(this.values.length, this.formulas.length);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(this.values[r]?.length ?? 0, this.formulas[r]?.length ?? 0);
      for (let c = width - 1; c >= last; c--) {
        if (this.hasContent(r, c)) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  /** Blanks the box; keepFormats=false also drops formats, notes and validations. */
  clear(box: Box, contents: boolean, formats: boolean): void {
    for (let r = box.row - 1; r < box.row - 1 + box.numRows; r++) {
      for (let c = box.col - 1; c < box.col - 1 + box.numCols; c++) {
        if (
          contents &&
          (this.values[r]?.[c] !== undefined || this.formulas[r]?.[c] !== undefined)
        ) {
          this.setCell(r, c, '');
        }
        if (formats && this.meta[r]?.[c]) {
          const m = this.meta[r]![c]!;
          this.meta[r]![c] = m.note !== undefined ? { note: m.note } : undefined;
        }
      }
    }
  }

  insertRows(at0: number, count: number): void {
    const blanks = (): undefined[] => new Array<undefined>(count).fill(undefined);
    if (at0 < this.values.length) this.values.splice(at0, 0, ...blanks().map(() => []));
    if (at0 < this.formulas.length) this.formulas.splice(at0, 0, ...blanks());
    if (at0 < this.meta.length) this.meta.splice(at0, 0, ...blanks());
    this.hiddenRows = new Map(
      [...this.hiddenRows].map(
        ([r, by]) => [r > at0 ? r + count : r, by] as [number, 'user' | 'filter'],
      ),
    );
    this.maxRows += count;
  }

  deleteRows(at0: number, count: number): void {
    this.values.splice(at0, count);
    this.formulas.splice(at0, count);
    this.meta.splice(at0, count);
    const kept = [...this.hiddenRows].filter(([r]) => r <= at0 || r > at0 + count);
    this.hiddenRows = new Map(kept.map(([r, by]) => [r > at0 ? r - count : r, by]));
    this.maxRows -= count;
  }

  insertColumns(at0: number, count: number): void {
    const shiftRow = <T>(row: T[] | undefined, fill: T): void => {
      if (row && row.length > at0) row.splice(at0, 0, ...new Array<T>(count).fill(fill));
    };
    for (const row of this.values) shiftRow<unknown>(row, '');
    for (const row of this.formulas) shiftRow<string | undefined>(row, undefined);
    for (const row of this.meta) shiftRow<CellMeta | undefined>(row, undefined);
    this.hiddenColumns = new Set([...this.hiddenColumns].map((c) => (c > at0 ? c + count : c)));
    this.columnWidths = new Map(
      [...this.columnWidths].map(([c, w]) => [c > at0 ? c + count : c, w] as [number, number]),
    );
    this.maxCols += count;
  }

  deleteColumns(at0: number, count: number): void {
    for (const row of this.values) if (row) row.splice(at0, count);
    for (const row of this.formulas) if (row) row.splice(at0, count);
    for (const row of this.meta) if (row) row.splice(at0, count);
    const moved = (c: number): number | null => (c <= at0 ? c : c > at0 + count ? c - count : null);
    this.hiddenColumns = new Set(
      [...this.hiddenColumns].map(moved).filter((c): c is number => c !== null),
    );
    this.columnWidths = new Map(
      [...this.columnWidths]
        .map(([c, w]) => [moved(c), w] as [number | null, number])
        .filter((e): e is [number, number] => e[0] !== null),
    );
    this.maxCols -= count;
  }

  /**
   * Reorders rows [from0, to0) by the given keys; values, formulas and formats move together.
   * With a column span only those columns move (Range.sort), otherwise whole rows (Sheet.sort).
   */
  sortRows(
    from0: number,
    to0: number,
    keys: Array<{ col0: number; ascending: boolean }>,
    span?: { c0: number; c1: number },
  ): void {
    const order: number[] = [];
    for (let r = from0; r < to0; r++) order.push(r);
    order.sort((a, b) => {
      for (const key of keys) {
        const cmp = compareCells(this.value(a, key.col0), this.value(b, key.col0), key.ascending);
        if (cmp !== 0) return cmp;
      }
      return a - b;
    });
    if (!span) {
      const take = <T>(arr: T[]): T[] => order.map((r) => arr[r]);
      const vals = take(this.values);
      const forms = take(this.formulas);
      const metas = take(this.meta);
      for (let i = 0; i < order.length; i++) {
        this.values[from0 + i] = vals[i] ?? [];
        this.formulas[from0 + i] = forms[i];
        this.meta[from0 + i] = metas[i];
      }
      return;
    }
    const cells = order.map((r) => {
      const out: Array<{ v: unknown; f: string | undefined; m: CellMeta | undefined }> = [];
      for (let c = span.c0; c < span.c1; c++) {
        out.push({ v: this.values[r]?.[c], f: this.formulas[r]?.[c], m: this.meta[r]?.[c] });
      }
      return out;
    });
    cells.forEach((row, i) => {
      const r = from0 + i;
      row.forEach((cell, k) => {
        const c = span.c0 + k;
        this.setCell(r, c, cell.v === undefined ? '' : cell.v, cell.f);
        if (cell.m || this.meta[r]?.[c]) (this.meta[r] ?? (this.meta[r] = []))[c] = cell.m;
      });
    });
  }
}

function rank(v: unknown): number {
  if (typeof v === 'number' || Object.prototype.toString.call(v) === '[object Date]') return 0;
  if (typeof v === 'string') return 1;
  return 2; // booleans
}

/**
 * Sheets' sort order: numbers and dates, then text (case-insensitive), then booleans; blank cells
 * always go last whichever the direction.
 */
export function compareCells(a: unknown, b: unknown, ascending: boolean): number {
  const blankA = a === '' || a === undefined;
  const blankB = b === '' || b === undefined;
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  let cmp = rank(a) - rank(b);
  if (cmp === 0) {
    if (typeof a === 'string') {
      const x = a.toLowerCase();
      const y = (b as string).toLowerCase();
      cmp = x < y ? -1 : x > y ? 1 : 0;
    } else cmp = Number(a) - Number(b);
  }
  return ascending ? cmp : -cmp;
}

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  activeSheet: SheetModel | null = null;
  /** What is selected (by the script or, via the control, by the user). */
  selection: { sheet: SheetModel; boxes: Box[] } | null = null;
  toasts: Array<{ message: string; title: string; timeoutSeconds: number }> = [];

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
    public locale = 'en_US',
  ) {}

  sheet(name: string): SheetModel | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  active(): SheetModel {
    if (!this.activeSheet || !this.sheets.includes(this.activeSheet))
      this.activeSheet = this.sheets[0];
    return this.activeSheet;
  }
}
