// Sheets number formats for getDisplayValues: date tokens (yyyy, mmm, d, h:mm AM/PM) and number patterns ('#,##0.00', '$0', '0%'), en_US locale.
import { DAYS, MONTHS } from '../simpleDateFormat';
import { serialOf, wallClock, wallOfSerial, type WallClock } from './zone';

/**
 * What getNumberFormat returns for a cell nobody formatted. [unverified: no Google page says so; two
 * public Apps Script projects use this string as the "automatic" format (see the test that pins it)]
 */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

function isGeneral(format: string): boolean {
  return format === '' || format === DEFAULT_NUMBER_FORMAT || format.toLowerCase() === 'general';
}

/** The format with quoted literals and escapes removed, to look at its tokens. */
function bare(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string): boolean {
  if (isGeneral(format)) return false;
  return /[dmyhs]/i.test(bare(format).replace(/am\/pm|a\/p/gi, ''));
}

/** Splits a format into its ';' sections, ignoring ';' inside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < format.length) {
      cur += ch + format[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Display text of a stored value (number, boolean, Date, string, '') under a cell's format. */
export function displayValue(value: unknown, format: string, timeZone: string): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    if (format === '' || !format.includes(';')) return value;
    const text = sections(format)[3];
    return text !== undefined ? literalText(text).replace('@', value) : value;
  }
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const ms = (value as Date).getTime();
    if (isDateFormat(format)) return formatDate(wallClock(ms, timeZone), format);
    if (isGeneral(format)) {
      const w = wallClock(ms, timeZone);
      const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
      return formatDate(w, midnight ? 'm/d/yyyy' : 'm/d/yyyy h:mm:ss');
    }
    return formatNumber(serialOf(ms, timeZone), format);
  }
  if (typeof value === 'number') {
    if (isDateFormat(format)) return formatDate(wallOfSerial(value), format);
    return formatNumber(value, format);
  }
  return String(value);
}

function literalText(section: string): string {
  return section.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
}

function general(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) return n.toExponential(2).toUpperCase();
  return String(Number(n.toPrecision(10)));
}

// ---- numbers ----

function formatNumber(n: number, format: string): string {
  if (isGeneral(format) || format === '@') return general(n);
  const secs = sections(format);
  let section = secs[0];
  let value = n;
  let sign = n < 0 ? '-' : '';
  if (n < 0 && secs.length >= 2 && secs[1] !== '') {
    section = secs[1];
    value = -n;
    sign = '';
  } else if (n === 0 && secs.length >= 3) section = secs[2];
  else value = Math.abs(n);
  return sign + renderSection(value, section);
}

const PLACEHOLDER = /[0#?.,]/;

function renderSection(value: number, section: string): string {
  // Tokenize into literals and one run of digit placeholders.
  const tokens: Array<{ lit?: string; num?: string }> = [];
  let i = 0;
  let percent = false;
  while (i < section.length) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ lit: section.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ lit: section[i + 1] ?? '' });
      i += 2;
    } else if (ch === '_' || ch === '*') {
      i += 2; // spacing / repeat fill: no width to fill in a display string
    } else if (PLACEHOLDER.test(ch) && (ch !== ',' || tokens.some((t) => t.num))) {
      let run = '';
      while (i < section.length && PLACEHOLDER.test(section[i])) run += section[i++];
      const last = tokens[tokens.length - 1];
      if (last?.num !== undefined) last.num += run;
      else tokens.push({ num: run });
    } else if (ch === '@') {
      tokens.push({ lit: general(value) });
      i++;
    } else {
      if (ch === '%') percent = true;
      tokens.push({ lit: ch });
      i++;
    }
  }
  const numToken = tokens.find((t) => t.num !== undefined);
  if (!numToken) return tokens.map((t) => t.lit).join('');
  const v = percent ? value * 100 : value;
  numToken.num = renderDigits(v, numToken.num as string);
  return tokens.map((t) => t.lit ?? t.num).join('');
}

