// Unit tests for the value parsers: dates typed as text, calendar arithmetic, money, emails, flags, cadence.
import {
  addMonths,
  monthsBetween,
  parseDateText,
  sinceWords,
  daysBetween,
  fromSerial,
} from '../../src/core/dates';
import { parseMoney, parseEmail, parseFlag, isUnknown } from '../../src/core/values';
import { parseCadence, nextDueFor } from '../../src/core/cadence';
import { bucketOf } from '../../src/core/recency';
import { clientIdFromUuid, planIds } from '../../src/core/ids';
import type { Client } from '../../src/core/clients';

test.each([
  ['2022-03-14', '2022-03-14'],
  ['2022/3/4', '2022-03-04'],
  ['3/14/2022', '2022-03-14'],
  ['14/3/2022', '2022-03-14'],
  ['03/04/22', '2022-03-04'],
  ['14.03.2022', '2022-03-14'],
  ['March 14, 2022', '2022-03-14'],
  ['Mar 14 2022', '2022-03-14'],
  ['14 Mar 2022', '2022-03-14'],
  ['14th March 2022', '2022-03-14'],
  ['Mon, 14 Mar 2022', '2022-03-14'],
  ['Sept 2021', '2021-09-01'],
  ['2022-03-14T09:00:00Z', '2022-03-14'],
])('date text %s', (text, expected) => {
  expect(parseDateText(text)).toBe(expected);
});

test.each(['2022-02-30', '13/13/2022', 'soon', '14 Foo 2022', '2022', ''])(
  'not a date: %s',
  (text) => {
    expect(parseDateText(text)).toBeNull();
  },
);

test('day-first preference for ambiguous dates', () => {
  expect(parseDateText('03/04/2022', true)).toBe('2022-04-03');
});

test('calendar arithmetic', () => {
  expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  expect(addMonths('2026-11-25', -6)).toBe('2026-05-25');
  expect(monthsBetween('2026-05-25', '2026-11-25')).toBe(6);
  expect(monthsBetween('2026-05-26', '2026-11-25')).toBe(5);
  expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1);
  expect(daysBetween('2025-11-25', '2026-11-25')).toBe(365);
  expect(fromSerial(44634)).toBe('2022-03-14');
  expect(sinceWords('2024-08-20', '2026-11-25')).toBe('2 years, 3 months');
  expect(sinceWords('2025-11-25', '2026-11-25')).toBe('1 year');
  expect(sinceWords('2026-11-13', '2026-11-25')).toBe('12 days');
  expect(sinceWords('2026-11-25', '2026-11-25')).toBe('today');
  expect(sinceWords(null, '2026-11-25')).toBe('');
});

test.each([
  [1200, 1200],
  ['$1,200.50', 1200.5],
  ['1,200', 1200],
  ['USD 950', 950],
  ['€950', 950],
  ['950 EUR', 950],
  ['1.200,50 €', 1200.5],
  ['12,5', 12.5],
  ['(300)', -300],
  ['2.5k', 2500],
  ['£ 1 200', 1200],
])('money %s', (cell, expected) => {
  expect(parseMoney(cell)).toEqual({ ok: true, value: expected });
});

test.each(['', 'n/a', 'N/A', '-', 'none', 'unknown'])('unknown marker %j', (cell) => {
  expect(isUnknown(cell)).toBe(true);
  expect(parseMoney(cell)).toEqual({ ok: true, value: null });
  expect(parseEmail(cell)).toEqual({ ok: true, value: '' });
});

test('unreadable money and emails are errors', () => {
  expect(parseMoney('lots').ok).toBe(false);
  expect(parseMoney('1,2,3').ok).toBe(false);
  expect(parseEmail('ann@').ok).toBe(false);
  expect(parseEmail('ann at example.com').ok).toBe(false);
  expect(parseEmail('Ann Lee <ann@example.com>')).toEqual({ ok: true, value: 'ann@example.com' });
});

test('flags', () => {
  expect([true, 'TRUE', 'yes', 'x', 'Y'].map(parseFlag)).toEqual([true, true, true, true, true]);
  expect([false, '', 'no', 'FALSE', null].map(parseFlag)).toEqual([
    false,
    false,
    false,
    false,
    false,
  ]);
});

test('cadence: calendar months for named cadences, days for numbers', () => {
  expect(parseCadence('Quarterly')).toEqual({ months: 3 });
  expect(parseCadence('twice a year')).toEqual({ months: 6 });
  expect(parseCadence('Yearly')).toEqual({ months: 12 });
  expect(parseCadence(45)).toEqual({ days: 45 });
  expect(parseCadence('45 days')).toEqual({ days: 45 });
  expect(parseCadence('6 weeks')).toEqual({ days: 42 });
  expect(parseCadence('')).toBeNull();
  expect(parseCadence('sometimes')).toBeUndefined();
  expect(nextDueFor('2026-01-31', { months: 3 })).toBe('2026-04-30');
  expect(nextDueFor('2026-01-01', { days: 45 })).toBe('2026-02-15');
  expect(nextDueFor('2026-01-01', null)).toBe('2026-07-01');
  expect(nextDueFor(null, { months: 3 })).toBeNull();
});

test('recency groups, with configurable thresholds', () => {
  const today = '2026-11-25';
  expect(bucketOf('2026-06-01', today)).toBe('under6m');
  expect(bucketOf('2026-05-25', today)).toBe('6to12m');
  expect(bucketOf('2025-11-25', today)).toBe('1to2y');
  expect(bucketOf('2024-11-26', today)).toBe('1to2y');
  expect(bucketOf('2024-11-25', today)).toBe('2to3y');
  expect(bucketOf('2023-11-25', today)).toBe('3yPlus');
  expect(bucketOf(null, today)).toBe('never');
  expect(bucketOf('2026-08-01', today, [3, 12, 24, 36])).toBe('6to12m');
});

test('client IDs: missing ones assigned, copies get a new one with a notice naming the rows', () => {
  const c = (row: number, id: string) => ({ row, id }) as Client;
  let n = 0;
  const plan = planIds(
    [c(2, 'C-A'), c(3, ''), c(4, 'C-A'), c(5, 'C-B')],
    () => ['C-B', `C-N${++n}`][n % 2],
  );
  expect([...plan.assign.keys()]).toEqual([3, 4]);
  expect(new Set(plan.assign.values()).size).toBe(2);
  expect([...plan.assign.values()]).not.toContain('C-B');
  expect(plan.notices.join(' ')).toMatch(/row 4 had the ID C-A of row 2/);
  expect(clientIdFromUuid('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toMatch(/^C-[0-9A-Z]{10}$/);
});
