// Logging each call outcome from the sidebar and checking the Clients row and the Touches log in the emulator; undo.
import type { FrameLocator, Locator } from 'playwright-core';
import {
  cardNames,
  civil,
  clientRecord,
  describeBrowser,
  openCallList,
  openRig,
  screenshot,
  sheetRecords,
  sheetToday,
  type Rig,
} from '../support/browser';

describeBrowser('logging call outcomes', () => {
  let rig: Rig;
  let frame: FrameLocator;
  let today: string;
  beforeAll(async () => {
    rig = await openRig();
    frame = await openCallList(rig.page);
    today = sheetToday(rig.preview);
  });
  afterAll(async () => {
    await rig?.close();
  });

  function card(name: string): Locator {
    return frame.locator('.card', { has: frame.locator('.card-name', { hasText: name }) });
  }

  async function expand(name: string): Promise<Locator> {
    const c = card(name);
    await c.locator('.card-toggle').click();
    await c.locator('.outcome-buttons').waitFor();
    return c;
  }

  /** Waits for the card to leave the list and returns the toast text. */
  async function logged(name: string): Promise<string> {
    await card(name).waitFor({ state: 'detached' });
    const toast = frame.locator('.toast');
    await toast.waitFor();
    return (await toast.locator('span').textContent()) ?? '';
  }

  function touchesOf(name: string) {
    const id = clientRecord(rig.preview, name)['Client ID'];
    return sheetRecords(rig.preview, 'Touches').filter((t) => t['Client ID'] === id);
  }

  it('Reached: records the cadence and notes, moves Last Contact to today, counts toward the goal', async () => {
    const ann = await expand('Ann Lee');
    await ann.getByRole('button', { name: 'Reached' }).click();
    await ann.getByLabel('Twice a year').check();
    const note = '=HYPERLINK("http://example.com","click") wants a call in spring';
    await ann.getByLabel('Notes (optional)').fill(note);
    await ann.getByRole('button', { name: 'Log the call' }).click();
    expect(await logged('Ann Lee')).toContain('Ann Lee');

    const row = clientRecord(rig.preview, 'Ann Lee');
    expect(civil(row['Last Contact'])).toBe(today);
    expect(row.Cadence).toBe('Twice a year');
    expect(row.Status).toBe('Reconnected');
    expect(row.Touches).toBe(1);
    const [touch] = touchesOf('Ann Lee');
    expect(touch).toMatchObject({
      Channel: 'call',
      Outcome: 'reached',
      Notes: note,
      Client: 'Ann Lee',
    });
    expect(civil(touch.Date)).toBe(today);
    // The note stays text in the sheet: no formula was created.
    const formulas = rig.preview.emulator.sheets.formulas('Touches').flat();
    expect(formulas.every((f) => f === '')).toBe(true);
    await expect(frame.locator('.progress-text').textContent()).resolves.toBe(
      'Today: 1 of 5 contacts',
    );
    expect(await cardNames(frame)).not.toContain('Ann Lee');
  });

  it('Reached with a problem raised: the client goes into Recovery', async () => {
    const marcus = await expand('Marcus Webb');
    await marcus.getByRole('button', { name: 'Reached' }).click();
    await marcus.getByLabel('Yearly').check();
    await marcus.getByLabel(/They raised a problem/).check();
    await marcus.getByRole('button', { name: 'Log the call' }).click();
    await logged('Marcus Webb');
    expect(clientRecord(rig.preview, 'Marcus Webb').Status).toBe('Recovery');
    expect(touchesOf('Marcus Webb')).toMatchObject([
      { Outcome: 'raised a problem', Channel: 'call' },
    ]);
  });

  it('No answer: logs the attempt and leaves Last Contact alone', async () => {
    const before = clientRecord(rig.preview, 'Priya Raman')['Last Contact'];
    const priya = await expand('Priya Raman');
    await priya.getByRole('button', { name: 'No answer / voicemail' }).click();
    await priya.getByRole('button', { name: 'No answer', exact: true }).click();
    await logged('Priya Raman');
    expect(touchesOf('Priya Raman')).toMatchObject([{ Outcome: 'no answer', Channel: 'call' }]);
    expect(civil(clientRecord(rig.preview, 'Priya Raman')['Last Contact'])).toBe(civil(before));
    // Call first, then email: the offer appears, and "Not now" puts it away.
    const offer = frame.getByRole('region', { name: 'Follow up by email' });
    await expect(offer.textContent()).resolves.toContain('No answer from Priya Raman');
    await offer.getByRole('button', { name: 'Not now' }).click();
    await offer.waitFor({ state: 'detached' });
  });

  it('Left a voicemail: logged on the voicemail channel', async () => {
    const helen = await expand('Helen Carter');
    await helen.getByRole('button', { name: 'No answer / voicemail' }).click();
    await helen.getByRole('button', { name: 'Left a voicemail' }).click();
    await logged('Helen Carter');
    expect(touchesOf('Helen Carter')).toMatchObject([
      { Outcome: 'voicemail', Channel: 'voicemail' },
    ]);
    expect(clientRecord(rig.preview, 'Helen Carter')['Last Channel']).toBe('voicemail');
    // "Write the email" opens the Emails tab with Helen preselected as the only recipient.
    await frame
      .getByRole('region', { name: 'Follow up by email' })
      .getByRole('button', { name: 'Write the email' })
      .click();
    await expect(frame.locator('#tab-emails').getAttribute('aria-selected')).resolves.toBe('true');
    const who = frame
      .locator('#panel-emails select')
      .filter({ has: frame.locator('option[value=client]') });
    await expect(who.locator('option:checked').textContent()).resolves.toBe('Only Helen Carter');
    await screenshot(rig.page, 'emails-view', 'sidebar');
    await frame.getByRole('tab', { name: 'Calls' }).click();
  });

  it('Wrong number: the status says so', async () => {
    const robert = await expand('Robert Singh');
    await robert.getByRole('button', { name: 'Wrong number' }).click();
    await logged('Robert Singh');
    expect(clientRecord(rig.preview, 'Robert Singh').Status).toBe('Wrong number');
    expect(touchesOf('Robert Singh')).toMatchObject([{ Outcome: 'wrong number' }]);
  });

  it('Do not contact: ticks the column; Undo restores the row, removes the log entry and brings the card back', async () => {
    const mei = await expand('Mei Chen');
    await mei.getByRole('button', { name: 'Do not contact' }).click();
    await mei.getByRole('button', { name: 'Yes, do not contact' }).click();
    await logged('Mei Chen');
    expect(clientRecord(rig.preview, 'Mei Chen')['Do Not Contact']).toBe(true);
    expect(touchesOf('Mei Chen')).toHaveLength(1);
    await screenshot(rig.page, 'toast-with-undo', 'sidebar');

    await frame.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await card('Mei Chen').waitFor();
    await expect(frame.locator('.toast span').textContent()).resolves.toMatch(/^Undid/);
    expect(clientRecord(rig.preview, 'Mei Chen')['Do Not Contact']).toBe(false);
    expect(touchesOf('Mei Chen')).toHaveLength(0);
    // Earlier touches are untouched by the undo.
    expect(touchesOf('Ann Lee')).toHaveLength(1);
    expect(rig.pageErrors).toEqual([]);
    expect(rig.dialogs).toEqual([]);
  });

  it('a row that now holds someone else: nothing is logged, the error names them, the list reloads', async () => {
    const [name] = await cardNames(frame);
    const c = await expand(name);
    await c.getByRole('button', { name: 'Reached' }).click();
    // The notes box takes as much as a cell holds.
    await expect(c.getByLabel('Notes (optional)').getAttribute('maxlength')).resolves.toBe('50000');
    const values = rig.preview.emulator.sheets.values('Clients');
    const header = values[0].map(String);
    const row = values.find((r) => r[header.indexOf('Name')] === name)!;
    row[header.indexOf('Name')] = 'Zed Quinn';
    row[header.indexOf('First Name')] = 'Zed';
    row[header.indexOf('Email')] = 'zed@example.com';
    rig.preview.emulator.sheets.setSheet('Clients', values, { frozenRows: 1 });
    const logged = sheetRecords(rig.preview, 'Touches').length;
    await c.getByRole('button', { name: 'Wrong number' }).click();
    await frame.locator('.error-toast').waitFor();
    await expect(frame.locator('.error-toast .error-message').textContent()).resolves.toContain(
      `now holds Zed Quinn, not ${name}`,
    );
    await card('Zed Quinn').waitFor();
    expect(sheetRecords(rig.preview, 'Touches')).toHaveLength(logged);
    expect(clientRecord(rig.preview, 'Zed Quinn').Status).not.toBe('Wrong number');
  });
});
