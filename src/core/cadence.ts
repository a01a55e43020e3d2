// Cadence: how often a reconnected client is touched, and when the next touch is due.
import { addDays, addMonths, type CivilDate } from './dates';

/** How long a client may stay silent before being due again, when no cadence is chosen. */
export const DEFAULT_SILENCE_MONTHS = 6;

export type CadenceSpan = { months: number } | { days: number };

const NAMED: Record<string, CadenceSpan> = {
  monthly: { months: 1 },
  'every month': { months: 1 },
  quarterly: { months: 3 },
  'every quarter': { months: 3 },
  'twice a year': { months: 6 },
  'semi-annual': { months: 6 },
  'semi-annually': { months: 6 },
  semiannual: { months: 6 },
  biannual: { months: 6 },
  'half-yearly': { months: 6 },
  'half yearly': { months: 6 },
  yearly: { months: 12 },
  annual: { months: 12 },
  annually: { months: 12 },
  'once a year': { months: 12 },
  'every year': { months: 12 },
};

/**
 * Reads a cadence cell. Named cadences are calendar months (Quarterly = 3 months, so a client
 * touched on 31 January is due on 30 April, not after a fixed 91 days): people plan in months.
 * A number is days ("45", "45 days"); "6 weeks" and "2 months" are understood too.
 * Returns null for blank/unknown, undefined for text that is not a cadence.
 */
export function parseCadence(cell: unknown): CadenceSpan | null | undefined {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'number') {
    return Number.isFinite(cell) && cell >= 1 ? { days: Math.round(cell) } : undefined;
  }
  const s = String(cell).trim().toLowerCase().replace(/\s+/g, ' ');
  if (!s || s === 'n/a' || s === 'none' || s === '-') return null;
  if (Object.prototype.hasOwnProperty.call(NAMED, s)) return NAMED[s];
  const m = /^(?:every )?(\d{1,4}) ?(d|days?|w|weeks?|m|months?|y|years?)?$/.exec(s);
  if (!m) return undefined;
  const n = +m[1];
  if (n < 1) return undefined;
  const unit = (m[2] ?? 'd')[0];
  if (unit === 'd') return { days: n };
  if (unit === 'w') return { days: n * 7 };
  if (unit === 'm') return { months: n };
  return { months: n * 12 };
}

export function addCadence(date: CivilDate, span: CadenceSpan): CivilDate {
  return 'months' in span ? addMonths(date, span.months) : addDays(date, span.days);
}

/** Next Due = Last Contact + cadence; with no cadence yet, the client is due once silent 6 months. */
export function nextDueFor(
  lastContact: CivilDate | null,
  cadence: CadenceSpan | null,
): CivilDate | null {
  if (!lastContact) return null;
  return addCadence(lastContact, cadence ?? { months: DEFAULT_SILENCE_MONTHS });
}
