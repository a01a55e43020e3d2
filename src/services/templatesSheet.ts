// The Templates sheet: created with the built-in templates on first use, then read as the user left it (never overwritten).
import {
  TEMPLATE_HEADERS,
  TEMPLATE_SHEET,
  parseTemplateRows,
  templateSheetRows,
  type TemplateSheetRead,
} from '../core/merge/templates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Reads the templates in one batched call. When the sheet does not exist it is created with the
 * built-ins; an existing sheet is only ever read, so the user's edits (and deletions) stand.
 */
export function readTemplates(ss: Spreadsheet): TemplateSheetRead & { created: boolean } {
  const sheet = ss.getSheetByName(TEMPLATE_SHEET);
  let created = sheet;
  if (sheet) {
    const values = sheet.getDataRange().getValues();
    // A sheet left blank (by a run stopped right after creating it) is filled; anything else is the user's.
    const blank = values.every((row) => row.every((cell) => cell === ''));
    if (!blank) return { ...parseTemplateRows(values), created: false };
  } else {
    // insertSheet activates the new sheet; the user stays where they were (their selection too).
    const active = ss.getActiveSheet();
    created = ss.insertSheet(TEMPLATE_SHEET, ss.getNumSheets());
    ss.setActiveSheet(active);
  }
  const rows = templateSheetRows();
  created = created as GoogleAppsScript.Spreadsheet.Sheet;
  const range = created.getRange(1, 1, rows.length, TEMPLATE_HEADERS.length);
  // Plain text format first: a body starting with "=" or "-" must stay text, not become a formula.
  range.setNumberFormat('@');
  range.setValues(rows);
  range.setWrap(true);
  range.setVerticalAlignment('top');
  created.getRange(1, 1, 1, TEMPLATE_HEADERS.length).setFontWeight('bold');
  created.setFrozenRows(1);
  created.setColumnWidth(1, 180);
  created.setColumnWidth(2, 240);
  created.setColumnWidth(3, 520);
  created.setColumnWidth(5, 300);
  return { ...parseTemplateRows(rows), created: true };
}
