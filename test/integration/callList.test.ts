// getCallList against the emulator: messy sheets, IDs, time zones, the goal, the currency, JSON safety and read counts.
import { getCallList, showClientInSheet } from '../../src/app/callList';
import { saveSettings } from '../../src/app/settings';
import { readClientSheet } from '../../src/services/clientSheet';
import { HEADERS, day, reads, row, useEmulator } from './clientsHelpers';

const t = useEmulator();

test('a messy sheet: padded headers, mixed dates, currency text, blank rows, duplicate and missing IDs', () => {
  const { emu } = t;
  emu.sheets.setSheet('Clients', [
    ['  Client  ID ', ' Name', 'E-mail Address ', 'Last Visit', 'Total Spent', 'Notes'],
    ['C-A', 'Ann Lee', 'ann@example.com', day('2022-03-14'), '$1,200.50', ''],
    ['', '', '', '', '', ''],
    ['C-A', 'Ann Lee (copy)', 'ann2@example.com', '3/14/2022', 'USD 950', ''],
    ['', 'Bob Roy', 'bob@', 'March 14, 2023', 'N/A', ''],
    ['', 'Cy Park', '', 'whenever', '€950', 'met at the fair'],
    ['   ', '  ', '', '', '', ''],
    ['', 'Di Fox', 'di@example.com', '14 Mar 2024', 1200, ''],
  ]);
  const list = getCallList({ bucket: 'all' });
  expect(list.total).toBe(5);
  const byName = Object.fromEntries(list.items.map((i) => [i.name, i]));
  expect(byName['Ann Lee']).toMatchObject({
    id: 'C-A',
    lastContact: '2022-03-14',
    value: 1200.5,
    row: 2,
    bucket: '3yPlus',
  });
  expect(byName['Ann Lee (copy)']).toMatchObject({ lastContact: '2022-03-14', value: 950, row: 4 });
  expect(byName['Ann Lee (copy)'].id).not.toBe('C-A');
  expect(byName['Bob Roy']).toMatchObject({ email: '', value: null, lastContact: '2023-03-14' });
  expect(byName['Cy Park']).toMatchObject({
    lastContact: null,
    bucket: 'never',
    value: 950,
    notes: 'met at the fair',
  });
  expect(byName['Di Fox']).toMatchObject({ lastContact: '2024-03-14', value: 1200 });
  expect(list.problems).toEqual([
    {
      row: 5,
      column: 'E-mail Address',
      message: expect.stringContaining('"bob@" is not a valid email'),
    },
    { row: 6, column: 'Last Visit', message: expect.stringContaining('"whenever"') },
  ]);
  expect(list.notices.join(' ')).toMatch(/row 4 had the ID C-A of row 2/);
  // The IDs were written to the sheet, in the Client ID column, and are unique.
  const ids = emu.sheets
    .values('Clients')
    .slice(1)
    .map((r) => r[0]);
  expect(ids.filter((id) => id !== '' && id !== '   ')).toHaveLength(5);
  expect(new Set(ids.filter(Boolean)).size).toBe(ids.filter(Boolean).length);
  expect(ids[1]).toBe(''); // the blank row got no ID
  // JSON-safe: a JSON round trip changes nothing.
  expect(JSON.parse(JSON.stringify(list))).toEqual(list);
});

test('a sheet without the needed columns gets one clear message listing its headers', () => {
  t.emu.sheets.setSheet('Clients', [
    ['Foo', 'Bar'],
    ['x', 'y'],
  ]);
  expect(() => getCallList({})).toThrow(
    /needs a name column.*Headers found: "Foo", "Bar".*Settings/,
  );
});

test('a missing client sheet names the sheet and what to do', () => {
  expect(() => getCallList({})).toThrow(/no sheet named "Clients".*Set up client sheet/);
});

test('days since contact are calendar days in the spreadsheet time zone', () => {
  const { emu } = t;
  emu.sheets.setTimeZone('Asia/Tokyo');
  emu.clock.set('2026-11-25T16:00:00Z'); // already 26 November in Tokyo, still the 25th in New York
  emu.sheets.setSheet('Clients', [
    ['Client ID', 'Name', 'Last Contact'],
    ['C-1', 'Ann', new Date('2026-11-24T16:30:00Z')], // 25 Nov 01:30 in Tokyo
  ]);
  const list = getCallList({ bucket: 'all' });
  expect(list.today).toBe('2026-11-26');
  expect(list.items[0]).toMatchObject({
    lastContact: '2026-11-25',
    daysSinceContact: 1,
    sinceWords: '1 day',
  });
});

