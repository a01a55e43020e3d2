// The call list's cache: later loads, pages and sorts reuse the ranking index, and never serve a list a fresh read would not (edits by hand, another user, a sort, the add-on's own writes).
import { getCallList } from '../../src/app/callList';
import { onEdit } from '../../src/app/callListIndex';
import { logTouch, undoLastTouch } from '../../src/app/touches';
import type { CallList, CallListQuery } from '../../src/shared/api';
import { HEADERS, day, row, useEmulator } from './clientsHelpers';

const t = useEmulator();
const N = 600;

function sheet(): unknown[][] {
  const rows: unknown[][] = [HEADERS];
  for (let i = 0; i < N; i++) {
    const last = i % 13 === 0 ? '' : day(`20${20 + (i % 6)}-0${1 + (i % 9)}-1${i % 10}`);
    rows.push(row(`C-${i}`, `Client ${i}`, last, (i * 37) % 5000));
  }
  return rows;
}

function load(query: CallListQuery = {}): CallList {
  return t.emu.run(() => getCallList(query));
}

/** What a load with nothing cached answers now. */
function fresh(query: CallListQuery = {}): CallList {
  t.emu.cache.clear();
  return load(query);
}

function expectSame(a: CallList, b: CallList): void {
  expect(a.items).toEqual(b.items);
  expect(a.counts).toEqual(b.counts);
  expect(a.total).toBe(b.total);
  expect(a.problems).toEqual(b.problems);
}

/** A person types into a cell: the sheet changes, then Apps Script runs the onEdit simple trigger. */
function typeByHand(a1: string, value: unknown): void {
  writeByScript(a1, value);
  t.emu.run(() => onEdit({}), 'LIMITED');
}

/** Another script or the Sheets API writes a cell: no trigger runs. */
function writeByScript(a1: string, value: unknown): void {
  t.emu.run(() =>
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!.getRange(a1).setValue(value),
  );
}

beforeEach(() => t.emu.sheets.setSheet('Clients', sheet()));

test('a second load, the next page and a new sort read the page only, and answer as a fresh read', () => {
  const { emu } = t;
  load();
  for (const query of [
    {},
    { offset: 25 },
    { sort: 'value' as const },
    { bucket: 'all' as const },
  ]) {
    emu.kernel.resetCounts();
    const cached = load(query);
    // The header and the page's rows (read in runs, through gaps of a few rows): no ranking
    // column is read again (that alone would be 6 x 600 cells).
    expect(emu.kernel.cellsRead).toBeLessThanOrEqual(2 * (1 + 25) * HEADERS.length);
    expectSame(cached, fresh(query));
  }
});

test('an edit by hand to a client not shown reaches the next load', () => {
  const first = load();
  const hidden = N + 1; // the last client, not on the first page
  expect(first.items.map((i) => i.row)).not.toContain(hidden);
  typeByHand(`H${hidden}`, 999999); // Value: now the most valuable of its group
  const next = load({ sort: 'value' });
  expect(next.items[0].row).toBe(hidden);
  expectSame(next, fresh({ sort: 'value' }));
});

test("another user's edit by hand invalidates the list for everyone (the cache is the document's)", () => {
  load({ sort: 'value' });
  t.emu.session.setUser('colleague@example.com');
  typeByHand(`H${N}`, 888888);
  t.emu.session.setUser('owner@example.com');
  const next = load({ sort: 'value' });
  expect(next.items[0].row).toBe(N);
  expectSame(next, fresh({ sort: 'value' }));
});

test('a change no trigger reports, to a client shown, is caught by the rows shown', () => {
  const first = load();
  const shown = first.items[3];
  writeByScript(`G${shown.row}`, day('2026-11-20')); // contacted five days ago: no longer due
  const next = load();
  expect(next.items.map((i) => i.id)).not.toContain(shown.id);
  expectSame(next, fresh());
});

