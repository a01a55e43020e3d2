// What users of other mail merges complain about, each checked here: formatted values, the sheet's time zone, line breaks in cells.
import { MY_NAME, mergeWorld, type MergeWorld } from './mailMergeSupport';
import { getMergeSetup, previewMerge, runMailMerge } from '../../src/app/mailMerge';
import type { MergeRequest } from '../../src/shared/mergeApi';

let w: MergeWorld;
afterEach(() => w?.uninstall());

const request = (template: string): MergeRequest => ({
  template: { source: 'sheet', name: template },
  recipients: { kind: 'top', count: 5 },
  mode: 'send',
});

/** Adds a template row to the Templates sheet, as a user would type it. */
function addTemplate(name: string, subject: string, body: string): void {
  w.run(() => getMergeSetup());
  w.run(() => {
    const sheet = SpreadsheetApp.getActive().getSheetByName('Templates')!;
    sheet.appendRow([name, subject, body, 'Email', '']);
  });
}

test('dates and currency arrive as the sheet shows them, not as raw values (solutions#107)', () => {
  w = mergeWorld([
    { name: 'Ann Lee', email: 'ann@example.com', lastContact: '2023-03-10', value: 18400 },
  ]);
  w.run(() => {
    const sheet = SpreadsheetApp.getActive().getSheetByName('Clients')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.getRange(2, headers.indexOf('Value') + 1).setNumberFormat('$#,##0');
    sheet.getRange(2, headers.indexOf('Last Contact') + 1).setNumberFormat('d mmmm yyyy');
  });
  addTemplate('Figures', 'Since {{Last Contact}}', 'Worth {{Value}} since {{last contact}}.');
  const preview = w.run(() => previewMerge(request('Figures')));
  expect(preview.emails.map((e) => [e.subject, e.text])).toEqual([
    ['Since 10 March 2023', 'Worth $18,400 since 10 March 2023.'],
  ]);
});

test("statuses and touches are dated in the spreadsheet's time zone, not the server's (GmailScheduler#17)", () => {
  // 03:00 UTC on the 26th is still the evening of the 25th in New York, the sheet's zone.
  w = mergeWorld([{ name: 'Ann Lee', email: 'ann@example.com', lastContact: '2023-03-10' }], {
    now: '2026-11-26T03:00:00Z',
    scriptTimeZone: 'Europe/Berlin',
  });
  w.run(() => runMailMerge(request('Reconnect apology')));
  expect(w.client('C-00001')['Merge Status']).toBe('Sent 2026-11-25: Reconnect apology');
  expect(w.emu.sheets.displayValues('Touches')[1][0]).toMatch(/^(2026-11-25|11\/25\/2026)/);
});

test('line breaks typed in a cell stay line breaks in both parts; the subject stays one line (ttsukagoshi#7)', () => {
  w = mergeWorld([
    {
      name: 'Ann Lee',
      email: 'ann@example.com',
      lastContact: '2023-03-10',
      notes: 'First line\nSecond <line>',
      company: 'Lee\n& Partners',
    },
  ]);
  addTemplate('Notes', 'About {{Company}}', 'Your notes:\n{{Notes}}\n\n{{My Name}}');
  w.run(() => runMailMerge(request('Notes')));
  const [mail] = w.emu.mail.sent;
  expect(mail.subject).toBe('About Lee & Partners');
  expect(mail.body).toBe(`Your notes:\nFirst line\nSecond <line>\n\n${MY_NAME}`);
  expect(mail.htmlBody).toContain('Your notes:<br>First line<br>Second &lt;line&gt;</p>');
});
