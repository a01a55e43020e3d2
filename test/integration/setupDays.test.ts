// Setup and the day's dates: Next Due filled for clients with a cadence, shown as a date like Last Contact; Setup's and Help's words (issue 11 #5 #6 #9).
import { setupClientSheet } from '../../src/app/setup';
import { logTouch } from '../../src/app/touches';
import { HELP } from '../../src/app/sidebar';
import { OWNED_FIELDS, STANDARD_HEADER } from '../../src/core/columns';
import { CHANNELS } from '../../src/shared/api';
import { day, useEmulator } from './clientsHelpers';

const t = useEmulator();

function userSheet(): void {
  const rows = [
    ['Client ID', 'Name', 'Last Contact', 'Cadence', 'Email'],
    ['C-1', 'Ann Lee', day('2026-05-10'), 'Quarterly', 'ann@example.com'],
    ['C-2', 'Bob Roy', day('2021-02-03'), '', 'bob@example.com'],
    ['C-3', 'Cy Diaz', '', 'Yearly', ''],
  ];
  t.emu.sheets.setSheet('Clients', rows);
  t.emu.run(() =>
    SpreadsheetApp.getActive()
      .getSheetByName('Clients')!
      .getRange('C2:C4')
      .setNumberFormat('M/d/yyyy'),
  );
}

const header = (name: string) => t.emu.sheets.values('Clients')[0].indexOf(name);
const displayed = (row: number, name: string) =>
  t.emu.sheets.displayValues('Clients')[row - 1][header(name)];

test('Setup fills Next Due for clients who have a cadence and a last contact', () => {
  userSheet();
  setupClientSheet();
  expect(displayed(2, 'Next Due')).toBe('8/10/2026');
  expect(displayed(3, 'Next Due')).toBe('');
  expect(displayed(4, 'Next Due')).toBe('');
  expect(setupClientSheet()).toMatch(/nothing to change/);
});

test('Next Due is shown as a date in the format of Last Contact, never a date-time', () => {
  userSheet();
  setupClientSheet();
  logTouch({ clientId: 'C-2', channel: 'call', outcome: 'reached', cadence: 'Yearly' });
  expect(displayed(3, 'Last Contact')).toBe('11/25/2026');
  expect(displayed(3, 'Next Due')).toBe('11/25/2027');
});

test("Setup's message names only channels that exist; Help lists every column Reconnect writes", () => {
  userSheet();
  const message = setupClientSheet();
  const touches = /created the Touches sheet \(([^)]*)\)/.exec(message)?.[1] ?? '';
  const named = touches.match(/\b(call|voicemail|email|letter|meeting|note|text|sms)\b/g) ?? [];
  expect(named.length).toBeGreaterThan(0);
  // What the add-on logs: calls and voicemails from the sidebar, emails and letters from a merge.
  for (const channel of named) expect(['call', 'voicemail', 'email', 'letter']).toContain(channel);
  expect(CHANNELS).toEqual(expect.arrayContaining(named));
  const help = HELP.flatMap(([, paragraphs]) => paragraphs).join(' ');
  for (const field of OWNED_FIELDS) expect(help).toContain(STANDARD_HEADER[field]);
});
