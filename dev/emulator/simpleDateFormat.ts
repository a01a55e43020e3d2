// Java SimpleDateFormat patterns in an IANA time zone: what Utilities.formatDate (and the sheet's date display) produce.

/**
 * Utilities.formatDate is backed by java.text.SimpleDateFormat and java.util.TimeZone: an ID that
 * TimeZone.getTimeZone does not know silently becomes "GMT" (TimeZone javadoc: "If the specified
 * string doesn't match the syntax, GMT is used"). Custom IDs "GMT+h", "GMT+hh:mm", "GMT+hhmm" are fixed offsets.
 */
export interface ResolvedZone {
  /** The IANA id used for Intl, or null for a fixed offset (custom GMT id or unknown id). */
  iana: string | null;
  /** Fixed offset in minutes east of UTC when iana is null. */
  fixedOffset: number;
  /** The normalized id, as Java reports it (e.g. "GMT-08:00"). */
  id: string;
}

const zoneCache = new Map<string, ResolvedZone>();
const partsCache = new Map<string, Intl.DateTimeFormat>();

export function resolveTimeZone(timeZone: string): ResolvedZone {
  const key = String(timeZone);
  const cached = zoneCache.get(key);
  if (cached) return cached;
  let resolved: ResolvedZone;
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(key);
  if (key === 'GMT' || key === 'UTC') {
    resolved = { iana: key === 'UTC' ? 'UTC' : null, fixedOffset: 0, id: key };
  } else if (custom && Number(custom[2]) <= 23 && Number(custom[3] ?? 0) <= 59) {
    const minutes = Number(custom[2]) * 60 + Number(custom[3] ?? 0);
    const sign = custom[1] === '-' ? -1 : 1;
    resolved = {
      iana: null,
      fixedOffset: sign * minutes,
      id: `GMT${offsetText(sign * minutes, ':')}`,
    };
  } else if (isIanaZone(key)) {
    resolved = { iana: key, fixedOffset: 0, id: key };
  } else {
    resolved = { iana: null, fixedOffset: 0, id: 'GMT' };
  }
  zoneCache.set(key, resolved);
  return resolved;
}

function isIanaZone(id: string): boolean {
  // Intl accepts case-insensitive ids; Java's TimeZone ids are case-sensitive.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(id)) return false;
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
    // "america/new_york" resolves in Intl but is unknown to Java (so GMT there); aliases pass.
    return canonical === id || canonical.toLowerCase() !== id.toLowerCase();
  } catch {
    return false;
  }
}

export interface ZonedFields {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
  /** Minutes east of UTC in effect at that instant. */
  offset: number;
}

/** The wall-clock fields of an instant in a zone (IANA id, custom GMT id, or unknown id = GMT). */
export function zonedFields(date: Date, timeZone: string): ZonedFields {
  const ms = date.getTime();
  const zone = resolveTimeZone(timeZone);
  let offset = zone.fixedOffset;
  if (zone.iana) {
    let fmt = partsCache.get(zone.iana);
    if (!fmt) {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: zone.iana,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
      partsCache.set(zone.iana, fmt);
    }
    const p: Record<string, string> = {};
    for (const part of fmt.formatToParts(ms)) p[part.type] = part.value;
    let year = Number(p.year);
    if (p.era === 'BC' || p.era === 'B') year = 1 - year;
    const asUtc = Date.UTC(
      year,
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour),
      Number(p.minute),
      Number(p.second),
    );
    const wholeSeconds = Math.floor(ms / 1000) * 1000;
    offset = Math.round((asUtc - wholeSeconds) / 60000);
  }
  const shifted = new Date(ms + offset * 60000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    offset,
  };
}

/** Offset in minutes east of UTC of a zone at an instant. */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  return zonedFields(date, timeZone).offset;
}

