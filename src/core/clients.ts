// The Client as read from one row of the client sheet, and the parsing of messy rows into clients plus per-cell problems.
import type { DataProblem } from '../shared/api';
import { STANDARD_HEADERS, type ClientField, type ColumnMap } from './columns';
import { fromSerial, parseDateText, type CivilDate } from './dates';
import {
  cleanText,
  isUnknown,
  parseCount,
  parseEmail,
  parseFlag,
  parseMoney,
  text,
} from './values';
import { parseCadence } from './cadence';

export { STANDARD_HEADERS };

export interface Client {
  /** Stable Client ID ("C-..."); "" until one is assigned. */
  id: string;
  /** 1-based sheet row when read; rows move, so writes find the row by id again. */
  row: number;
  /** Full name as shown: the Name column, else First + Last Name, else Company, else Email. */
  name: string;
  firstName: string;
  lastName: string;
  company: string;
  email: string;
  phone: string;
  /** yyyy-MM-dd in the spreadsheet's time zone; null when unknown, unparseable or in the future. */
  lastContact: string | null;
  value: number | null;
  /** The cadence as typed ("Quarterly", "45"); "" when none. */
  cadence: string;
  /** The Next Due cell when it holds a date, else null (callers compute it from the cadence). */
  nextDue: string | null;
  status: string;
  touches: number;
  lastChannel: string;
  doNotContact: boolean;
  notes: string;
  mergeStatus: string;
  /** The Purchase/Delivery Date cell (post-sale follow-ups), yyyy-MM-dd; absent or null when none. */
  purchaseDate?: string | null;
}

export interface ParseContext {
  /** Today in the spreadsheet's time zone. */
  today: CivilDate;
  /** Converts a Date cell to its calendar date in the spreadsheet's time zone (memoized by the caller). */
  toCivil: (date: Date) => CivilDate;
  /** The header text of each column, for problem messages. */
  headers: readonly unknown[];
  /** Sheet row number of rows[0] (2 when the header is row 1). */
  firstRow: number;
  /** Ambiguous text dates like 03/04/2022 read day first (set from the sheet's locale). */
  dayFirst?: boolean;
  /**
   * False when the rows hold only some columns (the ranking index): a name cannot be missing from
   * columns not read, so no "no name" problem is made for every row only to be dropped.
   */
  checkNames?: boolean;
}

export interface ParsedClients {
  clients: Client[];
  problems: DataProblem[];
}

export function isDateCell(cell: unknown): cell is Date {
  // Dates may come from another JS realm (the emulator, the vm), so instanceof is not reliable.
  return Object.prototype.toString.call(cell) === '[object Date]';
}

/** True when a row holds nothing a person typed (empty cells, unticked checkboxes, only an ID). */
export function isBlankRow(row: readonly unknown[], idColumn: number | undefined): boolean {
  for (let i = 0; i < row.length; i++) {
    if (i === idColumn) continue;
    const cell = row[i];
    if (cell === '' || cell === false || cell === null || cell === undefined) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    return false;
  }
  return true;
}

/** Why a date cell could not be read. */
export interface DateProblem {
  problem: string;
}

/**
 * Reads a date cell: a Date, a date serial number, or text in a common format. Returns the
 * calendar date, null when blank or unknown, or a DateProblem (the cell then counts as unknown).
 * Plain strings in the common case, so that 50,000 rows allocate nothing here.
 */
export function readDateCell(
  cell: unknown,
  ctx: Pick<ParseContext, 'toCivil' | 'dayFirst'>,
): CivilDate | null | DateProblem {
  // Primitives first: only an object can be a Date, and the Date test is the costlier one.
  if (typeof cell === 'number') return fromSerial(cell) ?? { problem: `${cell} is not a date` };
  if (typeof cell === 'object' && cell !== null && isDateCell(cell)) {
    if (isNaN(cell.getTime())) return { problem: 'is not a valid date' };
    const date = ctx.toCivil(cell);
    return date < '1900-01-01' ? { problem: 'holds a time, not a date' } : date;
  }
  if (isUnknown(cell)) return null;
  return (
    parseDateText(text(cell), ctx.dayFirst) ?? {
      problem: `"${text(cell)}" is not a date we can read`,
    }
  );
}

/** The email of a sheet without an email column. */
const NO_EMAIL = { ok: true, value: '' } as const;

/** Parses the data rows into clients; blank rows are skipped, every bad cell becomes a problem. */
export function parseClients(
  rows: readonly (readonly unknown[])[],
  columns: ColumnMap,
  ctx: ParseContext,
): ParsedClients {
  const parser = clientParser(columns, ctx);
  for (let r = 0; r < rows.length; r++) parser.add(rows[r], ctx.firstRow + r);
  return parser.parsed;
}

/** Rows parsed one at a time, in sheet order, into `parsed`. */
export interface ClientParser {
  /** Parses one row (not kept: the caller may reuse the array for the next row). */
  add(row: readonly unknown[], sheetRow: number): void;
  readonly parsed: ParsedClients;
}

/**
 * parseClients one row at a time, for a caller that holds its cells otherwise than as an array
 * per row (the ranking index, services/clientIndex.ts).
 */
