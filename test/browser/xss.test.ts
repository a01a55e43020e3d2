// Safety in Chromium: markup in any cell is shown as text in the sidebar and never runs.
import {
  cardNames,
  describeBrowser,
  openCallList,
  openRig,
  sidebarFrame,
  type Rig,
} from '../support/browser';
import { CLIENT_HEADERS } from '../../dev/preview/demo';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_COMPANY = '<script>alert(2)</script>';
const HOSTILE_EMAIL = '"><svg onload=alert(3)>@x.com';
const HOSTILE_PHONE = 'javascript:alert(4)';

describeBrowser('cells are text, never markup', () => {
  let rig: Rig;
  beforeAll(async () => {
    const old = new Date('2022-01-10T17:00:00Z');
    rig = await openRig({
      clients: [
        [...CLIENT_HEADERS],
        [
          '',
          HOSTILE_NAME,
          HOSTILE_COMPANY,
          HOSTILE_EMAIL,
          HOSTILE_PHONE,
          old,
          5000,
          '',
          '',
          false,
          '<b>bold</b>',
        ],
        [
          '',
          'Plain Client',
          'Plain Co',
          'plain@example.com',
          '555-0100',
          old,
          100,
          '',
          '',
          false,
          '',
        ],
      ],
    });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('shows a client named <img src=x onerror=alert(1)> as that text and runs nothing', async () => {
    const frame = await openCallList(rig.page);
    expect(await cardNames(frame)).toContain(HOSTILE_NAME);
    const card = frame.locator('.card').filter({ hasText: HOSTILE_NAME });
    await expect(card.locator('.card-company').textContent()).resolves.toBe(HOSTILE_COMPANY);
    // The invalid email is reported under Data problems, as text like everything else.
    const problems = frame.locator('.problems');
    if (await problems.count()) {
      await problems.locator('summary').click();
      await expect(problems.locator('li').allTextContents()).resolves.not.toHaveLength(0);
    }
    await card.locator('.card-toggle').click();
    await expect(card.locator('.script').textContent()).resolves.toContain("Hi <img, it's me"); // the first word of the name, as text
    await card.getByRole('button', { name: 'Do not contact' }).click();
    await expect(card.locator('.choice p').textContent()).resolves.toContain(HOSTILE_NAME);

    const sidebar = await sidebarFrame(rig.page);
    const injected = await sidebar.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      svgs: document.querySelectorAll('svg').length,
      scripts: Array.from(document.querySelectorAll('script')).filter((s) =>
        s.textContent?.includes('alert('),
      ).length,
      bold: document.querySelectorAll('.cards b').length,
      javascriptLinks: Array.from(document.querySelectorAll('a')).filter((a) =>
        a.getAttribute('href')?.toLowerCase().startsWith('javascript'),
      ).length,
    }));
    expect(injected).toEqual({ images: 0, svgs: 0, scripts: 0, bold: 0, javascriptLinks: 0 });
    // Give an onerror handler every chance to fire before asserting no dialog opened.
    await rig.page.waitForTimeout(300);
    expect(rig.dialogs).toEqual([]);
    expect(rig.pageErrors).toEqual([]);
  });

  it('keeps hostile names as text in toasts after logging a touch', async () => {
    const frame = await openCallList(rig.page);
    const card = frame.locator('.card').filter({ hasText: HOSTILE_NAME });
    await card.locator('.card-toggle').click();
    await card.getByRole('button', { name: 'Wrong number' }).click();
    await frame.locator('.toast').waitFor();
    await expect(frame.locator('.toast span').textContent()).resolves.toContain(HOSTILE_NAME);
    const sidebar = await sidebarFrame(rig.page);
    await expect(
      sidebar.evaluate(() => document.querySelectorAll('img, svg').length),
    ).resolves.toBe(0);
    expect(rig.dialogs).toEqual([]);
  });
});
