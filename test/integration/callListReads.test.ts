// getCallList reads the ranking columns for every client and whole rows only for the page, and lists exactly what a full read would.
import { getCallList } from '../../src/app/callList';
import { buildCallList } from '../../src/core/callList';
import { withReferralFollowUps } from '../../src/app/referralFollowUps';
import { readClientSheet } from '../../src/services/clientSheet';
import { HEADERS, day, row, useEmulator } from './clientsHelpers';

const t = useEmulator();

function bigSheet(n: number): unknown[][] {
  const rows: unknown[][] = [HEADERS];
  for (let i = 0; i < n; i++) {
    const last = i % 9 === 0 ? '' : day(`20${20 + (i % 6)}-0${1 + (i % 9)}-1${i % 10}`);
    rows.push(
      row(`C-${i}`, `Client ${i}`, last, i % 7 === 0 ? `$${i},000` : (i * 37) % 5000, {
        Cadence: i % 5 === 0 ? 'Quarterly' : '',
        'Do Not Contact': i % 97 === 0,
        Email: i % 11 === 0 ? 'broken@' : `c${i}@example.com`,
      }),
    );
  }
  return rows;
}

test('at most 6 cells a client beyond the header and the page, and the same page a full read gives', () => {
  const { emu } = t;
  const n = 2000;
  emu.sheets.setSheet('Clients', bigSheet(n));
  for (const query of [{}, { sort: 'value' as const }, { bucket: 'all' as const, offset: 50 }]) {
    emu.kernel.resetCounts();
    const list = emu.run(() => getCallList(query));
    const pageRows = list.items.length + 1; // and the header
    expect(emu.kernel.cellsRead).toBeLessThanOrEqual(6 * n + pageRows * HEADERS.length + 4 * 15);
    // The same clients, in the same order, with the same fields, as ranking the whole sheet.
    // (Both through the referral hook, which adds each item's follow-up and ask advice.)
    const full = emu.run(() => {
      const cs = readClientSheet();
      return withReferralFollowUps(cs, (clients) =>
        buildCallList(clients, query, {
          today: cs.dates.today,
          asOf: list.asOf,
          problems: [],
          notices: [],
          currency: '$',
          goal: list.goal,
        }),
      );
    });
    // Cards carry their last try and row problems besides: not part of the ranking.
    const ranked = list.items.map(({ lastTry: _t, problems: _p, ...item }) => item);
    expect(ranked).toEqual(full.items);
    expect(list.counts).toEqual(full.counts);
    expect(list.total).toBe(full.total);
  }
});

test("problems: every ranking column's for all rows, the other columns' for the rows shown", () => {
  const { emu } = t;
  emu.sheets.setSheet('Clients', [
    HEADERS,
    row('C-1', 'Ann', 'whenever', 10, { Email: 'ann@' }),
    row('C-2', 'Bob', day('2021-01-01'), 'N/A'),
  ]);
  const list = emu.run(() => getCallList({ bucket: 'all' }));
  expect(list.problems.map((p) => [p.row, p.column])).toEqual([
    [2, 'Email'],
    [2, 'Last Contact'],
  ]);
});

test('a row typed with a name only (no ID, no ranking cell) is listed and gets an ID', () => {
  const { emu } = t;
  emu.sheets.setSheet('Clients', [
    HEADERS,
    row('C-1', 'Ann', day('2021-01-01'), 10),
    row('', 'New Person', '', ''),
    row('C-3', 'Only A Name', '', ''),
  ]);
  const list = emu.run(() => getCallList({ bucket: 'all' }));
  expect(list.items.map((i) => i.name).sort()).toEqual(['Ann', 'New Person', 'Only A Name']);
  const fresh = list.items.find((i) => i.name === 'New Person')!;
  expect(fresh.id).toMatch(/^C-/);
  expect(emu.sheets.values('Clients')[2][0]).toBe(fresh.id);
  // Next time nothing is missing: no write, and the row holding only an ID and a name still lists.
  emu.kernel.resetCounts();
  const again = emu.run(() => getCallList({ bucket: 'all' }));
  expect(again.items.map((i) => i.name).sort()).toEqual(['Ann', 'New Person', 'Only A Name']);
  expect(emu.kernel.cellsWritten).toBe(0);
});

test('a first load reads each sheet extent once, the Touches tail once, and writes the cache in 3 calls', () => {
  const { emu } = t;
  emu.sheets.setSheet('Clients', bigSheet(300));
  const log: unknown[][] = [['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes']];
  for (let i = 0; i < 400; i++)
    log.push([day('2024-05-01'), `C-${i}`, `Client ${i}`, 'call', 'no answer', '']);
  emu.sheets.setSheet('Touches', log);
  emu.cache.clear();
  emu.kernel.resetCounts();
  const list = emu.run(() => getCallList({}));
  expect(list.items.length).toBeGreaterThan(0);
  const extent = ['Sheet.getDataRange', 'Sheet.getLastRow', 'Sheet.getLastColumn'];
  // One for the client sheet, one for the Touches log (goal and cards' last tries share its tail).
  expect(extent.reduce((n, k) => n + emu.kernel.count(k), 0)).toBe(2);
  // The fresh version tokens (before the read), the index pieces, then meta, goal and tries together.
  expect(emu.kernel.count('Cache.put') + emu.kernel.count('Cache.putAll')).toBe(3);
  // And the next load finds all of it: no sheet extent beyond the client sheet's, no cache write.
  emu.kernel.resetCounts();
  emu.run(() => getCallList({}));
  expect(extent.reduce((n, k) => n + emu.kernel.count(k), 0)).toBe(1);
  expect(emu.kernel.count('Cache.put') + emu.kernel.count('Cache.putAll')).toBe(0);
});
