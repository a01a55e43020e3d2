// Cell values as people type them: unknown markers, money in any dress, emails, yes/no flags, text.
import { isPlainAddress } from '../shared/email';

/** Texts that mean "we don't know" in a cell. */
const UNKNOWN = new Set([
  '',
  'n/a',
  'na',
  'n.a.',
  '-',
  '--',
  '—',
  'none',
  'unknown',
  'null',
  'tbd',
  '?',
  '#n/a',
]);

export function isUnknown(cell: unknown): boolean {
  if (cell === null || cell === undefined || cell === '') return true;
  if (typeof cell !== 'string') return false;
  // Every marker is short: skip the trim and lower-casing for ordinary text (this runs per cell).
  return cell.length <= 12 && UNKNOWN.has(cell.trim().toLowerCase());
}

const RUNS_OF_SPACE = /\s\s|[\t\n\r\u00a0]/;

/** Text of a name-like cell: trimmed, inner runs of spaces collapsed, unknown markers -> ''. */
export function cleanText(cell: unknown): string {
  if (isUnknown(cell)) return '';
  const t = typeof cell === 'string' ? cell.trim() : String(cell).trim();
  return RUNS_OF_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** Trimmed text of any cell (numbers as typed, booleans as TRUE/FALSE are rare in text fields). */
export function text(cell: unknown): string {
  if (cell === null || cell === undefined || cell === '') return '';
  return typeof cell === 'string' ? cell.trim() : String(cell).trim();
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const UNKNOWN_MONEY: Parsed<number | null> = Object.freeze({ ok: true, value: null });

/** Digits, or digits grouped by commas with an optional decimal part, after an optional "$". */
const PLAIN_AMOUNT = /^\$?(?:\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?)$/;
const DOLLAR_AND_COMMAS = /[$,]/g;

/**
 * A money value: 1200, "$1,200.50", "1,200", "USD 950", "€950", "1.200,50 €", "(300)", "2.5k".
 * Null when unknown.
 */
export function parseMoney(cell: unknown): Parsed<number | null> {
  if (typeof cell === 'number') {
    return Number.isFinite(cell)
      ? { ok: true, value: cell }
      : { ok: false, message: 'is not a number' };
  }
  // Kept short so that it is inlined where it is called per row, and the number's result with it.
  return moneyText(cell);
}

function moneyText(cell: unknown): Parsed<number | null> {
  if (isUnknown(cell)) return UNKNOWN_MONEY;
  const raw = text(cell);
  // The usual shapes ("1200", "$1,200.50") need none of the rules below; they read the same.
  if (PLAIN_AMOUNT.test(raw)) {
    const value = Number(raw.replace(DOLLAR_AND_COMMAS, ''));
    if (Number.isFinite(value)) return { ok: true, value };
  }
  let s = raw.replace(/[\s\u00a0']/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/^[A-Za-z]{3}(?=[-\d.,$€£¥₹])/, '').replace(/(?<=[\d.,])[A-Za-z]{3}$/, '');
  s = s.replace(/[$€£¥₹]|US\$|C\$|A\$/g, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  let scale = 1;
  const suffix = /^(.*\d)([kKmM])$/.exec(s);
  if (suffix) {
    s = suffix[1];
    scale = /k/i.test(suffix[2]) ? 1000 : 1000000;
  }
  const normalized = decimalForm(s);
  if (normalized === null) return { ok: false, message: `"${raw}" is not an amount` };
  const value = Number(normalized) * scale * (negative ? -1 : 1);
  return Number.isFinite(value)
    ? { ok: true, value }
    : { ok: false, message: `"${raw}" is not an amount` };
}

/** Decides which of '.' and ',' is the decimal separator; returns a JS number literal or null. */
function decimalForm(s: string): string | null {
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const [intPart, frac, extra] = s.split(decimal);
    if (extra !== undefined || !groupedOk(intPart, thousands)) return null;
    return `${intPart.split(thousands).join('')}.${frac}`;
  }
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
  if (!sep) return s;
  const pieces = s.split(sep);
  // "1,200" and "1.200.000" are thousands; "12,5" and "1200.50" are decimals.
  if (pieces.length > 2 || (pieces[1].length === 3 && groupedOk(s, sep) && sep === ',')) {
    return groupedOk(s, sep) ? pieces.join('') : null;
  }
  if (pieces.length === 2 && pieces[1].length === 3 && sep === '.' && groupedOk(s, sep)) {
    // "1.200" is ambiguous; in money written with a dot it is far more often 1200 than 1.2.
    return pieces.join('');
  }
  return `${pieces[0] || '0'}.${pieces[1]}`;
}

/** Thousands groups after 1 to 3 digits, by separator (decimalForm passes '.' or ','). */
const GROUPED: Record<string, RegExp> = { '.': /^\d{1,3}(\.\d{3})+$/, ',': /^\d{1,3}(,\d{3})+$/ };

function groupedOk(s: string, sep: string): boolean {
  if (!s.includes(sep)) return /^\d+$/.test(s);
  return GROUPED[sep].test(s);
}

/** An email address (one plain address: src/shared/email.ts); "Ann Lee <ann@x.com>" keeps the address. */
export function parseEmail(cell: unknown): Parsed<string> {
  if (isUnknown(cell)) return { ok: true, value: '' };
  let s = text(cell);
  if (s.includes('<')) {
    // One name and one address ("Ann Lee <ann@x.com>"); two addresses in a cell are not one.
    const angle = /^[^<>]*<([^<>]+)>$/.exec(s);
    if (angle) s = angle[1].trim();
  }
  if (s.length > 7 && s.slice(0, 7).toLowerCase() === 'mailto:') s = s.slice(7);
  if (isPlainAddress(s)) return { ok: true, value: s };
  return { ok: false, message: `"${text(cell)}" is not a valid email address` };
}

const YES = new Set(['true', 'yes', 'y', 'x', '1', 'dnc', 'do not contact', 'opted out', '✓', '✔']);

/** A checkbox or a typed flag ("yes", "x", "TRUE"). */
export function parseFlag(cell: unknown): boolean {
  if (cell === true) return true;
  if (typeof cell === 'number') return cell !== 0;
  if (typeof cell !== 'string') return false;
  return YES.has(cell.trim().toLowerCase());
}

/** A non-negative whole count (Touches). */
export function parseCount(cell: unknown): number {
  if (typeof cell === 'number' && Number.isFinite(cell)) return Math.max(0, Math.round(cell));
  const n = parseInt(text(cell), 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}
