// The Referrals sheet: the one writer (append by header, a record's fields rewritten by row) and the one reader, by header.
import {
  REFERRAL_DATE_FIELDS,
  REFERRAL_FIELDS,
  REFERRAL_HEADER,
  REFERRAL_SHEET,
  referralColumns,
  referralFromRow,
  referralIdFromUuid,
  referralRow,
  type ReferralField,
  type ReferralRow,
} from '../core/referrals';
import type { SheetReferral } from '../core/referralPlan';
import type { Referral } from '../shared/api';
import { isDateCell } from '../core/clients';
import { parseDateText } from '../core/dates';
import type { CivilDates } from './civilDates';
import { appendRecords, readRecordSheet, updateRecord, type RecordFormat } from './recordSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const REFERRAL_FORMAT: RecordFormat<ReferralField> = {
  sheet: REFERRAL_SHEET,
  fields: REFERRAL_FIELDS,
  header: REFERRAL_HEADER,
  columns: referralColumns,
  dateFields: REFERRAL_DATE_FIELDS,
};

/** A new Referral ID from Utilities.getUuid ("R-" + 10 base-36 characters). */
export function newReferralId(): string {
  return referralIdFromUuid(Utilities.getUuid());
}

/** Every referral of the sheet, by header, in one read; [] when there is no Referrals sheet. */
export function readReferrals(ss: Spreadsheet, dates: CivilDates): SheetReferral[] {
  const read = readRecordSheet(ss, REFERRAL_FORMAT);
  if (!read) return [];
  const out: SheetReferral[] = [];
  read.rows.forEach((cells, i) => {
    if (cells.every((c) => c === '' || c === null)) return;
    const row = {} as ReferralRow;
    for (const f of REFERRAL_FIELDS) {
      const c = read.columns[f];
      const cell = c === undefined ? '' : cells[c];
      row[f] = REFERRAL_DATE_FIELDS.includes(f) ? dateOf(cell, dates) : plain(cell, dates);
    }
    out.push({ ...referralFromRow(row), row: i + 2 });
  });
  return out;
}

function dateOf(cell: unknown, dates: CivilDates): string | null {
  if (isDateCell(cell)) return isNaN(cell.getTime()) ? null : dates.toCivil(cell);
  return typeof cell === 'string' ? parseDateText(cell.trim()) : null;
}

function plain(cell: unknown, dates: CivilDates): string | number | null {
  if (isDateCell(cell)) return dates.toCivil(cell);
  if (typeof cell === 'number') return cell;
  return String(cell ?? '');
}

/** Appends referrals in one write. */
export function appendReferrals(
  ss: Spreadsheet,
  dates: CivilDates,
  referrals: readonly Referral[],
): void {
  appendRecords(ss, REFERRAL_FORMAT, dates, referrals.map(referralRow));
}

/** Rewrites the changed fields of the referral at `row` (read in the same locked operation). */
export function updateReferral(
  ss: Spreadsheet,
  dates: CivilDates,
  row: number,
  changes: Partial<Referral>,
): void {
  const sheet = ss.getSheetByName(REFERRAL_SHEET);
  if (!sheet) throw new Error('The Referrals sheet was deleted. Nothing was changed.');
  const full = referralRow({
    referralId: '',
    date: null,
    clientId: '',
    referrer: '',
    contact: { name: '', email: '', phone: '' },
    count: null,
    incentive: '',
    due: null,
    status: '',
    statusDate: null,
    value: null,
    newClientId: '',
    notes: '',
    ...changes,
  });
  const fields: Partial<Record<ReferralField, unknown>> = {};
  const byReferral: Partial<Record<keyof Referral, ReferralField>> = {
    status: 'status',
    statusDate: 'statusDate',
    value: 'value',
    notes: 'notes',
    newClientId: 'newClientId',
  };
  for (const key of Object.keys(changes) as (keyof Referral)[]) {
    const f = byReferral[key];
    if (f) fields[f] = full[f];
  }
  updateRecord(sheet, REFERRAL_FORMAT, dates, row, fields);
}

/** Deletes the referral at `row` (read in the same locked operation): an undone referral. */
export function deleteReferralRow(ss: Spreadsheet, row: number): void {
  const sheet = ss.getSheetByName(REFERRAL_SHEET);
  if (sheet) sheet.deleteRow(row);
}
