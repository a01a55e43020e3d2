// logTouch in constant time: the row the list gave, confirmed by its Client ID in a one-row read; the search by ID only when the row moved.
import { getCallList } from '../../src/app/callList';
import { logTouch } from '../../src/app/touches';
import { HEADERS, day, row, useEmulator } from './clientsHelpers';

const t = useEmulator();
const N = 5000;
const col = (name: string): number => HEADERS.indexOf(name);

beforeEach(() => {
  const rows: unknown[][] = [HEADERS];
  for (let i = 0; i < N; i++) rows.push(row(`C-${i}`, `Client ${i}`, day('2022-01-10'), i));
  t.emu.sheets.setSheet('Clients', rows, { frozenRows: 1 });
  t.emu.sheets.setSheet('Touches', [
    ['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes', 'Step', 'Logged by'],
  ]);
});

function rowOf(id: string): unknown[] {
  return t.emu.sheets.values('Clients').find((r) => r[0] === id)!;
}

test('with the row the list gave: under 100 cells read, whatever the number of clients', () => {
  const { emu } = t;
  const item = emu.run(() => getCallList({})).items[0];
  emu.kernel.resetCounts();
  emu.run(() =>
    logTouch({
      clientId: item.id,
      channel: 'call',
      outcome: 'reached',
      row: item.row,
      expect: { name: item.name },
    }),
  );
  expect(emu.kernel.cellsRead).toBeLessThan(100);
  expect(rowOf(item.id)[col('Touches')]).toBe(1);
  expect(emu.sheets.values('Touches')[1][1]).toBe(item.id);
});

test('a row that moved since the list (a sort) is found by its ID, and only that client is touched', () => {
  const { emu } = t;
  const item = emu.run(() => getCallList({})).items[0];
  emu.sheets.sortSheet('Clients', 2, false); // by Name, descending: the rows move
  const before = emu.sheets.values('Clients');
  const there = before[item.row - 1];
  expect(there[0]).not.toBe(item.id);
  emu.run(() =>
    logTouch({ clientId: item.id, channel: 'call', outcome: 'reached', row: item.row }),
  );
  expect(rowOf(item.id)[col('Touches')]).toBe(1);
  // The client now on the row the list gave is untouched.
  expect(rowOf(String(there[0]))[col('Touches')]).toBe(there[col('Touches')]);
});

test('a row number that is not a sheet row is refused before anything is read', () => {
  const { emu } = t;
  for (const bad of [1, 0, 2.5, '7'] as unknown[]) {
    expect(() =>
      emu.run(() =>
        logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached', row: bad as number }),
      ),
    ).toThrow(/touch\.row/);
  }
  expect(emu.sheets.values('Touches')).toHaveLength(1);
});
