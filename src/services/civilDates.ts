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
 * One converter per operation. Utilities.formatDate is the only correct way to apply a time zone,
 * but calling it for each of thousands of distinct dates is slow, so the zone's UTC offset is
 * sampled at the edges of 16-day spans: where both edges agree (every span without a daylight
 * saving change), the calendar day is plain arithmetic; across a change, formatDate decides.
 */
export function civilDates(timeZone: string): CivilDates {
  // Keyed by the local day number (a small integer) where the offset is known, so that 50,000
  // Date cells cost a Map lookup each and one string per distinct day.
  const dayMemo = new Map<number, string>();
  const slowMemo = new Map<number, string>();
  const dateMemo = new Map<string, Date>();
  const offsets = new Map<number, number>();
  const offsetAt = (edge: number): number => {
    let offset = offsets.get(edge);
    if (offset === undefined) {
      offset = parseOffset(Utilities.formatDate(new Date(edge * SPAN_MS), timeZone, 'Z'));
      offsets.set(edge, offset);
    }
    return offset;
  };
  return {
    timeZone,
    today: Utilities.formatDate(now(), timeZone, 'yyyy-MM-dd'),
    toCivil(date: Date): string {
      const t = date.getTime();
      const edge = Math.floor(t / SPAN_MS);
      const offset = offsetAt(edge);
      if (offset === offsetAt(edge + 1)) {
        const day = Math.floor((t + offset) / DAY_MS);
        let civil = dayMemo.get(day);
        if (civil === undefined) {
          civil = new Date(day * DAY_MS).toISOString().slice(0, 10);
          dayMemo.set(day, civil);
        }
        return civil;
      }
      let civil = slowMemo.get(t);
      if (civil === undefined) {
        civil = Utilities.formatDate(date, timeZone, 'yyyy-MM-dd');
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
