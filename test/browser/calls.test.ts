// The call list in Chromium: each sort mode checked against the emulator's sheet, a group filter, search, and the scripts.
import {
  cardNames,
  civil,
  describeBrowser,
  openCallList,
  openRig,
  screenshot,
  sheetRecords,
  sheetToday,
  type Rig,
} from '../support/browser';
import type { FrameLocator } from 'playwright-core';

const DAY = 86_400_000;

interface Expected {
  name: string;
  days: number | null;
  value: number | null;
  group: string;
}

/**
 * Who should be on the list, read straight from the Clients sheet: not Do Not Contact, and silent for
 * six months (183 days) or past their cadence. The demo's dates sit weeks away from every group
 * boundary, so day counts are enough to place each client in a group.
 */
function dueFromSheet(rig: Rig): Expected[] {
  const today = Date.parse(sheetToday(rig.preview));
  const cadenceDays: Record<string, number> = { Quarterly: 91, 'Twice a year': 182, Yearly: 365 };
  return sheetRecords(rig.preview, 'Clients')
    .filter((r) => r['Do Not Contact'] !== true)
    .map((r) => {
      const last = civil(r['Last Contact']);
      const days = last ? Math.round((today - Date.parse(last)) / DAY) : null;
      const raw = r.Value;
      const parsed = typeof raw === 'number' ? raw : Number(String(raw).replace(/[$,\s]/g, ''));
      const value = raw === '' || Number.isNaN(parsed) ? null : parsed;
      const group =
        days === null
          ? 'never'
          : days >= 1096
            ? '3yPlus'
            : days >= 731
              ? '2to3y'
              : days >= 365
                ? '1to2y'
                : days >= 183
                  ? '6to12m'
                  : 'under6m';
      const limit = cadenceDays[String(r.Cadence)] ?? 183;
      return { name: String(r.Name), days, value, group, due: days === null || days >= limit };
    })
    .filter((c) => c.due);
}

async function chooseSort(frame: FrameLocator, label: string): Promise<void> {
  const before = await cardNames(frame);
  await frame.getByLabel('Sort').selectOption({ label });
  await waitForChange(frame, before);
}

