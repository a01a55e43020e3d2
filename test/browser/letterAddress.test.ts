// Letters with an address block in Chromium (issue 11): the letters preview names each letter by its address, not its email, and the printed letter carries the block.
import type { FrameLocator } from 'playwright-core';
import { clickMenu, describeBrowser, openRig, sidebar, type Rig } from '../support/browser';
import { demoClientRows, type Cell } from '../../dev/preview/demo';

const NOW = '2026-11-25T15:00:00Z';

/** The demo sheet with address columns; every client gets a street and a city. */
function withAddresses(): Cell[][] {
  const [header, ...rows] = demoClientRows(new Date(NOW));
  return [
    [...header, 'Street Address', 'City', 'State', 'ZIP'],
    ...rows.map((r, i) => [...r, `${i + 1} Elm Street`, 'Springfield', 'IL', '62704']),
  ];
}

describeBrowser('letters with a postal address', () => {
  let rig: Rig;
  let frame: FrameLocator;
  beforeAll(async () => {
    rig = await openRig({ now: NOW, clients: withAddresses() });
    await clickMenu(rig.page, 'Send reconnect emails');
    frame = sidebar(rig.page);
    await frame.getByLabel('Template').selectOption({ label: 'Letter from the heart (letter)' });
    await frame.getByLabel('How many').fill('2');
    await frame.getByLabel('Your name').fill('Sam Carter');
    await frame.getByRole('button', { name: 'Preview', exact: true }).click();
    await frame.locator('.summary').waitFor();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('names each letter in the preview by its address, and shows the block above the letter', async () => {
    const options = await frame.getByLabel('Preview for').locator('option').allTextContents();
    expect(options).toHaveLength(2);
    for (const option of options) {
      expect(option).toMatch(/^[^,]+, \d+ Elm Street, Springfield, IL 62704$/);
      expect(option).not.toContain('@');
    }
    const letter = await frame
      .frameLocator('iframe[title="Email preview"]')
      .locator('pre')
      .textContent();
    expect(letter).toMatch(/^[^\n]+\n\d+ Elm Street\nSpringfield, IL 62704\n\nDear /);
  });

  it('prints the address block on each letter', async () => {
    await frame.getByRole('button', { name: 'Print letters…' }).click();
    const dialog = rig.page.frameLocator('#dialog-frame');
    const block = dialog.locator('article.letter .address').first();
    await block.waitFor();
    await expect(block.textContent()).resolves.toMatch(/\d+ Elm Street\nSpringfield, IL 62704$/);
  });
});
