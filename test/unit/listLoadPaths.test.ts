// The call list's hot paths (money's usual shapes, date cells, cadence texts, day numbers, ID checks, the picker) read exactly as the general rules.
import { parseMoney } from '../../src/core/values';
import { parseClients, readDateCell } from '../../src/core/clients';
import type { ColumnMap } from '../../src/core/columns';
import { addDays, daysBetween, dayNumber } from '../../src/core/dates';
import { orderPicker } from '../../src/core/priority';
import { missingOrRepeatedIds } from '../../src/services/clientIndex';
import type { Client } from '../../src/core/clients';

test.each([
  // The usual shapes, read without the general rules.
  ['1200', 1200],
  ['$1,200.50', 1200.5],
  ['1,200', 1200],
  ['$1,234,567.891', 1234567.891],
  ['$0012', 12],
  [' $950', 950],
  ['1,200 ', 1200],
  // Near misses, read by the general rules.
  ['1.200', 1200],
  ['1234.5', 1234.5],
  ['12,345.678', 12345.678],
  ['1,2345', 1.2345],
  ['$1,23', 1.23],
  ['$1,234.', 1234],
  ['(300)', -300],
  ['2.5k', 2500],
  ['1.200,50 €', 1200.5],
])('money %j', (cell, value) => {
  expect(parseMoney(cell)).toEqual({ ok: true, value });
});

test('money: numbers, unknown markers and what is not an amount', () => {
  expect(parseMoney(1200)).toEqual({ ok: true, value: 1200 });
  expect(parseMoney(Infinity)).toEqual({ ok: false, message: 'is not a number' });
  expect(parseMoney(NaN).ok).toBe(false);
  for (const unknown of ['', 'n/a', '—', null, undefined])
    expect(parseMoney(unknown)).toEqual({ ok: true, value: null });
  // 400 digits pass the usual shape but are no finite amount.
  expect(parseMoney('1'.repeat(400))).toEqual({
    ok: false,
    message: `"${'1'.repeat(400)}" is not an amount`,
  });
  expect(parseMoney('1,2,3').ok).toBe(false);
});

describe('date cells', () => {
  const ctx = { toCivil: (d: Date) => d.toISOString().slice(0, 10) };
  test.each<[unknown, unknown]>([
    [new Date(Date.UTC(2022, 2, 14, 12)), '2022-03-14'],
    [new Date(NaN), { problem: 'is not a valid date' }],
    [new Date(Date.UTC(1899, 11, 30, 10)), { problem: 'holds a time, not a date' }],
    [44634, '2022-03-14'],
    [44634.75, '2022-03-14'],
    [10, { problem: '10 is not a date' }],
    [NaN, { problem: 'NaN is not a date' }],
    ['14/3/2022', '2022-03-14'],
    [' 2022-03-14 ', '2022-03-14'],
    ['soon', { problem: '"soon" is not a date we can read' }],
    [true, { problem: '"true" is not a date we can read' }],
    ['n/a', null],
    ['', null],
    [null, null],
  ])('%p', (cell, expected) => {
    expect(readDateCell(cell, ctx)).toEqual(expected);
  });
});

