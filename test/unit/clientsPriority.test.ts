// Unit tests for the call list: the priority order on a hand-checked example, the other sorts, filters, paging, JSON safety.
import { buildCallList, toItem, currencyFromFormat } from '../../src/core/callList';
import type { Client } from '../../src/core/clients';
import { sortClients } from '../../src/core/priority';
import type { CallListQuery } from '../../src/shared/api';

const TODAY = '2026-11-25';
let row = 1;
function client(
  name: string,
  lastContact: string | null,
  value: number | null,
  extra: Partial<Client> = {},
): Client {
  row += 1;
  return {
    id: `C-${name}`,
    row,
    name,
    firstName: name,
    lastName: '',
    company: '',
    email: `${name.toLowerCase()}@example.com`,
    phone: '',
    lastContact,
    value,
    cadence: '',
    nextDue: null,
    status: '',
    touches: 0,
    lastChannel: '',
    doNotContact: false,
    notes: '',
    mergeStatus: '',
    ...extra,
  };
}

// Today 2026-11-25. Groups: 3+ years (Bea 500, Aaron 500, Cal 100), 2-3 years (Dana 300),
// 1-2 years (Eve 900, Finn 50), 6-12 months (Gus 200), under 6 months but past a quarterly cadence
// (Jo 10), never contacted (Hal 1000, Ivy unknown). Kim (2 months, no cadence) is not due; Zed is
// Do Not Contact.
const clients = [
  client('Bea', '2022-01-10', 500),
  client('Cal', '2021-06-01', 100),
  client('Aaron', '2023-02-01', 500),
  client('Dana', '2024-03-01', 300),
  client('Finn', '2025-06-01', 50),
  client('Eve', '2025-01-15', 900),
  client('Gus', '2026-02-01', 200),
  client('Jo', '2026-07-20', 10, { cadence: 'Quarterly' }),
  client('Hal', null, 1000),
  client('Ivy', null, null),
  client('Kim', '2026-09-25', 5000),
  client('Zed', '2020-01-01', 99999, { doNotContact: true }),
];

const ctx = {
  today: TODAY,
  asOf: '2026-11-25T15:00:00.000Z',
  problems: [],
  notices: [],
  currency: '$',
  goal: { done: 0, target: 5 },
};
const names = (q: CallListQuery) => buildCallList(clients, q, ctx).items.map((i) => i.name);

test('priority: round-robin over the groups, longest silent first, most valuable first, ties in sheet order', () => {
  // Round 1: Bea (3y+, 500, above Aaron in the sheet), Dana, Eve, Gus, Jo, Hal.
  // Round 2: Aaron, Finn, Ivy. Round 3: Cal. Then the clients not due: Kim.
  // (Ties follow the sheet, not the name: ranking reads no names, issue 12.)
  expect(names({ bucket: 'all' })).toEqual([
    'Bea',
    'Dana',
    'Eve',
    'Gus',
    'Jo',
    'Hal',
    'Aaron',
    'Finn',
    'Ivy',
    'Cal',
    'Kim',
  ]);
  expect(names({})).toEqual([
    'Bea',
    'Dana',
    'Eve',
    'Gus',
    'Jo',
    'Hal',
    'Aaron',
    'Finn',
    'Ivy',
    'Cal',
  ]);
});

test('sort by days since contact and by value', () => {
  expect(names({ sort: 'days', bucket: 'all' })).toEqual([
    'Cal',
    'Bea',
    'Aaron',
    'Dana',
    'Eve',
    'Finn',
    'Gus',
    'Jo',
    'Kim',
    'Hal',
    'Ivy',
  ]);
  expect(names({ sort: 'value', bucket: 'all' })).toEqual([
    'Kim',
    'Hal',
    'Eve',
    'Bea',
    'Aaron',
    'Dana',
    'Gus',
    'Cal',
    'Finn',
    'Jo',
    'Ivy',
  ]);
});

test('counts of due clients per group, filters, search and paging', () => {
  const list = buildCallList(clients, { limit: 3, offset: 2 }, ctx);
  expect(list.counts).toEqual({
    '3yPlus': 3,
    '2to3y': 1,
    '1to2y': 2,
    '6to12m': 1,
    under6m: 1,
    never: 2,
  });
  expect(list.total).toBe(10);
  expect(list.items.map((i) => i.name)).toEqual(['Eve', 'Gus', 'Jo']);
  expect(names({ bucket: '1to2y' })).toEqual(['Eve', 'Finn']);
  expect(names({ bucket: 'under6m' })).toEqual(['Jo']);
  expect(names({ bucket: 'all', search: 'KIM@' })).toEqual(['Kim']);
  expect(names({ bucket: 'all', search: 'zed' })).toEqual([]);
  expect(buildCallList(clients, {}, ctx).items).toHaveLength(10);
  expect(buildCallList(clients, { limit: 100000 }, ctx).items).toHaveLength(10);
});

