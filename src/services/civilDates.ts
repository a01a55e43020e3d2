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

/**
 * One converter per operation: a sheet has far fewer distinct dates than rows, so each distinct
 * instant is formatted once (Utilities.formatDate is the only correct way to apply a time zone).
 */
export function civilDates(timeZone: string): CivilDates {
  const civilMemo = new Map<number, string>();
  const dateMemo = new Map<string, Date>();
  return {
    timeZone,
    today: Utilities.formatDate(now(), timeZone, 'yyyy-MM-dd'),
    toCivil(date: Date): string {
      const t = date.getTime();
      let civil = civilMemo.get(t);
      if (civil === undefined) {
        civil = Utilities.formatDate(date, timeZone, 'yyyy-MM-dd');
        civilMemo.set(t, civil);
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

export function spreadsheetCivilDates(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): CivilDates {
  return civilDates(spreadsheet.getSpreadsheetTimeZone());
}
