// The browser rig: Debian's Chromium driven by playwright-core against an in-process preview, with screenshots under .artifacts/ (used by the browser tests and the sidebar bench).
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
import { startPreview, type Preview, type PreviewOptions } from './preview/server';

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
    ? join(__dirname, '..')
    : fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOTS = join(root, '.artifacts', 'screenshots');

export const browserAvailable = existsSync(CHROMIUM);

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