describe('parsing rows', () => {
  const columns: ColumnMap = { id: 0, name: 1, value: 2, cadence: 3 };
  const parse = (rows: unknown[][]) =>
    parseClients(rows, columns, {
      today: '2026-11-25',
      toCivil: (d) => d.toISOString().slice(0, 10),
      headers: ['Client ID', 'Name', 'Value', 'Cadence'],
      firstRow: 2,
    });

  test('a cadence text is judged once per text, and a number is not its text', () => {
    const { clients, problems } = parse([
      ['C-1', 'Ann', '', 45.5],
      ['C-2', 'Bo', '', '45.5'],
      ['C-3', 'Cy', '', 45.5],
      ['C-4', 'Di', '', 'Quarterly'],
      ['C-5', 'Ed', '', ' Quarterly '],
      ['C-6', 'Fi', '', 'sometimes'],
      ['C-7', 'Gus', '', 'sometimes'],
    ]);
    expect(clients.map((c) => c.cadence)).toEqual([
      '45.5',
      '45.5',
      '45.5',
      'Quarterly',
      'Quarterly',
      'sometimes',
      'sometimes',
    ]);
    expect(problems.map((p) => p.row)).toEqual([3, 7, 8]);
    expect(problems[0].message).toBe(
      'Cadence "45.5" is not a cadence (use Quarterly, Twice a year, Yearly or a number of days)',
    );
  });

  test('values: numbers as they are, text by the money rules, problems for the rest', () => {
    const { clients, problems } = parse([
      ['C-1', 'Ann', 1200, ''],
      ['C-2', 'Bo', '$1,200.50', ''],
      ['C-3', 'Cy', Infinity, ''],
      ['C-4', 'Di', 'lots', ''],
      ['C-5', 'Ed', 'n/a', ''],
    ]);
    expect(clients.map((c) => c.value)).toEqual([1200, 1200.5, null, null, null]);
    expect(problems.map((p) => p.message)).toEqual([
      'Value is unreadable: is not a number',
      'Value is unreadable: "lots" is not an amount',
    ]);
  });
});

test('day numbers: counted as Date.UTC counts them, odd texts included', () => {
  expect(dayNumber('1970-01-01')).toBe(0);
  expect(dayNumber('2024-02-29')).toBe(19782);
  expect(dayNumber('1900-03-01')).toBe(-25508);
  expect(dayNumber('9999-12-31')).toBe(2932896);
  // A day past the month's end runs into the next month; month 13 into the next year.
  expect(dayNumber('2022-02-30')).toBe(dayNumber('2022-03-02'));
  expect(dayNumber('2022-13-01')).toBe(dayNumber('2023-01-01'));
  // Date.UTC reads years 0 to 99 as 1900 to 1999.
  expect(dayNumber('0099-01-01')).toBe(dayNumber('1999-01-01'));
  expect(dayNumber('2022-1-01')).toBeNaN();
  expect(daysBetween('2023-03-01', '2024-03-01')).toBe(366);
  expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
});

test('missing or repeated IDs', () => {
  const ids = (...xs: string[]) => xs.map((id, i) => ({ id, row: i + 2 }) as Client);
  expect(missingOrRepeatedIds([])).toBe(false);
  expect(missingOrRepeatedIds(ids('C-1'))).toBe(false);
  expect(missingOrRepeatedIds(ids('C-1', 'C-2', 'C-1'))).toBe(true);
  expect(missingOrRepeatedIds(ids('C-1', ''))).toBe(true);
  const many = Array.from({ length: 20000 }, (_, i) => `C-${i.toString(36).toUpperCase()}`);
  expect(missingOrRepeatedIds(ids(...many))).toBe(false);
  expect(missingOrRepeatedIds(ids(...many, 'C-ABC'))).toBe(true);
  // IDs differing in case are different IDs.
  expect(missingOrRepeatedIds(ids('C-abc', 'C-ABC'))).toBe(false);
});

test('a picker says whether it kept an item, so that a refused one may be reused', () => {
  const item = (value: number, row: number) => ({
    name: '',
    value,
    bucket: 'never' as const,
    due: true,
    daysSinceContact: null,
    nextDue: null,
    sheetOrder: row,
  });
  const picker = orderPicker<ReturnType<typeof item>>('value', 1);
  expect(picker.add(item(10, 2))).toBe(true);
  expect(picker.add(item(20, 3))).toBe(true);
  // The buffer (twice the limit) is full: 20 is the one to beat.
  expect(picker.add(item(5, 4))).toBe(false);
  expect(picker.add(item(30, 5))).toBe(true);
  expect(picker.count).toBe(4);
  expect(picker.take().map((i) => i.value)).toEqual([30]);
  expect(orderPicker('priority', 0).add(item(1, 2))).toBe(false);
});
