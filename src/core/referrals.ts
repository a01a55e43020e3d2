// The Referrals sheet's format: its fields and headers, finding them by header, and a sheet row as a Referral.
import type { Referral } from '../shared/api';
import type { CivilDate } from './dates';

export const REFERRAL_SHEET = 'Referrals';

/** The sheet's fields, in the order a new sheet gets them. */
export const REFERRAL_FIELDS = [
  'referralId',
  'date',
  'clientId',
  'referrer',
  'contactName',
  'contactEmail',
  'contactPhone',
  'count',
  'incentive',
  'due',
  'status',
  'statusDate',
  'value',
  'newClientId',
  'notes',
] as const;
export type ReferralField = (typeof REFERRAL_FIELDS)[number];

export const REFERRAL_HEADER: Record<ReferralField, string> = {
  referralId: 'Referral ID',
  date: 'Date',
  clientId: 'Client ID',
  referrer: 'Referrer',
  contactName: 'Referred Name',
  contactEmail: 'Referred Email',
  contactPhone: 'Referred Phone',
  count: 'Promised Count',
  incentive: 'Incentive',
  due: 'Due By',
  status: 'Status',
  statusDate: 'Status Date',
  value: 'Won Value',
  newClientId: 'New Client ID',
  notes: 'Notes',
};

export const REFERRAL_DATE_FIELDS: readonly ReferralField[] = ['date', 'due', 'statusDate'];

/** One row as the add-on writes it: dates as yyyy-MM-dd, numbers or null, texts. */
export type ReferralRow = Record<ReferralField, string | number | null>;

const ALIASES: Partial<Record<ReferralField, string[]>> = {
  referralId: ['referral', 'id'],
  referrer: ['referredby', 'client', 'clientname'],
  contactName: ['referred', 'contact', 'name', 'referredperson'],
  contactEmail: ['email'],
  contactPhone: ['phone'],
  count: ['promised', 'count'],
  due: ['due', 'bywhen'],
  value: ['value'],
};

const squash = (h: unknown): string =>
  String(h ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Where each field is in a header row: its header first, then aliases; each column serves one field. */
export function referralColumns(
  header: readonly unknown[],
): Partial<Record<ReferralField, number>> {
  const names = header.map(squash);
  const columns: Partial<Record<ReferralField, number>> = {};
  const taken = new Set<number>();
  const place = (f: ReferralField, wanted: string[]) => {
    if (columns[f] !== undefined) return;
    const i = names.findIndex((n, at) => wanted.includes(n) && !taken.has(at));
    if (i >= 0) {
      columns[f] = i;
      taken.add(i);
    }
  };
  // Exact headers first, so an alias never takes another field's own column.
  for (const f of REFERRAL_FIELDS) place(f, [squash(REFERRAL_HEADER[f])]);
  for (const f of REFERRAL_FIELDS) place(f, ALIASES[f] ?? []);
  return columns;
}

/** The Referral of a row written by referralRow (or typed by the user: cells read leniently). */
export function referralFromRow(row: ReferralRow): Referral {
  const t = (f: ReferralField): string => String(row[f] ?? '').trim();
  const n = (f: ReferralField): number | null => {
    const v = row[f];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    const parsed = Number(String(v ?? '').replace(/[^0-9.-]/g, ''));
    return String(v ?? '').trim() !== '' && Number.isFinite(parsed) ? parsed : null;
  };
  const d = (f: ReferralField): CivilDate | null => (t(f) ? t(f) : null);
  return {
    referralId: t('referralId'),
    date: d('date'),
    clientId: t('clientId'),
    referrer: t('referrer'),
    contact: { name: t('contactName'), email: t('contactEmail'), phone: t('contactPhone') },
    count: n('count'),
    incentive: t('incentive'),
    due: d('due'),
    status: normalStatus(t('status')),
    statusDate: d('statusDate'),
    value: n('value'),
    newClientId: t('newClientId'),
    notes: String(row.notes ?? ''),
  };
}

/** The row to write for a referral. */
export function referralRow(r: Referral): ReferralRow {
  return {
    referralId: r.referralId,
    date: r.date,
    clientId: r.clientId,
    referrer: r.referrer,
    contactName: r.contact.name,
    contactEmail: r.contact.email,
    contactPhone: r.contact.phone,
    count: r.count,
    incentive: r.incentive,
    due: r.due,
    status: r.status,
    statusDate: r.statusDate,
    value: r.value,
    newClientId: r.newClientId,
    notes: r.notes,
  };
}

const STATUS_WORDS = ['Asked', 'Promised', 'Received', 'Contacted', 'Won', 'Lost'];

/** "won " -> "Won"; an unknown status is kept as typed. */
export function normalStatus(status: string): string {
  const found = STATUS_WORDS.find((s) => s.toLowerCase() === status.trim().toLowerCase());
  return found ?? status.trim();
}

/** "R-" and ten base-36 characters from a UUID's first 48 bits: a Referral ID. */
export function referralIdFromUuid(uuid: string): string {
  const hex = uuid.replace(/[^0-9a-f]/gi, '').slice(0, 12);
  return (
    'R-' +
    parseInt(hex || '0', 16)
      .toString(36)
      .toUpperCase()
      .padStart(10, '0')
  );
}

/** Each client's incentive from their latest promise that named one (open promises first). */
export function latestIncentives(
  referrals: readonly Pick<Referral, 'clientId' | 'incentive' | 'status' | 'date'>[],
): Map<string, string> {
  const best = new Map<string, { open: boolean; date: string; incentive: string }>();
  for (const r of referrals) {
    if (!r.incentive.trim()) continue;
    const candidate = { open: r.status === 'Promised', date: r.date ?? '', incentive: r.incentive };
    const had = best.get(r.clientId);
    const better =
      !had ||
      (candidate.open && !had.open) ||
      (candidate.open === had.open && candidate.date >= had.date);
    if (better) best.set(r.clientId, candidate);
  }
  return new Map([...best].map(([id, b]) => [id, b.incentive.trim()]));
}
