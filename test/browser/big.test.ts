// Ten thousand clients in Chromium: one server call for the first page, more with "Show more" or on scroll.
import {
  cardNames,
  clientRecord,
  describeBrowser,
  openCallList,
  openRig,
  screenshot,
  sheetRecords,
  sidebar,
  type Rig,
} from '../support/browser';
import { PAGE_SIZE } from '../../sidebar/views/calls';

describeBrowser('a 10,000-client sheet', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await openRig({ clients: 10_000 });
  }, 60_000);
  afterAll(async () => {
    await rig?.close();
  });

  const listCalls = () => rig.preview.runs.filter((r) => r.name === 'getCallList');

  it('nothing cached: the sheet read in 6 slices side by side, then one getCallList paints the first page', async () => {
    const frame = await openCallList(rig.page);
    await expect(cardNames(frame)).resolves.toHaveLength(PAGE_SIZE);
    const list = ['startCallList', 'warmCallList', 'getCallList'];
    expect(rig.preview.runs.map((r) => r.name).filter((n) => list.includes(n))).toEqual([
      'startCallList',
      ...Array<string>(6).fill('warmCallList'),
      'getCallList',
    ]);
    expect(rig.preview.runs.every((r) => r.ok)).toBe(true);
    const summary = await frame.locator('.summary').textContent();
    const total = Number(
      summary!.replace(/^Showing 25 of ([\d,]+) clients$/, '$1').replace(/,/g, ''),
    );
    expect(total).toBeGreaterThan(9000);
    expect(total).toBeLessThanOrEqual(10_000);
    await screenshot(rig.page, 'call-list-10k');
  });

  it('loads the next page with "Show more" and on scrolling to the end', async () => {
    const frame = sidebar(rig.page);
    // A click that does not scroll: scrolling the button into view would itself load the next page.
    await frame.locator('.more').dispatchEvent('click');
    await frame
      .locator('.cards li.card')
      .nth(2 * PAGE_SIZE - 1)
      .waitFor();
    await expect(frame.locator('.more').textContent()).resolves.toMatch(
      /^Show more \([\d,]+ left\)$/,
    );
    const names = await cardNames(frame);
    expect(new Set(names).size).toBe(names.length);
    // Scrolling the button into view loads the third page without a click.
    await frame.locator('.more').scrollIntoViewIfNeeded();
    await frame
      .locator('.cards li.card')
      .nth(3 * PAGE_SIZE - 1)
      .waitFor();
    const all = await cardNames(frame);
    expect(new Set(all).size).toBe(all.length);
    expect(listCalls().length).toBeGreaterThanOrEqual(3);
  });

  it('logs a touch on the 10,000-row sheet and writes the right row', async () => {
    const frame = sidebar(rig.page);
    const name = (await cardNames(frame))[30];
    const card = frame.locator('.card', { has: frame.locator('.card-name', { hasText: name }) });
    await card.locator('.card-toggle').click();
    await card.getByRole('button', { name: 'Wrong number' }).click();
    await card.waitFor({ state: 'detached' });
    expect(clientRecord(rig.preview, name).Status).toBe('Wrong number');
    const id = clientRecord(rig.preview, name)['Client ID'];
    expect(sheetRecords(rig.preview, 'Touches').filter((t) => t['Client ID'] === id)).toHaveLength(
      1,
    );
  });
});
