// A day of calls in Chromium (issue 11): each outcome's words and trace on the card, an honest goal, why a search lists no one, the list fresh after a merge, and the keyboard.
import type { FrameLocator, Locator } from 'playwright-core';
import {
  clickMenu,
  clientRecord,
  describeBrowser,
  openCallList,
  openRig,
  screenshot,
  type Rig,
} from '../support/browser';

const NOW = '2026-11-25T15:00:00Z';

/** A date cell as yyyy-MM-dd in the preview's zone (America/New_York). */
const civilOf = (value: unknown): string =>
  value instanceof Date
    ? new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(value)
    : String(value ?? '');

describeBrowser('a day of calls', () => {
  let rig: Rig;
  let frame: FrameLocator;
  beforeAll(async () => {
    rig = await openRig({ now: NOW });
    frame = await openCallList(rig.page);
  });
  afterAll(async () => {
    await rig?.close();
  });

  const card = (name: string): Locator =>
    frame.locator('.card', { has: frame.locator('.card-name', { hasText: name }) });
  const goal = () => frame.locator('.progress-text').textContent();

  async function expand(name: string): Promise<Locator> {
    const c = card(name);
    await c.locator('.card-toggle').click();
    await c.locator('.outcome-buttons').waitFor();
    return c;
  }

  async function toastAfter(name: string): Promise<string> {
    await card(name).waitFor({ state: 'detached' });
    return (await frame.locator('.toast span').textContent()) ?? '';
  }

  async function search(text: string): Promise<void> {
    const box = frame.getByLabel('Search');
    await box.fill(text);
    await box.press('Enter');
    await frame.locator('.cards li.card, .empty').first().waitFor();
    await frame.locator('.panel-calls[aria-busy="true"]').waitFor({ state: 'detached' });
  }

  it('No answer: its own words, no contact counted, the offer says no answer, and the card shows the try', async () => {
    const priya = await expand('Priya Raman');
    await priya.getByRole('button', { name: 'No answer / voicemail' }).click();
    await priya.getByRole('button', { name: 'No answer', exact: true }).click();
    expect(await toastAfter('Priya Raman')).toBe(
      'No answer from Priya Raman: try again in 3 days.',
    );
    await expect(goal()).resolves.toBe('Today: 0 of 5 contacts');
    await expect(frame.locator('.banner p').textContent()).resolves.toMatch(
      /^No answer from Priya Raman\./,
    );
    await search('Priya');
    await expect(card('Priya Raman').locator('.card-tried').textContent()).resolves.toBe(
      'Tried today: no answer',
    );
    await search('');
  });

  it('Voicemail: the offer says a voicemail was left, and it counts', async () => {
    const tom = await expand('Marcus Webb');
    await tom.getByRole('button', { name: 'No answer / voicemail' }).click();
    await tom.getByRole('button', { name: 'Left a voicemail' }).click();
    expect(await toastAfter('Marcus Webb')).toBe('Left a voicemail for Marcus Webb.');
    await expect(frame.locator('.banner p').textContent()).resolves.toMatch(
      /^Voicemail left for Marcus Webb\./,
    );
    await expect(goal()).resolves.toBe('Today: 1 of 5 contacts');
  });

  it('Wrong number: not a contact, and the phone is no longer a link', async () => {
    const helen = await expand('Helen Carter');
    await helen.getByRole('button', { name: 'Wrong number' }).click();
    expect(await toastAfter('Helen Carter')).toBe(
      'Wrong number for Helen Carter: marked in Status.',
    );
    await expect(goal()).resolves.toBe('Today: 1 of 5 contacts');
    await search('Helen Carter');
    const phone = card('Helen Carter').locator('.card-phone');
    await expect(phone.evaluate((n) => n.tagName)).resolves.toBe('SPAN');
    await expect(phone.textContent()).resolves.toContain('(wrong number)');
    await search('');
  });

  it('Reached: counts, and the card says "Contacted today"', async () => {
    const ann = await expand('Ann Lee');
    await ann.getByRole('button', { name: 'Reached' }).click();
    await ann.getByRole('button', { name: 'Log the call' }).click();
    expect(await toastAfter('Ann Lee')).toBe('Logged a call with Ann Lee.');
    await expect(goal()).resolves.toBe('Today: 2 of 5 contacts');
    await search('Ann Lee');
    await expect(card('Ann Lee').locator('.card-since').textContent()).resolves.toBe(
      'Contacted today',
    );
    await search('');
  });

  it('Do not contact: not counted, Last Contact and Next Due untouched', async () => {
    const before = clientRecord(rig.preview, 'Daniel Kim');
    const daniel = await expand('Daniel Kim');
    await daniel.getByRole('button', { name: 'Do not contact' }).click();
    await daniel.getByRole('button', { name: 'Yes, do not contact' }).click();
    expect(await toastAfter('Daniel Kim')).toBe(
      'Daniel Kim is marked Do not contact: no more calls or emails.',
    );
    await expect(goal()).resolves.toBe('Today: 2 of 5 contacts');
    const after = clientRecord(rig.preview, 'Daniel Kim');
    expect(after['Do Not Contact']).toBe(true);
    expect(after['Last Contact']).toEqual(before['Last Contact']);
    expect(after['Next Due'] ?? '').toEqual(before['Next Due'] ?? '');
  });

  it('an invalid email is said on the card, and notices are at the top', async () => {
    await search('Laura Becker');
    await expect(card('Laura Becker').locator('.card-email').textContent()).resolves.toMatch(
      /^Email is invalid/,
    );
    await search('');
    const order = await frame
      .locator('.panel-calls')
      .evaluate((panel) =>
        Array.from(panel.querySelectorAll('.notices, .cards')).map((n) => n.className),
      );
    expect(order).toEqual(['notices', 'cards']);
  });

  it('a search says why it lists no one: Do Not Contact, or the group chip', async () => {
    await search('Oliver Grant');
    await expect(frame.locator('.empty').textContent()).resolves.toContain(
      'Oliver Grant matches “Oliver Grant” but is marked Do Not Contact',
    );
    await search('');
    await frame.locator('.chip.filter[data-filter="under6m"], .chip.filter').nth(1).click();
    const label = (await frame.locator('.chip.filter[aria-pressed="true"]').textContent()) ?? '';
    await search('Noah Fischer');
    const empty = frame.locator('.empty');
    await expect(empty.textContent()).resolves.toContain(
      `No client in ${label.replace(/\s[\d,]+$/, '')} matches “Noah Fischer”.`,
    );
    await empty.getByRole('button', { name: 'Search all clients' }).click();
    await card('Noah Fischer').waitFor();
    await search('');
  });

  it('Undo is one Shift+Tab from the card focused after logging, and the toast covers no card', async () => {
    const c = await expand('Samuel Brooks');
    await c.getByRole('button', { name: 'No answer / voicemail' }).click();
    await c.getByRole('button', { name: 'No answer', exact: true }).click();
    await card('Samuel Brooks').waitFor({ state: 'detached' });
    let presses = 0;
    while (presses < 40) {
      presses += 1;
      await rig.page.keyboard.press('Shift+Tab');
      const onUndo = await frame
        .locator(':focus')
        .evaluate((n) => n.textContent === 'Undo')
        .catch(() => false);
      if (onUndo) break;
    }
    expect(presses).toBe(1);
    const room = await frame
      .locator('.panels')
      .evaluate((n) => parseFloat(getComputedStyle(n).paddingBottom));
    expect(room).toBeGreaterThanOrEqual(60);
    await rig.page.keyboard.press('Enter');
    await frame.locator('.toast span', { hasText: /^Undid/ }).waitFor();
  });

  it('after a merge the Calls tab is read again: the goal counts the emails', async () => {
    await frame.getByRole('tab', { name: 'Emails' }).click();
    await frame.getByLabel('Template').selectOption({ label: 'Reconnect apology' });
    await frame.getByLabel('Who').selectOption({ label: 'Top of the call list' });
    await frame.getByLabel('How many').fill('2');
    await frame.getByLabel('How many').dispatchEvent('change');
    await frame.getByLabel('Your name').fill('Sam Carter');
    await frame.getByRole('button', { name: 'Preview', exact: true }).click();
    const send = frame.getByRole('button', { name: 'Send 2 emails' });
    await send.click();
    // Escape cancels the confirmation and gives the focus back to Send.
    await frame.getByRole('button', { name: 'Yes, send 2 emails' }).waitFor();
    await rig.page.keyboard.press('Escape');
    await expect(frame.getByRole('button', { name: 'Yes, send 2 emails' }).count()).resolves.toBe(
      0,
    );
    await expect(send.evaluate((n) => n === document.activeElement)).resolves.toBe(true);
    await send.click();
    await frame.getByRole('button', { name: 'Yes, send 2 emails' }).click();
    await frame.locator('.outcomes li').first().waitFor();
    await frame.getByRole('tab', { name: 'Calls' }).click();
    await frame.locator('.progress-text', { hasText: 'Today: 4 of 5 contacts' }).waitFor();
    await screenshot(rig.page, 'day-of-calls', 'sidebar');
  });

  it('"Your name" typed in the Emails tab is remembered', async () => {
    await clickMenu(rig.page, 'Send reconnect emails');
    await expect(frame.getByLabel('Your name').inputValue()).resolves.toBe('Sam Carter');
  });

  it('Settings: a currency it does not know is said under Currency, and a later save clears every error', async () => {
    await frame.getByRole('tab', { name: 'Settings' }).click();
    const currency = frame.getByLabel('Currency');
    await currency.fill('dollars');
    await frame.getByRole('button', { name: 'Save settings' }).click();
    const error = frame.locator('.field', { has: currency }).locator('.field-error');
    await expect(error.textContent()).resolves.toMatch(/^Currency: "dollars" is not a currency/);
    await expect(frame.locator('.errors').textContent()).resolves.toBe('');
    // A save that fails on the server shows an error at the top; the next save that works clears it.
    await currency.fill('USD');
    rig.preview.emulator.kernel.injectFault({
      method: 'Properties.setProperty',
      message: 'Service error: Properties',
    });
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await frame.locator('.errors .error-message').waitFor();
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await frame.locator('.form-status .saved', { hasText: 'Settings saved.' }).waitFor();
    await expect(frame.locator('.field-error:visible, .errors *').count()).resolves.toBe(0);
  });

  it("an expanded card shows the client's recent touches from the Touches log", async () => {
    await frame.getByRole('tab', { name: 'Calls' }).click();
    await search('Priya Raman');
    const priya = await expand('Priya Raman');
    const history = priya.locator('.history');
    await history.locator('.history-list').waitFor();
    await expect(history.locator('.history-summary').textContent()).resolves.toBe(
      'No conversation logged yet; 1 try since. Last outcome: no answer.',
    );
    await expect(history.locator('.history-list li').allTextContents()).resolves.toEqual([
      '2026-11-25 call: no answer',
    ]);
    await screenshot(rig.page, 'card-history', 'sidebar');
    await search('');
  });

  it('"Snooze a week" and "Call back on" set Next Due and take the card off today\'s list', async () => {
    const jw = await expand('James Whitfield');
    await jw.getByRole('button', { name: 'Snooze a week' }).click();
    expect(await toastAfter('James Whitfield')).toBe('Snoozed James Whitfield until 2026-12-02.');
    expect(civilOf(clientRecord(rig.preview, 'James Whitfield')['Next Due'])).toBe('2026-12-02');
    const mei = await expand('Mei Chen');
    await mei.getByRole('button', { name: 'Call back on…' }).click();
    await mei.getByLabel('Call back on').fill('2026-12-10');
    await mei.getByRole('button', { name: 'Set the date' }).click();
    expect(await toastAfter('Mei Chen')).toBe('Call back Mei Chen on 2026-12-10.');
    expect(civilOf(clientRecord(rig.preview, 'Mei Chen')['Next Due'])).toBe('2026-12-10');
    await expect(goal()).resolves.toBe('Today: 4 of 5 contacts');
  });

  it('after Reached, the follow-up email is offered for that client and is not skipped as just contacted', async () => {
    await frame.getByRole('tab', { name: 'Calls' }).click();
    const kwame = await expand('Kwame Mensah');
    await kwame.getByRole('button', { name: 'Reached' }).click();
    await kwame.getByRole('button', { name: 'Log the call' }).click();
    await card('Kwame Mensah').waitFor({ state: 'detached' });
    const offer = frame.locator('.banner');
    await expect(offer.locator('p').textContent()).resolves.toBe(
      'Reached Kwame Mensah. Send "Follow-up after a call" while the call is fresh?',
    );
    await offer.getByRole('button', { name: 'Write the follow-up' }).click();
    await expect(frame.getByLabel('Template').inputValue()).resolves.toBe(
      'sheet:Follow-up after a call',
    );
    await expect(frame.getByLabel('Who').locator('option:checked').textContent()).resolves.toBe(
      'Only Kwame Mensah',
    );
    await frame.getByRole('button', { name: 'Preview', exact: true }).click();
    const summary = frame.locator('.merge .summary');
    await expect(summary.textContent()).resolves.toBe('1 email ready, 0 skipped.');
    await expect(frame.locator('.merge .audience-warning:visible').count()).resolves.toBe(0);
  });

  it('the follow-up chosen for a client silent for years is a warning in the preview and at the confirmation', async () => {
    await frame.getByRole('tab', { name: 'Calls' }).click();
    const oliver = await expand('Victor Petrov');
    await oliver.getByRole('button', { name: 'No answer / voicemail' }).click();
    await oliver.getByRole('button', { name: 'No answer', exact: true }).click();
    await card('Victor Petrov').waitFor({ state: 'detached' });
    await frame.locator('.banner').getByRole('button', { name: 'Write the email' }).click();
    await frame.getByLabel('Template').selectOption({ label: 'Follow-up after a call' });
    await frame.getByRole('button', { name: 'Preview', exact: true }).click();
    const warnings = frame.locator('.merge .audience-warning:visible');
    await warnings.first().waitFor();
    await expect(warnings.allTextContents()).resolves.toEqual([
      '1 of 1 goes to a client "Follow-up after a call" is not for (Reached in the last few days). Check each one below.',
      expect.stringMatching(
        /^Victor Petrov was last contacted .* ago: "Follow-up after a call" is for clients reached in the last few days\.$/,
      ),
    ]);
    await frame.getByRole('button', { name: 'Send 1 email' }).click();
    await expect(frame.locator('.merge .actions .audience-warning').textContent()).resolves.toBe(
      '1 of these goes to a client this template is not for.',
    );
    await rig.page.keyboard.press('Escape');
    expect(rig.preview.emulator.mail.outbox.filter((m) => m.to.includes('petrov'))).toEqual([]);
  });
});
