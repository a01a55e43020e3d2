// Your own client list in the preview: a CSV opened with --file (en_GB dates), worked in the sidebar, an email read in the page and written as .eml, a file dropped on the page, and "Save as .xlsx".
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { readWorkbookBytes } from '../../dev/preview/importFile';
import {
  describeBrowser,
  openCallList,
  openRig,
  screenshot,
  SCREENSHOTS,
  type Rig,
} from '../support/browser';

const NOW = '2026-11-25T15:00:00Z';
const CSV = [
  '\uFEFF Name ,Company, Email ,Phone,Last Contact,Value,Notes',
  'Zoë Müller,Müller GmbH,zoe@mueller.example,+44 20 7946 0101,14/03/2021,"£1,200",Met at the fair',
  'Siobhán Ní Bhriain,Ní Bhriain Design,siobhan@nibhriain.example,020 7946 0102,02/11/2020,£950,',
  ',,,,,,',
  'Łukasz Wójcik,Wójcik Imports,lukasz@wojcik.example,020 7946 0103,13/06/2019,£4 000,"Prefers email, not calls"',
  '',
].join('\n');

/** The grid's visible cells, row by row (row number first). */
async function gridRows(rig: Rig): Promise<string[][]> {
  return rig.page
    .locator('#grid tr')
    .evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent ?? '')),
    );
}

/** A POST from the page itself, as its own scripts make them (same origin, JSON). */
async function pagePost(rig: Rig, path: string, body: unknown): Promise<Record<string, unknown>> {
  return rig.page.evaluate(
    ([p, b]) =>
      fetch(p, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(b),
      }).then((r) => r.json()),
    [path, body] as const,
  );
}

