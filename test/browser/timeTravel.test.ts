// Time travel in the preview, in Chromium: the emulated today, +1 day and +1 week firing the time-driven triggers due on the way (with their errors), going back runs nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBrowser, openRig, type Rig } from '../support/browser';

/**
 * A tiny add-on with a daily 9 AM trigger, written as Apps Script sees it. A time-driven run opens
 * its spreadsheet by ID (it has no active one), logs the day, fails on Sundays, else emails.
 */
const TICKING_ADDON = `
function onOpen() {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Start ticking', 'start').addToUi();
}
function start() {
  PropertiesService.getScriptProperties()
    .setProperty('book', SpreadsheetApp.getActiveSpreadsheet().getId());
  ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(9)
    .inTimezone('America/New_York').create();
}
function tick(e) {
  var book = SpreadsheetApp.openById(PropertiesService.getScriptProperties().getProperty('book'));
  var day = Utilities.formatDate(new Date(), 'America/New_York', 'EEE yyyy-MM-dd HH');
  var log = book.getSheetByName('Log') || book.insertSheet('Log');
  log.appendRow(['Ran ' + day]);
  if (day.indexOf('Sun') === 0) throw new Error('Closed on Sundays');
  MailApp.sendEmail('me@example.com', 'Tick ' + day, 'tick');
}
`;

/** Wednesday 25 November 2026, 10:00 in New York. */
const NOW = '2026-11-25T15:00:00Z';

