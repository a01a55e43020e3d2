// logTouch, recordTouches and undoLastTouch against the emulator: owned cells only, rows found by ID after a sort, refusals, undo, text safety, call counts.
import { getCallList } from '../../src/app/callList';
import { logTouch, recordTouches, undoLastTouch, writeMergeStatuses } from '../../src/app/touches';
import { TOUCH_HEADERS } from '../../src/core/touchLog';
import { HEADERS, day, reads, row, useEmulator, writes } from './clientsHelpers';

const t = useEmulator();

function seed(): void {
  t.emu.sheets.setSheet(
    'Clients',
    [
      HEADERS,
      row('C-1', 'Zoe Adams', day('2021-05-01'), 300, {
        Touches: 2,
        Status: 'To reconnect',
        Notes: 'likes tea',
      }),
      row('C-2', 'Abe Brown', day('2023-01-15'), '$1,200', { Cadence: 'Quarterly' }),
      row('C-3', 'Mia Chen', '', 50),
    ],
    { frozenRows: 1 },
  );
  t.emu.sheets.setSheet('Touches', [
    ['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes', 'Step', 'Logged by'],
  ]);
}

const col = (name: string): number => HEADERS.indexOf(name);
const clientRow = (id: string): unknown[] =>
  t.emu.sheets.values('Clients').find((r) => r[0] === id)!;
const civil = (v: unknown): string => (v as Date).toISOString().slice(0, 10);

test('logging a call updates only the owned cells and appends one log row, within 4 reads and 3 writes', () => {
  seed();
  const before = t.emu.sheets.values('Clients');
  t.emu.kernel.resetCounts();
  const result = logTouch({
    clientId: 'C-1',
    channel: 'call',
    outcome: 'reached',
    notes: 'Asked about the roof',
    cadence: 'Twice a year',
  });
  // The client sheet, and the Touches header row (rows are appended by header).
  expect(reads(t.emu)).toBeLessThanOrEqual(4);
  expect(writes(t.emu)).toBeLessThanOrEqual(3);
  expect(result.message).toBe('Logged a call with Zoe Adams.');
  expect(result.item).toMatchObject({
    id: 'C-1',
    lastContact: '2026-11-25',
    daysSinceContact: 0,
    touches: 3,
    lastChannel: 'call',
    status: 'Reconnected',
    cadence: 'Twice a year',
    nextDue: '2027-05-25',
    due: false,
  });
  const after = clientRow('C-1');
  expect(civil(after[col('Last Contact')])).toBe('2026-11-25');
  expect(after[col('Touches')]).toBe(3);
  expect(after[col('Status')]).toBe('Reconnected');
  expect(after[col('Cadence')]).toBe('Twice a year');
  expect(after[col('Last Channel')]).toBe('call');
  // Every cell the add-on does not own is as it was; the other rows are untouched.
  for (const name of ['Name', 'First Name', 'Email', 'Value', 'Notes', 'Do Not Contact']) {
    expect(after[col(name)]).toEqual(before[1][col(name)]);
  }
  expect(t.emu.sheets.values('Clients').slice(2)).toEqual(before.slice(2));
  const log = t.emu.sheets.values('Touches');
  expect(log).toHaveLength(2);
  expect(civil(log[1][0])).toBe('2026-11-25');
  expect(log[1].slice(1, 7)).toEqual([
    'C-1',
    'Zoe Adams',
    'call',
    'reached',
    'Asked about the roof',
    '',
  ]);
  expect(log[1][7]).toBe('owner@example.com');
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
});

test('the row is found by Client ID when the user sorted the sheet after loading the list', () => {
  seed();
  const list = getCallList({ bucket: 'all' });
  const abe = list.items.find((i) => i.id === 'C-2')!;
  expect(abe.row).toBe(3);
  t.emu.sheets.sortSheet('Clients', col('Name') + 1); // Abe moves to row 2
  logTouch({ clientId: 'C-2', channel: 'email', outcome: 'sent', date: '2026-11-20' });
  const values = t.emu.sheets.values('Clients');
  expect(values[1][col('Name')]).toBe('Abe Brown');
  expect(civil(values[1][col('Last Contact')])).toBe('2026-11-20');
  expect(civil(values[1][col('Next Due')])).toBe('2027-02-20'); // quarterly: 3 calendar months
  expect(values[2][col('Name')]).toBe('Mia Chen');
  expect(values[2][col('Touches')]).toBe('');
});

