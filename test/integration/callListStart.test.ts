// The first load of a large sheet in slices: startCallList, warmCallList side by side, getCallList putting them together; the same list as one read, and a whole read whenever the slices cannot be trusted.
import { getCallList } from '../../src/app/callList';
import { startCallList, warmCallList } from '../../src/app/callListStart';
import { onEdit } from '../../src/app/callListIndex';
import { logTouch } from '../../src/app/touches';
import type { CallList, CallListQuery } from '../../src/shared/api';
import { HEADERS, day, row, useEmulator } from './clientsHelpers';

const t = useEmulator();
const N = 6001;

function sheet(n = N): unknown[][] {
  const rows: unknown[][] = [HEADERS];
  for (let i = 0; i < n; i++) {
    const last = i % 13 === 0 ? '' : day(`20${20 + (i % 6)}-0${1 + (i % 9)}-1${i % 10}`);
    const extra =
      i % 41 === 0 ? { Value: 'about 5k?' } : i % 17 === 0 ? { Cadence: 'Quarterly' } : {};
    rows.push(row(`C-${i}`, `Client ${i}`, last, (i * 37) % 5000, extra));
  }
  return rows;
}

const run = <T>(fn: () => T): T => t.emu.run(fn);

/** What one read of the whole sheet, with nothing cached, answers. */
function fresh(query: CallListQuery = {}): CallList {
  t.emu.cache.clear();
  return run(() => getCallList(query));
}

function expectSame(a: CallList, b: CallList): void {
  expect(a.items).toEqual(b.items);
  expect(a.counts).toEqual(b.counts);
  expect(a.total).toBe(b.total);
  expect(a.problems).toEqual(b.problems);
}

/** startCallList, then every slice (in the order given), then the list; cells read by the last call. */
function inSlices(order?: (n: number) => number[], query: CallListQuery = {}) {
  const start = run(() => startCallList(query));
  if (!('slices' in start)) throw new Error('expected slices');
  const slices = start.slices;
  for (const slice of order ? order(slices) : [...Array(slices).keys()])
    run(() => warmCallList({ slice, slices }));
  t.emu.kernel.resetCounts();
  const list = run(() => getCallList({ ...query, slices }));
  return { start, list, cellsRead: t.emu.kernel.cellsRead };
}

function typeByHand(a1: string, value: unknown): void {
  run(() =>
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!.getRange(a1).setValue(value),
  );
  run(() => onEdit({}));
}

beforeEach(() => t.emu.sheets.setSheet('Clients', sheet(), { frozenRows: 1 }));

test('a large sheet with nothing cached: slices asked for, read side by side, and the list is the one read whole', () => {
  const { start, list, cellsRead } = inSlices((n) => [...Array(n).keys()].reverse());
  expect(start).toEqual({ slices: 5, rows: N });
  // The last call read the page, not the ranking columns (6 x 6,001 cells).
  expect(cellsRead).toBeLessThan(2_000);
  expectSame(list, fresh());
  expect(list.problems.length).toBeGreaterThan(0);
});

test('once put together, the next loads use the cache as after a whole read', () => {
  inSlices();
  t.emu.kernel.resetCounts();
  const again = run(() => getCallList({ sort: 'value' }));
  expect(t.emu.kernel.cellsRead).toBeLessThan(2_000);
  const start = run(() => startCallList({}));
  expect('list' in start).toBe(true);
  expectSame(again, fresh({ sort: 'value' }));
});

test('an edit by hand while the slices are read: the list is read whole, with the edit', () => {
  const start = run(() => startCallList({}));
  const slices = (start as { slices: number }).slices;
  run(() => warmCallList({ slice: 0, slices }));
  typeByHand(`H${N + 1}`, 999999);
  for (let s = 1; s < slices; s++) run(() => warmCallList({ slice: s, slices }));
  t.emu.kernel.resetCounts();
  const list = run(() => getCallList({ sort: 'value', slices }));
  expect(t.emu.kernel.cellsRead).toBeGreaterThan(6 * N);
  expect(list.items[0].row).toBe(N + 1);
  expectSame(list, fresh({ sort: 'value' }));
});

test('a sort by hand (no edit event) while the slices are read: the list is the one read whole', () => {
  const start = run(() => startCallList({}));
  const slices = (start as { slices: number }).slices;
  for (let s = 0; s < 2; s++) run(() => warmCallList({ slice: s, slices }));
  t.emu.sheets.sortSheet('Clients', 2, false); // by Name, descending
  for (let s = 2; s < slices; s++) run(() => warmCallList({ slice: s, slices }));
  const list = run(() => getCallList({ slices }));
  expectSame(list, fresh());
  const sheet = t.emu.sheets.values('Clients');
  expect(list.items.every((i) => sheet[i.row - 1][0] === i.id)).toBe(true);
});

test("a touch logged while the slices are read is in the list (the add-on's own write)", () => {
  const top = fresh().items[0];
  t.emu.cache.clear();
  const start = run(() => startCallList({}));
  const slices = (start as { slices: number }).slices;
  run(() => warmCallList({ slice: 0, slices }));
  // The first client due, read by slice 0 before the touch: reached today, no longer due.
  run(() => logTouch({ clientId: top.id, channel: 'call', outcome: 'reached', notes: '' }));
  for (let s = 1; s < slices; s++) run(() => warmCallList({ slice: s, slices }));
  const list = run(() => getCallList({ slices }));
  expect(list.items.map((i) => i.id)).not.toContain(top.id);
  expectSame(list, fresh());
});

test('a slice missing (its call failed) or read under another extent: the list is read whole', () => {
  const start = run(() => startCallList({}));
  const slices = (start as { slices: number }).slices;
  for (let s = 1; s < slices; s++) run(() => warmCallList({ slice: s, slices }));
  t.emu.kernel.resetCounts();
  let list = run(() => getCallList({ slices }));
  expect(t.emu.kernel.cellsRead).toBeGreaterThan(6 * N);
  expectSame(list, fresh());

  t.emu.cache.clear();
  run(() => startCallList({}));
  run(() => warmCallList({ slice: 0, slices }));
  // A row added by a script (no edit event): the extent differs from what slice 0 read under.
  t.emu.sheets.setSheet('Clients', sheet(N + 1), { frozenRows: 1 });
  for (let s = 1; s < slices; s++) run(() => warmCallList({ slice: s, slices }));
  list = run(() => getCallList({ slices }));
  expectSame(list, fresh());
});

test('small sheets, searches and a warm cache get the list at once; bad slices are refused', () => {
  const first = run(() => startCallList({ search: 'Client 12' }));
  expect('list' in first && first.list.items.length).toBeGreaterThan(0);
  t.emu.sheets.setSheet('Clients', sheet(300), { frozenRows: 1 });
  t.emu.cache.clear();
  const small = run(() => startCallList({}));
  expect('list' in small).toBe(true);
  expect(() => run(() => warmCallList({ slice: 3, slices: 2 }))).toThrow(
    'There is no slice 3 of 2.',
  );
  expect(() => run(() => warmCallList({ slice: 0, slices: 99 }))).toThrow(/slices/);
  expect(() => run(() => getCallList({ slices: 1 }))).toThrow(/slices/);
});
