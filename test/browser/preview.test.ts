// The preview itself in Chromium: questions (Yes/No alerts, prompts) asked of the person at the page, and a grid that stays small on a big sheet.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBrowser, openRig, type Rig } from '../support/browser';
import { TOP_ROWS } from '../../dev/preview/grid';

/**
 * A tiny add-on that asks what real ones ask: a Yes/No confirmation after a first write, and a
 * prompt. Written as Apps Script would see it (plain global functions).
 */
const ASKING_ADDON = `
function onOpen() {
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem('Send reminders', 'sendReminders')
    .addItem('Rename', 'rename')
    .addToUi();
}
function sendReminders() {
  var ui = SpreadsheetApp.getUi();
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients');
  sheet.getRange('A1').setValue('Asked');
  var button = ui.alert('Reminders', 'Send 3 reminders now?', ui.ButtonSet.YES_NO);
  sheet.getRange('B1').setValue(button == ui.Button.YES ? 'sent' : 'not sent');
  return String(button);
}
function rename() {
  var ui = SpreadsheetApp.getUi();
  var answer = ui.prompt('New name for the list:');
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients').getRange('C1')
    .setValue(answer.getSelectedButton() == ui.Button.OK ? answer.getResponseText() : '(closed)');
}
`;

describeBrowser('preview questions', () => {
  let rig: Rig;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'reconnect-asking-'));
    writeFileSync(join(dist, 'Code.js'), ASKING_ADDON);
    rig = await openRig({ distDir: dist, clients: [['', '', '']] });
  });
  afterAll(async () => {
    await rig?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const cell = (a1: string) => rig.preview.emulator.sheets.cell('Clients', a1).value;

  it('asks a Yes/No alert from a menu item in the page, and runs it again with the answer', async () => {
    await rig.page.locator('#menu button', { hasText: 'Send reminders' }).click();
    const question = rig.page.getByRole('alertdialog');
    await question.waitFor();
    await expect(question.locator('#question-text').textContent()).resolves.toBe(
      'Reminders: Send 3 reminders now?',
    );
    // The run wrote A1 before asking: the page says that this is repeated.
    await expect(question.locator('#question-source').textContent()).resolves.toContain(
      'Range.setValue x1',
    );
    await expect(question.getByRole('button').allTextContents()).resolves.toEqual([
      '×',
      'Yes',
      'No',
    ]);
    await question.getByRole('button', { name: 'No' }).click();
    await question.waitFor({ state: 'hidden' });
    expect(cell('B1')).toBe('not sent');
    expect(rig.preview.emulator.ui.pending).toBe(0);
    expect(rig.dialogs).toEqual([]);
  });

  it('answers a prompt with the text typed, and Escape closes it (answered Close)', async () => {
    const question = rig.page.getByRole('alertdialog');
    await rig.page.locator('#menu button', { hasText: 'Rename' }).click();
    await question.getByLabel('Your answer').fill('Spring list');
    await question.getByRole('button', { name: 'OK' }).click();
    await question.waitFor({ state: 'hidden' });
    expect(cell('C1')).toBe('Spring list');

    await rig.page.locator('#menu button', { hasText: 'Rename' }).click();
    await question.getByLabel('Your answer').waitFor();
    await rig.page.keyboard.press('Escape');
    await question.waitFor({ state: 'hidden' });
    expect(cell('C1')).toBe('(closed)');
  });

  it('holds a sidebar call that asks until the person answers, then returns its result', async () => {
    const result = rig.page.evaluate(async () => {
      // As the sidebar's google.script.run shim does: announce the call, then post it.
      window.postMessage({ type: 'reconnect:running', name: 'sendReminders' }, '*');
      const response = await fetch('/run/sendReminders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      window.postMessage({ type: 'reconnect:ran', name: 'sendReminders' }, '*');
      return response.json();
    });
    const question = rig.page.getByRole('alertdialog');
    await question.getByRole('button', { name: 'Yes' }).click();
    await expect(result).resolves.toMatchObject({ ok: true, value: 'YES' });
    expect(cell('B1')).toBe('sent');
  });
});

/** A page on another origin that tries what a hostile site would: a form post, no-cors and CORS fetches. */
function hostilePage(target: string): string {
  const run = `${target}run/sendReminders`;
  return `<!doctype html><body>
<form id="f" method="POST" enctype="text/plain" action="${run}" target="sink">
<input name='{"args":[],"pad":"' value='"}'></form><iframe name="sink"></iframe>
<script>
window.results = [];
fetch('${run}', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{"args":[]}' })
  .then(() => results.push('no-cors sent'), (e) => results.push('no-cors ' + e.message));
fetch('${run}', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"args":[]}' })
  .then((r) => results.push('cors ' + r.status), (e) => results.push('cors blocked'));
fetch('${target}api/state').then((r) => r.text()).then(
  (t) => results.push('state read ' + t.length), () => results.push('state blocked'));
document.getElementById('f').submit();
</script></body>`;
}

describeBrowser('preview refuses other web pages', () => {
  let rig: Rig;
  let dist: string;
  let hostile: Server;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'reconnect-hostile-'));
    writeFileSync(join(dist, 'Code.js'), ASKING_ADDON);
    rig = await openRig({ distDir: dist, clients: [['', '', '']] });
    hostile = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(hostilePage(rig.preview.url));
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await rig?.close();
    hostile?.closeAllConnections();
    await new Promise((resolve) => hostile?.close(resolve));
    rmSync(dist, { recursive: true, force: true });
  });

  it('a page on another origin cannot run the add-on or read the state; the preview still works', async () => {
    const port = (hostile.address() as AddressInfo).port;
    const page = await rig.context.newPage();
    await page.goto(`http://localhost:${port}/`);
    await page.waitForFunction(
      () => (window as unknown as { results: string[] }).results.length >= 3,
    );
    // Let the form post land too.
    await page.waitForTimeout(500);
    const results = await page.evaluate(() => (window as unknown as { results: string[] }).results);
    expect(results).toEqual(
      expect.arrayContaining(['no-cors sent', 'cors blocked', 'state blocked']),
    );
    expect(rig.preview.runs).toEqual([]);
    expect(rig.preview.emulator.sheets.cell('Clients', 'A1').value).toBe('');
    expect(rig.preview.emulator.ui.pending).toBe(0);
    await page.close();
    // The preview's own page is untouched by all this: its menu still runs the add-on.
    await rig.page.locator('#menu button', { hasText: 'Rename' }).click();
    const question = rig.page.getByRole('alertdialog');
    await question.getByLabel('Your answer').fill('Still works');
    await question.getByRole('button', { name: 'OK' }).click();
    await question.waitFor({ state: 'hidden' });
    expect(rig.preview.emulator.sheets.cell('Clients', 'C1').value).toBe('Still works');
  });
});

describeBrowser('preview grid on a big sheet', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await openRig({ clients: 10_000 });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('sends and draws only the top rows, and says how many more there are', async () => {
    const state = (await (await fetch(`${rig.preview.url}api/state`)).json()) as {
      sheets: Array<{ name: string; totalRows: number; rows: unknown[] }>;
    };
    const clients = state.sheets.find((s) => s.name === 'Clients');
    expect(clients?.totalRows).toBe(10_001);
    expect(clients?.rows).toHaveLength(TOP_ROWS);
    await rig.page
      .locator('#grid tr.gap td', { hasText: `${10_001 - TOP_ROWS} more rows` })
      .waitFor();
    await expect(rig.page.locator('#grid tbody tr').count()).resolves.toBe(TOP_ROWS + 1);
  });

  it('does not count the page as script calls', async () => {
    rig.preview.emulator.kernel.resetCounts();
    await fetch(`${rig.preview.url}api/state`);
    expect(rig.preview.emulator.kernel.count()).toBe(0);
  });
});
