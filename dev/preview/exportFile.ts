// Writes every sheet of the emulated spreadsheet to an .xlsx file: values, formulas, number formats (dates and currency show as such in Excel and in Sheets), frozen header rows.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Emulator } from '../emulator';
import { DEFAULT_NUMBER_FORMAT, isDateFormat } from '../emulator/spreadsheet/format';
import { wallClock } from '../emulator/spreadsheet/zone';
import { spreadsheetTimeZone } from '../emulator/spreadsheet/loadSheets';

const EXCEL_NAME_MAX = 31;

/** Excel refuses []:*?/\ in a sheet name and more than 31 characters; Sheets allows both. */
export function excelSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, EXCEL_NAME_MAX) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i += 1) {
    const suffix = ` (${i})`;
    candidate = base.slice(0, EXCEL_NAME_MAX - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** A sheet date as the wall clock of the spreadsheet zone, in the UTC fields exceljs writes. */
function toWorkbookDate(d: Date, timeZone: string): Date {
  const w = wallClock(d.getTime(), timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms));
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A date cell with the automatic format gets the one Sheets shows it with, so Excel shows a date. */
function dateFormat(format: string, d: Date, timeZone: string): string {
  if (isDateFormat(format)) return format;
  const w = wallClock(d.getTime(), timeZone);
  return w.hour || w.minute || w.second ? 'm/d/yyyy h:mm:ss' : 'm/d/yyyy';
}

function cellValue(value: unknown, timeZone: string): ExcelJS.CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (isDate(value)) return toWorkbookDate(value, timeZone);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return value;
  return String(value);
}

function writeSheet(emulator: Emulator, name: string, ws: ExcelJS.Worksheet, timeZone: string) {
  const values = emulator.sheets.values(name);
  const formulas = emulator.sheets.formulas(name);
  const formats = emulator.sheets.numberFormats(name);
  values.forEach((row, r) => {
    const excelRow = ws.getRow(r + 1);
    row.forEach((value, c) => {
      const formula = formulas[r]?.[c] ?? '';
      if (value === '' && !formula) return;
      const cell = excelRow.getCell(c + 1);
      const plain = cellValue(value, timeZone);
      cell.value = formula
        ? ({ formula: formula.slice(1), result: plain ?? undefined } as ExcelJS.CellFormulaValue)
        : plain;
      const format = formats[r]?.[c] ?? DEFAULT_NUMBER_FORMAT;
      if (isDate(value)) cell.numFmt = dateFormat(format, value, timeZone);
      else if (format !== DEFAULT_NUMBER_FORMAT && format !== '') cell.numFmt = format;
    });
  });
  const frozen = emulator.sheets.frozenRows(name);
  if (frozen > 0) ws.views = [{ state: 'frozen', ySplit: frozen, xSplit: 0 }];
}

/** The whole spreadsheet as .xlsx bytes. */
export async function workbookBytes(emulator: Emulator): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Reconnect preview';
  const timeZone = spreadsheetTimeZone(emulator.sheets);
  const taken = new Set<string>();
  for (const name of emulator.sheets.sheetNames()) {
    const ws = book.addWorksheet(excelSheetName(name, taken));
    writeSheet(emulator, name, ws, timeZone);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Writes the spreadsheet to `path` (an .xlsx file). */
export async function saveWorkbook(emulator: Emulator, path: string): Promise<void> {
  await writeFile(path, await workbookBytes(emulator));
}
