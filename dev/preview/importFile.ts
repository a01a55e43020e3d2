// Reads a client export (CSV or .xlsx) into sheets of typed cells, as Google Sheets would import it; a bad file gives an error naming its line.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  importLocale,
  typeImportedRows,
  type ImportLocale,
} from '../emulator/spreadsheet/importTyping';
import { instantOf } from '../emulator/spreadsheet/zone';

export interface ImportedSheet {
  name: string;
  values: unknown[][];
  /** Number format per cell, '' for the automatic one. */
  formats: string[][];
  /** Formula per cell ('=...'), '' for a value. */
  formulas: string[][];
  frozenRows: number;
}

export interface ImportedWorkbook {
  /** The spreadsheet's name: the file's name without its extension. */
  name: string;
  sheets: ImportedSheet[];
  /** The sheet that holds the clients. */
  clientSheet: string;
}

export interface ImportOptions {
  /** Sheets locale name (en_US, en_GB, ...); decides d/m or m/d. Default en_US. */
  locale?: string;
  /** The client sheet of a workbook; default its first sheet. */
  sheet?: string;
  /** false keeps every CSV field as text (the import dialog's box unchecked). Default true. */
  convert?: boolean;
  /** The spreadsheet's time zone: dates in the file are wall-clock days there. */
  timeZone: string;
}

/** A file that cannot be imported, with a sentence a person can act on. */
export class ImportError extends Error {
  override name = 'ImportError';
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** Reads a file from disk. */
export async function readWorkbookFile(
  path: string,
  options: ImportOptions,
): Promise<ImportedWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(
      code === 'ENOENT' ? `There is no file at ${path}.` : `${path} cannot be read (${code}).`,
    );
  }
  return readWorkbookBytes(basename(path), bytes, options);
}

