// The Weekly batches panel in Chromium against the real server: open it from the menu, save, watch a week go by with time travel (outbox, Activity sheet), pause.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import {
  clickMenu,
  clientRecord,
  describeBrowser,
  openRig,
  SCREENSHOTS,
  screenshot,
  sheetRecords,
  sidebar,
  type Rig,
} from '../support/browser';
import { CLIENT_HEADERS, demoClientRows, type Cell } from '../../dev/preview/demo';

/** Wednesday 25 November 2026, 10:00 in New York (the preview sheet's zone). */
const NOW = '2026-11-25T15:00:00Z';
const HOSTILE = '<img src=x onerror=alert(1)>';
const OWNER = 'owner@example.com';

/** The demo sheet, with the most valuable long-silent client named in markup. */
function clientRows(): Cell[][] {
  const rows = demoClientRows(new Date(NOW));
  const name = CLIENT_HEADERS.indexOf('Name');
  const peter = rows.find((r) => r[name] === 'Peter Larsen');
  if (!peter) throw new Error('The demo has no Peter Larsen');
  peter[name] = HOSTILE;
  return rows;
}

/** "Name <address>" as the panel lists a client of the next batch. */
function parseClient(text: string): { name: string; to: string } {
  const match = /^(.*) <([^<>]+)>$/.exec(text.trim());
  if (!match) throw new Error(`Not "name <address>": ${text}`);
  return { name: match[1], to: match[2] };
}

