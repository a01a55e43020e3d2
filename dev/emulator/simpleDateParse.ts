// Java SimpleDateFormat.parse in lenient mode: what Utilities.parseDate accepts and the instant it returns.
import { zonedToInstant } from './javaTimeZone';
import { DAYS, MONTHS } from './simpleDateFormat';

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
