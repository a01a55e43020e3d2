// Time-zone arithmetic for the emulated Sheets: an instant's wall clock in the spreadsheet zone, a wall clock's instant, and Sheets serial days.
import {
  instantGuesses,
  intlFormat,
  intlOffsetMs,
  utcWallClock,
  type WallClock,
} from '../javaTimeZone';

export type { WallClock } from '../javaTimeZone';

/** Throws RangeError for an unknown IANA zone, as Intl does. */
export function checkTimeZone(timeZone: string): void {
  intlFormat(timeZone);
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
    offset = intlOffsetMs(bucket * QUARTER_HOUR, timeZone);
    if (zone.size > 200000) zone.clear();
    zone.set(bucket, offset);
  }
  return offset;
}

export function wallClock(ms: number, timeZone: string): WallClock {
  return utcWallClock(new Date(ms + offsetAt(ms, timeZone)));
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
  return Math.max(...instantGuesses(wall, (at) => offsetAt(at, timeZone)));
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
  return utcWallClock(new Date(EPOCH_1899 + Math.round(serial * DAY_MS)));
}