test('a future date and an unknown client are refused and nothing is written', () => {
  seed();
  const before = t.emu.sheets.values('Clients');
  expect(() =>
    logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached', date: '2026-11-26' }),
  ).toThrow(/2026-11-26 is in the future/);
  expect(() => logTouch({ clientId: 'C-99', channel: 'call', outcome: 'reached' })).toThrow(
    /No client has the ID "C-99"/,
  );
  expect(t.emu.sheets.values('Clients')).toEqual(before);
  expect(t.emu.sheets.values('Touches')).toHaveLength(1);
});

test('undo restores the previous values and removes the log row', () => {
  seed();
  const before = t.emu.sheets.values('Clients');
  logTouch({ clientId: 'C-1', channel: 'meeting', outcome: 'raised a problem', notes: 'leak' });
  expect(clientRow('C-1')[col('Status')]).toBe('Recovery');
  const undo = undoLastTouch();
  expect(undo).toEqual({
    clientId: 'C-1',
    message: 'Undid the meeting with Zoe Adams.',
    touchId: expect.stringMatching(/^T-[0-9A-Z]{10}$/),
  });
  expect(t.emu.sheets.values('Clients')).toEqual(before);
  expect(t.emu.sheets.values('Touches')).toHaveLength(1);
  expect(() => undoLastTouch()).toThrow(/no logged touch to undo/);
});

test('undo finds the client after a sort', () => {
  seed();
  const before = clientRow('C-3');
  logTouch({ clientId: 'C-3', channel: 'call', outcome: 'reached' });
  t.emu.sheets.sortSheet('Clients', col('Name') + 1, false);
  undoLastTouch();
  expect(clientRow('C-3')).toEqual(before);
});

test('notes and names stay text: =HYPERLINK(...) is not a formula', () => {
  seed();
  t.emu.sheets.setSheet('Clients', [HEADERS, row('C-9', '=cmd|calc', day('2022-01-01'), 1)]);
  logTouch({
    clientId: 'C-9',
    channel: 'note',
    outcome: 'note',
    notes: '=HYPERLINK("http://evil.example","click")',
  });
  const formulas = t.emu.sheets.formulas('Touches');
  expect(formulas[1].every((f) => f === '')).toBe(true);
  const log = t.emu.sheets.values('Touches');
  expect(log[1][5]).toBe('=HYPERLINK("http://evil.example","click")');
  expect(log[1][2]).toBe('=cmd|calc');
});

test('a batch: latest date kept, merge statuses, a missing Merge Status column added at the end', () => {
  seed();
  const result = recordTouches(
    [
      {
        clientId: 'C-1',
        date: '2026-11-20',
        channel: 'email',
        outcome: 'sent',
        step: 'Reconnect 1',
        mergeStatus: 'Sent: Reconnect 1',
      },
      { clientId: 'C-1', date: '2026-10-01', channel: 'email', outcome: 'sent', step: 'Old' },
      { clientId: 'C-404', date: '2026-11-20', channel: 'email', outcome: 'sent' },
    ],
    { mergeStatuses: [{ clientId: 'C-2', text: 'Skipped: no email' }] },
  );
  expect(result.rejected).toEqual([
    { clientId: 'C-404', message: expect.stringMatching(/No client has the ID/) },
  ]);
  const values = t.emu.sheets.values('Clients');
  expect(values[0]).toEqual([...HEADERS, 'Merge Status']);
  const zoe = clientRow('C-1');
  expect(civil(zoe[col('Last Contact')])).toBe('2026-11-20');
  expect(zoe[col('Touches')]).toBe(4);
  expect(zoe[HEADERS.length]).toBe('Sent: Reconnect 1');
  expect(clientRow('C-2')[HEADERS.length]).toBe('Skipped: no email');
  expect(t.emu.sheets.values('Touches')).toHaveLength(3);
  writeMergeStatuses([{ clientId: 'C-3', text: 'Error: bounced' }]);
  expect(clientRow('C-3')[HEADERS.length]).toBe('Error: bounced');
});

test('a Touches sheet is created when missing; a busy lock gives a clear message', () => {
  seed();
  SpreadsheetApp.getActiveSpreadsheet().deleteSheet(
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Touches')!,
  );
  logTouch({ clientId: 'C-2', channel: 'letter', outcome: 'sent' });
  expect(t.emu.sheets.values('Touches')[0]).toEqual([...TOUCH_HEADERS]);
  t.emu.locks.holdByOther('document');
  expect(() => logTouch({ clientId: 'C-2', channel: 'call', outcome: 'reached' })).toThrow(
    /Someone else is updating/,
  );
});