/** The instant at which the wall clock of a zone shows the given fields (first match on DST overlaps). */
export function zonedToInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  let guess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60000;
  guess = wall - zoneOffsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java short names ICU has no English abbreviation for (Java's TimeZone.getDisplayName(false, SHORT)). */
const JAVA_SHORT_NAMES: Record<string, [string, string]> = {
  'Asia/Tokyo': ['JST', 'JDT'],
  'Asia/Seoul': ['KST', 'KDT'],
  'Asia/Shanghai': ['CST', 'CDT'],
  'Asia/Hong_Kong': ['HKT', 'HKST'],
  'Asia/Singapore': ['SGT', 'SGT'],
};

function offsetText(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function zoneName(date: Date, timeZone: string, long: boolean, fields: ZonedFields): string {
  const zone = resolveTimeZone(timeZone);
  if (!zone.iana) return zone.id === 'GMT' ? (long ? 'Greenwich Mean Time' : 'GMT') : zone.id;
  if (!long && JAVA_SHORT_NAMES[zone.iana]) {
    const january = zoneOffsetMinutes(new Date(Date.UTC(fields.year, 0, 1)), timeZone);
    return JAVA_SHORT_NAMES[zone.iana][fields.offset === january ? 0 : 1];
  }
  const locales = long ? ['en-US'] : ['en-US', 'en-GB', 'en-AU', 'en-IN'];
  for (const locale of locales) {
    const name = new Intl.DateTimeFormat(locale, {
      timeZone: zone.iana,
      timeZoneName: long ? 'long' : 'short',
    })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  return `GMT${offsetText(fields.offset, ':')}`;
}

function dayOfYear(f: ZonedFields): number {
  return (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000 + 1;
}

/** Week of year as java.util.GregorianCalendar in the US locale counts it (weeks start Sunday, min 1 day). */
function weekOfYear(f: ZonedFields): number {
  const jan1 = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  const week = Math.floor((dayOfYear(f) - 1 + jan1) / 7) + 1;
  const dec31 = new Date(Date.UTC(f.year, 11, 31));
  // The last days of December belong to week 1 of next year when that week starts in December.
  if (f.month === 12 && f.day > 31 - dec31.getUTCDay() && dec31.getUTCDay() < 6) return 1;
  return week;
}

function field(
  letter: string,
  count: number,
  date: Date,
  timeZone: string,
  f: ZonedFields,
): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': {
      let year = f.year > 0 ? f.year : 1 - f.year;
      // Y is the week year: the last days of December can belong to week 1 of the next year.
      if (letter === 'Y' && f.month === 12 && weekOfYear(f) === 1) year += 1;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1];
      if (count === 3) return MONTHS[f.month - 1].slice(0, 3);
      return pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'w':
      return pad(weekOfYear(f), count);
    case 'W': {
      const firstDay = new Date(Date.UTC(f.year, f.month - 1, 1)).getUTCDay();
      return pad(Math.floor((f.day - 1 + firstDay) / 7) + 1, count);
    }
    case 'E':
      return count >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return zoneName(date, timeZone, count >= 4, f);
    case 'Z':
      return offsetText(f.offset, '');
    case 'X':
      if (f.offset === 0) return 'Z';
      if (count === 1) return offsetText(f.offset, '').slice(0, 3);
      return offsetText(f.offset, count === 2 ? '' : ':');
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/**
 * Formats an instant like java.text.SimpleDateFormat with the given pattern in the given zone:
 * letters are fields, text in single quotes is literal, '' is a quote, anything else is copied.
 * Throws for an unquoted letter SimpleDateFormat does not know, as Java does.
 */
export function formatSimpleDate(date: Date, timeZone: string, pattern: string): string {
  if (Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
  const f = zonedFields(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") {
          break;
        } else {
          out += pattern[j];
          j += 1;
        }
      }
      if (j >= pattern.length) throw new Error(`Unterminated quote in pattern: ${pattern}`);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j += 1;
      out += field(c, j - i, date, timeZone, f);
      i = j;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'text'; text: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      let j = i + 1;
      let text = '';
      if (pattern[j] === "'") {
        tokens.push({ kind: 'text', text: "'" });
        i += 2;
        continue;
      }
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          text += "'";
          j += 2;
        } else if (pattern[j] === "'") break;
        else text += pattern[j++];
      }
      tokens.push({ kind: 'text', text });
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j += 1;
      tokens.push({ kind: 'field', letter: c, count: j - i });
      i = j;
    } else {
      tokens.push({ kind: 'text', text: c });
      i += 1;
    }
  }
  return tokens;
}

const NUMERIC = new Set([
  'y',
  'Y',
  'M',
  'L',
  'd',
  'D',
  'H',
  'k',
  'K',
  'h',
  'm',
  's',
  'S',
  'u',
  'F',
  'w',
  'W',
]);

