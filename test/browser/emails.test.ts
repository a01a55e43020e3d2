// The Emails tab in Chromium: pick a built-in template, preview it for the top ten, send a test, send, create drafts; the sheet holds every status and touch.
import type { FrameLocator } from 'playwright-core';
import {
  clickMenu,
  clientRecord,
  civil,
  describeBrowser,
  openRig,
  screenshot,
  sheetRecords,
  sheetToday,
  sidebar,
  type Rig,
} from '../support/browser';
import { CLIENT_HEADERS, demoClientRows, type Cell } from '../../dev/preview/demo';

const NOW = '2026-11-25T15:00:00Z';
const HOSTILE = '<img src=x onerror=alert(1)>';

/**
 * The demo sheet, with three of the top ten made awkward: an invalid email, an email shared with
 * another client, and a name that is markup.
 */
function clientRows(): Cell[][] {
  const rows = demoClientRows(new Date(NOW));
  const col = (h: (typeof CLIENT_HEADERS)[number]) => CLIENT_HEADERS.indexOf(h);
  const row = (name: string) => {
    const found = rows.find((r) => r[col('Name')] === name);
    if (!found) throw new Error(`The demo has no ${name}`);
    return found;
  };
  row('Peter Larsen')[col('Email')] = 'peter@larsenboats';
  row('Diego Alvarez')[col('Email')] = 'priya@ramandental.com';
  row('Zoe Adams')[col('Name')] = HOSTILE;
  return rows;
}

/** The email preview's frame (sandboxed, no scripts) inside the sidebar. */
function emailFrame(frame: FrameLocator): FrameLocator {
  return frame.frameLocator('iframe[title="Email preview"]');
}

async function preview(frame: FrameLocator, template: string, count: number): Promise<void> {
  await frame.getByLabel('Template').selectOption({ label: template });
  await frame.getByLabel('Who').selectOption({ label: 'Top of the call list' });
  await frame.getByLabel('How many').fill(String(count));
  await frame.getByLabel('How many').dispatchEvent('change');
  await frame.getByRole('button', { name: 'Preview', exact: true }).click();
  await frame.locator('.summary, .blocked').first().waitFor();
}

