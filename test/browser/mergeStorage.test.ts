// The Emails tab when the document's add-on storage is full: the merge is refused before any send, and "Free merge storage" is offered and works.
import type { FrameLocator } from 'playwright-core';
import {
  clickMenu,
  describeBrowser,
  openRig,
  screenshot,
  sidebar,
  type Rig,
} from '../support/browser';

const NOW = '2026-11-25T15:00:00Z';
const OTHER = 'other.addon.';

describeBrowser('the Emails tab with a full add-on storage', () => {
  let rig: Rig;
  let frame: FrameLocator;
  beforeAll(async () => {
    rig = await openRig({ now: NOW });
    // Another add-on of this spreadsheet holds 488 KB of the 500 KB document store.
    const value = 'x'.repeat(8 * 1024);
    for (let i = 0; i < 61; i++)
      rig.preview.emulator.properties.set('document', `${OTHER}${i}`, value);
    await clickMenu(rig.page, 'Send reconnect emails');
    frame = sidebar(rig.page);
    await frame.getByLabel('Template').waitFor();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('says the storage is nearly full and offers to free it', async () => {
    const offer = frame.locator('.storage');
    await expect(offer.locator('p').first().textContent()).resolves.toMatch(
      /^This spreadsheet's add-on storage is nearly full: \d+ KB of 500 KB used, 0 KB free for merges\./,
    );
    await screenshot(rig.page, 'emails-storage-full', 'sidebar');
  });

  it('refuses the send before the first email, with the offer next to the message', async () => {
    await frame.getByLabel('Your name').fill('Sam Carter');
    await frame.getByLabel('Your name').dispatchEvent('change');
    await frame.getByLabel('Template').selectOption({ label: 'Reconnect apology' });
    await frame.getByRole('button', { name: 'Preview', exact: true }).click();
    await frame.locator('.summary').waitFor();
    await frame.getByRole('button', { name: /^Send \d+ emails?$/ }).click();
    await frame.getByRole('button', { name: /^Yes, send/ }).click();
    await expect(frame.locator('.error-message').textContent()).resolves.toMatch(
      /^(Error: )?The merge journal would need \d+ KB; .*Nothing was sent\./,
    );
    await frame.locator('.merge [aria-live] .storage').waitFor();
    expect(rig.preview.emulator.mail.outbox).toHaveLength(0);
  });

  it('frees it once the other data is gone, and the merge then goes out', async () => {
    for (let i = 0; i < 61; i++)
      rig.preview.emulator.properties.stores.document.delete(`${OTHER}${i}`);
    await frame
      .locator('.merge [aria-live] .storage')
      .getByRole('button', { name: 'Free merge storage' })
      .click();
    await expect(
      frame.locator('.merge [aria-live] .storage .hint').last().textContent(),
    ).resolves.toMatch(
      /Every merge result was already in the sheet\. Freed 0 KB; \d+ KB is free for merges\./,
    );
    await frame.getByRole('button', { name: 'Preview', exact: true }).click();
    await frame.locator('.summary').waitFor();
    await frame.getByRole('button', { name: /^Send \d+ emails?$/ }).click();
    await frame.getByRole('button', { name: /^Yes, send/ }).click();
    await frame.locator('.outcomes').waitFor();
    expect(rig.preview.emulator.mail.outbox.length).toBeGreaterThan(0);
  });
});
