// Data validation and conditional format builders and rules, and the SpreadsheetApp enums they use.
import { makeEnum } from '../kernel';
import { refOf, wrap, type Ctx } from './context';
import type { RuleSpec, ValidationSpec } from './model';

export const DataValidationCriteria = makeEnum('DataValidationCriteria', [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const);

export const BooleanCriteria = makeEnum('BooleanCriteria', [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const);

export const WrapStrategy = makeEnum('WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP'] as const);
export const Dimension = makeEnum('Dimension', ['COLUMNS', 'ROWS'] as const);
export const Direction = makeEnum('Direction', ['UP', 'DOWN', 'PREVIOUS', 'NEXT'] as const);

type Criteria = keyof typeof DataValidationCriteria;

function copyArg(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyArg);
  if (Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
  return v;
}

/** A built DataValidation, as read back with Range.getDataValidation(). */
export function validationObject(
  ctx: Ctx,
  spec: ValidationSpec,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const impl = {
    _spec: spec,
    getCriteriaType: () => DataValidationCriteria[spec.criteria as Criteria],
    getCriteriaValues: () => spec.args.map(copyArg),
    getAllowInvalid: () => spec.allowInvalid,
    getHelpText: () => (spec.helpText === '' ? null : spec.helpText),
    copy: () => validationBuilder(ctx, { ...spec, args: spec.args.map(copyArg) }),
  };
  return wrap(ctx, 'DataValidation', impl);
}

export function validationBuilder(
  ctx: Ctx,
  start?: ValidationSpec,
): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
  const spec: ValidationSpec = start ?? {
    criteria: '',
    args: [],
    allowInvalid: true,
    helpText: '',
  };
  const set = (criteria: Criteria, ...args: unknown[]) => {
    spec.criteria = criteria;
    spec.args = args.map(copyArg);
    return self;
  };
  const impl = {
    requireCheckbox: (...args: unknown[]) => set('CHECKBOX', ...args),
    requireDate: () => set('DATE_IS_VALID_DATE'),
    requireDateAfter: (d: Date) => set('DATE_AFTER', d),
    requireDateBefore: (d: Date) => set('DATE_BEFORE', d),
    requireDateBetween: (a: Date, b: Date) => set('DATE_BETWEEN', a, b),
    requireDateEqualTo: (d: Date) => set('DATE_EQUAL_TO', d),
    requireDateNotBetween: (a: Date, b: Date) => set('DATE_NOT_BETWEEN', a, b),
    requireDateOnOrAfter: (d: Date) => set('DATE_ON_OR_AFTER', d),
    requireDateOnOrBefore: (d: Date) => set('DATE_ON_OR_BEFORE', d),
    requireFormulaSatisfied: (f: string) => set('CUSTOM_FORMULA', f),
    requireNumberBetween: (a: number, b: number) => set('NUMBER_BETWEEN', a, b),
    requireNumberEqualTo: (n: number) => set('NUMBER_EQUAL_TO', n),
    requireNumberGreaterThan: (n: number) => set('NUMBER_GREATER_THAN', n),
    requireNumberGreaterThanOrEqualTo: (n: number) => set('NUMBER_GREATER_THAN_OR_EQUAL_TO', n),
    requireNumberLessThan: (n: number) => set('NUMBER_LESS_THAN', n),
    requireNumberLessThanOrEqualTo: (n: number) => set('NUMBER_LESS_THAN_OR_EQUAL_TO', n),
    requireNumberNotBetween: (a: number, b: number) => set('NUMBER_NOT_BETWEEN', a, b),
    requireNumberNotEqualTo: (n: number) => set('NUMBER_NOT_EQUAL_TO', n),
    requireTextContains: (t: string) => set('TEXT_CONTAINS', t),
    requireTextDoesNotContain: (t: string) => set('TEXT_DOES_NOT_CONTAIN', t),
    requireTextEqualTo: (t: string) => set('TEXT_EQUAL_TO', t),
    requireTextIsEmail: () => set('TEXT_IS_VALID_EMAIL'),
    requireTextIsUrl: () => set('TEXT_IS_VALID_URL'),
    // Documented: showDropdown defaults to true.
    requireValueInList: (values: string[], showDropdown = true) =>
      set('VALUE_IN_LIST', [...values], showDropdown),
    requireValueInRange: (range: unknown, showDropdown = true) =>
      set('VALUE_IN_RANGE', range, showDropdown),
    withCriteria: (criteria: { name?: string } | string, args: unknown[]) =>
      set(String(typeof criteria === 'string' ? criteria : criteria.name) as Criteria, ...args),
    setAllowInvalid: (allow: boolean) => {
      spec.allowInvalid = allow;
      return self;
    },
    setHelpText: (text: string) => {
      spec.helpText = text;
      return self;
    },
    getCriteriaType: () =>
      spec.criteria ? DataValidationCriteria[spec.criteria as Criteria] : null,
    getCriteriaValues: () => spec.args.map(copyArg),
    getAllowInvalid: () => spec.allowInvalid,
    getHelpText: () => (spec.helpText === '' ? null : spec.helpText),
    copy: () => validationBuilder(ctx, { ...spec, args: spec.args.map(copyArg) }),
    build: () => validationObject(ctx, { ...spec, args: spec.args.map(copyArg) }),
  };
  const self: GoogleAppsScript.Spreadsheet.DataValidationBuilder = wrap(
    ctx,
    'DataValidationBuilder',
    impl,
  );
  return self;
}

