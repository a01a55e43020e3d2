// The referral actions on a client card and the "Referrals and goals" tab, in Chromium against the preview: the Referrals and Clients sheets checked in the emulator.
import type { FrameLocator, Locator } from 'playwright-core';
import {
  clickMenu,
  describeBrowser,
  sidebar,
  openCallList,
  openRig,
  screenshot,
  sheetRecords,
  type Rig,
} from '../support/browser';

describeBrowser('referrals and goals', () => {
  let rig: Rig;
  let frame: FrameLocator;
  beforeAll(async () => {
    rig = await openRig();
    frame = await openCallList(rig.page);
  });
  afterAll(async () => {
    await rig?.close();
  });

  function card(name: string): Locator {
    return frame.locator('.card', { has: frame.locator('.card-name', { hasText: name }) });
  }
  const referrals = () => sheetRecords(rig.preview, 'Referrals');

  it('records a promise, a referral received (added to Clients), and marks it won, from the card', async () => {
    const tom = card('Tom Okafor');
    await tom.locator('.card-toggle').click();
    await tom.getByRole('button', { name: 'Promised referrals' }).click();
    await tom.getByLabel('How many people').fill('2');
    await tom.getByLabel('Incentive offered').fill('<img src=x onerror=alert(1)> 10% off');
    await tom.getByRole('button', { name: 'Record the promise' }).click();
    await tom.locator('.referral-status', { hasText: 'Recorded 2 promised referrals' }).waitFor();
    expect(referrals()).toEqual([
      expect.objectContaining({
        Referrer: 'Tom Okafor',
        'Promised Count': 2,
        Incentive: '<img src=x onerror=alert(1)> 10% off',
        Status: 'Promised',
      }),
    ]);

    await tom.getByRole('button', { name: 'Referral received' }).click();
    await tom.getByLabel('Name', { exact: true }).fill('Nia Brooks');
    await tom.getByLabel('Email', { exact: true }).fill('nia@brooks.example');
    await tom.getByRole('button', { name: 'Record the referral' }).click();
    await tom.locator('.referral-status', { hasText: 'Added Nia Brooks to Clients' }).waitFor();
    const nia = sheetRecords(rig.preview, 'Clients').find((c) => c.Name === 'Nia Brooks')!;
    expect(nia.Email).toBe('nia@brooks.example');
    expect(String(nia.Notes)).toMatch(/^Referred by Tom Okafor \(C-/);
    expect(referrals().map((r) => r.Status)).toEqual(['Received', 'Received']);

    await tom.getByRole('button', { name: 'Their referrals' }).click();
    await tom.getByRole('button', { name: 'Mark Nia Brooks won' }).click();
    await tom.getByLabel('Value of the new business (optional)').fill('800');
    await tom.getByRole('button', { name: 'Save' }).click();
    await tom.locator('.referral-who', { hasText: 'Nia Brooks: Won' }).waitFor();
    expect(referrals()[1]).toMatchObject({
      'Referred Name': 'Nia Brooks',
      Status: 'Won',
      'Won Value': 800,
    });
    await screenshot(rig.page, 'referrals-card', 'sidebar');
  });

  it('shows this month against the goal, the 12-month chart and a warm note', async () => {
    await frame.getByRole('tab', { name: 'Referrals' }).click();
    const panel = frame.locator('#panel-referrals');
    await panel.locator('.month-figures').waitFor();
    const figures = await panel.locator('.month-figures tr').allTextContents();
    expect(figures).toEqual([
      'Reconnect touches2',
      'Referral asks1',
      'Commitments1',
      'Referrals received1 of 2 needed',
      'New clients won1 of 1',
    ]);
    await expect(panel.locator('.goal-met').textContent()).resolves.toContain(
      "You reached this month's goal: 1 new client from referrals.",
    );
    await expect(panel.locator('.referrals-chart rect.bar').count()).resolves.toBe(12);
    await expect(panel.locator('.referrals-chart rect.bar.met').count()).resolves.toBe(1);
    const label = await panel.locator('.referrals-chart').getAttribute('aria-label');
    expect(label).toMatch(/1 of 1\.$/);
    // Nothing from a cell became markup anywhere in the sidebar.
    await expect(frame.locator('img').count()).resolves.toBe(0);
    await screenshot(rig.page, 'referrals-goals', 'sidebar');
  });

  it('the yearly target is a setting: 24 a year makes this month 1 of 2, and an empty box is refused', async () => {
    await frame.getByRole('tab', { name: 'Settings' }).click();
    const target = frame.getByLabel('Yearly referral target (new clients)');
    await target.waitFor();
    await expect(target.inputValue()).resolves.toBe('12');
    await target.fill('');
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await frame
      .locator('.field-error', { hasText: 'Yearly referral target (new clients) is empty' })
      .waitFor();
    await target.fill('24');
    await frame.getByLabel('Survey link').fill('https://forms.gle/abc123');
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await frame.locator('.toast span', { hasText: 'Settings saved.' }).waitFor();
    expect(rig.preview.addon.call('getSettings')).toMatchObject({
      referralTarget: 24,
      surveyLink: 'https://forms.gle/abc123',
    });
    await frame.getByRole('tab', { name: 'Referrals' }).click();
    const panel = frame.locator('#panel-referrals');
    await panel.getByRole('button', { name: 'Refresh' }).click();
    await panel.locator('.month-figures td', { hasText: '1 of 2' }).waitFor();
    await expect(panel.locator('.goal-met').count()).resolves.toBe(0);
  });

  it('the menu item "Referrals and goals" opens the sidebar on that tab', async () => {
    await clickMenu(rig.page, 'Referrals and goals');
    const tab = sidebar(rig.page).getByRole('tab', { name: 'Referrals' });
    await sidebar(rig.page).locator('#panel-referrals .month-figures').waitFor();
    await expect(tab.getAttribute('aria-selected')).resolves.toBe('true');
  });

  it('a promise not come through after 14 days: the card says why and opens the reminder email', async () => {
    const marcus = sheetRecords(rig.preview, 'Clients').find((c) => c.Name === 'Marcus Webb')!;
    const now = new Date(rig.preview.emulator.clock.nowMs());
    const promised = new Date(now.getTime() - 20 * 86400000);
    const sheet = rig.preview.emulator.sheets.values('Referrals');
    rig.preview.emulator.sheets.setSheet('Referrals', [
      ...sheet,
      [
        'R-TEST000001',
        promised,
        marcus['Client ID'],
        'Marcus Webb',
        '',
        '',
        '',
        1,
        'a free review',
        '',
        'Promised',
      ],
    ]);
    const calls = await openCallList(rig.page);
    const card = calls.locator('.card', {
      has: calls.locator('.card-name', { hasText: 'Marcus Webb' }),
    });
    await card.locator('.card-toggle').click();
    await card.locator('.follow-up', { hasText: 'Due: Remind about referrals' }).waitFor();
    await card.getByRole('button', { name: 'Write the “Referral reminder” email' }).click();
    const emails = calls.locator('#panel-emails');
    await emails.locator('select').first().waitFor();
    await expect(emails.locator('select').first().inputValue()).resolves.toBe(
      'sheet:Referral reminder',
    );
    await expect(emails.locator('select').nth(1).inputValue()).resolves.toBe('client');
    await screenshot(rig.page, 'referrals-reminder', 'sidebar');
  });

  it('Undo takes back a promise just recorded: its row, and the touch with the client', async () => {
    const calls = await openCallList(rig.page);
    const name = (await calls.locator('.card-name').allTextContents()).find(
      (n) => !['Tom Okafor', 'Marcus Webb'].includes(n),
    )!;
    const card = calls.locator('.card', { has: calls.locator('.card-name', { hasText: name }) });
    const touches = () => sheetRecords(rig.preview, 'Touches').filter((t) => t.Client === name);
    const before = { referrals: referrals(), touches: touches() };
    await card.locator('.card-toggle').click();
    await card.getByRole('button', { name: 'Promised referrals' }).click();
    await card.getByLabel('How many people').fill('1');
    await card.getByRole('button', { name: 'Record the promise' }).click();
    await card.locator('.referral-status', { hasText: 'Recorded 1 promised referral' }).waitFor();
    expect(referrals()).toHaveLength(before.referrals.length + 1);
    expect(touches()).toHaveLength(before.touches.length + 1);

    await card.locator('.referral-status').getByRole('button', { name: /^Undo/ }).click();
    await card
      .locator('.referral-status', { hasText: `Undid the promise from ${name}.` })
      .waitFor();
    expect(referrals()).toEqual(before.referrals);
    expect(touches()).toEqual(before.touches);
    await expect(card.locator('.referral-status button').count()).resolves.toBe(0);
    expect(rig.pageErrors).toEqual([]);
  });
});
