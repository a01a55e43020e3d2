// The browser rig: Debian's Chromium driven by playwright-core against an in-process preview, with screenshots under .artifacts/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type BrowserContext,
  type Frame,
  type FrameLocator,
  type Page,
} from 'playwright-core';
import { startPreview, type Preview, type PreviewOptions } from '../../dev/preview/server';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Jest runs this as CommonJS (__dirname); bench/sidebar.ts runs it under tsx as ESM (import.meta).
const root =
  typeof __dirname !== 'undefined'
    ? join(__dirname, '..', '..')
    : fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(root, '.artifacts', 'screenshots');

export const browserAvailable = existsSync(CHROMIUM);

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

export interface Rig {
  preview: Preview;
  context: BrowserContext;
  page: Page;
  /** Alerts, confirms and prompts opened by any frame (none should ever appear). */
  dialogs: string[];
  /** Errors thrown in the page or its frames. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Starts a preview on a free port and opens it in a fresh Chromium profile. */
export async function openRig(options: PreviewOptions = {}): Promise<Rig> {
  const preview = await startPreview({ port: 0, ...options });
  const profile = mkdtempSync(join(tmpdir(), 'reconnect-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    await preview.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  // Fail with Playwright's own message well before jest's 30 s test timeout.
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(preview.url);
  return {
    preview,
    context,
    page,
    dialogs,
    pageErrors,
    async close() {
      await context.close();
      await preview.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The sidebar iframe's contents. */
export function sidebar(page: Page): FrameLocator {
  return page.frameLocator('#sidebar-frame');
}

/** The sidebar's Frame (for evaluate), once it has loaded. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#sidebar-frame');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The sidebar frame has no content');
  return frame;
}

/** Clicks an item of the add-on menu, as the user would from Extensions > Reconnect. */
export async function clickMenu(page: Page, label: string): Promise<void> {
  await page.locator('#menu button', { hasText: label }).first().click();
}

/** Opens the call list from the menu and waits until the first cards (or the empty state) show. */
export async function openCallList(page: Page): Promise<FrameLocator> {
  await clickMenu(page, 'Open call list');
  const frame = sidebar(page);
  await frame.locator('.cards li.card, .empty, .error-state').first().waitFor();
  return frame;
}

/** Names on the cards, in order. */
export async function cardNames(frame: FrameLocator): Promise<string[]> {
  return frame.locator('.cards .card-name').allTextContents();
}

export async function screenshot(
  page: Page,
  name: string,
  target: 'page' | 'sidebar' = 'page',
): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  if (target === 'sidebar') await page.locator('aside#sidebar').screenshot({ path });
  else await page.screenshot({ path });
  return path;
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
