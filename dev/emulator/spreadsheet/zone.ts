// Time-zone arithmetic for the emulated Sheets: an instant's wall clock in the spreadsheet zone, a wall clock's instant, and Sheets serial days.

export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** 0 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError for an unknown IANA zone, as Intl does. */
export function checkTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

function partsOf(ms: number, timeZone: string): WallClock {
  const out: WallClock = {
    year: 0,
    month: 0,
    day: 0,
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
    weekday: 0,
  };
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type === 'year') out.year = Number(p.value);
    else if (p.type === 'month') out.month = Number(p.value);
    else if (p.type === 'day') out.day = Number(p.value);
    else if (p.type === 'hour') out.hour = Number(p.value) % 24;
    else if (p.type === 'minute') out.minute = Number(p.value);
    else if (p.type === 'second') out.second = Number(p.value);
    else if (p.type === 'weekday') out.weekday = WEEKDAYS[p.value] ?? 0;
  }
  out.ms = ((ms % 1000) + 1000) % 1000;
  return out;
}

/** Zone offsets per quarter hour (offset changes happen on quarter-hour instants), per zone. */
const offsets = new Map<string, Map<number, number>>();
const QUARTER_HOUR = 900000;

function offsetAt(ms: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    const start = bucket * QUARTER_HOUR;
    const w = partsOf(start, timeZone);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - start;
    if (zone.size > 200000) zone.clear();
    zone.set(bucket, offset);
  }
  return offset;
}

export function wallClock(ms: number, timeZone: string): WallClock {
  const d = new Date(ms + offsetAt(ms, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * The instant at which the spreadsheet zone's clock reads this wall time. In a DST gap the clock
 * jumps past it, so the later offset is used (like Sheets showing 3:00 for a typed 2:30).
 */
export function instantOf(
  year: number,
  month: number,
  day: number,
  timeZone: string,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let guess = wall - offsetAt(wall, timeZone);
  const second2 = wall - offsetAt(guess, timeZone);
  if (second2 !== guess) guess = Math.max(guess, second2);
  return guess;
}

const EPOCH_1899 = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Sheets serial number (days since 30 Dec 1899, wall clock of the spreadsheet zone). */
export function serialOf(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
  return (wall - EPOCH_1899) / DAY_MS;
}

/** Wall clock of a serial number (no zone: a serial is already a wall time). */
export function wallOfSerial(serial: number): WallClock {
  const d = new Date(EPOCH_1899 + Math.round(serial * DAY_MS));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}
