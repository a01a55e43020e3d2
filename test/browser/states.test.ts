// The sidebar's other states in Chromium: everyone caught up, a sheet it cannot read, and the Settings tab.
import {
  clickMenu,
  describeBrowser,
  openCallList,
  openRig,
  screenshot,
  sidebar,
  type Rig,
} from '../support/browser';
import { CLIENT_HEADERS } from '../../dev/preview/demo';

const recent = new Date('2026-10-01T17:00:00Z');

describeBrowser('sidebar states', () => {
  describe('everyone caught up', () => {
    let rig: Rig;
    beforeAll(async () => {
      rig = await openRig({
        clients: [
          [...CLIENT_HEADERS],
          [
            '',
            'Recent Client',
            'Fresh Co',
            'recent@example.com',
            '555-0101',
            recent,
            900,
            'Quarterly',
            'Reconnected',
            false,
            '',
          ],
        ],
      });
    });
    afterAll(async () => {
      await rig?.close();
    });

    it('says so when nobody is due', async () => {
      const frame = await openCallList(rig.page);
      await expect(frame.locator('.empty-title').textContent()).resolves.toBe(
        'Everyone is caught up.',
      );
      await expect(frame.locator('.cards li').count()).resolves.toBe(0);
      await expect(frame.locator('.more').isHidden()).resolves.toBe(true);
      await screenshot(rig.page, 'empty-state', 'sidebar');
    });
  });

  describe('a sheet without the columns it needs', () => {
    let rig: Rig;
    beforeAll(async () => {
      rig = await openRig({
        clients: [
          ['Customer', 'Spent'],
          ['Ann Lee', 100],
        ],
      });
    });
    afterAll(async () => {
      await rig?.close();
    });

    it('explains the problem in plain words and offers Settings', async () => {
      const frame = await openCallList(rig.page);
      const error = frame.locator('.error-state');
      await error.waitFor();
      await expect(error.getAttribute('role')).resolves.toBe('alert');
      await expect(error.textContent()).resolves.toContain('Open Settings to map your columns.');
      await error.getByRole('button', { name: 'Open Settings' }).click();
      await expect(frame.locator('#tab-settings').getAttribute('aria-selected')).resolves.toBe(
        'true',
      );
      await screenshot(rig.page, 'error-state', 'sidebar');
    });
  });

  describe('settings', () => {
    let rig: Rig;
    beforeAll(async () => {
      rig = await openRig();
    });
    afterAll(async () => {
      await rig?.close();
    });

    it('opens on the Settings tab from the menu, saves, and the call list follows', async () => {
      await clickMenu(rig.page, 'Settings');
      const frame = sidebar(rig.page);
      await expect(frame.locator('#tab-settings').getAttribute('aria-selected')).resolves.toBe(
        'true',
      );
      const goal = frame.getByLabel('Daily contact goal');
      await goal.waitFor();
      await expect(goal.inputValue()).resolves.toBe('5');
      await expect(frame.getByLabel('Client sheet').inputValue()).resolves.toBe('Clients');
      await screenshot(rig.page, 'settings', 'sidebar');

      await goal.fill('3');
      await frame.getByLabel('Your name').fill('Sam Taylor');
      await frame.getByRole('button', { name: 'Save settings' }).click();
      // Waits for this save's toast (an earlier toast may still be on screen).
      await frame.locator('.toast span', { hasText: 'Settings saved.' }).waitFor();
      const saved = rig.preview.addon.call('getSettings') as { dailyGoal: number; myName: string };
      expect(saved).toMatchObject({ dailyGoal: 3, myName: 'Sam Taylor' });

      await frame.getByRole('tab', { name: 'Calls' }).click();
      await expect(frame.locator('.progress-text')).toBeDefined();
      await frame.locator('.progress-text', { hasText: 'of 3 contacts' }).waitFor();
      const card = frame.locator('.card').first();
      await card.locator('.card-toggle').click();
      await expect(card.locator('.script').textContent()).resolves.toContain("it's Sam Taylor.");
    });

    it('offers the real sheets and headers, shows each problem under its field, and a save clears them', async () => {
      const frame = sidebar(rig.page);
      await frame.getByRole('tab', { name: 'Settings' }).click();
      const saved = () => rig.preview.addon.call('getSettings') as { recentDays: number };
      const sheet = frame.getByLabel('Client sheet');
      await expect(sheet.locator('option').allTextContents()).resolves.toEqual(
        expect.arrayContaining(['Clients']),
      );
      const id = frame.getByLabel('Client ID', { exact: true });
      const idOptions = await id.locator('option').allTextContents();
      expect(idOptions).toEqual(['Automatic: “Client ID”', ...CLIENT_HEADERS]);
      await expect(
        frame.getByLabel('Email', { exact: true }).locator('option:checked').textContent(),
      ).resolves.toBe('Automatic: “Email”');

      // A cleared number box is "empty", never 0; Client ID on Email is refused, naming both.
      const recentDays = frame.getByLabel('Recently contacted (days)');
      await recentDays.fill('');
      await id.selectOption('Email');
      await frame.getByRole('button', { name: 'Save settings' }).click();
      const recentError = frame.locator('.field', { has: recentDays }).locator('.field-error');
      await expect(recentError.textContent()).resolves.toBe(
        'Recently contacted (days) is empty: enter a whole number from 0 to 365.',
      );
      await expect(recentDays.getAttribute('aria-invalid')).resolves.toBe('true');
      const idError = frame.locator('.field', { has: id }).locator('.field-error');
      await expect(idError.textContent()).resolves.toContain(
        'Client ID: the column "Email" holds your Email',
      );
      await screenshot(rig.page, 'settings-problems', 'sidebar');
      expect(saved().recentDays).toBe(14);

      await recentDays.fill('30');
      await id.selectOption('');
      await frame.getByRole('button', { name: 'Save settings' }).click();
      await frame.locator('.form-status .saved', { hasText: 'Settings saved.' }).waitFor();
      await expect(frame.locator('.field-error:visible').count()).resolves.toBe(0);
      expect(saved().recentDays).toBe(30);
    });
  });
});
