// logTouch reads only the touched client's row: three reads on any size of sheet, and the cases that need the whole sheet (a copied row, new columns) still come out right.
import { logTouch } from '../../src/app/touches';
import { HEADERS, day, reads, row, useEmulator, writes } from './clientsHelpers';

const t = useEmulator();

const col = (name: string): number => HEADERS.indexOf(name);
const civil = (v: unknown): string => (v as Date).toISOString().slice(0, 10);

test('on 500 clients: four reads, never the whole client sheet, only the touched row changes', () => {
  const rows: unknown[][] = [HEADERS];
  for (let i = 0; i < 500; i++) rows.push(row(`C-${i}`, `Client ${i}`, day('2024-01-10'), i));
  t.emu.sheets.setSheet('Clients', rows);
  t.emu.sheets.setSheet('Touches', [['Date', 'Client ID', 'Client', 'Channel', 'Outcome']]);
  const before = t.emu.sheets.values('Clients');
  t.emu.kernel.resetCounts();
  const result = logTouch({ clientId: 'C-321', channel: 'call', outcome: 'reached' });
  // Three reads of the client sheet, and the Touches header row (rows are appended by header).
  expect(reads(t.emu)).toBe(4);
  expect(writes(t.emu)).toBeLessThanOrEqual(3);
  expect(t.emu.kernel.count('Sheet.getDataRange')).toBe(0);
  expect(result.item).toMatchObject({ id: 'C-321', name: 'Client 321', row: 323, touches: 1 });
  const after = t.emu.sheets.values('Clients');
  expect(civil(after[322][col('Last Contact')])).toBe('2026-11-25');
  after[322] = before[322];
  expect(after).toEqual(before);
});

test('a row copied after the list was loaded: the first row is logged, the copy gets its own ID', () => {
  t.emu.sheets.setSheet('Clients', [
    HEADERS,
    row('C-1', 'Ann Lee', day('2023-05-01'), 10, { Touches: 1 }),
    row('C-2', 'Bo Diaz', day('2023-05-01'), 20),
    row('C-1', 'Ann Lee', day('2023-05-01'), 10, { Touches: 1 }),
  ]);
  logTouch({ clientId: 'C-1', channel: 'email', outcome: 'sent' });
  const values = t.emu.sheets.values('Clients');
  expect(values[1][col('Client ID')]).toBe('C-1');
  expect(values[1][col('Touches')]).toBe(2);
  expect(values[3][col('Client ID')]).toMatch(/^C-[0-9A-Z]{10}$/);
  expect(values[3][col('Touches')]).toBe(1);
});

test("a sheet missing owned columns: they are added at the end, and other rows' cells keep their values", () => {
  t.emu.sheets.setSheet('Clients', [
    ['Client ID', 'Name', 'Last Contact', 'Status'],
    ['C-1', 'Ann Lee', day('2023-05-01'), 'Recovery'],
    ['C-2', 'Bo Diaz', day('2023-06-01'), 'To reconnect'],
    ['C-3', 'Cy Park', day('2023-07-01'), 'To reconnect'],
  ]);
  logTouch({ clientId: 'C-3', channel: 'call', outcome: 'reached', cadence: 'Yearly' });
  const values = t.emu.sheets.values('Clients');
  expect(values[0]).toEqual([
    'Client ID',
    'Name',
    'Last Contact',
    'Status',
    'Touches',
    'Last Channel',
    'Cadence',
    'Next Due',
  ]);
  expect(values[1].slice(0, 4)).toEqual(['C-1', 'Ann Lee', day('2023-05-01'), 'Recovery']);
  expect(values[2].slice(0, 4)).toEqual(['C-2', 'Bo Diaz', day('2023-06-01'), 'To reconnect']);
  expect(values[1].slice(4)).toEqual(['', '', '', '']);
  expect(values[3][3]).toBe('Reconnected');
  expect(values[3].slice(4, 7)).toEqual([1, 'call', 'Yearly']);
  expect(civil(values[3][7])).toBe('2027-11-25');
});

test('a column of data without a header, and the row the list gave: new owned columns go after it, its cells untouched', () => {
  t.emu.sheets.setSheet('Clients', [
    ['Client ID', 'Name', 'Last Contact', 'Status', ''],
    ['C-1', 'Ann Lee', day('2023-05-01'), 'Recovery', 'gate code 1234'],
    ['C-2', 'Bo Diaz', day('2023-06-01'), 'To reconnect', 'left side door'],
  ]);
  logTouch({ clientId: 'C-2', channel: 'call', outcome: 'reached', row: 3 });
  const values = t.emu.sheets.values('Clients');
  expect(values[0]).toEqual([
    'Client ID',
    'Name',
    'Last Contact',
    'Status',
    '',
    'Touches',
    'Last Channel',
    'Next Due',
  ]);
  expect(values[1].slice(4)).toEqual(['gate code 1234', '', '', '']);
  expect(values[2].slice(3, 7)).toEqual(['Reconnected', 'left side door', 1, 'call']);
});