/** Reads a file's bytes; its name's extension says CSV (.csv, .tsv, .txt) or Excel (.xlsx). */
export async function readWorkbookBytes(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportedWorkbook> {
  const ext = extname(fileName).toLowerCase();
  const locale = importLocale(options.locale ?? 'en_US');
  if (ext === '.xlsx' || (isZip(bytes) && ext !== '.csv'))
    return readXlsx(fileName, bytes, options, locale);
  if (isZip(bytes)) {
    throw new ImportError(
      `${fileName} is an Excel workbook (a zip), not a CSV file: name it .xlsx to load it.`,
    );
  }
  if (ext === '.xls' || ext === '.numbers' || ext === '.ods') {
    throw new ImportError(
      `${fileName}: only .csv and .xlsx files can be loaded; save it as .xlsx or CSV first.`,
    );
  }
  return readCsv(fileName, bytes, options, locale);
}

function sheetNameOf(fileName: string): string {
  const stem = basename(fileName, extname(fileName)).trim();
  return stem === '' ? 'Sheet1' : stem.slice(0, 100);
}

/**
 * UTF-16 with its BOM (Excel's "Unicode Text", tab-separated), else UTF-8 (a BOM is dropped); a file
 * that is not UTF-8 is read as Windows-1252, the code page Excel uses for "CSV" on Windows.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The most frequent of comma, semicolon and tab on the first line (outside quotes). */
export function detectDelimiter(text: string): string {
  const line = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

const CSV_OPTIONS = {
  relax_column_count: true,
  // A quote inside an unquoted field (5" pipe) is a character, as in Sheets and Excel.
  relax_quotes: true,
  skip_empty_lines: false,
} as const;

function csvRows(fileName: string, text: string): string[][] {
  const delimiter = detectDelimiter(text);
  try {
    return parse(text, { ...CSV_OPTIONS, delimiter }) as string[][];
  } catch (error) {
    throw new ImportError(csvErrorSentence(fileName, text, delimiter, error));
  }
}

/** csv-parse's error, said with the line where the broken record starts. */
function csvErrorSentence(fileName: string, text: string, delimiter: string, error: unknown) {
  const e = error as { code?: string; lines?: number; records?: number; message?: string };
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    const line = startLineOfRecord(text, delimiter, e.records ?? 0);
    return (
      `${fileName}, line ${line}: a field opens with a quote (") that is never closed, so the ` +
      `rest of the file would be one cell. Close the quote or remove it, then load the file again.`
    );
  }
  const line = e.lines ?? '?';
  return `${fileName}, line ${line}: this is not valid CSV (${e.message ?? String(error)}).`;
}

/** 1-based line on which record number `index` (0-based) starts. */
function startLineOfRecord(text: string, delimiter: string, index: number): number {
  if (index === 0) return 1;
  const before = parse(text, {
    ...CSV_OPTIONS,
    delimiter,
    to: index,
    info: true,
  }) as unknown as Array<{
    info: { lines: number };
  }>;
  return (before[before.length - 1]?.info.lines ?? 0) + 1;
}

function readCsv(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions,
  locale: ImportLocale,
): ImportedWorkbook {
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  // A line break inside a quoted field is one "\n" in a cell, whatever the file's line endings.
  const rows = csvRows(fileName, text).map((row) => row.map((f) => f.replace(/\r\n?/g, '\n')));
  while (rows.length && rows[rows.length - 1].every((f) => f === '')) rows.pop();
  if (!rows.length) throw new ImportError(`${fileName} is empty: there is no row to load.`);
  const typed = typeImportedRows(rows, {
    locale,
    timeZone: options.timeZone,
    convert: options.convert ?? true,
  });
  const name = sheetNameOf(fileName);
  if (options.sheet !== undefined && options.sheet !== name) {
    throw new ImportError(
      `${fileName} has one sheet, "${name}" (a CSV file is one sheet): --sheet ${options.sheet} does not apply.`,
    );
  }
  return { name, clientSheet: name, sheets: [{ name, ...typed, frozenRows: 0 }] };
}

// ---- xlsx ----

type CellValue = ExcelJS.CellValue;

/** An xlsx date: exceljs gives the cell's wall clock as UTC fields; the sheet reads it in its zone. */
function fromWorkbookDate(d: Date, timeZone: string): Date {
  return new Date(
    instantOf(
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      timeZone,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
}

function plainValue(v: CellValue, timeZone: string): unknown {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return fromWorkbookDate(v, timeZone);
  if (typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : plainValue(v.text, timeZone);
  if ('error' in v) return v.error;
  if ('result' in v) return plainValue(v.result as CellValue, timeZone);
  if ('formula' in v || 'sharedFormula' in v) return '';
  return String(v);
}

/** Excel's built-in short date (id 14) shows in the reader's locale; Sheets gives it the locale's. */
function formatOf(cell: ExcelJS.Cell, value: unknown, locale: ImportLocale): string {
  const f = cell.numFmt;
  if (!f || f === 'General') return '';
  if (value instanceof Date && f === 'mm-dd-yy') return locale.slashDateFormat;
  return f;
}

function readWorksheet(ws: ExcelJS.Worksheet, timeZone: string, locale: ImportLocale) {
  const values: unknown[][] = [];
  const formats: string[][] = [];
  const formulas: string[][] = [];
  const height = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  const width = ws.columnCount;
  for (let r = 1; r <= height; r += 1) {
    const row = ws.getRow(r);
    const rowValues: unknown[] = [];
    const rowFormats: string[] = [];
    const rowFormulas: string[] = [];
    for (let c = 1; c <= width; c += 1) {
      const cell = row.getCell(c);
      const value = plainValue(cell.value, timeZone);
      rowValues.push(value);
      rowFormats.push(value === '' ? '' : formatOf(cell, value, locale));
      const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : '';
      rowFormulas.push(formula ? `=${formula}` : '');
    }
    values.push(rowValues);
    formats.push(rowFormats);
    formulas.push(rowFormulas);
  }
  const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
  const frozenRows = view?.state === 'frozen' ? (view.ySplit ?? 0) : 0;
  return { name: ws.name, values, formats, formulas, frozenRows };
}

async function readXlsx(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions,
  locale: ImportLocale,
): Promise<ImportedWorkbook> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportError(
      `${fileName} cannot be read as an Excel workbook (${(error as Error).message}). ` +
        `Save it again from Excel as .xlsx, or export it as CSV.`,
    );
  }
  const sheets = book.worksheets.map((ws) => readWorksheet(ws, options.timeZone, locale));
  if (!sheets.length) throw new ImportError(`${fileName} has no sheets.`);
  const names = sheets.map((s) => s.name);
  const clientSheet = options.sheet ?? names[0];
  if (!names.includes(clientSheet)) {
    throw new ImportError(
      `${fileName} has no sheet named "${clientSheet}"; its sheets are ${names
        .map((n) => `"${n}"`)
        .join(', ')}.`,
    );
  }
  return { name: sheetNameOf(fileName), clientSheet, sheets };
}