describeBrowser('your own client list in the preview', () => {
  let rig: Rig;
  let dir: string;
  let frame: FrameLocator;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reconnect-import-'));
    writeFileSync(join(dir, 'my clients.csv'), CSV, 'utf8');
    rig = await openRig({
      now: NOW,
      file: join(dir, 'my clients.csv'),
      locale: 'en_GB',
      save: join(dir, 'saved.xlsx'),
      outbox: join(dir, 'outbox'),
    });
  });
  afterAll(async () => {
    await rig?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the file as Sheets would import it: day-first dates, pounds, names as written', async () => {
    await rig.page.locator('#grid tr', { hasText: 'Zoë Müller' }).waitFor();
    const rows = await gridRows(rig);
    expect(rows[1]).toEqual([
      '1',
      ' Name ',
      'Company',
      ' Email ',
      'Phone',
      'Last Contact',
      'Value',
      'Notes',
    ]);
    expect(rows[2]).toEqual([
      '2',
      'Zoë Müller',
      'Müller GmbH',
      'zoe@mueller.example',
      '+44 20 7946 0101',
      '14/03/2021',
      '£1,200.00',
      'Met at the fair',
    ]);
    // "£4 000" is not a number Sheets reads: it stays text, as written.
    expect(rows[5].slice(5, 7)).toEqual(['13/06/2019', '£4 000']);
    await expect(rig.page.locator('#file-name').textContent()).resolves.toBe(
      'my clients (clients: "my clients")',
    );
    await expect(rig.page.locator('#sheet-tabs button').allTextContents()).resolves.toEqual([
      'my clients',
    ]);
  });

  it('the sidebar works the list: logging a call changes the grid', async () => {
    frame = await openCallList(rig.page);
    const card = frame.locator('.card', {
      has: frame.locator('.card-name', { hasText: 'Zoë Müller' }),
    });
    await card.locator('.card-toggle').click();
    await card.getByRole('button', { name: 'Reached' }).click();
    await card.getByRole('button', { name: 'Log the call' }).click();
    await card.waitFor({ state: 'detached' });
    // The page's grid shows the new Last Contact (today, in the file's own day-first format).
    await rig.page
      .locator('#grid tr', { hasText: 'Zoë Müller' })
      .filter({ hasText: '25/11/2026' })
      .waitFor();
    await expect(rig.page.locator('#sheet-tabs button').allTextContents()).resolves.toContain(
      'Touches',
    );
    await screenshot(rig.page, 'import-worked');
  });

  it('an email sent by the add-on is readable in the page (no scripts) and written as .eml', async () => {
    const setup = (await pagePost(rig, '/run/getMergeSetup', { args: [] })) as {
      value: { templates: Array<{ source: 'sheet' | 'draft'; name: string; channel: string }> };
    };
    const template = setup.value.templates.find((t) => t.channel === 'email')!;
    const sent = await pagePost(rig, '/run/runMailMerge', {
      args: [
        {
          template: { source: template.source, name: template.name },
          recipients: { kind: 'top', count: 1 },
          mode: 'send',
          senderName: 'Åsa Lindqvist',
        },
      ],
    });
    expect(sent.ok).toBe(true);
    expect((sent.value as { sent: number }).sent).toBe(1);
    await rig.page.evaluate(() =>
      (
        window as unknown as { reconnectPreview: { refresh(): Promise<void> } }
      ).reconnectPreview.refresh(),
    );
    await rig.page.locator('#outbox .read-mail').first().click();
    await rig.page.locator('#mail-reader').waitFor();
    const to = (await rig.page.locator('#mail-to').textContent()) ?? '';
    expect(to).toMatch(/@[a-z]+\.example$/);
    const body = rig.page.frameLocator('#mail-frame').locator('body');
    await expect(body.textContent()).resolves.toMatch(/\w/);
    await expect(rig.page.locator('#mail-frame').getAttribute('sandbox')).resolves.toBe('');
    const files = readdirSync(join(dir, 'outbox'));
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(dir, 'outbox', files[0]), 'utf8');
    expect(eml).toMatch(new RegExp(`^To: .*${to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    expect(eml).toContain('Content-Type: multipart/alternative');
    expect(eml).toContain('From: =?UTF-8?B?');
    // The page shows the name decoded, and the email greets a client from the file.
    await expect(rig.page.locator('#mail-from').textContent()).resolves.toMatch(/^Åsa Lindqvist </);
    await expect(body.textContent()).resolves.toMatch(/Siobhán|Łukasz/);
    await screenshot(rig.page, 'import-outbox');
    // The README's "your own file" picture (copied to docs/screenshots/ by hand, as readme.test.ts's).
    await rig.page.setViewportSize({ width: 1100, height: 680 });
    await rig.page.screenshot({ path: join(SCREENSHOTS, 'readme', 'own-file.png') });
    await rig.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('HTML in an email cannot run scripts or load images in the page', async () => {
    const emu = rig.preview.emulator;
    emu.run(() =>
      (emu.globals.MailApp as GoogleAppsScript.Mail.MailApp).sendEmail({
        to: 'x@x.example',
        subject: 'Hostile',
        body: 'plain',
        htmlBody:
          '<p id="p">hello</p><script>document.getElementById("p").textContent = "ran"</script>' +
          '<img src="http://127.0.0.1:9/track.png" onerror="document.getElementById(\'p\').textContent=\'ran\'">',
      }),
    );
    await rig.page.evaluate(() =>
      (
        window as unknown as { reconnectPreview: { refresh(): Promise<void> } }
      ).reconnectPreview.refresh(),
    );
    await rig.page.locator('#outbox li', { hasText: 'Hostile' }).locator('.read-mail').click();
    await rig.page.locator('#mail-subject', { hasText: 'Hostile' }).waitFor();
    const p = rig.page.frameLocator('#mail-frame').locator('#p');
    await expect(p.textContent()).resolves.toBe('hello');
    await rig.page.waitForTimeout(200);
    await expect(p.textContent()).resolves.toBe('hello');
    expect(rig.dialogs).toEqual([]);
  });

  it('"Save as .xlsx" writes every sheet, and the saved file loads back with the same cells', async () => {
    await rig.page.locator('#file-save').click();
    await rig.page.locator('.message', { hasText: 'Saved every sheet to' }).waitFor();
    const saved = join(dir, 'saved.xlsx');
    expect(existsSync(saved)).toBe(true);
    const book = await readWorkbookBytes('saved.xlsx', readFileSync(saved), {
      timeZone: 'America/New_York',
      locale: 'en_GB',
    });
    const names = rig.preview.emulator.sheets.sheetNames();
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    for (const sheet of book.sheets)
      expect(sheet.values).toEqual(rig.preview.emulator.sheets.values(sheet.name));
  });

  it('a file dropped on the page replaces the spreadsheet', async () => {
    const dropped = 'Name,Email,Last Contact\nRenée Dubois,renee@dubois.example,1/2/2020\n';
    // The file's dates are US ones: say so before dropping it.
    await expect(rig.page.locator('#file-locale').inputValue()).resolves.toBe('en_GB');
    await rig.page.locator('#file-locale').selectOption('en_US');
    const transfer = await rig.page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      return dt;
    }, dropped);
    await rig.page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
    await expect(rig.page.locator('#drop-zone').isVisible()).resolves.toBe(true);
    await rig.page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
    await rig.page.locator('#grid tr', { hasText: 'Renée Dubois' }).waitFor();
    await expect(rig.page.locator('#drop-zone').isVisible()).resolves.toBe(false);
    await expect(rig.page.locator('#sheet-tabs button').allTextContents()).resolves.toEqual([
      'dropped',
    ]);
    // US dates: 1/2/2020 is 2 January.
    await rig.page.locator('#grid tr', { hasText: '1/2/2020' }).waitFor();
    expect(rig.preview.emulator.sheets.values('dropped')[1][2]).toEqual(
      new Date('2020-01-02T05:00:00Z'),
    );
    await rig.page
      .locator('.message', { hasText: 'Opened dropped: "dropped" is the client sheet (1 rows' })
      .waitFor();
    // The add-on reads the new sheet.
    frame = await openCallList(rig.page);
    await frame.locator('.card-name', { hasText: 'Renée Dubois' }).waitFor();
  });

  it('a malformed dropped file says which line is wrong and keeps the spreadsheet', async () => {
    const result = await pagePost(rig, '/api/file/open', {
      name: 'broken.csv',
      base64: Buffer.from('Name,Notes\nAnn,"never closed\nBen,ok\n').toString('base64'),
    });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^broken\.csv, line 2: a field opens with a quote/),
    });
    expect(rig.preview.emulator.sheets.sheetNames()).toEqual(['dropped']);
    expect(rig.pageErrors).toEqual([]);
  });
});

describeBrowser('the demo at npm start: about 300 invented clients', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await openRig({ now: NOW, clients: { people: 300 } });
    await rig.page.setViewportSize({ width: 1100, height: 680 });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('opens the call list over the whole sheet (README picture demo-300.png)', async () => {
    const frame = await openCallList(rig.page);
    await frame.locator('.card').nth(4).waitFor();
    const shown = (await frame.locator('p.summary').first().textContent()) ?? '';
    expect(shown).toMatch(/of (2\d\d|3\d\d) clients/);
    // The list gave every client an ID: the grid shows them once it refreshed.
    await rig.page.locator('#grid td', { hasText: /^C-/ }).first().waitFor();
    await rig.page.screenshot({ path: join(SCREENSHOTS, 'readme', 'demo-300.png') });
  });
});
