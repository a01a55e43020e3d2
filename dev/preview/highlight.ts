// The due highlight Setup adds ("Highlighted the rows that are due"), drawn by the preview: the emulator keeps conditional rules but evaluates no formula, so Reconnect's own rule is evaluated here.
import type { Emulator } from '../emulator';
import { spreadsheetTimeZone } from '../emulator/spreadsheet/loadSheets';
import { wallClock } from '../emulator/spreadsheet/zone';

/**
 * The formula src/services/clientSheetFormat.ts writes (addDueHighlight), with its three columns:
 * name, Next Due, Last Contact. Any other rule is left undrawn rather than guessed at.
 */
const DUE_RULE =
  /^=AND\(\$([A-Z]+)2<>"",OR\(AND\(\$([A-Z]+)2<>"",\$\2(?:2)<=TODAY\(\)\),AND\(\$\2(?:2)="",OR\(\$([A-Z]+)2="",\$\3(?:2)<=EDATE\(TODAY\(\),-6\)\)\)\)\)$/;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the day number Sheets compares (dates and serial numbers), or null (text). */
function dayOf(value: unknown, timeZone: string): string | null {
  let ms: number | null = null;
  if (Object.prototype.toString.call(value) === '[object Date]') ms = (value as Date).getTime();
  else if (typeof value === 'number') ms = Math.round((value - 25569) * 86_400_000);
  if (ms === null || !Number.isFinite(ms)) return null;
  const w = typeof value === 'number' ? wallClock(ms, 'UTC') : wallClock(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${pad(nm)}-${pad(Math.min(d, last))}`;
}

/** Sheet row number -> background, for the rows Reconnect's due rule colours today. */
export function dueHighlights(emulator: Emulator, name: string): Map<number, string> {
  const out = new Map<number, string>();
  const rules = emulator.sheets
    .conditionalRules(name)
    .filter((r) => r.condition?.type === 'CUSTOM_FORMULA' && r.background);
  if (!rules.length) return out;
  const timeZone = spreadsheetTimeZone(emulator.sheets);
  const today = dayOf(new Date(emulator.clock.nowMs()), timeZone)!;
  const sixMonthsAgo = monthsBefore(today, 6);
  const values = emulator.sheets.values(name);
  for (const rule of rules) {
    const m = DUE_RULE.exec(String(rule.condition?.args[0] ?? ''));
    if (!m) continue;
    const [nameCol, nextCol, lastCol] = [m[1], m[2], m[3]].map(columnIndex);
    for (let i = 1; i < values.length; i += 1) {
      const row = values[i];
      if (row[nameCol] === '' || row[nameCol] === undefined) continue;
      const next = row[nextCol] ?? '';
      const last = row[lastCol] ?? '';
      const nextDay = dayOf(next, timeZone);
      const lastDay = dayOf(last, timeZone);
      const due =
        next !== ''
          ? nextDay !== null && nextDay <= today
          : last === '' || (lastDay !== null && lastDay <= sixMonthsAgo);
      if (due) out.set(i + 1, rule.background!);
    }
  }
  return out;
}
