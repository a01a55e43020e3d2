// logTouch's call discipline on 10,000 clients, by the emulator's cost meter (dev/emulator/cost.ts): every read before the first write, no extent call, under 0.5 s modelled.
import { COST } from '../../dev/emulator/cost';
import { getCallList } from '../../src/app/callList';
import { logTouch, undoLastTouch } from '../../src/app/touches';
import { TOUCH_HEADERS } from '../../src/core/touchLog';
import { HEADERS, day, row, useEmulator } from './clientsHelpers';

const t = useEmulator();
const N = 10000;
const OLD_LOG = ['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes', 'Step', 'Logged by'];
const EXTENT = ['Sheet.getLastRow', 'Sheet.getLastColumn', 'Sheet.getDataRange'];

function seed(log: string[]): void {
  const rows: unknown[][] = [HEADERS];
  for (let i = 0; i < N; i++) rows.push(row(`C-${i}`, `Client ${i}`, day('2022-01-10'), i));
  t.emu.sheets.setSheet('Clients', rows, { frozenRows: 1 });
  t.emu.sheets.setSheet('Touches', [log]);
}

/** Logs a touch of the list's n-th card as the sidebar does (with its row) and returns the meter. */
function logCard(n: number): { cost: typeof t.emu.kernel.cost; id: string } {
  const item = t.emu.run(() => getCallList({ limit: 30 })).items[n];
  t.emu.kernel.resetCounts();
  t.emu.run(() =>
    logTouch({
      clientId: item.id,
      channel: 'call',
      outcome: 'reached',
      row: item.row,
      expect: { name: item.name },
    }),
  );
  return { cost: t.emu.kernel.cost, id: item.id };
}

/** Modelled ms of each call other than the explicit flush that ends the lock: none pays a flush. */
function readsAfterWrites(cost: typeof t.emu.kernel.cost): string[] {
  return [...cost.byMethod]
    .filter(([key, ms]) => key !== 'SpreadsheetApp.flush' && ms >= COST.flushMs)
    .map(([key]) => key);
}

test('on 10,000 clients with the row the list gave: under 0.5 s modelled, no extent call, no read waits for a write', () => {
  seed(TOUCH_HEADERS);
  const { cost, id } = logCard(0);
  for (const key of EXTENT) expect(t.emu.kernel.count(key)).toBe(0);
  expect(readsAfterWrites(cost)).toEqual([]);
  // The one flush is the one before the lock is released (LockService docs:
  // https://developers.google.com/apps-script/reference/lock/lock#releaseLock()).
  expect(t.emu.kernel.count('SpreadsheetApp.flush')).toBe(1);
  expect(cost.byMethod.get('SpreadsheetApp.flush')).toBeCloseTo(
    COST.flushMs + COST.spreadsheetCallMs,
    6,
  );
  expect(cost.ms).toBeLessThan(500);
  expect(cost.cellsRead).toBeLessThan(100);
  // One write to each store: the undo record, and the list cache's notes of both writes.
  expect(t.emu.kernel.count('Properties.setProperty')).toBe(1);
  expect(t.emu.kernel.count('Properties.deleteProperty')).toBe(0);
  expect(t.emu.kernel.count('Cache.put') + t.emu.kernel.count('Cache.putAll')).toBe(1);
  const log = t.emu.sheets.values('Touches');
  expect(log).toHaveLength(2);
  expect(log[1][TOUCH_HEADERS.indexOf('Client ID')]).toBe(id);
});

test('an older log missing a header: its extent is read before the first write, and the next touch needs none', () => {
  seed(OLD_LOG);
  const first = logCard(0);
  expect(readsAfterWrites(first.cost)).toEqual([]);
  expect(t.emu.sheets.values('Touches')[0]).toEqual([...OLD_LOG, 'Touch ID']);
  const second = logCard(0);
  for (const key of EXTENT) expect(t.emu.kernel.count(key)).toBe(0);
  expect(readsAfterWrites(second.cost)).toEqual([]);
  expect(second.cost.ms).toBeLessThan(500);
  const log = t.emu.sheets.values('Touches');
  expect(log.map((r) => r[1])).toEqual(['Client ID', first.id, second.id]);
  expect(log[2][8]).toMatch(/^T-[0-9A-Z]{10}$/);
  // Undo still finds and removes the appended row.
  t.emu.run(() => undoLastTouch());
  expect(t.emu.sheets.values('Touches').map((r) => r[1])).toEqual(['Client ID', first.id]);
});