/**
 * Parses text like java.text.SimpleDateFormat.parse in lenient mode (its default, so "2026-02-30"
 * rolls over to March 2), in the given zone unless the text carries an offset (Z, X, or GMT+hh:mm).
 * Returns null when the text does not match the pattern (Java throws ParseException).
 */
export function parseSimpleDate(
  text: string,
  timeZone: string,
  pattern: string,
  nowMs: number = Date.now(),
): Date | null {
  const nowYear = new Date(nowMs).getUTCFullYear();
  const tokens = tokenize(pattern);
  const v = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0 };
  let pm: boolean | null = null;
  let hour12 = false;
  let offset: number | null = null;
  let pos = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.kind === 'text') {
      if (text.startsWith(token.text, pos)) pos += token.text.length;
      else if (token.text.trim() === '' && /\s/.test(text[pos] ?? '')) pos += 1;
      else return null;
      continue;
    }
    const { letter, count } = token;
    const next = tokens[t + 1];
    if (NUMERIC.has(letter) && !((letter === 'M' || letter === 'L') && count >= 3)) {
      const abutting = next?.kind === 'field' && NUMERIC.has(next.letter);
      const m = (abutting ? new RegExp(`^\\d{1,${count}}`) : /^[+-]?\d+/).exec(text.slice(pos));
      if (!m) return null;
      pos += m[0].length;
      const n = Number(m[0]);
      if (letter === 'y' || letter === 'Y') {
        // Java: a 2-digit year lands within 80 years before and 20 years after now.
        if (count <= 2 && m[0].length <= 2) {
          const century = Math.floor((nowYear - 80) / 100) * 100;
          v.year = century + n < nowYear - 80 ? century + 100 + n : century + n;
        } else v.year = n;
      } else if (letter === 'M' || letter === 'L') v.month = n;
      else if (letter === 'd') v.day = n;
      else if (letter === 'H') v.hour = n;
      else if (letter === 'k') v.hour = n === 24 ? 0 : n;
      else if (letter === 'h' || letter === 'K') {
        v.hour = n % 12;
        hour12 = true;
      } else if (letter === 'm') v.minute = n;
      else if (letter === 's') v.second = n;
      else if (letter === 'S') v.ms = n;
      continue;
    }
    const rest = text.slice(pos);
    if (letter === 'M' || letter === 'L') {
      const i = MONTHS.findIndex((name) => rest.toLowerCase().startsWith(name.toLowerCase()));
      const j = MONTHS.findIndex((name) =>
        rest.toLowerCase().startsWith(name.slice(0, 3).toLowerCase()),
      );
      if (i >= 0) {
        v.month = i + 1;
        pos += MONTHS[i].length;
      } else if (j >= 0) {
        v.month = j + 1;
        pos += 3;
      } else return null;
    } else if (letter === 'E') {
      const day = DAYS.find((name) => rest.toLowerCase().startsWith(name.toLowerCase()));
      const short = DAYS.find((name) =>
        rest.toLowerCase().startsWith(name.slice(0, 3).toLowerCase()),
      );
      if (day) pos += day.length;
      else if (short) pos += 3;
      else return null;
    } else if (letter === 'a') {
      const m = /^(AM|PM)/i.exec(rest);
      if (!m) return null;
      pm = m[1].toUpperCase() === 'PM';
      pos += 2;
    } else if (letter === 'Z' || letter === 'X' || letter === 'z') {
      const m = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?/.exec(rest);
      if (/^Z/.test(rest) && letter === 'X') {
        offset = 0;
        pos += 1;
      } else if (m) {
        offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
        pos += m[0].length;
      } else if (/^(GMT|UTC)/.test(rest)) {
        offset = 0;
        pos += 3;
      } else return null;
    } else if (letter === 'G') {
      const m = /^(AD|BC)/.exec(rest);
      if (!m) return null;
      pos += 2;
    } else {
      throw new Error(`Illegal pattern character '${letter}'`);
    }
  }
  if (hour12 && pm) v.hour += 12;
  if (offset !== null) {
    return new Date(
      Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second, v.ms) - offset * 60000,
    );
  }
  // Lenient rollover first (Feb 30 -> Mar 2), then the zone's offset for that wall time.
  const wall = new Date(Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second, v.ms));
  return zonedToInstant(
    timeZone,
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  );
}