describeBrowser('the Weekly batches panel', () => {
  let rig: Rig;
  let frame: FrameLocator;
  /** Who the panel said the next batch reaches, in order. */
  let batch: Array<{ name: string; to: string }> = [];

  const triggers = () =>
    rig.preview.emulator.triggers.triggers.filter((t) => t.handler === 'runScheduledBatch');
  const sentToClients = () =>
    rig.preview.emulator.mail.outbox.filter((m) => m.kind === 'sent' && m.to !== OWNER);

  beforeAll(async () => {
    rig = await openRig({ now: NOW, clients: clientRows() });
    // The templates sign with {{My Name}}; a user sets it once in Settings.
    rig.preview.addon.call('saveSettings', [{ myName: 'Sam Carter' }], 'FULL');
    await clickMenu(rig.page, 'Weekly batches');
    frame = sidebar(rig.page);
    await frame.getByRole('button', { name: 'Save schedule' }).waitFor();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('opens from the menu on the Weekly tab: off, no trigger, ten a week by default', async () => {
    await expect(
      frame.getByRole('tab', { name: 'Weekly' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await expect(frame.locator('.state-label').textContent()).resolves.toBe('Off');
    await expect(frame.getByLabel('Clients per batch').inputValue()).resolves.toBe('10');
    const templates = await frame
      .getByLabel('Reconnect campaign template')
      .locator('option')
      .allTextContents();
    expect(templates).toContain('Reconnect apology');
    expect(templates.some((t) => t.includes('letter'))).toBe(false);
    expect(triggers()).toHaveLength(0);
  });

  it('saves a schedule: on (read from the real trigger), its next run, and who the next batch reaches', async () => {
    await frame.getByLabel('Day').selectOption({ label: 'Thursday' });
    await frame.getByLabel('Hour').selectOption({ label: '09:00' });
    await frame
      .getByLabel('Reconnect campaign template')
      .selectOption({ label: 'Reconnect apology' });
    await frame.getByLabel('Send the emails').check();
    await frame.getByLabel('Email me a summary after each run that did something').check();
    await frame.getByRole('button', { name: 'Save schedule' }).click();
    await frame.locator('.status-on').waitFor();

    await frame.locator('.toast', { hasText: 'Schedule saved: weekly batches are on.' }).waitFor();
    const status = await frame.locator('.schedule-status').innerText();
    expect(status).toContain('Every Thursday, between 09:00 and 10:00');
    expect(status).toContain('Next run: Thursday 26 November, between 09:00 and 10:00.');
    expect(status).toContain(`Sends from your Gmail (${OWNER})`);
    expect(triggers()).toHaveLength(1);

    batch = (await frame.locator('.batch-list .batch-name').allTextContents()).map(parseClient);
    expect(batch).toHaveLength(10);
    await expect(frame.locator('.schedule-batch h3').textContent()).resolves.toBe('Next batch: 10');
    // The most valuable long-silent client leads, and a name in markup stays text.
    expect(batch[0]).toEqual({ name: HOSTILE, to: 'peter@larsenboats.com' });
    expect(await frame.locator('.schedule img').count()).toBe(0);
    expect(rig.dialogs).toEqual([]);
    await expect(frame.locator('.campaign-counts').textContent()).resolves.toMatch(
      /^0 clients reached, \d+ to go\.$/,
    );
    await expect(frame.locator('.campaign-end').textContent()).resolves.toMatch(
      /^At 10 clients a week, done by the week of \d{1,2} \w+ \d{4}\.$/,
    );
  });

  it('a week of time travel: the batch goes out from my Gmail, one Activity row, a summary to me', async () => {
    expect(sentToClients()).toHaveLength(0);
    await rig.page.getByRole('button', { name: '+1 week' }).click();
    await rig.page.locator('#runs li', { hasText: 'runScheduledBatch' }).first().waitFor();
    // Waits: the page relabels today after the click's round trip, not at once.
    await rig.page.locator('#time-today', { hasText: 'Wednesday 2 December 2026' }).waitFor();
    expect(await rig.page.locator('#runs li.failed').count()).toBe(0);
    await expect(rig.page.locator('#time-result').textContent()).resolves.toMatch(
      /trigger runs? on the way\. The open sidebar shows it after its Refresh, as in Sheets\.$/,
    );

    const sent = sentToClients();
    expect(sent.map((m) => m.to).sort()).toEqual(batch.map((c) => c.to).sort());
    const outboxText = await rig.page.locator('#outbox').innerText();
    for (const c of batch) expect(outboxText).toContain(`Sent to ${c.to}`);
    for (const c of batch.slice(1)) {
      expect([c.name, String(clientRecord(rig.preview, c.name)['Merge Status'])]).toEqual([
        c.name,
        'Sent 2026-11-26: Reconnect apology',
      ]);
    }
    expect(rig.preview.emulator.mail.outbox.some((m) => m.to === OWNER)).toBe(true);

    const activity = sheetRecords(rig.preview, 'Activity');
    const sentColumn = Object.keys(activity[0] ?? {}).find((h) => /^sent$/i.test(h));
    expect(sentColumn).toBeDefined();
    expect(activity.filter((row) => Number(row[sentColumn!]) === 10)).toHaveLength(1);
    await rig.page.locator('#sheet-tabs button', { hasText: 'Activity' }).click();
    await expect(rig.page.locator('#grid tr.header').innerText()).resolves.toMatch(/Sent/);

    await frame.getByRole('button', { name: 'Refresh' }).click();
    await frame.locator('.campaign-counts', { hasText: /^10 clients reached/ }).waitFor();
    await expect(frame.locator('.last-run').textContent()).resolves.not.toBe('No run yet.');
    await expect(frame.locator('.batch-list .batch-name').allTextContents()).resolves.not.toContain(
      `${batch[1].name} <${batch[1].to}>`,
    );
    await screenshot(rig.page, 'weekly-after-a-week');
    // The README's picture (as test/browser/readme.test.ts makes the others; copied to docs/ by hand).
    const dismiss = frame.locator('.toast .dismiss');
    if (await dismiss.count()) await dismiss.click();
    await rig.page.setViewportSize({ width: 1100, height: 680 });
    const readme = join(SCREENSHOTS, 'readme');
    mkdirSync(readme, { recursive: true });
    await rig.page.screenshot({ path: join(readme, 'weekly.png') });
    expect(statSync(join(readme, 'weekly.png')).size).toBeGreaterThan(10_000);
    await rig.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('pause: off at once, its trigger deleted, and a week later nothing more is sent', async () => {
    const before = sentToClients().length;
    await frame.getByRole('button', { name: 'Pause' }).click();
    await frame.locator('.status-paused').waitFor();
    await frame.locator('.toast', { hasText: 'Weekly batches paused.' }).waitFor();
    expect(triggers()).toHaveLength(0);
    await expect(frame.getByRole('button', { name: 'Resume' }).isVisible()).resolves.toBe(true);

    await rig.page.getByRole('button', { name: '+1 week' }).click();
    await rig.page.locator('#time-today', { hasText: 'Wednesday 9 December 2026' }).waitFor();
    expect(sentToClients()).toHaveLength(before);
    await frame.getByRole('button', { name: 'Refresh' }).click();
    await frame.locator('.status-paused').waitFor();
    expect(rig.pageErrors).toEqual([]);
  });
});