function booleanCondition(
  ctx: Ctx,
  spec: RuleSpec,
): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
  if (!spec.condition) return null;
  const c = spec.condition;
  return wrap(ctx, 'BooleanCondition', {
    getCriteriaType: () => BooleanCriteria[c.type as keyof typeof BooleanCriteria],
    getCriteriaValues: () => c.args.map(copyArg),
    getBackground: () => spec.background,
    getFontColor: () => spec.fontColor,
    getBold: () => spec.bold,
    getItalic: () => spec.italic,
  });
}

export function conditionalRule(
  ctx: Ctx,
  spec: RuleSpec,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  return wrap(ctx, 'ConditionalFormatRule', {
    _spec: spec,
    getBooleanCondition: () => booleanCondition(ctx, spec),
    getGradientCondition: () => null,
    getRanges: () => spec.ranges.map((r) => ctx.range(r)),
    copy: () => conditionalBuilder(ctx, cloneRule(spec)),
  });
}

export function cloneRule(spec: RuleSpec): RuleSpec {
  return {
    ...spec,
    condition: spec.condition && {
      type: spec.condition.type,
      args: spec.condition.args.map(copyArg),
    },
    ranges: spec.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })),
  };
}

export function conditionalBuilder(
  ctx: Ctx,
  start?: RuleSpec,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
  const spec: RuleSpec = start ?? {
    condition: null,
    background: null,
    fontColor: null,
    bold: null,
    italic: null,
    ranges: [],
  };
  const when = (type: keyof typeof BooleanCriteria, ...args: unknown[]) => {
    spec.condition = { type, args: args.map(copyArg) };
    return self;
  };
  const style = (key: 'background' | 'fontColor' | 'bold' | 'italic', v: unknown) => {
    (spec as unknown as Record<string, unknown>)[key] = v;
    return self;
  };
  const impl = {
    whenCellEmpty: () => when('CELL_EMPTY'),
    whenCellNotEmpty: () => when('CELL_NOT_EMPTY'),
    whenFormulaSatisfied: (f: string) => when('CUSTOM_FORMULA', f),
    whenNumberBetween: (a: number, b: number) => when('NUMBER_BETWEEN', a, b),
    whenNumberEqualTo: (n: number) => when('NUMBER_EQUAL_TO', n),
    whenNumberGreaterThan: (n: number) => when('NUMBER_GREATER_THAN', n),
    whenNumberGreaterThanOrEqualTo: (n: number) => when('NUMBER_GREATER_THAN_OR_EQUAL_TO', n),
    whenNumberLessThan: (n: number) => when('NUMBER_LESS_THAN', n),
    whenNumberLessThanOrEqualTo: (n: number) => when('NUMBER_LESS_THAN_OR_EQUAL_TO', n),
    whenNumberNotBetween: (a: number, b: number) => when('NUMBER_NOT_BETWEEN', a, b),
    whenNumberNotEqualTo: (n: number) => when('NUMBER_NOT_EQUAL_TO', n),
    whenTextContains: (t: string) => when('TEXT_CONTAINS', t),
    whenTextDoesNotContain: (t: string) => when('TEXT_DOES_NOT_CONTAIN', t),
    whenTextEndsWith: (t: string) => when('TEXT_ENDS_WITH', t),
    whenTextEqualTo: (t: string) => when('TEXT_EQUAL_TO', t),
    whenTextStartsWith: (t: string) => when('TEXT_STARTS_WITH', t),
    whenDateAfter: (d: unknown) => when('DATE_AFTER', d),
    whenDateBefore: (d: unknown) => when('DATE_BEFORE', d),
    whenDateEqualTo: (d: unknown) => when('DATE_EQUAL_TO', d),
    setBackground: (color: string | null) => style('background', color),
    setFontColor: (color: string | null) => style('fontColor', color),
    setBold: (bold: boolean | null) => style('bold', bold),
    setItalic: (italic: boolean | null) => style('italic', italic),
    setRanges: (ranges: unknown[]) => {
      spec.ranges = ranges.map((r) => {
        const ref = refOf(r, 'ConditionalFormatRuleBuilder.setRanges');
        return { sheet: ref.sheet, box: { ...ref.box } };
      });
      return self;
    },
    getRanges: () => spec.ranges.map((r) => ctx.range(r)),
    getBooleanCondition: () => booleanCondition(ctx, spec),
    copy: () => conditionalBuilder(ctx, cloneRule(spec)),
    build: () => conditionalRule(ctx, cloneRule(spec)),
  };
  const self: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder = wrap(
    ctx,
    'ConditionalFormatRuleBuilder',
    impl,
  );
  return self;
}