describeBrowser('the Emails tab', () => {
  let rig: Rig;
  let frame: FrameLocator;
  let today: string;
  /** The clients the preview showed, name -> address. */
  const previewed = new Map<string, string>();

  beforeAll(async () => {
    rig = await openRig({ now: NOW, clients: clientRows() });
    today = sheetToday(rig.preview);
    await clickMenu(rig.page, 'Send reconnect emails');
    frame = sidebar(rig.page);
    await frame.getByLabel('Template').waitFor();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('opens on the Emails tab with the built-in templates', async () => {
    await expect(
      frame.getByRole('tab', { name: 'Emails' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    const names = await frame.getByLabel('Template').locator('option').allTextContents();
    expect(names).toEqual([
      'Reconnect apology',
      'Follow-up after a call',
      'Letter from the heart (letter)',
      'Referral reminder',
      'Post-purchase check-in',
      'Post-purchase survey',
    ]);
  });

  it('asks for the name that signs the emails before anything else', async () => {
    await preview(frame, 'Reconnect apology', 10);
    await expect(frame.locator('.blocked').textContent()).resolves.toContain(
      'your name is not set',
    );
    await frame.getByLabel('Your name').fill('Sam Carter');
    await frame.getByLabel('Your name').dispatchEvent('change');
  });

  it('previews the reconnect apology for the top ten: every email rendered, every skip with its reason', async () => {
    await preview(frame, 'Reconnect apology', 10);
    await expect(frame.locator('.summary').textContent()).resolves.toBe(
      '10 emails ready, 2 skipped.',
    );
    await frame.locator('summary', { hasText: 'Skipped (2)' }).click();
    await expect(frame.locator('.skips li').allTextContents()).resolves.toEqual([
      "Peter Larsen: invalid email 'peter@larsenboats'",
      'Diego Alvarez: same email as Priya Raman earlier in this batch',
    ]);
    const picker = frame.getByLabel('Preview for');
    const options = await picker.locator('option').allTextContents();
    expect(options).toHaveLength(10);
    for (const [i, option] of options.entries()) {
      const match = /^(.*) <([^<>]+)>$/.exec(option);
      expect(match).not.toBeNull();
      previewed.set(match![1], match![2]);
      await picker.selectOption({ index: i });
      await expect(frame.locator('.subject').textContent()).resolves.toBe(
        'Subject: It has been too long',
      );
      const text = (await emailFrame(frame).locator('body').innerText()).trim();
      const first = match![1] === HOSTILE ? '<img' : match![1].split(' ')[0];
      expect(text.startsWith(`Hi ${first},`)).toBe(true);
      expect(text).toContain('how often would you like to hear from me?');
      expect(text).not.toContain('{{');
      expect(text.endsWith('Sam Carter')).toBe(true);
    }
    expect(previewed.has('Peter Larsen')).toBe(false);
    expect(rig.preview.emulator.mail.outbox).toHaveLength(0);
    await screenshot(rig.page, 'emails-preview');
  });

  it(`shows a client named ${HOSTILE} as text, in the picker and in the email, and runs nothing`, async () => {
    const picker = frame.getByLabel('Preview for');
    const option = picker.locator('option', { hasText: 'onerror' });
    await expect(option.textContent()).resolves.toBe(`${HOSTILE} <zoe@adamsphoto.com>`);
    await picker.selectOption({ label: `${HOSTILE} <zoe@adamsphoto.com>` });
    const email = emailFrame(frame);
    await expect(email.locator('body').innerText()).resolves.toMatch(/^Hi <img,/);
    expect(await email.locator('img').count()).toBe(0);
    expect(rig.dialogs).toEqual([]);
    expect(rig.pageErrors).toEqual([]);
  });

  it('"Send a test to me" puts one email marked [Test] in my own inbox and writes nothing', async () => {
    await frame.getByRole('button', { name: 'Send a test to me' }).click();
    await frame.locator('.toast', { hasText: 'Test sent to owner@example.com' }).waitFor();
    const outbox = rig.preview.emulator.mail.outbox;
    expect(outbox.map((m) => [m.kind, m.to, m.subject])).toEqual([
      ['sent', 'owner@example.com', '[Test] It has been too long'],
    ]);
    expect(sheetRecords(rig.preview, 'Touches')).toEqual([]);
  });

  it('sends only after the confirming click; each client then has its status, touch and Last Contact', async () => {
    await frame.getByRole('button', { name: 'Send 10 emails' }).click();
    const confirm = frame.getByRole('button', { name: 'Yes, send 10 emails' });
    await confirm.waitFor();
    expect(rig.preview.emulator.mail.sent).toHaveLength(1);
    await confirm.click();
    await frame.locator('.summary', { hasText: 'Sent 10 emails' }).waitFor();
    await expect(frame.locator('.summary').textContent()).resolves.toBe(
      'Sent 10 emails; 2 skipped.',
    );

    const sent = rig.preview.emulator.mail.sent.slice(1);
    expect(sent.map((m) => m.to).sort()).toEqual([...previewed.values()].sort());
    expect(sent.every((m) => m.subject === 'It has been too long')).toBe(true);
    expect(sent.every((m) => m.name === 'Sam Carter' && m.via === 'MailApp')).toBe(true);
    const hostile = sent.find((m) => m.to === 'zoe@adamsphoto.com')!;
    expect(hostile.body.startsWith('Hi <img,')).toBe(true);
    expect(hostile.htmlBody).toContain('Hi &lt;img,');

    const touches = sheetRecords(rig.preview, 'Touches');
    for (const name of previewed.keys()) {
      const client = clientRecord(rig.preview, name);
      expect([name, client['Merge Status']]).toEqual([name, `Sent ${today}: Reconnect apology`]);
      expect([name, civil(client['Last Contact'])]).toEqual([name, today]);
      const logged = touches.filter((t) => t['Client ID'] === client['Client ID']);
      expect(logged.map((t) => [t.Channel, t.Outcome, t.Step, civil(t.Date)])).toEqual([
        ['email', 'sent', 'Reconnect apology', today],
      ]);
    }
    expect(touches).toHaveLength(10);
    expect(clientRecord(rig.preview, 'Peter Larsen')['Merge Status']).toBe(
      "Skipped: invalid email 'peter@larsenboats'",
    );
    await expect(frame.locator('.outcomes li').count()).resolves.toBe(12);
    // 100 a day, less the test and the ten.
    await expect(frame.getByText('Email quota left today:').textContent()).resolves.toBe(
      'Email quota left today: 89.',
    );
    await screenshot(rig.page, 'emails-sent');
  });

  it('a second send of the same template reaches only clients who have not had it', async () => {
    await preview(frame, 'Reconnect apology', 10);
    const options = await frame.getByLabel('Preview for').locator('option').allTextContents();
    for (const option of options) {
      expect([...previewed.keys()].some((name) => option.startsWith(`${name} <`))).toBe(false);
    }
  });

  it('creates Gmail drafts in drafts mode, with a Draft status and no touch', async () => {
    await frame.getByLabel('Create Gmail drafts to review').check();
    await preview(frame, 'Post-purchase check-in', 3);
    await expect(frame.locator('.summary').textContent()).resolves.toMatch(/^3 drafts ready, /);
    const names = (await frame.getByLabel('Preview for').locator('option').allTextContents()).map(
      (o) => o.replace(/ <[^<>]+>$/, ''),
    );
    const touchesBefore = sheetRecords(rig.preview, 'Touches').length;
    await frame.getByRole('button', { name: 'Create 3 drafts' }).click();
    await frame.getByRole('button', { name: 'Yes, create 3 drafts' }).click();
    await frame.locator('.summary', { hasText: 'Created 3 drafts in Gmail' }).waitFor();
    const drafts = rig.preview.emulator.mail.drafts;
    expect(drafts).toHaveLength(3);
    expect(drafts.every((d) => d.subject === 'Is everything working well?')).toBe(true);
    for (const name of names) {
      expect(clientRecord(rig.preview, name)['Merge Status']).toBe(
        `Draft created ${today}: Post-purchase check-in`,
      );
    }
    expect(sheetRecords(rig.preview, 'Touches')).toHaveLength(touchesBefore);
    expect(rig.dialogs).toEqual([]);
    expect(rig.pageErrors).toEqual([]);
  });
});
