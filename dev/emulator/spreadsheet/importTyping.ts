// What a CSV field becomes in a cell when Sheets imports the file with "Convert text to numbers, dates, and formulas": the typing rules of USER_ENTERED (coerce.ts) plus the locale's date order and currency, and 15 significant digits.
import { enter, type Entered } from './coerce';

/**
 * Sources for the rules below (each rule has a test in test/emulator/importTyping.test.ts):
 * - The import dialog's "Convert text to numbers, dates, and formulas" (File > Import, Google Docs
 *   Editors Help, "Import data sets in Google Sheets", https://support.google.com/docs/answer/40608)
 *   types each field as if it were typed in a cell, i.e. USER_ENTERED: "The values will be parsed
 *   as if the user typed them into the UI. Numbers will stay as numbers, but strings may be
 *   converted to numbers, dates, etc. following the same rules that are applied when entering text
 *   into a cell via the Google Sheets UI."
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueInputOption
 *   So "00123" becomes the number 123 (leading zeros go), as typing it does; unchecking the box
 *   (`convert: false`, `--no-convert`) keeps every field as the text in the file.
 * - Date order follows the spreadsheet's locale: DATEVALUE "accepts any date format that converts
 *   correctly automatically when typed into a cell ... supported formats can vary according to
 *   region and language settings" (https://support.google.com/docs/answer/3093039); the VALUE page
 *   shows VALUE("7/20/1969") for en_US and VALOR("20/07/1969") for es-419
 *   (https://support.google.com/docs/answer/3094220). So 4/3/2024 is 3 April in en_US and
 *   4 March in en_GB, and 13/3/2024 is text in en_US.
 * - Numbers keep 15 significant digits, as in Excel ("Excel has a maximum of 15 digits of precision
 *   and will round any numbers that follow the 15th digit down to zero", Microsoft, "Keep leading
 *   zeros"; Sheets stores the same IEEE doubles and shows the same loss on 16-digit card numbers).
 */

export interface ImportLocale {
  /** Order of day and month in a d/m/y date. */
  dayFirst: boolean;
  /** The currency symbol Sheets reads as a number in this locale, and its format. */
  currency: { symbol: string; format: string };
  /** The format Sheets gives a slash date it read. */
  slashDateFormat: string;
}

const DOLLAR = { symbol: '$', format: '"$"#,##0.00' };

/** The locales the preview can import with (Sheets' own locale names). */
export const IMPORT_LOCALES: Record<string, ImportLocale> = {
  en_US: { dayFirst: false, currency: DOLLAR, slashDateFormat: 'm/d/yyyy' },
  en_CA: { dayFirst: false, currency: DOLLAR, slashDateFormat: 'm/d/yyyy' },
  en_GB: {
    dayFirst: true,
    currency: { symbol: '£', format: '"£"#,##0.00' },
    slashDateFormat: 'dd/mm/yyyy',
  },
  en_IE: {
    dayFirst: true,
    currency: { symbol: '€', format: '"€"#,##0.00' },
    slashDateFormat: 'dd/mm/yyyy',
  },
  en_AU: { dayFirst: true, currency: DOLLAR, slashDateFormat: 'dd/mm/yyyy' },
  en_NZ: { dayFirst: true, currency: DOLLAR, slashDateFormat: 'dd/mm/yyyy' },
};

/** The locale by name, or an error that lists the supported ones. */
export function importLocale(name: string): ImportLocale {
  const locale = Object.prototype.hasOwnProperty.call(IMPORT_LOCALES, name)
    ? IMPORT_LOCALES[name]
    : undefined;
  if (!locale) {
    throw new Error(
      `Unknown locale "${name}": use one of ${Object.keys(IMPORT_LOCALES).join(', ')}.`,
    );
  }
  return locale;
}

export interface TypingOptions {
  locale: ImportLocale;
  timeZone: string;
  /** false: the import dialog's "Convert text to numbers, dates, and formulas" is unchecked. */
  convert: boolean;
}

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})((?: \d{1,2}:\d{2}(?::\d{2})?)?)$/;
const DIGITS = /\d/g;

/** A day-first slash date as the ISO text coerce.ts reads ("4/3/2024" -> "2024-03-04"). */
function dayFirstToIso(text: string): string | null {
  const m = SLASH_DATE.exec(text);
  if (!m) return null;
  const [, d, mo, y, time] = m;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}${time}`;
}

/** 15 significant digits, as a spreadsheet keeps them. */
function fifteenDigits(n: number): number {
  return Number(n.toPrecision(15));
}

function withLocaleCurrency(text: string, locale: ImportLocale): Entered | null {
  const { symbol, format } = locale.currency;
  if (symbol === '$') return null; // coerce.ts reads dollars itself
  const negative = text.startsWith(`-${symbol}`);
  if (!negative && !text.startsWith(symbol)) return null;
  const rest = text.slice(negative ? symbol.length + 1 : symbol.length);
  if (!/^\d/.test(rest)) return null;
  const plain = enter(rest, false, 'UTC');
  if (typeof plain.value !== 'number' || plain.autoFormat?.includes('%')) return null;
  return { value: negative ? -plain.value : plain.value, autoFormat: format };
}

/** One field of an imported file, typed as Sheets types it. */
export function typeImportedField(text: string, options: TypingOptions): Entered {
  if (!options.convert || text === '') return { value: text };
  const trimmed = text.trim();
  const { locale, timeZone } = options;
  const currency = withLocaleCurrency(trimmed, locale);
  if (currency) return currency;
  if (locale.currency.symbol !== '$' && /^-?\$/.test(trimmed)) return { value: text };
  if (SLASH_DATE.test(trimmed)) {
    const source = locale.dayFirst ? dayFirstToIso(trimmed) : trimmed;
    const typed = source ? enter(source, false, timeZone) : { value: text };
    if (!(typed.value instanceof Date)) return { value: text };
    const hasTime = /:\d{2}/.test(trimmed);
    const base = locale.slashDateFormat;
    return { value: typed.value, autoFormat: hasTime ? `${base} h:mm:ss` : base };
  }
  const typed = enter(text, false, timeZone);
  if (typeof typed.value === 'number' && (trimmed.match(DIGITS)?.length ?? 0) > 15) {
    return { ...typed, value: fifteenDigits(typed.value) };
  }
  return typed;
}

export interface TypedTable {
  values: unknown[][];
  /** Number format per cell; '' where Sheets leaves the automatic format. */
  formats: string[][];
  /** Formula text per cell; '' for a value. */
  formulas: string[][];
}

/** Every field of a parsed file, typed; rows keep their length. */
export function typeImportedRows(rows: string[][], options: TypingOptions): TypedTable {
  const values: unknown[][] = [];
  const formats: string[][] = [];
  const formulas: string[][] = [];
  for (const row of rows) {
    const typed = row.map((field) => typeImportedField(field, options));
    values.push(typed.map((t) => t.value));
    formats.push(typed.map((t) => t.autoFormat ?? ''));
    formulas.push(typed.map((t) => t.formula ?? ''));
  }
  return { values, formats, formulas };
}