test('a sort by hand (no edit event) moves the rows shown: the index is read again', () => {
  load();
  t.emu.sheets.sortSheet('Clients', 2, false); // by Name, descending
  const next = load();
  expectSame(next, fresh());
  expect(next.items.every((i) => t.emu.sheets.values('Clients')[i.row - 1][0] === i.id)).toBe(true);
});

test('rows added or removed change the extent: the index is read again', () => {
  load();
  t.emu.run(() =>
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Clients')!
      .appendRow(['C-new', 'Newest Client', 'Newest', '', 'n@example.com', '', '', 99999]),
  );
  const next = load({ sort: 'value' });
  expect(next.items[0].name).toBe('Newest Client');
  expectSame(next, fresh({ sort: 'value' }));
});

test("the add-on's own writes keep the index current: the written row is read again, nothing else", () => {
  const { emu } = t;
  const first = load();
  const top = first.items[0];
  emu.run(() => logTouch({ clientId: top.id, channel: 'call', outcome: 'reached', notes: '' }));
  emu.kernel.resetCounts();
  const next = load();
  expect(next.items.map((i) => i.id)).not.toContain(top.id);
  expect(emu.kernel.cellsRead).toBeLessThanOrEqual(2 * (1 + 25 + 1) * HEADERS.length);
  expectSame(next, fresh());
});

test('a change no trigger reports, to a client not shown, lasts at most the 10 minutes the index lives', () => {
  // The known limit of the cache: another script or the Sheets API edits a client that is not on
  // the page; no edit event tells. The index expires after 10 minutes (CacheService's default).
  load({ sort: 'value' });
  writeByScript(`H${N}`, 777777);
  t.emu.clock.advance(601_000);
  const next = load({ sort: 'value' });
  expect(next.items[0].row).toBe(N);
});

test("today's goal is kept until a touch is logged or undone, or the log is edited by hand", () => {
  const { emu } = t;
  emu.sheets.setSheet('Touches', [
    ['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes', 'Step', 'Logged by'],
  ]);
  expect(load().goal.done).toBe(0);
  emu.kernel.resetCounts();
  expect(load().goal.done).toBe(0);
  // The client sheet and whether a Referrals sheet exists (referral reminders): neither the goal
  // nor the cards' last tries read the log again.
  expect(emu.kernel.count('Spreadsheet.getSheetByName')).toBe(2);
  const top = load().items[0];
  expect(top.lastTry).toBeNull();
  emu.run(() =>
    logTouch({ clientId: top.id, channel: 'call', outcome: 'no answer', row: top.row }),
  );
  // The touch replaced the cached tries: the card shows it at once.
  // (No answer moves the next try 3 days on, so the client is looked for among everyone.)
  const tried = load({ bucket: 'all', sort: 'days', limit: 500 }).items.find(
    (i) => i.id === top.id,
  )!;
  expect(tried.lastTry).toMatchObject({ outcome: 'no answer', attempts: 1 });
  expect(load().goal.done).toBe(0);
  emu.run(() => undoLastTouch());
  emu.run(() => logTouch({ clientId: top.id, channel: 'call', outcome: 'reached', row: top.row }));
  expect(load().goal.done).toBe(1);
  emu.run(() => undoLastTouch());
  expect(load().goal.done).toBe(0);
  emu.run(() =>
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Touches')!
      .appendRow([day('2026-11-25'), 'C-1', 'Client 1', 'call', 'reached', '', '', '']),
  );
  emu.run(() => onEdit({}), 'LIMITED'); // a person typed the row
  expect(load().goal.done).toBe(1);
});

test('writes from a run without a document cache (a time-driven batch) still reach the list', () => {
  // Whether an add-on's time-driven run has a document context is not documented: the write log
  // is in the script cache, under the spreadsheet's ID, which every context reaches.
  const { emu } = t;
  const top = load().items[0];
  emu.cache.documentBound = false;
  emu.run(() => logTouch({ clientId: top.id, channel: 'call', outcome: 'reached' }));
  emu.cache.documentBound = true;
  const next = load();
  expect(next.items.map((i) => i.id)).not.toContain(top.id);
  expectSame(next, fresh());
});
