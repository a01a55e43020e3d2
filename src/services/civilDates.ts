// Converts between sheet Date cells and calendar dates in the spreadsheet's time zone, memoized per operation.
import { now } from './clock';

export interface CivilDates {
  timeZone: string;
  /** Today in the spreadsheet's time zone, yyyy-MM-dd. */
  today: string;
  /** A Date cell's calendar day in the spreadsheet's time zone. */
  toCivil(date: Date): string;
  /** Midnight of a calendar day in the spreadsheet's time zone, as a Date to write to a cell. */
  toDate(civil: string): Date;
}

const DAY_MS = 86400000;
/** Offsets are sampled every 16 days: no time zone changes its offset twice within 16 days. */
const SPAN_MS = 16 * DAY_MS;

/**
 * One converter per operation. The zone's UTC offset (zoneOffset: Intl checked against
 * Utilities.formatDate, or formatDate alone) is sampled at the edges of 16-day spans: where both
 * edges agree (every span without a daylight saving change), the calendar day is plain
 * arithmetic; across a change, so it is where both offsets give the same day, and elsewhere the
 * offset at the instant itself decides.
 */
export function civilDates(timeZone: string): CivilDates {
  // Keyed by the local day number (a small integer) where the offset is known, so that 50,000
  // Date cells cost a Map lookup each and one string per distinct day.
  const dayMemo = new Map<number, string>();
  const slowMemo = new Map<number, string>();
  const dateMemo = new Map<string, Date>();
  const offsets = new Map<number, number>();
  // Chosen at the first date converted: an operation that needs only today pays one call.
  let chosen: ((t: number) => number) | undefined;
  const offsetOf = (t: number): number => (chosen ??= zoneOffset(timeZone))(t);
  const offsetAt = (edge: number): number => {
    let offset = offsets.get(edge);
    if (offset === undefined) {
      offset = offsetOf(edge * SPAN_MS);
      offsets.set(edge, offset);
    }
    return offset;
  };
  // Each span's offset when both its edges agree, else null: one lookup per Date cell.
  const spanOffsets = new Map<number, number | null>();
  const spanOffset = (edge: number): number | null => {
    let offset = spanOffsets.get(edge);
    if (offset === undefined) {
      const start = offsetAt(edge);
      offset = start === offsetAt(edge + 1) ? start : null;
      spanOffsets.set(edge, offset);
    }
    return offset;
  };
  // The local day number of an instant where its span's edges settle it, else null.
  const settledDay = (t: number): number | null => {
    const edge = Math.floor(t / SPAN_MS);
    const offset = spanOffset(edge);
    if (offset !== null) return Math.floor((t + offset) / DAY_MS);
    // Across a change the offset is the one before or the one after: where both put the instant
    // on the same day (any time but the hours around midnight), that is its day.
    const before = Math.floor((t + offsetAt(edge)) / DAY_MS);
    return before === Math.floor((t + offsetAt(edge + 1)) / DAY_MS) ? before : null;
  };
  return {
    timeZone,
    today: Utilities.formatDate(now(), timeZone, 'yyyy-MM-dd'),
    toCivil(date: Date): string {
      const t = date.getTime();
      const day = settledDay(t);
      if (day !== null) {
        let civil = dayMemo.get(day);
        if (civil === undefined) {
          civil = new Date(day * DAY_MS).toISOString().slice(0, 10);
          dayMemo.set(day, civil);
        }
        return civil;
      }
      let civil = slowMemo.get(t);
      if (civil === undefined) {
        civil = new Date(t + offsetOf(t)).toISOString().slice(0, 10);
        slowMemo.set(t, civil);
      }
      return civil;
    },
    toDate(civil: string): Date {
      let date = dateMemo.get(civil);
      if (date === undefined) {
        date = Utilities.parseDate(civil, timeZone, 'yyyy-MM-dd');
        dateMemo.set(civil, date);
      }
      return date;
    },
  };
}

/**
 * The zone's UTC offset at an instant. Utilities.formatDate is the reference, one call per instant;
 * where the runtime's Intl knows the zone and agrees with formatDate now and half a year either
 * side (standard and daylight time), Intl answers instead, with no service call.
 */
function zoneOffset(timeZone: string): (t: number) => number {
  const viaService = (t: number): number =>
    parseOffset(Utilities.formatDate(new Date(t), timeZone, 'Z'));
  const viaIntl = intlOffset(timeZone);
  if (!viaIntl) return viaService;
  const nowMs = now().getTime();
  const checks = [nowMs, nowMs - 182 * DAY_MS, nowMs + 182 * DAY_MS];
  return checks.every((t) => viaIntl(t) === viaService(t)) ? viaIntl : viaService;
}

const PART_INDEX: Record<string, number> = {
  year: 0,
  month: 1,
  day: 2,
  hour: 3,
  minute: 4,
  second: 5,
};

/** The offset from Intl.DateTimeFormat, or null where the runtime has no Intl or not this zone. */
function intlOffset(timeZone: string): ((t: number) => number) | null {
  let format: Intl.DateTimeFormat;
  try {
    if (typeof Intl === 'undefined' || typeof Intl.DateTimeFormat !== 'function') return null;
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (typeof format.formatToParts !== 'function') return null;
  } catch {
    return null;
  }
  return (t) => {
    const f = [0, 1, 1, 0, 0, 0];
    for (const part of format.formatToParts(new Date(t))) {
      const i = PART_INDEX[part.type];
      if (i !== undefined) f[i] = Number(part.value);
    }
    const local = Date.UTC(f[0], f[1] - 1, f[2], f[3] % 24, f[4], f[5]);
    return local - (t - (((t % 1000) + 1000) % 1000));
  };
}

/** "+0530" / "-0500" -> milliseconds. */
function parseOffset(text: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!m) return NaN;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60000;
}

export function spreadsheetCivilDates(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): CivilDates {
  return civilDates(spreadsheet.getSpreadsheetTimeZone());
}
