// The local preview page (issue 11 #12 #13): Setup's due highlight drawn in the grid, no old alerts on reload, a favicon, and Enter on a menu button keeps the focus.
import { clickMenu, describeBrowser, openRig, type Rig } from '../support/browser';

describeBrowser('the preview page', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await openRig({ now: '2026-11-25T15:00:00Z' });
  });
  afterAll(async () => {
    await rig?.close();
  });

  const row = (name: string) =>
    rig.page.locator('#grid tbody tr', { has: rig.page.locator('td', { hasText: name }) });

  it('has a favicon of its own (no request for /favicon.ico)', async () => {
    const href = await rig.page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toMatch(/^data:image\/svg\+xml,/);
  });

  it('draws the rows Setup highlighted as due, and only those', async () => {
    await clickMenu(rig.page, 'Set up client sheet');
    await rig.page
      .locator('#messages .message', { hasText: 'highlighted the rows that are due' })
      .waitFor();
    await row('Ann Lee').first().waitFor();
    // Ann Lee: silent 1,260 days, due. Noah Fischer: contacted 60 days ago, not due.
    await expect(row('Ann Lee').first().getAttribute('class')).resolves.toContain('highlighted');
    expect((await row('Noah Fischer').first().getAttribute('class')) ?? '').not.toContain(
      'highlighted',
    );
    const colour = await row('Ann Lee')
      .first()
      .evaluate((tr) => getComputedStyle(tr).backgroundColor);
    expect(colour).toBe('rgb(255, 243, 214)');
  });

  it('does not replay old alerts when the page is reloaded', async () => {
    await rig.page.reload();
    await rig.page.locator('#menu button').first().waitFor();
    await rig.page.waitForTimeout(300);
    await expect(rig.page.locator('#messages .message').count()).resolves.toBe(0);
  });

  it('keeps the focus on a menu button pressed with Enter', async () => {
    const button = rig.page.locator('#menu button', { hasText: 'Open call list' });
    await button.focus();
    await rig.page.keyboard.press('Enter');
    await rig.page.locator('#sidebar-frame').waitFor();
    await rig.page.waitForTimeout(300);
    await expect(rig.page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toBe(
      'Open call list',
    );
  });
});
