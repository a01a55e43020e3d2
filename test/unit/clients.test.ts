// Unit tests for reading messy client rows: headers, names, dates, money, emails, blank rows, problems.
import { parseClients, firstNameFrom, isBlankRow } from '../../src/core/clients';
import { recognizeColumns, missingNeeds, missingColumnsMessage } from '../../src/core/columns';

const toCivil = (d: Date): string => d.toISOString().slice(0, 10);

function parse(headers: string[], rows: unknown[][], overrides: Record<string, string> = {}) {
  const { columns } = recognizeColumns(headers, overrides);
  return parseClients(rows, columns, { today: '2026-11-25', toCivil, headers, firstRow: 2 });
}

describe('header recognition', () => {
  test('ignores case, spaces and punctuation', () => {
    const { columns } = recognizeColumns([
      '  client id ',
      'NAME',
      'e-mail  address',
      'Last-Contact',
      'value ($)',
    ]);
    expect(columns).toEqual({ id: 0, name: 1, email: 2, lastContact: 3, value: 4 });
  });

  test('Google Contacts export', () => {
    const headers = [
      'Name',
      'Given Name',
      'Family Name',
      'E-mail 1 - Value',
      'Phone 1 - Value',
      'Organization 1 - Name',
    ];
    expect(recognizeColumns(headers).columns).toEqual({
      name: 0,
      firstName: 1,
      lastName: 2,
      email: 3,
      phone: 4,
      company: 5,
    });
  });

  test('Outlook export', () => {
    const headers = [
      'First Name',
      'Last Name',
      'Company',
      'E-mail Address',
      'Business Phone',
      'Mobile Phone',
    ];
    expect(recognizeColumns(headers).columns).toMatchObject({
      firstName: 0,
      lastName: 1,
      company: 2,
      email: 3,
      phone: 5,
    });
  });

  test('shop, accounting and practice exports', () => {
    expect(
      recognizeColumns(['Customer', 'Email', 'Total Spent', 'Last Order Date']).columns,
    ).toEqual({
      name: 0,
      email: 1,
      value: 2,
      lastContact: 3,
    });
    expect(recognizeColumns(['Patient', 'Cell Phone', 'Last Visit', 'Recall Due']).columns).toEqual(
      {
        name: 0,
        phone: 1,
        lastContact: 2,
        nextDue: 3,
      },
    );
    expect(recognizeColumns(['Contact', 'Lifetime Value', 'Last Contacted']).columns).toEqual({
      name: 0,
      value: 1,
      lastContact: 2,
    });
  });

  test("the user's overrides win and a wrong override is reported", () => {
    const r = recognizeColumns(['Who', 'Seen', 'Name'], {
      name: 'who',
      lastContact: 'Seen',
      email: 'Mail box',
    });
    expect(r.columns).toMatchObject({ name: 0, lastContact: 1 });
    expect(r.problems).toEqual([expect.stringContaining('"Mail box"')]);
  });

  test('missing needed columns give one message listing the headers found', () => {
    const { columns } = recognizeColumns(['Foo', 'Bar']);
    const missing = missingNeeds(columns);
    expect(missing).toHaveLength(2);
    const message = missingColumnsMessage('Clients', ['Foo', ' Bar '], missing);
    expect(message).toContain('"Foo", "Bar"');
    expect(message).toContain('Settings');
    expect(missingNeeds(recognizeColumns(['Company', 'Phone']).columns)).toEqual([]);
  });
});

describe('parsing rows', () => {
  const headers = [
    'Client ID',
    'Name',
    'Email',
    'Last Contact',
    'Value',
    'Cadence',
    'Do Not Contact',
  ];

  test('mixed date types, currency text, unknown markers, blank rows', () => {
    const { clients, problems } = parse(headers, [
      [
        'C-1',
        '  Ann   Lee ',
        'ann@example.com',
        new Date('2022-03-14T12:00:00Z'),
        '$1,200.50',
        'Quarterly',
        false,
      ],
      ['', '', '', '', '', '', false],
      ['C-2', 'Bob', 'N/A', '3/14/2022', 'USD 950', '', ''],
      ['C-3', 'Cy', '-', 'March 14, 2022', '€950', '45', 'yes'],
      ['C-4', 'Di', 'di@x.io', '14 Mar 2022', '1,200', 'n/a', ''],
      ['C-5', 'Ed', '', 'n/a', 'none', '', ''],
      ['   ', '   ', '', '', '', '', ''],
    ]);
    expect(clients.map((c) => c.row)).toEqual([2, 4, 5, 6, 7]);
    expect(clients.map((c) => c.lastContact)).toEqual([
      '2022-03-14',
      '2022-03-14',
      '2022-03-14',
      '2022-03-14',
      null,
    ]);
    expect(clients.map((c) => c.value)).toEqual([1200.5, 950, 950, 1200, null]);
    expect(clients[0].name).toBe('Ann Lee');
    expect(clients[0].firstName).toBe('Ann');
    expect(clients[1].email).toBe('');
    expect(clients[2].doNotContact).toBe(true);
    expect(clients[3].cadence).toBe('');
    expect(problems).toEqual([]);
  });

  test('bad cells are reported by row and column, and the row is still listed', () => {
    const { clients, problems } = parse(headers, [
      ['C-1', 'Ann', 'ann@', 'soon', 'lots', 'sometimes', ''],
      ['C-2', 'Bob', 'bob@example.com', '2027-01-02', '10', '', ''],
    ]);
    expect(clients).toHaveLength(2);
    expect(clients[0]).toMatchObject({ name: 'Ann', email: '', lastContact: null, value: null });
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Email'],
      [2, 'Last Contact'],
      [2, 'Value'],
      [2, 'Cadence'],
      [3, 'Last Contact'],
    ]);
    expect(problems[4].message).toContain('future');
    expect(clients[1].lastContact).toBeNull();
  });

  test('first and last name columns make the name; a header with extra spaces still matches', () => {
    const { clients } = parse(
      ['  First   Name ', 'Last Name', 'Phone'],
      [['Ann', 'Lee', '555-0101']],
    );
    expect(clients[0]).toMatchObject({
      name: 'Ann Lee',
      firstName: 'Ann',
      lastName: 'Lee',
      phone: '555-0101',
    });
  });

  test('date serial numbers and date-time text', () => {
    const { clients } = parse(
      ['Name', 'Last Contact'],
      [
        ['A', 44634],
        ['B', '2022-03-14 10:30'],
      ],
    );
    expect(clients.map((c) => c.lastContact)).toEqual(['2022-03-14', '2022-03-14']);
  });

  test('helpers', () => {
    expect(firstNameFrom('Lee, Ann')).toBe('Ann');
    expect(firstNameFrom('Dr. Ann Lee')).toBe('Ann');
    expect(isBlankRow(['C-1', '', false, '  '], 0)).toBe(true);
    expect(isBlankRow(['', 'x'], 0)).toBe(false);
  });
});

test('rows read with the ranking columns only make no "no name" problem (checkNames: false); a full read still does', () => {
  const rows = [
    ['C-1', 10],
    ['C-2', 20],
  ];
  const columns = { id: 0, value: 1 };
  const base = { today: '2026-11-29', toCivil, headers: ['Client ID', 'Value'], firstRow: 2 };
  expect(parseClients(rows, columns, { ...base, checkNames: false }).problems).toEqual([]);
  expect(parseClients(rows, columns, base).problems.map((p) => p.message)).toEqual([
    'This row has no name',
    'This row has no name',
  ]);
});
