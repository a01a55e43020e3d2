// Calendar dates as 'yyyy-MM-dd' strings and day numbers: parsing what people type, adding months, and "2 years, 3 months".

/** A calendar date, 'yyyy-MM-dd'. Core never sees a Date: services convert in the spreadsheet's time zone. */
export type CivilDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCivilDate(text: unknown): text is CivilDate {
  if (typeof text !== 'string') return false;
  const m = ISO.exec(text);
  return !!m && validYmd(+m[1], +m[2], +m[3]);
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function ymd(y: number, m: number, d: number): CivilDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parts(date: CivilDate): [number, number, number] {
  return [digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10)];
}

/**
 * The number written in date[from, to): `+date.slice(from, to)`, read digit by digit in the usual
 * case (the list reads thousands of dates) and by slicing when the text is not all digits.
 */
function digits(date: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = date.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return +date.slice(from, to);
    n = n * 10 + d;
  }
  return n;
}

/** Days since 1970-01-01 (pure arithmetic, no time zone involved). */
export function dayNumber(date: CivilDate): number {
  const [y, m, d] = parts(date);
  // Date.UTC is a call into the runtime: the usual dates are counted here instead.
  if (Number.isInteger(d) && m >= 1 && m <= 12 && Number.isInteger(y) && y >= 100 && y <= 9999)
    return daysFromCivil(y, m, d);
  return Math.round(Date.UTC(y, m - 1, d) / 86400000);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, as Date.UTC counts them (a day past the
 * month's end runs into the next month). http://howardhinnant.github.io/date_algorithms.html
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromDayNumber(n: number): CivilDate {
  const t = new Date(n * 86400000);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function daysBetween(from: CivilDate, to: CivilDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar months; the day is clamped to the month's end (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return ymd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Whole calendar months from `from` to `to` (0 when to < from + 1 month). */
export function monthsBetween(from: CivilDate, to: CivilDate): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  let months = (ty - fy) * 12 + (tm - fm);
  // A month is complete on the same day of the month, or on the last day when the month is shorter.
  if (td < fd && td < daysInMonth(ty, tm)) months -= 1;
  return months;
}

/** "2 years, 3 months", "5 months", "12 days", "today"; "" when unknown. */
export function sinceWords(from: CivilDate | null, to: CivilDate): string {
  if (!from) return '';
  const days = daysBetween(from, to);
  if (days <= 0) return 'today';
  const months = monthsBetween(from, to);
  if (months < 1) return plural(days, 'day');
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return plural(rest, 'month');
  return rest === 0 ? plural(years, 'year') : `${plural(years, 'year')}, ${plural(rest, 'month')}`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)];
}

function fullYear(y: string): number {
  const n = +y;
  if (y.length !== 2) return n;
  // Two-digit years as spreadsheets read them: 00-29 -> 2000s, 30-99 -> 1900s.
  return n < 30 ? 2000 + n : 1900 + n;
}

/** Sheets' date serial: days since 1899-12-30; only plausible client dates (1955-2119) are accepted. */
export function fromSerial(serial: number): CivilDate | null {
  if (!Number.isFinite(serial) || serial < 20000 || serial > 80000) return null;
  return fromDayNumber(Math.floor(serial) - 25569);
}

/**
 * Parses a date typed as text: "2022-03-14", "2022/3/14", "3/14/2022" (month first unless the first
 * number is over 12, or `dayFirst`), "14.03.2022", "March 14, 2022", "14 Mar 2022", "Mar 2022"
 * (the 1st). A trailing time ("2022-03-14 10:30", ISO "T...") is ignored. Returns null when the
 * text is not a real calendar date.
 */
export function parseDateText(input: string, dayFirst = false): CivilDate | null {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return checked(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?: .*)?$/.exec(text);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    const y = fullYear(m[4]);
    const dotted = m[2] === '.';
    const dayFirstHere = a > 12 || (b <= 12 && (dayFirst || dotted));
    return dayFirstHere ? checked(y, b, a) : checked(y, a, b);
  }
  const words = text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim().split(' ');
  // Drop a leading weekday ("Mon, 14 Mar 2022").
  if (words.length > 2 && /^[a-z]+\.?$/i.test(words[0]) && monthOf(words[0]) === undefined) {
    words.shift();
  }
  const [w1, w2, w3] = words;
  if (words.length >= 3 && monthOf(w1) !== undefined && /^\d{1,2}(st|nd|rd|th)?$/i.test(w2)) {
    if (/^\d{4}$/.test(w3)) return checked(+w3, monthOf(w1)!, parseInt(w2, 10));
  }
  if (words.length >= 3 && /^\d{1,2}(st|nd|rd|th)?$/i.test(w1) && monthOf(w2) !== undefined) {
    if (/^(\d{4}|\d{2})$/.test(w3)) return checked(fullYear(w3), monthOf(w2)!, parseInt(w1, 10));
  }
  if (words.length === 2 && monthOf(w1) !== undefined && /^\d{4}$/.test(w2)) {
    return checked(+w2, monthOf(w1)!, 1);
  }
  return null;
}

function checked(y: number, m: number, d: number): CivilDate | null {
  return validYmd(y, m, d) ? ymd(y, m, d) : null;
}
