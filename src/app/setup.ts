// setupClientSheet: creates the Clients sheet with the standard columns, or adds only the missing owned columns to the user's sheet, plus IDs, formats, dropdowns and the due highlight.
import { CADENCES, STATUSES } from '../shared/api';
import {
  OWNED_FIELDS,
  STANDARD_FIELDS,
  STANDARD_HEADER,
  STANDARD_HEADERS,
  type ClientField,
  type ColumnMap,
} from '../core/columns';
import { loadSettings } from '../services/settings';
import { withDocumentLock } from '../services/lock';
import {
  activeSpreadsheet,
  idUpdates,
  readClientSheet,
  writeOwnedCells,
  type CellUpdate,
} from '../services/clientSheet';
import { ensureTouchSheet } from '../services/touchSheet';
import { showMessage } from '../services/ui';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The menu action. Idempotent: a second run changes nothing and says so. */
export function setupClientSheet(): string {
  const message = withDocumentLock(setUp);
  showMessage('Reconnect', message);
  return message;
}

function setUp(): string {
  const settings = loadSettings();
  const ss = activeSpreadsheet();
  const done: string[] = [];
  let sheet = ss.getSheetByName(settings.clientSheet);
  if (!sheet) {
    sheet = ss.insertSheet(settings.clientSheet);
    done.push(`created the sheet "${settings.clientSheet}"`);
  }
  const isNew = sheet.getLastRow() === 0 && sheet.getLastColumn() === 0;
  if (isNew) {
    sheet
      .getRange(1, 1, 1, STANDARD_HEADERS.length)
      .setValues([[...STANDARD_HEADERS]])
      .setFontWeight('bold');
    done.push(`added the standard columns (${STANDARD_HEADERS.join(', ')})`);
  }
  const cs = readClientSheet({ settings, spreadsheet: ss, allowMissing: true });
  const added = OWNED_FIELDS.filter((f) => cs.columns[f] === undefined);
  const headerUpdates: CellUpdate[] = added.map((field) => ({
    row: 1,
    field,
    value: STANDARD_HEADER[field],
  }));
  const ids = idUpdates(cs);
  writeOwnedCells(cs, [...headerUpdates, ...ids.updates]);
  if (added.length)
    done.push(`added the columns ${added.map((f) => STANDARD_HEADER[f]).join(', ')} at the end`);
  done.push(...ids.notices.map(lowerFirst));

  const formatted: ClientField[] = isNew ? [...STANDARD_FIELDS] : added;
  if (formatted.length) formatColumns(sheet, cs.columns, formatted, settings.currency);
  if (sheet.getFrozenRows() === 0) {
    sheet.setFrozenRows(1);
    done.push('froze the header row');
  }
  if (addDueHighlight(sheet, cs.columns, cs.headers.length))
    done.push('highlighted the rows that are due');
  if (!ss.getSheetByName('Touches')) {
    ensureTouchSheet(ss);
    done.push('created the Touches sheet (the log of every call, email and meeting)');
  }
  if (!done.length)
    return `The sheet "${settings.clientSheet}" is already set up: nothing to change.`;
  return `Set up "${settings.clientSheet}": ${done.join('; ')}.`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
}

/** Formats and dropdowns of the columns the add-on created (never of the user's own columns). */
function formatColumns(
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
  for (const field of ['lastContact', 'nextDue'] as const)
    column(field)?.setNumberFormat('yyyy-mm-dd');
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

function currencyFormat(currency: string): string {
  if (/^[A-Z]{3}$/.test(currency)) return `#,##0.00 [$${currency}]`;
  return `[$${currency || '$'}]#,##0.00`;
}

/**
 * Conditional format on the data rows: due when Next Due has come, or, with no Next Due, when the
 * last contact is blank or 6+ months old. Added once (recognised by its formula).
 */
function addDueHighlight(sheet: Sheet, columns: ColumnMap, width: number): boolean {
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
