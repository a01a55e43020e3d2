// The Client as read from one row of the client sheet, and the parsing of messy rows into clients plus per-cell problems.
import type { DataProblem } from '../shared/api';
import { STANDARD_HEADERS, type ClientField, type ColumnMap } from './columns';
import { fromSerial, parseDateText, type CivilDate } from './dates';
import { isUnknown, parseCount, parseEmail, parseFlag, parseMoney, text } from './values';
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

/**
 * Reads a date cell: a Date, a date serial number, or text in a common format. Returns
 * { date } or { problem } (the cell is then treated as unknown).
 */
export function readDateCell(
  cell: unknown,
  ctx: Pick<ParseContext, 'toCivil' | 'dayFirst'>,
): { date: CivilDate | null; problem?: string } {
  if (isDateCell(cell)) {
    if (isNaN(cell.getTime())) return { date: null, problem: 'is not a valid date' };
    const date = ctx.toCivil(cell);
    if (date < '1900-01-01') return { date: null, problem: 'holds a time, not a date' };
    return { date };
  }
  if (typeof cell === 'number') {
    const date = fromSerial(cell);
    return date ? { date } : { date: null, problem: `${cell} is not a date` };
  }
  if (isUnknown(cell)) return { date: null };
  const date = parseDateText(text(cell), ctx.dayFirst);
  return date ? { date } : { date: null, problem: `"${text(cell)}" is not a date we can read` };
}

/** Parses the data rows into clients; blank rows are skipped, every bad cell becomes a problem. */
export function parseClients(rows: readonly (readonly unknown[])[], columns: ColumnMap, ctx: ParseContext): ParsedClients {
  const clients: Client[] = [];
  const problems: DataProblem[] = [];
  const col = (field: ClientField): number => columns[field] ?? -1;
  const at = (row: readonly unknown[], field: ClientField): unknown => {
    const i = col(field);
    return i >= 0 && i < row.length ? row[i] : '';
  };
  const header = (field: ClientField): string => text(ctx.headers[col(field)]) || field;

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (isBlankRow(row, columns.id)) continue;
    const sheetRow = ctx.firstRow + r;
    const problem = (field: ClientField, message: string): void => {
      problems.push({ row: sheetRow, column: header(field), message: `${header(field)} ${message}` });
    };

    const first = cleanText(at(row, 'firstName'));
    const last = cleanText(at(row, 'lastName'));
    const company = cleanText(at(row, 'company'));
    const email = parseEmail(at(row, 'email'));
    if (!email.ok) problem('email', email.message.replace(/^/, 'is invalid: '));
    const typedName = cleanText(at(row, 'name'));
    const name =
      typedName || [first, last].filter(Boolean).join(' ') || company || (email.ok ? email.value : '');
    if (!name) {
      problems.push({ row: sheetRow, column: header('name'), message: 'This row has no name' });
    }

    let lastContact: CivilDate | null = null;
    if (col('lastContact') >= 0) {
      const read = readDateCell(at(row, 'lastContact'), ctx);
      if (read.problem) problem('lastContact', read.problem);
      else if (read.date && read.date > ctx.today) {
        // A future "last contact" is a typo or a booked appointment; we cannot rank by it.
        problem('lastContact', `${read.date} is in the future; treated as unknown until corrected`);
      } else lastContact = read.date;
    }

    let nextDue: CivilDate | null = null;
    if (col('nextDue') >= 0) {
      const read = readDateCell(at(row, 'nextDue'), ctx);
      if (read.problem) problem('nextDue', read.problem);
      else nextDue = read.date;
    }

    const money = parseMoney(at(row, 'value'));
    if (!money.ok) problem('value', money.message.replace(/^/, 'is unreadable: '));

    const cadenceCell = at(row, 'cadence');
    const cadence = isUnknown(cadenceCell) ? '' : text(cadenceCell);
    if (cadence && parseCadence(cadenceCell) === undefined) {
      problem('cadence', `"${cadence}" is not a cadence (use Quarterly, Twice a year, Yearly or a number of days)`);
    }

    clients.push({
      id: text(at(row, 'id')),
      row: sheetRow,
      name,
      firstName: first || firstNameFrom(typedName),
      lastName: last,
      company,
      email: email.ok ? email.value : '',
      phone: isUnknown(at(row, 'phone')) ? '' : text(at(row, 'phone')),
      lastContact,
      value: money.ok ? money.value : null,
      cadence,
      nextDue,
      status: cleanText(at(row, 'status')),
      touches: parseCount(at(row, 'touches')),
      lastChannel: cleanText(at(row, 'lastChannel')),
      doNotContact: parseFlag(at(row, 'doNotContact')),
      notes: text(at(row, 'notes')),
      mergeStatus: text(at(row, 'mergeStatus')),
    });
  }
  return { clients, problems };
}

function cleanText(cell: unknown): string {
  return isUnknown(cell) ? '' : text(cell).replace(/\s+/g, ' ');
}

/** "Ann Lee" -> "Ann"; "Lee, Ann" -> "Ann"; "Dr. Ann Lee" -> "Ann". */
export function firstNameFrom(name: string): string {
  if (!name) return '';
  const comma = name.split(',');
  if (comma.length === 2 && comma[1].trim()) return comma[1].trim().split(' ')[0];
  const words = name.split(' ').filter((w) => !/^(dr|mr|mrs|ms|mx|prof|sir)\.?$/i.test(w));
  return words[0] ?? '';
}