describeBrowser('time travel in the preview', () => {
  let rig: Rig;
  let dist: string;
  const timeRequests: Array<{ method: string; type: string; url: string }> = [];

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'reconnect-ticking-'));
    writeFileSync(join(dist, 'Code.js'), TICKING_ADDON);
    rig = await openRig({ distDir: dist, now: NOW, clients: [['Name'], ['Ann Lee']] });
    rig.page.on('request', (request) => {
      if (request.url().includes('/api/time'))
        timeRequests.push({
          method: request.method(),
          type: request.headers()['content-type'] ?? '',
          url: request.url(),
        });
    });
  });
  afterAll(async () => {
    await rig?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const log = () =>
    rig.preview.emulator.sheets.sheetNames().includes('Log')
      ? rig.preview.emulator.sheets.values('Log').map((row) => row[0])
      : [];
  const today = () => rig.page.locator('#time-today').textContent();

  it("shows the emulated today in the sheet's zone, and no trigger yet", async () => {
    await expect(today()).resolves.toBe('Wednesday 25 November 2026, 10:00 (America/New_York)');
    await expect(rig.page.locator('#time-date').inputValue()).resolves.toBe('2026-11-25');
    await expect(rig.page.locator('#schedules').textContent()).resolves.toBe(
      'No time-driven trigger is set.',
    );
  });

  it('+1 day fires the trigger once, at its hour, and the page shows the run and the sheet', async () => {
    await rig.page.locator('#menu button', { hasText: 'Start ticking' }).click();
    await rig.page.locator('#schedules', { hasText: 'tick: every 1 day(s) at 09:' }).waitFor();
    await rig.page.getByRole('button', { name: '+1 day' }).click();
    await rig.page.locator('#time-today', { hasText: 'Thursday 26 November 2026' }).waitFor();
    await expect(rig.page.locator('#runs li').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^tick at Thursday 26 November 2026, 09:\d\d: done$/),
    ]);
    expect(log()).toEqual(['Ran Thu 2026-11-26 09']);
    await rig.page.locator('#sheet-tabs button', { hasText: 'Log' }).click();
    await expect(rig.page.locator('#grid').innerText()).resolves.toContain('Ran Thu 2026-11-26 09');
    await rig.page.locator('#outbox li', { hasText: 'Tick Thu 2026-11-26 09' }).waitFor();
  });

  it('+1 week fires each day on the way, newest first, and lists the failed run with its error', async () => {
    await rig.page.getByRole('button', { name: '+1 week' }).click();
    await rig.page.locator('#time-today', { hasText: 'Thursday 3 December 2026' }).waitFor();
    const runs = await rig.page.locator('#runs li').allTextContents();
    expect(runs).toHaveLength(8);
    expect(runs[0]).toMatch(/^tick at Thursday 3 December 2026, 09:\d\d: done$/);
    const failed = await rig.page.locator('#runs li.failed').allTextContents();
    expect(failed).toEqual([
      expect.stringMatching(
        /^tick at Sunday 29 November 2026, 09:\d\d: failed: .*Closed on Sundays/,
      ),
    ]);
    expect(log()).toEqual([
      'Ran Thu 2026-11-26 09',
      'Ran Fri 2026-11-27 09',
      'Ran Sat 2026-11-28 09',
      'Ran Sun 2026-11-29 09',
      'Ran Mon 2026-11-30 09',
      'Ran Tue 2026-12-01 09',
      'Ran Wed 2026-12-02 09',
      'Ran Thu 2026-12-03 09',
    ]);
    // Six more emails: none from the Sunday that failed.
    expect(rig.preview.emulator.mail.outbox).toHaveLength(7);
    await expect(rig.page.locator('#time-result').textContent()).resolves.toBe(
      'Moved to Thursday 3 December 2026, 10:00: 7 trigger runs on the way.',
    );
  });

  it('going back to a date runs nothing; going forward from there fires only what existed then', async () => {
    await rig.page.locator('#time-date').fill('2026-11-01');
    await rig.page.getByRole('button', { name: 'Go', exact: true }).click();
    await rig.page.locator('#time-today', { hasText: 'Sunday 1 November 2026, 10:00' }).waitFor();
    await rig.page.getByRole('button', { name: '+1 day' }).click();
    await rig.page.locator('#time-today', { hasText: 'Monday 2 November 2026' }).waitFor();
    // The trigger was created on 25 November: it never fires before that.
    expect(log()).toHaveLength(8);
    await expect(rig.page.locator('#runs li').count()).resolves.toBe(8);
  });

  it('refuses a date that does not exist, in words, and stays put', async () => {
    await rig.page.evaluate(() =>
      (
        window as unknown as { reconnectPreview: { moveTime(b: unknown): Promise<void> } }
      ).reconnectPreview.moveTime({ date: '2026-02-30' }),
    );
    await rig.page
      .locator('#time-result.error', { hasText: 'Give the date as yyyy-mm-dd.' })
      .waitFor();
    await expect(today()).resolves.toContain('Monday 2 November 2026');
  });

  it("shows a sheet hidden in Sheets as a tab marked hidden, so the add-on's records stay viewable", async () => {
    // As Sheet.hideSheet leaves it: the sheet's model is flagged hidden.
    const book = rig.preview.emulator.sheets.active() as unknown as {
      _workbook: { sheet(name: string): { hidden?: boolean } };
    };
    book._workbook.sheet('Log').hidden = true;
    await rig.page.evaluate(() =>
      (
        window as unknown as { reconnectPreview: { refresh(): Promise<void> } }
      ).reconnectPreview.refresh(),
    );
    const tab = rig.page.locator('#sheet-tabs button', { hasText: 'Log' });
    await expect(tab.textContent()).resolves.toBe('Log (hidden)');
    await expect(tab.getAttribute('class')).resolves.toBe('hidden-sheet');
    await tab.click();
    await expect(rig.page.locator('#grid').innerText()).resolves.toContain('Ran Thu 2026-11-26 09');
  });

  it('asks the server with same-origin JSON POSTs', () => {
    expect(timeRequests.length).toBeGreaterThanOrEqual(4);
    const origin = new URL(rig.preview.url).origin;
    for (const r of timeRequests) {
      expect([r.method, r.type, new URL(r.url).origin]).toEqual([
        'POST',
        'application/json',
        origin,
      ]);
    }
    expect(rig.pageErrors).toEqual([]);
  });
});