function renderDigits(value: number, pattern: string): string {
  const dot = pattern.indexOf('.');
  const intPat = dot < 0 ? pattern : pattern.slice(0, dot);
  const fracPat = dot < 0 ? '' : pattern.slice(dot + 1).replace(/,/g, '');
  const trailingCommas = /,+$/.exec(intPat)?.[0].length ?? 0;
  const scaled = dot < 0 && trailingCommas ? value / 1000 ** trailingCommas : value;
  const grouping = intPat.replace(/,+$/, '').includes(',');
  const minInt = (intPat.match(/0/g) ?? []).length;
  const maxFrac = (fracPat.match(/[0#?]/g) ?? []).length;
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const fixed = Math.abs(scaled).toFixed(maxFrac);
  let [intPart, fracPart = ''] = fixed.split('.');
  while (fracPart.length > minFrac && fracPart.endsWith('0')) fracPart = fracPart.slice(0, -1);
  intPart = intPart.replace(/^0+/, '');
  while (intPart.length < minInt) intPart = '0' + intPart;
  if (grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return intPart + (fracPart ? '.' + fracPart : '');
}

// ---- dates ----

interface DateToken {
  kind: 'lit' | 'd' | 'm' | 'y' | 'h' | 's' | 'ampm';
  text: string;
}

function tokenizeDate(format: string): DateToken[] {
  const out: DateToken[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    const rest = format.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      out.push({ kind: 'ampm', text: ampm[0] });
      i += ampm[0].length;
    } else if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      out.push({ kind: 'lit', text: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      out.push({ kind: 'lit', text: format[i + 1] ?? '' });
      i += 2;
    } else if (/[dmyhs]/i.test(ch)) {
      let run = ch;
      while (
        i + run.length < format.length &&
        format[i + run.length].toLowerCase() === ch.toLowerCase()
      ) {
        run += format[i + run.length];
      }
      out.push({ kind: ch.toLowerCase() as DateToken['kind'], text: run });
      i += run.length;
    } else {
      out.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  return out;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const tokenCache = new Map<string, DateToken[]>();

function formatDate(w: WallClock, format: string): string {
  let tokens = tokenCache.get(format);
  if (!tokens) {
    tokens = tokenizeDate(format.replace(/\[[^\]]*\]/g, ''));
    tokenCache.set(format, tokens);
  }
  const twelve = tokens.some((t) => t.kind === 'ampm');
  const fields = tokens.filter((t) => t.kind !== 'lit');
  return tokens
    .map((t) => {
      const at = fields.indexOf(t);
      switch (t.kind) {
        case 'lit':
          return t.text;
        case 'y':
          return t.text.length <= 2 ? pad(w.year % 100) : String(w.year);
        case 'd':
          if (t.text.length === 1) return String(w.day);
          if (t.text.length === 2) return pad(w.day);
          if (t.text.length === 3) return DAYS[w.weekday].slice(0, 3);
          return DAYS[w.weekday];
        case 'm': {
          // 'm' after an hour or before a second is minutes, as in Sheets.
          const minutes = fields[at - 1]?.kind === 'h' || fields[at + 1]?.kind === 's';
          if (minutes) return t.text.length === 1 ? String(w.minute) : pad(w.minute);
          if (t.text.length === 1) return String(w.month);
          if (t.text.length === 2) return pad(w.month);
          if (t.text.length === 3) return MONTHS[w.month - 1].slice(0, 3);
          if (t.text.length === 5) return MONTHS[w.month - 1][0];
          return MONTHS[w.month - 1];
        }
        case 'h': {
          const h = twelve ? ((w.hour + 11) % 12) + 1 : w.hour;
          return t.text.length === 1 ? String(h) : pad(h);
        }
        case 's':
          return t.text.length === 1 ? String(w.second) : pad(w.second);
        case 'ampm': {
          const pm = w.hour >= 12;
          const full = t.text.length > 3;
          const word = full ? (pm ? 'PM' : 'AM') : pm ? 'P' : 'A';
          return t.text[0] === t.text[0].toLowerCase() ? word.toLowerCase() : word;
        }
      }
      return '';
    })
    .join('');
}