test('priority order, counts, the goal from the Touches sheet, the currency from the Value format', () => {
  const { emu } = t;
  emu.sheets.setSheet('Clients', [
    HEADERS,
    row('C-1', 'Low Old', day('2021-01-01'), 10),
    row('C-2', 'High Old', day('2022-01-01'), 900),
    row('C-3', 'Mid Year', day('2025-06-01'), 500),
    row('C-4', 'Recent', day('2026-10-01'), 9000),
    row('C-5', 'Never', '', 50),
    row('C-6', 'Blocked', day('2020-01-01'), 99999, { 'Do Not Contact': true }),
    row('C-7', 'Troubled', day('2026-01-01'), 100, { Status: 'Recovery' }),
  ]);
  emu.sheets.setSheet('Touches', [
    ['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes', 'Step', 'Logged by'],
    [day('2026-11-25'), 'C-4', 'Recent', 'call', 'reached', '', '', ''],
    [day('2026-11-25'), 'C-4', 'Recent', 'note', 'note', '', '', ''],
    [day('2026-11-24'), 'C-3', 'Mid Year', 'email', 'sent', '', '', ''],
  ]);
  SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName('Clients')!
    .getRange('H2:H8')
    .setNumberFormat('[$€-407]#,##0');
  emu.kernel.resetCounts();
  const list = getCallList({});
  expect(list.items.map((i) => i.name)).toEqual([
    'High Old',
    'Mid Year',
    'Troubled',
    'Never',
    'Low Old',
  ]);
  expect(list.items.find((i) => i.name === 'Troubled')!.recovery).toBe(true);
  expect(list.counts).toEqual({
    '3yPlus': 2,
    '2to3y': 0,
    '1to2y': 1,
    '6to12m': 1,
    under6m: 0,
    never: 1,
  });
  expect(list.goal).toEqual({ done: 1, target: 5 });
  expect(list.currency).toBe('€');
  expect(list.asOf).toBe('2026-11-25T15:00:00.000Z');
  // Header, the ranking columns (three runs of adjacent columns), the page's rows, the Value
  // format, the log's tail for the goal and its short tail for the cards' last tries: a fixed
  // number of reads whatever the sheet's size.
  expect(reads(emu)).toBeLessThanOrEqual(8);
  expect(emu.kernel.count('Range.setValues')).toBe(0);
  expect(getCallList({ bucket: 'all', sort: 'value' }).items.map((i) => i.name)).toEqual([
    'Recent',
    'High Old',
    'Mid Year',
    'Troubled',
    'Never',
    'Low Old',
  ]);
  expect(getCallList({ search: 'mid' }).items.map((i) => i.id)).toEqual(['C-3']);
});

test("the user's column mapping from Settings is used", () => {
  t.emu.sheets.setSheet('People', [
    ['Who', 'Seen on', 'Mail'],
    ['Ann', day('2024-01-01'), 'ann@example.com'],
  ]);
  saveSettings({
    clientSheet: 'People',
    columnMap: { name: 'Who', lastContact: 'Seen on', email: 'Mail' },
  });
  const list = getCallList({});
  expect(list.items[0]).toMatchObject({
    name: 'Ann',
    lastContact: '2024-01-01',
    email: 'ann@example.com',
  });
  expect(readClientSheet({ displayValues: true }).display).toEqual([
    ['Ann', expect.any(String), 'ann@example.com', expect.any(String)],
  ]);
});

test('showClientInSheet selects the row found by Client ID, after a sort', () => {
  const { emu } = t;
  emu.sheets.setSheet(
    'Clients',
    [HEADERS, row('C-1', 'Zoe', day('2021-01-01'), 1), row('C-2', 'Abe', day('2022-01-01'), 2)],
    {
      frozenRows: 1,
    },
  );
  emu.sheets.sortSheet('Clients', 2);
  showClientInSheet('C-1');
  expect(emu.sheets.selection()).toMatchObject({ sheet: 'Clients', row: 3 });
  expect(() => showClientInSheet('C-404')).toThrow(/No client has the ID "C-404"/);
});

test("today's goal reads only the tail of a long touch log, and still finds today's contacts", () => {
  const { emu } = t;
  emu.sheets.setSheet('Clients', [HEADERS, row('C-1', 'Ann Lee', day('2021-01-01'), 10)]);
  const old = Array.from({ length: 5000 }, (_, i) => [
    day('2024-03-01'),
    `C-${i}`,
    'Someone',
    'call',
    'reached',
    '',
    '',
    '',
  ]);
  emu.sheets.setSheet('Touches', [
    ['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes', 'Step', 'Logged by'],
    ...old,
    [day('2026-11-25'), 'C-1', 'Ann Lee', 'call', 'reached', '', '', ''],
    [day('2026-11-20'), 'C-1', 'Ann Lee', 'letter', 'sent', '', '', ''],
    [day('2026-11-25'), 'C-1', 'Ann Lee', 'email', 'sent', '', '', ''],
  ]);
  emu.kernel.resetCounts();
  const list = getCallList({});
  expect(list.goal.done).toBe(2);
  // The log is read from its end (its header row for the columns, a short tail, and a longer one
  // only when the short tail is all today's), never whole: its data range gives its extent only,
  // and one extent call each (client sheet, log) is all the load makes.
  const extent = ['Sheet.getDataRange', 'Sheet.getLastRow', 'Sheet.getLastColumn'];
  expect(extent.reduce((n, k) => n + emu.kernel.count(k), 0)).toBe(2);
  expect(emu.kernel.cellsRead).toBeLessThan(2000);
});
