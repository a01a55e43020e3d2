// Regenerates the README's screenshots into .artifacts/screenshots/readme/ (copy the good ones to docs/screenshots/ by hand).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describeBrowser, openCallList, openRig, SCREENSHOTS, type Rig } from '../support/browser';

const OUT = join(SCREENSHOTS, 'readme');

describeBrowser('README screenshots', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await openRig();
    // Small enough for a README, wide enough to show the sheet beside the 300 px sidebar.
    await rig.page.setViewportSize({ width: 1100, height: 680 });
  });
  afterAll(async () => {
    await rig?.close();
  });

  async function shoot(name: string, target: 'page' | 'sidebar'): Promise<void> {
    const path = join(OUT, `${name}.png`);
    if (target === 'page') await rig.page.screenshot({ path });
    else await rig.page.locator('aside#sidebar').screenshot({ path });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  }

  it('preview.png: the sheet beside the call list', async () => {
    const frame = await openCallList(rig.page);
    await frame.locator('.card').nth(4).waitFor();
    await shoot('preview', 'page');
  });

  it('call-card.png: an expanded card with its script and outcomes', async () => {
    const frame = await openCallList(rig.page);
    const card = frame.locator('.card', {
      has: frame.locator('.card-name', { hasText: 'Peter Larsen' }),
    });
    await card.locator('.card-toggle').click();
    await card.locator('.outcome-buttons').waitFor();
    // Start the shot at the card, as a user scrolled to it would see it.
    await card.evaluate((e) =>
      window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 48),
    );
    await shoot('call-card', 'sidebar');
  });

  it('emails.png: the Emails tab', async () => {
    const frame = await openCallList(rig.page);
    await frame.getByRole('tab', { name: 'Emails' }).click();
    await frame.locator('#panel-emails').waitFor();
    await frame.locator('#panel-emails button, #panel-emails .error-state').first().waitFor();
    await shoot('emails', 'sidebar');
  });
});
