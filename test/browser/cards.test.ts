// Cards with awkward data at 300 px: very long names and companies, no phone, no email, never contacted, a 5,000-character note; Escape steps back.
import type { Frame, FrameLocator, Locator } from 'playwright-core';
import {
  describeBrowser,
  openCallList,
  openRig,
  sheetRecords,
  sidebarFrame,
  type Rig,
} from '../support/browser';
import { CLIENT_HEADERS } from '../../dev/preview/demo';

const LONG_NAME = 'Maximilian Alexander Bartholomew-Fitzgerald von Hohenzollern-Sigmaringen';
const LONG_COMPANY =
  'The Extraordinarily Long Company Name of International Consulting and Logistics Holdings Ltd';
const LONG_EMAIL =
  'max.bartholomew-fitzgerald.hohenzollern@extraordinarilylongcompanyname-consulting.example.com';
const SHEET_NOTE = `Met at the fair. ${'Talked about the new warehouse and the move. '.repeat(40)}`;
const old = new Date('2021-01-10T17:00:00Z');

describeBrowser('cards with awkward data', () => {
  let rig: Rig;
  let frame: FrameLocator;
  let doc: Frame;
  beforeAll(async () => {
    rig = await openRig({
      clients: [
        [...CLIENT_HEADERS],
        ['', LONG_NAME, LONG_COMPANY, LONG_EMAIL, '', old, 48000, '', '', false, SHEET_NOTE],
        ['', 'Nora Nophone', 'No Phone Ltd', 'nora@nophone.com', '', old, 900, '', '', false, ''],
        ['', 'Eli Noemail', 'No Email Co', '', '555-010-0001', old, 800, '', '', false, ''],
        [
          '',
          'Zoe Never',
          'Never Called',
          'zoe@never.com',
          '555-010-0002',
          '',
          700,
          '',
          '',
          false,
          '',
        ],
      ],
    });
    frame = await openCallList(rig.page);
    doc = await sidebarFrame(rig.page);
  });
  afterAll(async () => {
    await rig?.close();
  });

  const card = (name: string): Locator =>
    frame.locator('.card', { has: frame.locator('.card-name', { hasText: name }) });

  it('keeps every card inside 300 px and clamps long names and companies to a few lines', async () => {
    const long = card('Maximilian');
    await long.locator('.card-toggle').click();
    await long.locator('.outcome-buttons').waitFor();
    // Nothing in the sidebar is wider than the sidebar.
    const overflow = await doc.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    const lines = async (locator: Locator) =>
      locator.evaluate((e) =>
        Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)),
      );
    expect(await lines(long.locator('.card-name'))).toBeLessThanOrEqual(3);
    expect(await lines(long.locator('.card-company'))).toBeLessThanOrEqual(2);
    // Clamped text stays whole for screen readers and on hover.
    await expect(long.locator('.card-name').textContent()).resolves.toBe(LONG_NAME);
    await expect(long.locator('.card-company').getAttribute('title')).resolves.toBe(LONG_COMPANY);
    await expect(long.locator('.card-email').getAttribute('title')).resolves.toBe(LONG_EMAIL);
  });

  it("shows the sheet's notes, clamped, with a button to read them all", async () => {
    const long = card('Maximilian');
    const notes = long.locator('.notes-text');
    await expect(notes.textContent()).resolves.toBe(SHEET_NOTE.trim());
    const clamped = await notes.evaluate((e) => e.getBoundingClientRect().height);
    const more = long.locator('.notes button');
    await expect(more.textContent()).resolves.toBe('Show all notes');
    await more.click();
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(more.textContent()).resolves.toBe('Show fewer');
    const open = await notes.evaluate((e) => e.getBoundingClientRect().height);
    expect(open).toBeGreaterThan(clamped * 3);
  });

  it('Escape closes the open outcome form, then the card, returning focus each time', async () => {
    const long = card('Maximilian');
    await long.getByRole('button', { name: 'Reached' }).click();
    await long.locator('.reached-form').waitFor();
    await rig.page.keyboard.press('Escape');
    await long.locator('.reached-form').waitFor({ state: 'detached' });
    await expect(doc.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Reached');
    await rig.page.keyboard.press('Escape');
    await expect(long.locator('.card-toggle').getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(
      long.locator('.card-toggle').evaluate((e) => e === document.activeElement),
    ).resolves.toBe(true);
  });

  it('says plainly when a phone number or an email is missing', async () => {
    await expect(card('Nora Nophone').locator('.card-missing').textContent()).resolves.toBe(
      'No phone number',
    );
    await expect(card('Nora Nophone').locator('a.card-phone').count()).resolves.toBe(0);
    await expect(card('Eli Noemail').locator('.card-missing').textContent()).resolves.toBe(
      'No email',
    );
  });

  it('never contacted: says so on the card and the script does not invent a gap', async () => {
    const zoe = card('Zoe Never');
    await expect(zoe.locator('.card-since').textContent()).resolves.toBe('No contact recorded');
    await zoe.locator('.card-toggle').click();
    await expect(zoe.locator('.script').textContent()).resolves.toContain(
      'it has been far too long since we last spoke',
    );
    await zoe.locator('.card-toggle').click();
  });

  it('logs a 5,000-character note whole', async () => {
    const nora = card('Nora Nophone');
    await nora.locator('.card-toggle').click();
    await nora.getByRole('button', { name: 'Reached' }).click();
    const note = `Long call. ${'x'.repeat(4989)}`;
    expect(note).toHaveLength(5000);
    await nora.getByLabel('Notes (optional)').fill(note);
    await nora.getByRole('button', { name: 'Log the call' }).click();
    await nora.waitFor({ state: 'detached' });
    const logged = sheetRecords(rig.preview, 'Touches').find((t) => t.Notes === note);
    expect(logged).toBeDefined();
  });

  it('Ctrl+Z undoes the last touch while its toast shows, without reaching for the mouse', async () => {
    await expect(frame.locator('.toast .undo').getAttribute('aria-keyshortcuts')).resolves.toBe(
      'Control+Z',
    );
    await rig.page.keyboard.press('Control+z');
    await card('Nora Nophone').waitFor();
    await frame.locator('.toast', { hasText: /^Undid the .*Nora Nophone/ }).waitFor();
    const notes = sheetRecords(rig.preview, 'Touches').map((t) => String(t.Notes));
    expect(notes.some((n) => n.startsWith('Long call.'))).toBe(false);
    expect(rig.pageErrors).toEqual([]);
  });
});
