// USER_ENTERED writes: what a value typed or written by a script becomes in a cell (number, boolean, date, formula, text) and the format Sheets gives it.
import { instantOf } from './zone';

export interface Entered {
  value: unknown;
  /** Formula text when the input starts with '='. */
  formula?: string;
  /** The number format Sheets applies when it recognises a date, percent, currency or grouped number. */
  autoFormat?: string;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseNumber(text: string): { n: number; format?: string } | null {
  let t = text;
  let format: string | undefined;
  let scale = 1;
  if (t.endsWith('%')) {
    t = t.slice(0, -1);
    scale = 0.01;
    format = t.includes('.') ? '0.00%' : '0%';
  }
  const negCurrency = /^-\$/.test(t);
  if (t.startsWith('$') || negCurrency) {
    t = negCurrency ? '-' + t.slice(2) : t.slice(1);
    format = '"$"#,##0.00';
  }
  if (!/\d/.test(t) || !NUMBER.test(t)) return null;
  if (!format && t.includes(',')) format = '#,##0';
  return { n: Number(t.replace(/,/g, '')) * scale, format };
}

function parseDate(text: string, timeZone: string): Date | null {
  let y: number, m: number, d: number;
  let time: string[] = [];
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  if (iso) [y, m, d, time] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso.slice(4)];
  else if (us) [m, d, y, time] = [Number(us[1]), Number(us[2]), Number(us[3]), us.slice(4)];
  else return null;
  if (!validDay(y, m, d)) return null;
  const [hh, mm, ss] = time.map((x) => (x === undefined ? 0 : Number(x)));
  if (hh > 23 || mm > 59 || ss > 59) return null;
  return new Date(instantOf(y, m, d, timeZone, hh, mm, ss));
}

/**
 * Interprets one written value the way Sheets does for USER_ENTERED input.
 * `textFormat` is true when the cell's number format is '@' (plain text): strings stay as typed.
 */
export function enter(input: unknown, textFormat: boolean, timeZone: string): Entered {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (Object.prototype.toString.call(input) === '[object Date]') {
    return { value: new Date((input as Date).getTime()) };
  }
  const text = typeof input === 'string' ? input : String(input);
  if (textFormat) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const trimmed = text.trim();
  if (trimmed === '') return { value: text === '' ? '' : text };
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  const num = parseNumber(trimmed);
  if (num) return { value: num.n, autoFormat: num.format };
  const date = parseDate(trimmed, timeZone);
  if (date) {
    const hasTime = /:\d{2}/.test(trimmed);
    const base = ISO_DATE.test(trimmed) ? 'yyyy-mm-dd' : 'm/d/yyyy';
    return { value: date, autoFormat: hasTime ? `${base} h:mm:ss` : base };
  }
  return { value: text };
}
