// The Touches log as the one writer and reader keep it: text kept as text, an emptied log, a user's inserted or renamed columns, old logs, merge and sidebar rows alike.
import { getCallList } from '../../src/app/callList';
import { logTouch, undoLastTouch } from '../../src/app/touches';
import { TOUCH_HEADERS } from '../../src/core/touchLog';
import { HEADERS, day, row, useEmulator } from './clientsHelpers';

const t = useEmulator();
const TRICKY = ['00123', '1/2/2024', 'TRUE', '=1+1', '1e5'];
const OLD_HEADERS = TOUCH_HEADERS.slice(0, 8);

function seed(touches: unknown[][] = [OLD_HEADERS]): void {
  t.emu.sheets.setSheet('Clients', [
    HEADERS,
    ...TRICKY.map((id, i) => row(id, `Client ${i}`, day('2024-01-10'), i)),
    row('C-9', 'Ann Lee', day('2024-01-10'), 9),
  ]);
  t.emu.sheets.setSheet('Touches', touches);
}

const log = (): unknown[][] => t.emu.sheets.values('Touches');
const byHeader = (name: string): unknown[] =>
  log()
    .slice(1)
    .map((r) => r[log()[0].indexOf(name)]);

test('IDs, notes and names that look like numbers, dates, booleans or formulas stay text in the log, and undo finds their row', () => {
  seed();
  for (const id of TRICKY) {
    logTouch({ clientId: id, channel: 'note', outcome: id, notes: id });
  }
  expect(byHeader('Client ID')).toEqual(TRICKY);
  expect(byHeader('Outcome')).toEqual(TRICKY);
  expect(byHeader('Notes')).toEqual(TRICKY);
  expect(
    t.emu.sheets
      .formulas('Touches')
      .flat()
      .every((f) => f === ''),
  ).toBe(true);
  // Undo finds the last one's row by its Touch ID and removes only it.
  undoLastTouch();
  expect(byHeader('Client ID')).toEqual(TRICKY.slice(0, 4));
});

test('a client named "=1+1" is logged as text; a cadence of days stays text on the client row', () => {
  t.emu.sheets.setSheet('Clients', [HEADERS, row('', '=1+1', day('2024-01-10'), 1)]);
  t.emu.sheets.setSheet('Touches', [OLD_HEADERS]);
  const list = getCallList({ bucket: 'all' });
  const id = list.items[0].id;
  logTouch({ clientId: id, channel: 'call', outcome: 'reached', cadence: '45' });
  const client = t.emu.sheets.values('Clients')[1];
  expect(client[HEADERS.indexOf('Cadence')]).toBe('45');
  expect(byHeader('Client')).toEqual(['=1+1']);
});

test('an emptied Touches sheet gets its header back in row 1 and the touch in row 2; the goal counts it; undo removes it', () => {
  seed([]);
  logTouch({ clientId: 'C-9', channel: 'call', outcome: 'reached' });
  expect(log()[0]).toEqual([...TOUCH_HEADERS]);
  expect(log()).toHaveLength(2);
  expect(log()[1][1]).toBe('C-9');
  expect(getCallList({}).goal.done).toBe(1);
  undoLastTouch();
  expect(log()).toEqual([[...TOUCH_HEADERS]]);
});

test('a column the user inserted at the front and a reordered log are written by header', () => {
  seed([
    ['My tag', 'Client ID', 'Date', 'Channel', 'Client', 'Outcome', 'Notes', 'Step', 'Logged by'],
  ]);
  logTouch({ clientId: 'C-9', channel: 'call', outcome: 'reached', notes: 'hello' });
  const [header, line] = log();
  expect(header).toEqual([
    'My tag',
    'Client ID',
    'Date',
    'Channel',
    'Client',
    'Outcome',
    'Notes',
    'Step',
    'Logged by',
    'Touch ID',
  ]);
  expect(line.slice(0, 2)).toEqual(['', 'C-9']);
  expect((line[2] as Date).toISOString().slice(0, 10)).toBe('2026-11-25');
  expect(line.slice(3, 8)).toEqual(['call', 'Ann Lee', 'reached', 'hello', '']);
  expect(line[9]).toMatch(/^T-[0-9A-Z]{10}$/);
  expect(getCallList({}).goal.done).toBe(1);
});

test('an older log without "Touch ID" gets it at the end, after a column of the user', () => {
  seed([
    [...OLD_HEADERS, 'Follow-up'],
    [day('2026-01-02'), 'C-9', 'Ann Lee', 'call', 'reached', '', '', 'x', 'yes'],
  ]);
  const result = logTouch({ clientId: 'C-9', channel: 'call', outcome: 'reached' });
  expect(log()[0]).toEqual([...OLD_HEADERS, 'Follow-up', 'Touch ID']);
  expect(log()[1][8]).toBe('yes');
  expect(log()[2][8]).toBe('');
  expect(log()[2][9]).toBe(result.touchId);
});

test('a column with data but no header is left alone: new headers go after it', () => {
  seed([
    [...OLD_HEADERS, ''],
    [day('2026-01-02'), 'C-9', 'Ann Lee', 'call', 'reached', '', '', 'x', 'my own'],
  ]);
  logTouch({ clientId: 'C-9', channel: 'call', outcome: 'reached' });
  expect(log()[0]).toEqual([...OLD_HEADERS, '', 'Touch ID']);
  expect(log()[1][8]).toBe('my own');
  expect(log()[2][8]).toBe('');
  expect(log()[2][9]).toMatch(/^T-/);
});

test('a log grid wider than 1,000 columns: its extent is asked for, and the touch still lands by header', () => {
  const wide = [...TOUCH_HEADERS, ...new Array<string>(1001 - TOUCH_HEADERS.length).fill('')];
  wide[1000] = 'My last column';
  seed([wide]);
  t.emu.kernel.resetCounts();
  logTouch({ clientId: 'C-9', channel: 'call', outcome: 'reached' });
  expect(t.emu.kernel.count('Sheet.getLastColumn')).toBe(1);
  expect(t.emu.kernel.cellsRead).toBeLessThan(1100);
  expect(log()).toHaveLength(2);
  expect(byHeader('Client ID')).toEqual(['C-9']);
  expect(log()[1][1000]).toBe('');
});
