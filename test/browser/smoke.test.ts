// Browser smoke test: the preview serves the sheet, the add-on menu opens the sidebar, and the call list renders.
import { existsSync } from 'node:fs';
import {
  cardNames,
  describeBrowser,
  openCallList,
  openRig,
  screenshot,
  type Rig,
} from '../support/browser';

describeBrowser('preview smoke', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await openRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('shows the client sheet as a grid and the add-on menu', async () => {
    await rig.page.locator('#grid td', { hasText: 'Ann Lee' }).first().waitFor();
    const menu = await rig.page.locator('#menu button').allTextContents();
    expect(menu).toEqual(expect.arrayContaining(['Open call list', 'Settings', 'Help']));
  });

  it('opens the 300 px sidebar from the menu and renders the call list', async () => {
    const frame = await openCallList(rig.page);
    expect(rig.preview.emulator.ui.sidebar?.title).toBe('Reconnect');
    const width = await rig.page
      .locator('#sidebar-frame')
      .evaluate((f) => f.getBoundingClientRect().width);
    expect(width).toBe(300);
    await frame.locator('[role=tab]', { hasText: 'Calls' }).waitFor();
    const names = await cardNames(frame);
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain('Oliver Grant'); // Do Not Contact is never listed
    await expect(frame.locator('.progress-text').textContent()).resolves.toMatch(
      /Today: \d+ of 5 contacts/,
    );
    const path = await screenshot(rig.page, 'smoke-call-list');
    expect(existsSync(path)).toBe(true);
    expect(rig.pageErrors).toEqual([]);
  });

  it('opens Help as a dialog', async () => {
    await rig.page.locator('#menu button', { hasText: 'Help' }).click();
    const help = rig.page.frameLocator('#dialog-frame');
    await help.locator('h2', { hasText: 'What Reconnect does' }).waitFor();
    await expect(rig.page.locator('#dialog-title').textContent()).resolves.toBe('Reconnect help');
  });
});