test('items: days, words, due, recovery flag; the whole list survives a JSON round trip', () => {
  const item = toItem(client('Rae', '2024-08-20', 1, { status: 'Recovery' }), TODAY);
  expect(item).toMatchObject({
    daysSinceContact: 827,
    sinceWords: '2 years, 3 months',
    bucket: '2to3y',
    due: true,
    recovery: true,
    nextDue: '2025-02-20',
  });
  const withNextDue = toItem(
    client('Sam', '2026-01-01', 1, { nextDue: '2026-12-01', cadence: 'Yearly' }),
    TODAY,
  );
  expect(withNextDue.due).toBe(false);
  const list = buildCallList(clients, { bucket: 'all', limit: 50 }, ctx);
  expect(JSON.parse(JSON.stringify(list))).toEqual(list);
  const text = JSON.stringify(list);
  expect(text).not.toContain('undefined');
  const walk = (v: unknown): void => {
    expect(v).not.toBeUndefined();
    if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(list);
});

test('currency from a number format', () => {
  expect(currencyFromFormat('"$"#,##0.00')).toBe('$');
  expect(currencyFromFormat('[$€-407]#,##0')).toBe('€');
  expect(currencyFromFormat('#,##0.00 [$EUR]')).toBe('EUR');
  expect(currencyFromFormat('£#,##0')).toBe('£');
  expect(currencyFromFormat('#,##0.00')).toBe('');
});

test('every page of a large list is the same slice of the full order, in every sort', () => {
  // Only the best offset + limit clients are kept while ranking; paging must not notice.
  let seed = 7;
  const rand = (n: number): number => (seed = (seed * 16807) % 2147483647) % n;
  const many: Client[] = [];
  for (let i = 0; i < 600; i++) {
    const date = rand(10) === 0 ? null : `20${20 + rand(7)}-0${1 + rand(9)}-1${rand(9)}`;
    const value = rand(8) === 0 ? null : rand(40) * 25;
    const name = `${['ann', 'Bob', 'cy', 'Di'][rand(4)]} ${rand(50)}`;
    many.push(client(name, date, value, { cadence: rand(5) === 0 ? 'Quarterly' : '' }));
  }
  const big = { ...ctx, today: TODAY };
  for (const sort of ['priority', 'days', 'value'] as const) {
    for (const bucket of ['due', 'all'] as const) {
      const full = buildCallList(many, { sort, bucket, limit: 500 }, big);
      const fullRest = buildCallList(many, { sort, bucket, offset: 500, limit: 500 }, big);
      const order = [...full.items, ...fullRest.items].map((i) => i.row);
      expect(order).toHaveLength(full.total);
      for (const [offset, limit] of [
        [0, 1],
        [0, 25],
        [3, 7],
        [40, 25],
        [full.total - 2, 25],
      ]) {
        const page = buildCallList(many, { sort, bucket, offset, limit }, big);
        expect(page.total).toBe(full.total);
        expect(page.items.map((i) => i.row)).toEqual(order.slice(offset, offset + limit));
      }
    }
  }
});

test('names tie-break ignoring case, accents included, for callers that rank by name', () => {
  const tied = [
    client('bob', '2020-01-01', 100),
    client('Ámy', '2020-01-01', 100),
    client('Amy', '2020-01-01', 100),
    client('ann', '2020-01-01', 100),
    client('Anna', '2020-01-01', 100),
    client('BOBBY', '2020-01-01', 100),
  ];
  const order = sortClients(
    tied.map((c) => toItem(c, TODAY)),
    'value',
  ).map((i) => i.name);
  expect(order).toEqual(['Amy', 'ann', 'Anna', 'bob', 'BOBBY', 'Ámy']);
  // The call list ranks without names: equal clients keep the sheet's order.
  const listed = buildCallList(tied, { sort: 'value' }, ctx).items.map((i) => i.name);
  expect(listed).toEqual(tied.map((c) => c.name));
});