async function waitForChange(frame: FrameLocator, before: string[]): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const stale = await frame.locator('.cards.stale').count();
    const now = await cardNames(frame);
    if (!stale && now.join('|') !== before.join('|')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeBrowser('call list', () => {
  let rig: Rig;
  let frame: FrameLocator;
  let due: Expected[];
  beforeAll(async () => {
    rig = await openRig();
    frame = await openCallList(rig.page);
    due = dueFromSheet(rig);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('lists exactly the clients due, with the count in the header', async () => {
    const names = await cardNames(frame);
    expect([...names].sort()).toEqual(due.map((c) => c.name).sort());
    await expect(frame.locator('.chip.filter[data-filter=due]').textContent()).resolves.toBe(
      `All due ${due.length}`,
    );
  });

  it('sorts by priority: the most valuable client of each group first, longest-silent group first', async () => {
    const groups = ['3yPlus', '2to3y', '1to2y', '6to12m', 'under6m', 'never'];
    const leaders = groups
      .map(
        (g) =>
          due.filter((c) => c.group === g).sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0],
      )
      .filter(Boolean)
      .map((c) => c.name);
    const names = await cardNames(frame);
    expect(names.slice(0, leaders.length)).toEqual(leaders);
  });

  it('sorts by days since contact, longest silence first', async () => {
    await chooseSort(frame, 'Days since contact');
    const names = (await cardNames(frame)).filter(
      (n) => due.find((c) => c.name === n)?.days !== null,
    );
    const expected = due
      .filter((c) => c.days !== null)
      .sort((a, b) => (b.days ?? 0) - (a.days ?? 0))
      .map((c) => c.name);
    expect(names).toEqual(expected);
  });

  it('sorts by value, highest first, unknown values last', async () => {
    await chooseSort(frame, 'Value');
    const names = await cardNames(frame);
    const known = due
      .filter((c) => c.value !== null)
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    expect(names.slice(0, known.length)).toEqual(known.map((c) => c.name));
    expect(names.slice(known.length).sort()).toEqual(
      due
        .filter((c) => c.value === null)
        .map((c) => c.name)
        .sort(),
    );
    await chooseSort(frame, 'Priority');
  });

  it('filters by a recency group with its chip', async () => {
    const chip = frame.locator('.chip.filter[data-filter="2to3y"]');
    const before = await cardNames(frame);
    await chip.click();
    await waitForChange(frame, before);
    await expect(chip.getAttribute('aria-pressed')).resolves.toBe('true');
    const names = await cardNames(frame);
    expect([...names].sort()).toEqual(
      due
        .filter((c) => c.group === '2to3y')
        .map((c) => c.name)
        .sort(),
    );
    const back = await cardNames(frame);
    await chip.click();
    await waitForChange(frame, back);
    expect((await cardNames(frame)).length).toBe(due.length);
  });

  it('searches by name or company, including clients not yet due', async () => {
    const search = frame.getByLabel('Search');
    let before = await cardNames(frame);
    await search.fill('raman dental');
    await search.press('Enter');
    await waitForChange(frame, before);
    expect(await cardNames(frame)).toEqual(['Priya Raman']);
    before = await cardNames(frame);
    await search.fill('Novak');
    await search.press('Enter');
    await waitForChange(frame, before);
    expect(await cardNames(frame)).toEqual(['Emily Novak']);
    before = await cardNames(frame);
    await search.fill('nobody like this');
    await search.press('Enter');
    await waitForChange(frame, before);
    await expect(frame.locator('.empty').textContent()).resolves.toContain('No client matches');
    before = await cardNames(frame);
    await search.fill('');
    await search.press('Enter');
    await waitForChange(frame, before);
    expect((await cardNames(frame)).length).toBe(due.length);
  });

  it('expands a card into the personalised first-call script', async () => {
    const card = frame.locator('.card', { hasText: 'Peter Larsen' });
    await card.locator('.card-toggle').click();
    await expect(card.locator('.card-toggle').getAttribute('aria-expanded')).resolves.toBe('true');
    const script = await card.locator('.script').textContent();
    const since = await card.locator('.card-since').textContent();
    // The card keeps the exact gap; the spoken script rounds it, without dwelling on it.
    expect(since).toMatch(/^4 years, 11 months since last contact$/);
    expect(script).toContain('Hi Peter,');
    expect(script).toContain('it has been almost five years since we last spoke');
    expect(script).not.toContain('4 years');
    // Only the spoken lines are numbered, so a tip between them never skips a number.
    const counted = await card
      .locator('.script li')
      .evaluateAll((items) =>
        items.map((li) => [li.className, getComputedStyle(li).counterIncrement]),
      );
    expect(counted.filter(([kind]) => kind === 'tip').every(([, c]) => c === 'none')).toBe(true);
    expect(counted.filter(([kind]) => kind === 'say').every(([, c]) => c === 'step 1')).toBe(true);
    expect(script).toMatch(/sorry/i);
    expect(script).toMatch(/every quarter, twice a year, or once a year/);
    // What is said on the first call asks for nothing: no pitch, no referral.
    const said = (await card.locator('.script li.say').allTextContents()).join(' ');
    expect(said).not.toMatch(/refer|buy|order|offer you a deal/i);
    await expect(card.locator('.segmented [aria-pressed=true]').textContent()).resolves.toBe(
      'First call',
    );
    await screenshot(rig.page, 'expanded-card', 'sidebar');
    await card.locator('.card-toggle').click();
  });

  it('offers the recovery questions for a client in Recovery and the follow-up for a reconnected one', async () => {
    const james = frame.locator('.card', { hasText: 'James Whitfield' });
    await expect(james.locator('.chip.recovery').textContent()).resolves.toBe('Recovery');
    await james.locator('.card-toggle').click();
    await expect(james.locator('.segmented [aria-pressed=true]').textContent()).resolves.toBe(
      'Recovery',
    );
    await expect(james.locator('.script').textContent()).resolves.toContain(
      'What would it take for us to put this right?',
    );

    const tom = frame.locator('.card', { hasText: 'Tom Okafor' });
    await tom.locator('.card-toggle').click();
    await expect(tom.locator('.segmented [aria-pressed=true]').textContent()).resolves.toBe(
      'Follow-up',
    );
    await expect(tom.locator('.script').textContent()).resolves.toContain('Hi Tom,');
    await tom.locator('.segmented button', { hasText: 'First call' }).click();
    await expect(tom.locator('.script').textContent()).resolves.toContain('since we last spoke');
  });

  it('shows values in the sheet currency, phones as tel: links, and selects the row on "Show in sheet"', async () => {
    const ann = frame.locator('.card', { hasText: 'Ann Lee' });
    await expect(ann.locator('.card-value').textContent()).resolves.toBe('$18,400');
    await expect(ann.locator('a.card-phone').getAttribute('href')).resolves.toBe(
      'tel:+15550102301',
    );
    await ann.getByRole('button', { name: 'Show Ann Lee in the sheet' }).click();
    await rig.page.locator('#grid tr.selected td', { hasText: 'Ann Lee' }).waitFor();
    const selection = rig.preview.emulator.sheets.selection();
    const row = sheetRecords(rig.preview, 'Clients');
    expect(selection?.sheet).toBe('Clients');
    // The header is row 1; the blank row in the demo still counts as a sheet row.
    const values = rig.preview.emulator.sheets.values('Clients');
    expect(values[selection!.row - 1][1]).toBe('Ann Lee');
    expect(row.length).toBeGreaterThan(0);
  });

  it('is operable by keyboard: Tab reaches the cards, Enter expands, focus is visible', async () => {
    await frame.getByLabel('Search').focus();
    await rig.page.keyboard.press('Tab');
    const first = frame.locator('.card-toggle').first();
    await expect(first.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    const before = await first.getAttribute('aria-expanded');
    await rig.page.keyboard.press('Enter');
    await expect(first.getAttribute('aria-expanded')).resolves.toBe(
      before === 'true' ? 'false' : 'true',
    );
    await rig.page.keyboard.press('Space');
    await expect(first.getAttribute('aria-expanded')).resolves.toBe(before);
    expect(rig.pageErrors).toEqual([]);
  });
});
