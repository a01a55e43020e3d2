// In Chromium: a client's reply (simulated from the preview's outbox) puts their card first as "Replied: call them back"; every server call failing as with several Google accounts is explained.
import { describeBrowser, openCallList, openRig, screenshot, type Rig } from '../support/browser';

describeBrowser('replies and Gmail failures', () => {
  describe('a client replies', () => {
    let rig: Rig;
    beforeAll(async () => {
      rig = await openRig({ clients: 12 });
    });
    afterAll(async () => {
      await rig?.close();
    });

    it('the card comes first, marked, with the first lines of the reply', async () => {
      const result = rig.preview.addon.call(
        'runMailMerge',
        [
          {
            template: { source: 'sheet', name: 'Reconnect apology' },
            recipients: { kind: 'top', count: 10 },
            mode: 'send',
            senderName: 'Sam Carter',
          },
        ],
        'FULL',
      ) as { sent: number };
      expect(result.sent).toBeGreaterThan(6);
      await rig.page.reload();
      const sent = rig.page.locator('#outbox li', { hasText: 'Sent' });
      await sent.nth(result.sent - 1).waitFor();
      await expect(sent.count()).resolves.toBe(result.sent);
      // The seventh email's client answers (the outbox's own button, as a person would use it).
      const seventh = sent.nth(6);
      const to = ((await seventh.textContent()) ?? '').replace(/^Sent to (\S+):[^]*$/, '$1');
      await seventh.getByRole('button', { name: 'Simulate a reply' }).click();
      await rig.page.locator('#outbox li', { hasText: `Reply from ${to}` }).waitFor();

      const frame = await openCallList(rig.page);
      const first = frame.locator('.cards li.card').first();
      await first.locator('.reply-marker').waitFor();
      await expect(first.locator('.reply-title').textContent()).resolves.toBe(
        'Replied: call them back',
      );
      await expect(first.locator('.reply-text').textContent()).resolves.toBe(
        'Lovely to hear from you! / Could you call me this week?',
      );
      await expect(first.locator('.card-email').textContent()).resolves.toBe(to);
      await expect(frame.locator('.reply-marker').count()).resolves.toBe(1);
      await screenshot(rig.page, 'replied-card', 'sidebar');
      expect(rig.pageErrors).toEqual([]);
    });

    it('a reply that may ask to stop is shown with "Do not contact"; the user decides', async () => {
      const sent = rig.page.locator('#outbox li', { hasText: 'Sent' });
      const second = sent.nth(1);
      const to = ((await second.textContent()) ?? '').replace(/^Sent to (\S+):[^]*$/, '$1');
      rig.preview.emulator.mail.simulateReply(to, 'Please remove me from your list.');
      rig.preview.emulator.properties.set('user', 'rcr.last', '0');
      await rig.page.locator('#sidebar-close').click();
      const frame = await openCallList(rig.page);
      const card = frame.locator('.cards li.card', {
        has: frame.locator('.card-email', { hasText: to }),
      });
      await card.locator('.reply-dnc').waitFor();
      await expect(card.locator('.reply-text').textContent()).resolves.toBe(
        'Please remove me from your list.',
      );
      await card.getByRole('button', { name: /Do not contact/ }).click();
      await card.waitFor({ state: 'detached' });
      const rows = rig.preview.emulator.sheets.values('Clients');
      const header = rows[0].map(String);
      const row = rows.find((r) => r[header.indexOf('Email')] === to) as unknown[];
      expect(row[header.indexOf('Do Not Contact')]).toBe(true);
    });
  });

  describe('a browser signed into several Google accounts', () => {
    let rig: Rig;
    beforeAll(async () => {
      rig = await openRig({ clients: 5 });
    });
    afterAll(async () => {
      await rig?.close();
    });

    it('every google.script.run call fails with PERMISSION_DENIED: the sidebar says what to do', async () => {
      // The failure as reported (enuchi/React-Google-Apps-Script#46): every call, from the sidebar.
      await rig.page.route('**/run/**', (route) =>
        route.fulfill({
          json: {
            ok: false,
            error:
              "We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.",
            serverMs: 0,
          },
        }),
      );
      const frame = await openCallList(rig.page);
      const error = frame.locator('.error-state');
      await error.waitFor();
      await expect(error.textContent()).resolves.toContain(
        'Google could not tell which of your accounts is running Reconnect.',
      );
      await expect(error.textContent()).resolves.toContain('private (incognito) window');
      await expect(error.textContent()).resolves.toContain('sign out of the other accounts');
      await screenshot(rig.page, 'multiple-accounts', 'sidebar');
    });
  });
});