export function clientParser(
  columns: ColumnMap,
  ctx: Omit<ParseContext, 'firstRow'>,
): ClientParser {
  const clients: Client[] = [];
  const problems: DataProblem[] = [];
  const header = (field: ClientField): string => text(ctx.headers[columns[field] ?? -1]) || field;
  // Column indices hoisted out of the loop: this runs once per row of sheets with 50,000 rows.
  const c = (field: ClientField): number => columns[field] ?? -1;
  const [cId, cName, cFirst, cLast, cCompany, cEmail, cPhone] = [
    c('id'),
    c('name'),
    c('firstName'),
    c('lastName'),
    c('company'),
    c('email'),
    c('phone'),
  ];
  const [cLastContact, cValue, cCadence, cNextDue, cStatus, cTouches] = [
    c('lastContact'),
    c('value'),
    c('cadence'),
    c('nextDue'),
    c('status'),
    c('touches'),
  ];
  const [cChannel, cDnc, cNotes, cMerge, cPurchase] = [
    c('lastChannel'),
    c('doNotContact'),
    c('notes'),
    c('mergeStatus'),
    c('purchaseDate'),
  ];
  const at = (row: readonly unknown[], i: number): unknown =>
    i >= 0 && i < row.length ? row[i] : '';
  // Defined once, not per row: this loop runs 50,000 times and most rows have no problem.
  const problem = (sheetRow: number, field: ClientField, message: string): void => {
    problems.push({ row: sheetRow, column: header(field), message: `${header(field)} ${message}` });
  };
  // A sheet holds a handful of distinct cadences: each text is checked once.
  const cadenceOk = new Map<string, boolean>();

  const add = (row: readonly unknown[], sheetRow: number): void => {
    if (isBlankRow(row, columns.id)) return;

    const first = cleanText(at(row, cFirst));
    const last = cleanText(at(row, cLast));
    const company = cleanText(at(row, cCompany));
    // Columns not read (the ranking index reads a few) cost nothing per row.
    const email = cEmail >= 0 ? parseEmail(at(row, cEmail)) : NO_EMAIL;
    if (!email.ok) problem(sheetRow, 'email', `is invalid: ${email.message}`);
    const typedName = cleanText(at(row, cName));
    const name =
      typedName ||
      (first && last ? `${first} ${last}` : first || last) ||
      company ||
      (email.ok ? email.value : '');
    if (!name && ctx.checkNames !== false)
      problems.push({ row: sheetRow, column: header('name'), message: 'This row has no name' });

    let lastContact: CivilDate | null = null;
    if (cLastContact >= 0) {
      const read = readDateCell(row[cLastContact], ctx);
      if (read !== null && typeof read === 'object') problem(sheetRow, 'lastContact', read.problem);
      else if (read !== null && read > ctx.today) {
        // A future "last contact" is a typo or a booked appointment; we cannot rank by it.
        problem(
          sheetRow,
          'lastContact',
          `${read} is in the future; treated as unknown until corrected`,
        );
      } else lastContact = read;
    }

    let nextDue: CivilDate | null = null;
    if (cNextDue >= 0) {
      const read = readDateCell(row[cNextDue], ctx);
      if (read !== null && typeof read === 'object') problem(sheetRow, 'nextDue', read.problem);
      else nextDue = read;
    }

    let purchaseDate: CivilDate | null = null;
    if (cPurchase >= 0) {
      const read = readDateCell(row[cPurchase], ctx);
      if (read !== null && typeof read === 'object')
        problem(sheetRow, 'purchaseDate', read.problem);
      else purchaseDate = read;
    }

    // A finite number, what most Value cells hold, is its own value: no parse result to make.
    const valueCell = at(row, cValue);
    let value: number | null = null;
    if (typeof valueCell === 'number' && Number.isFinite(valueCell)) value = valueCell;
    else {
      const money = parseMoney(valueCell);
      if (money.ok) value = money.value;
      else problem(sheetRow, 'value', `is unreadable: ${money.message}`);
    }

    const cadenceCell = at(row, cCadence);
    const cadence = isUnknown(cadenceCell) ? '' : text(cadenceCell);
    if (cadence) {
      // Only texts are remembered: the number 45.5 is a cadence, the text "45.5" is not.
      let ok = typeof cadenceCell === 'string' ? cadenceOk.get(cadence) : undefined;
      if (ok === undefined) {
        ok = parseCadence(cadenceCell) !== undefined;
        if (typeof cadenceCell === 'string') cadenceOk.set(cadence, ok);
      }
      if (!ok)
        problem(
          sheetRow,
          'cadence',
          `"${cadence}" is not a cadence (use Quarterly, Twice a year, Yearly or a number of days)`,
        );
    }

    const client: Client = {
      id: text(at(row, cId)),
      row: sheetRow,
      name,
      firstName: first || firstNameFrom(typedName),
      lastName: last,
      company,
      email: email.ok ? email.value : '',
      phone: cleanText(at(row, cPhone)),
      lastContact,
      value,
      cadence,
      nextDue,
      status: cleanText(at(row, cStatus)),
      touches: cTouches >= 0 ? parseCount(at(row, cTouches)) : 0,
      lastChannel: cleanText(at(row, cChannel)),
      doNotContact: parseFlag(at(row, cDnc)),
      notes: text(at(row, cNotes)),
      mergeStatus: text(at(row, cMerge)),
    };
    if (cPurchase >= 0) client.purchaseDate = purchaseDate;
    clients.push(client);
  };
  return { add, parsed: { clients, problems } };
}

/** "Ann Lee" -> "Ann"; "Lee, Ann" -> "Ann"; "Dr. Ann Lee" -> "Ann". */
export function firstNameFrom(name: string): string {
  if (!name) return '';
  const comma = name.split(',');
  if (comma.length === 2 && comma[1].trim()) return comma[1].trim().split(' ')[0];
  const words = name.split(' ').filter((w) => !/^(dr|mr|mrs|ms|mx|prof|sir)\.?$/i.test(w));
  return words[0] ?? '';
}
