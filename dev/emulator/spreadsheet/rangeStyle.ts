// The emulated Range's formatting side: number formats, fonts and colours, notes, data validations, checkboxes and sorting.
import { gasError } from '../kernel';
import { DEFAULT_NUMBER_FORMAT } from './format';
import type { CellMeta, ValidationSpec } from './model';
import { RangeCore, checkDimensions } from './range';
import { validationObject } from './rules';

type Range = GoogleAppsScript.Spreadsheet.Range;

export class RangeImpl extends RangeCore {
  private _setMeta(fn: (m: CellMeta, i: number, j: number) => void): Range {
    const { row, col } = this._ref.box;
    this._each((r, c) => fn(this._ref.sheet.metaFor(r, c), r - row + 1, c - col + 1));
    return this._self();
  }

  private _style(key: string, value: unknown): Range {
    return this._setMeta((m) => {
      m.style = { ...m.style, [key]: value };
    });
  }

  private _styles(key: string, grid: unknown[][]): Range {
    checkDimensions(grid, this._ref.box);
    return this._setMeta((m, i, j) => {
      m.style = { ...m.style, [key]: grid[i][j] };
    });
  }

  // ---- formats ----
  setNumberFormat(format: string): Range {
    return this._setMeta((m) => {
      m.format = format;
    });
  }
  setNumberFormats(formats: string[][]): Range {
    checkDimensions(formats, this._ref.box);
    return this._setMeta((m, i, j) => {
      m.format = formats[i][j];
    });
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  getNumberFormats(): string[][] {
    return this._grid((r, c) => this._ref.sheet.cellMeta(r, c)?.format ?? DEFAULT_NUMBER_FORMAT);
  }
  setFontWeight(weight: string | null): Range {
    return this._style('fontWeight', weight ?? 'normal');
  }
  setFontWeights(weights: unknown[][]): Range {
    return this._styles('fontWeight', weights);
  }
  getFontWeight(): string {
    return String(
      this._ref.sheet.cellMeta(this._ref.box.row - 1, this._ref.box.col - 1)?.style?.fontWeight ??
        'normal',
    );
  }
  setFontStyle(style: string | null): Range {
    return this._style('fontStyle', style ?? 'normal');
  }
  setFontColor(color: string | null): Range {
    return this._style('fontColor', color ?? '#000000');
  }
  setFontColors(colors: unknown[][]): Range {
    return this._styles('fontColor', colors);
  }
  setFontSize(size: number): Range {
    return this._style('fontSize', size);
  }
  setFontFamily(family: string | null): Range {
    return this._style('fontFamily', family ?? 'Arial');
  }
  setFontLine(line: string | null): Range {
    return this._style('fontLine', line ?? 'none');
  }
  setBackground(color: string | null): Range {
    return this._style('background', color ?? '#ffffff');
  }
  setBackgrounds(colors: unknown[][]): Range {
    return this._styles('background', colors);
  }
  getBackground(): string {
    return String(
      this._ref.sheet.cellMeta(this._ref.box.row - 1, this._ref.box.col - 1)?.style?.background ??
        '#ffffff',
    );
  }
  setWrap(wrap: boolean): Range {
    return this._style('wrap', wrap);
  }
  setWrapStrategy(strategy: unknown): Range {
    return this._style('wrapStrategy', String(strategy));
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this._style('horizontalAlignment', alignment ?? 'general');
  }
  setVerticalAlignment(alignment: string | null): Range {
    return this._style('verticalAlignment', alignment ?? 'bottom');
  }
  setBorder(...args: unknown[]): Range {
    return this._style('border', args.slice(0, 6));
  }
  setNote(note: string | null): Range {
    return this._setMeta((m) => {
      m.note = note ? String(note) : undefined;
    });
  }
  setNotes(notes: unknown[][]): Range {
    checkDimensions(notes, this._ref.box);
    return this._setMeta((m, i, j) => {
      const n = notes[i][j];
      m.note = n ? String(n) : undefined;
    });
  }
  getNote(): string {
    return this._ref.sheet.cellMeta(this._ref.box.row - 1, this._ref.box.col - 1)?.note ?? '';
  }
  getNotes(): string[][] {
    return this._grid((r, c) => this._ref.sheet.cellMeta(r, c)?.note ?? '');
  }
  clearNote(): Range {
    return this._setMeta((m) => {
      m.note = undefined;
    });
  }

  // ---- validation and checkboxes ----
  setDataValidation(rule: unknown): Range {
    const spec = rule === null ? undefined : specOf(rule);
    return this._setMeta((m) => {
      m.validation = spec;
    });
  }
  setDataValidations(rules: unknown[][]): Range {
    checkDimensions(rules, this._ref.box);
    return this._setMeta((m, i, j) => {
      m.validation = rules[i][j] === null ? undefined : specOf(rules[i][j]);
    });
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return this.getDataValidations()[0][0];
  }
  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    return this._grid((r, c) => {
      const spec = this._ref.sheet.cellMeta(r, c)?.validation;
      return spec ? validationObject(this._ctx, spec) : null;
    });
  }
  clearDataValidations(): Range {
    return this.setDataValidation(null);
  }
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): Range {
    const args =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    const spec: ValidationSpec = { criteria: 'CHECKBOX', args, allowInvalid: false, helpText: '' };
    // Documented: every cell is set to the unchecked value (false unless a custom one is given).
    const unchecked = args.length === 2 ? uncheckedValue : args.length === 1 ? '' : false;
    this._each((r, c) => {
      this._ref.sheet.metaFor(r, c).validation = spec;
      this._ref.sheet.setCell(r, c, unchecked);
    });
    return this._self();
  }
  removeCheckboxes(): Range {
    this._each((r, c) => {
      const m = this._ref.sheet.cellMeta(r, c);
      if (m?.validation?.criteria === 'CHECKBOX') {
        m.validation = undefined;
        this._ref.sheet.setCell(r, c, '');
      }
    });
    return this._self();
  }
  private _toggle(checked: boolean): Range {
    this._each((r, c) => {
      const v = this._ref.sheet.cellMeta(r, c)?.validation;
      if (v?.criteria !== 'CHECKBOX') return;
      const [on, off] = checkboxValues(v);
      const cur = this._ref.sheet.value(r, c);
      if (cur === on || cur === off) this._ref.sheet.setCell(r, c, checked ? on : off);
    });
    return this._self();
  }
  check(): Range {
    return this._toggle(true);
  }
  uncheck(): Range {
    return this._toggle(false);
  }
  isChecked(): boolean | null {
    const states = new Set<string>();
    this._each((r, c) => {
      const v = this._ref.sheet.cellMeta(r, c)?.validation;
      if (v?.criteria !== 'CHECKBOX') return void states.add('none');
      const [on] = checkboxValues(v);
      states.add(this._ref.sheet.value(r, c) === on ? 'on' : 'off');
    });
    if (states.size !== 1 || states.has('none')) return null;
    return states.has('on');
  }

  // ---- sorting ----
  sort(sortSpecObj: unknown): Range {
    const b = this._ref.box;
    const specs = Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj];
    const keys = specs.map((s) => {
      const column = typeof s === 'number' ? s : Number((s as { column: number }).column);
      const ascending =
        typeof s === 'number' ? true : (s as { ascending?: boolean }).ascending !== false;
      if (!(column >= b.col && column < b.col + b.numCols)) {
        throw gasError(`The sort column must be within the range.`);
      }
      return { col0: column - 1, ascending };
    });
    this._ref.sheet.sortRows(b.row - 1, b.row - 1 + b.numRows, keys, {
      c0: b.col - 1,
      c1: b.col - 1 + b.numCols,
    });
    return this._self();
  }
}

function specOf(rule: unknown): ValidationSpec {
  const spec = (rule as { _spec?: ValidationSpec } | null)?._spec;
  if (!spec) throw gasError('Invalid argument: rule');
  return spec;
}

function checkboxValues(v: ValidationSpec): [unknown, unknown] {
  if (v.args.length === 0) return [true, false];
  return [v.args[0], v.args.length > 1 ? v.args[1] : ''];
}
