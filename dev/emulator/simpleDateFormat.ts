// Java SimpleDateFormat patterns in an IANA time zone: what Utilities.formatDate (and the sheet's date display) produce.
import {
  offsetText,
  pad,
  resolveTimeZone,
  zonedFields,
  zoneOffsetMinutes,
  type ZonedFields,
} from './javaTimeZone';

export {
  resolveTimeZone,
  zonedFields,
  zoneOffsetMinutes,
  zonedToInstant,
  type ResolvedZone,
  type ZonedFields,
} from './javaTimeZone';

export const MONTHS = [
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
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java short names ICU has no English abbreviation for (Java's TimeZone.getDisplayName(false, SHORT)). */
const JAVA_SHORT_NAMES: Record<string, [string, string]> = {
  'Asia/Tokyo': ['JST', 'JDT'],
  'Asia/Seoul': ['KST', 'KDT'],
  'Asia/Shanghai': ['CST', 'CDT'],
  'Asia/Hong_Kong': ['HKT', 'HKST'],
  'Asia/Singapore': ['SGT', 'SGT'],
};

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
      return pad(f.ms, count);
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
