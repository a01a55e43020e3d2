// Shaping the client sheet for Setup: the standard header row, column formats, dropdowns, the Do Not Contact checkbox and the due highlight.
import { CADENCES, STATUSES } from '../shared/api';
import { STANDARD_HEADERS, type ClientField, type ColumnMap } from '../core/columns';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sheet named `name`, inserted when there is none; `created` says which. */
export function sheetNamed(ss: Spreadsheet, name: string): { sheet: Sheet; created: boolean } {
  const existing = ss.getSheetByName(name);
  if (existing) return { sheet: existing, created: false };
  return { sheet: ss.insertSheet(name), created: true };
}

export function hasSheet(ss: Spreadsheet, name: string): boolean {
  return ss.getSheetByName(name) !== null;
}

/** Writes the standard headers, bold, on the first row of an empty sheet. */
export function writeStandardHeader(sheet: Sheet): void {
  sheet
    .getRange(1, 1, 1, STANDARD_HEADERS.length)
    .setValues([[...STANDARD_HEADERS]])
    .setFontWeight('bold');
}

/** True when the sheet holds nothing at all (a sheet Setup just created, or an empty one). */
export function isEmptySheet(sheet: Sheet): boolean {
  return sheet.getLastRow() === 0 && sheet.getLastColumn() === 0;
}

/** Freezes the header row unless the user froze rows already; true when it changed. */
export function freezeHeader(sheet: Sheet): boolean {
  if (sheet.getFrozenRows() !== 0) return false;
  sheet.setFrozenRows(1);
  return true;
}

/** Formats and dropdowns of the columns the add-on created (never of the user's own columns). */
export function formatColumns(
  sheet: Sheet,
  columns: ColumnMap,
  fields: ClientField[],
  currency: string,
): void {
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const column = (field: ClientField): GoogleAppsScript.Spreadsheet.Range | null => {
    const c = columns[field];
    return c === undefined || !fields.includes(field) ? null : sheet.getRange(2, c + 1, rows, 1);
  };
  column('lastContact')?.setNumberFormat('yyyy-mm-dd');
  // Next Due reads like Last Contact beside it: the user's date format when theirs is one.
  column('nextDue')?.setNumberFormat(dateFormatOf(sheet, columns.lastContact));
  column('value')?.setNumberFormat(currencyFormat(currency));
  column('cadence')?.setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...CADENCES], true)
      .setAllowInvalid(true)
      .setHelpText('Quarterly, Twice a year, Yearly, or a number of days (e.g. 45).')
      .build(),
  );
  column('status')?.setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...STATUSES], true)
      .setAllowInvalid(true)
      .setHelpText(`One of: ${STATUSES.join(', ')}.`)
      .build(),
  );
  column('doNotContact')?.setDataValidation(
    SpreadsheetApp.newDataValidation().requireCheckbox().build(),
  );
  for (const field of ['notes', 'name', 'firstName', 'company'] as const)
    column(field)?.setNumberFormat('@');
}

/** A number format that shows a date and no time ("M/d/yyyy", "dd.mm.yyyy", "yyyy-mm-dd"). */
function isDateOnly(format: string): boolean {
  const f = format.replace(/"[^"]*"|\\./g, '').toLowerCase();
  return /[dy]/.test(f) && /m/.test(f) && !/[hs]/.test(f);
}

/** The date format of the first data cell of `column`; "yyyy-mm-dd" when it has none. */
function dateFormatOf(sheet: Sheet, column: number | undefined): string {
  if (column === undefined || sheet.getMaxRows() < 2) return 'yyyy-mm-dd';
  const format = sheet.getRange(2, column + 1).getNumberFormat();
  return isDateOnly(format) ? format : 'yyyy-mm-dd';
}

/** Whether the Next Due column (when there is one) already shows dates without a time. */
export function hasDateFormat(sheet: Sheet, columns: ColumnMap): boolean {
  const c = columns.nextDue;
  if (c === undefined || sheet.getMaxRows() < 2) return true;
  return isDateOnly(sheet.getRange(2, c + 1).getNumberFormat());
}

function currencyFormat(currency: string): string {
  if (/^[A-Z]{3}$/.test(currency)) return `#,##0.00 [$${currency}]`;
  return `[$${currency || '$'}]#,##0.00`;
}

/**
 * Conditional format on the data rows: due when Next Due has come, or, with no Next Due, when the
 * last contact is blank or 6+ months old. Added once (recognised by its formula).
 */
export function addDueHighlight(sheet: Sheet, columns: ColumnMap, width: number): boolean {
  const name = columns.name ?? columns.firstName ?? columns.lastName ?? columns.company;
  const next = columns.nextDue;
  const last = columns.lastContact;
  if (name === undefined || next === undefined || last === undefined) return false;
  const a = (c: number): string => `$${letter(c)}2`;
  const formula =
    `=AND(${a(name)}<>"",OR(AND(${a(next)}<>"",${a(next)}<=TODAY()),` +
    `AND(${a(next)}="",OR(${a(last)}="",${a(last)}<=EDATE(TODAY(),-6)))))`;
  const rules = sheet.getConditionalFormatRules();
  const exists = rules.some(
    (rule) => rule.getBooleanCondition()?.getCriteriaValues()?.[0] === formula,
  );
  if (exists) return false;
  const range = sheet.getRange(2, 1, Math.max(1, sheet.getMaxRows() - 1), Math.max(1, width));
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(formula)
    .setBackground('#fff3d6')
    .setRanges([range])
    .build();
  sheet.setConditionalFormatRules([...rules, rule]);
  return true;
}

/** 0-based column index -> A1 letters. */
export function letter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
