// Letters in Chromium: the print dialog lays out one letter a page, and the letters the user ticks become letter touches in the sheet.
import type { FrameLocator } from 'playwright-core';
import {
  clickMenu,
  clientRecord,
  civil,
  describeBrowser,
  openRig,
  screenshot,
  sheetRecords,
  sheetToday,
  sidebar,
  type Rig,
} from '../support/browser';

const LETTERS = 3;

describeBrowser('printing letters', () => {
  let rig: Rig;
  let frame: FrameLocator;
  let dialog: FrameLocator;
  let names: string[] = [];
  let listedBefore: string[] = [];

  beforeAll(async () => {
    rig = await openRig({ now: '2026-11-25T15:00:00Z' });
    await clickMenu(rig.page, 'Send reconnect emails');
    frame = sidebar(rig.page);
    // The Calls tab read once before the letters, as a user would look at it first.
    await frame.getByRole('tab', { name: 'Calls' }).click();
    await frame.locator('.card-name').first().waitFor();
    listedBefore = await frame.locator('.card-name').allTextContents();
    await frame.getByRole('tab', { name: 'Emails' }).click();
    await frame.getByLabel('Template').selectOption({ label: 'Letter from the heart (letter)' });
    await frame.getByLabel('How many').fill(String(LETTERS));
    await frame.getByLabel('Your name').fill('Sam Carter');
    await frame.getByRole('button', { name: 'Preview', exact: true }).click();
    await frame.locator('#panel-emails .summary').waitFor();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('previews letters (no email mode, no sender) and opens the print dialog', async () => {
    await expect(frame.locator('#panel-emails .summary').textContent()).resolves.toBe(
      `${LETTERS} letters ready, 0 skipped.`,
    );
    await expect(frame.getByText('Send now').isVisible()).resolves.toBe(false);
    await frame.getByRole('button', { name: 'Print letters…' }).click();
    await rig.page.locator('#overlay:not([hidden])').waitFor();
    await expect(rig.page.locator('#dialog-title').textContent()).resolves.toBe('Print letters');
    dialog = rig.page.frameLocator('#dialog-frame');
    await dialog.locator('article.letter').first().waitFor();
    names = (await dialog
      .locator('article.letter')
      .evaluateAll((els) =>
        els.map((e) => (e.getAttribute('aria-label') ?? '').replace(/^Letter to /, '')),
      )) as string[];
    expect(names).toHaveLength(LETTERS);
    for (const [i, name] of names.entries()) {
      const text = await dialog.locator('article.letter .text').nth(i).textContent();
      expect(text!.startsWith(`Dear ${name.split(' ')[0]},`)).toBe(true);
      expect(text).not.toContain('{{');
      expect(text!.trim().endsWith('With sincere thanks,\n\nSam Carter')).toBe(true);
    }
    await expect(dialog.locator('article.letter .date').first().textContent()).resolves.toBe(
      '25 November 2026',
    );
    await screenshot(rig.page, 'letters');
  });

  it('prints one letter a page, without the buttons and tick boxes', async () => {
    // The dialog's own page, printed to PDF as the browser's print would lay it out.
    const page = await rig.context.newPage();
    try {
      await page.goto(`${rig.preview.url}dialog/0`);
      await page.locator('article.letter').first().waitFor();
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.controls').isVisible()).resolves.toBe(false);
      await expect(page.locator('.posted').first().isVisible()).resolves.toBe(false);
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
      expect(pages).toHaveLength(LETTERS);
    } finally {
      await page.close();
    }
  });

  it('logs a letter touch for each ticked letter, and only those', async () => {
    const today = sheetToday(rig.preview);
    await dialog.getByLabel(`Posted to ${names[2]}`).uncheck();
    await dialog.getByRole('button', { name: 'Log the ticked letters as sent' }).click();
    await dialog.getByText(`Logged ${LETTERS - 1} letters.`).waitFor();
    const touches = sheetRecords(rig.preview, 'Touches');
    expect(touches.map((t) => [t.Client, t.Channel, t.Step, civil(t.Date)])).toEqual(
      names.slice(0, 2).map((n) => [n, 'letter', 'Letter from the heart', today]),
    );
    for (const name of names.slice(0, 2)) {
      const client = clientRecord(rig.preview, name);
      expect(client['Merge Status']).toBe(`Letter sent ${today}: Letter from the heart`);
      expect(civil(client['Last Contact'])).toBe(today);
    }
    expect(clientRecord(rig.preview, names[2])['Merge Status']).toBe('');
    expect(rig.preview.emulator.mail.outbox).toHaveLength(0);
    expect(rig.dialogs).toEqual([]);
    expect(rig.pageErrors).toEqual([]);
  });

  it('the Calls tab, shown after the dialog, no longer lists the clients just written to', async () => {
    // The letters went to the clients the Calls tab showed first: they were due.
    expect(listedBefore).toEqual(expect.arrayContaining(names));
    await rig.page.locator('#dialog-close').click();
    await frame.getByRole('tab', { name: 'Calls' }).click();
    for (const name of names.slice(0, 2))
      await frame.locator('.card-name', { hasText: name }).waitFor({ state: 'detached' });
    // The letter not ticked as posted is still due.
    await frame.locator('.card-name', { hasText: names[2] }).waitFor();
    expect(rig.pageErrors).toEqual([]);
  });
});
