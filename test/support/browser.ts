// Browser-test helpers: the rig lives in dev/browser.ts (the sidebar bench uses it too); here, describeBrowser and reading the sheets as records.
import { CHROMIUM, browserAvailable } from '../../dev/browser';
import type { Preview } from '../../dev/preview/server';

export * from '../../dev/browser';

/**
 * `describe` for browser tests. No Chromium: in CI (CI set) the suite fails with what to install;
 * elsewhere it is skipped with a loud warning, so a laptop without Chromium can still run `npm test`.
 */
export function describeBrowser(name: string, body: () => void): void {
  if (browserAvailable) {
    describe(name, body);
    return;
  }
  const why = `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`;
  if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`Browser tests cannot run: ${why}.`);
      });
    });
    return;
  }
  console.warn(`\n*** SKIPPING browser tests "${name}": ${why}. CI fails on this. ***\n`);
  describe.skip(name, body);
}

export type SheetRecord = Record<string, unknown>;

/** A sheet of the emulator as records keyed by its header row (what the user sees, not what the sidebar says). */
export function sheetRecords(preview: Preview, sheetName: string): SheetRecord[] {
  if (!preview.emulator.sheets.sheetNames().includes(sheetName)) return [];
  const [header, ...rows] = preview.emulator.sheets.values(sheetName);
  return rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

/** The client row with this name. */
export function clientRecord(preview: Preview, name: string): SheetRecord {
  const found = sheetRecords(preview, 'Clients').find((r) => r.Name === name);
  if (!found) throw new Error(`No client named ${name} in the sheet`);
  return found;
}

/** The spreadsheet's "today" as yyyy-MM-dd (the preview's sheet is in America/New_York). */
export function sheetToday(preview: Preview): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
    new Date(preview.emulator.clock.nowMs()),
  );
}

/** A date cell (Date) or text as yyyy-MM-dd in the sheet's zone, '' when blank. */
export function civil(value: unknown): string {
  if (value === '' || value === null || value === undefined) return '';
  const date =
    Object.prototype.toString.call(value) === '[object Date]'
      ? (value as Date)
      : new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(date);
}
