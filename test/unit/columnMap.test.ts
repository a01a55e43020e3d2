// A column mapping that cannot collide: no two fields on one column, and no column Reconnect writes on the user's own data.
import { checkColumnMap, detectedColumns, recognizeColumns } from '../../src/core/columns';

const HEADERS = ['Client ID', 'Name', 'Email', 'Phone', 'Notes', 'Status', 'Seen', 'Stage'];
const at = (name: string) => HEADERS.indexOf(name);

describe('a column Reconnect writes never lands on the user data', () => {
  it.each([
    ['id', 'Email', 'Email'],
    ['cadence', 'Name', 'Name'],
    ['status', 'Notes', 'Notes'],
    ['lastContact', 'Phone', 'Phone'],
  ])('%s on "%s" is refused and ignored', (field, header, data) => {
    const checked = checkColumnMap(HEADERS, { [field]: header });
    expect(checked.problems).toEqual([
      {
        field,
        header,
        message: expect.stringContaining(`the column "${header}" holds your ${data}`),
      },
    ]);
    const { columns, problems } = recognizeColumns(HEADERS, { [field]: header });
    expect(Object.values(columns).filter((c) => c === at(header))).toHaveLength(1);
    expect(problems).toHaveLength(1);
  });

  it('refuses a header that names user data even when that data field found another column', () => {
    // "Client" is a Name alias: a column of names, whatever Name itself is mapped to.
    const headers = ['Name', 'Client', 'Email'];
    expect(checkColumnMap(headers, { id: 'Client' }).problems[0].message).toMatch(
      /Client ID: the column "Client" holds your Name/,
    );
  });

  it('accepts an owned field on a column no field claims', () => {
    expect(checkColumnMap(HEADERS, { lastContact: 'Seen' })).toEqual({
      columns: { lastContact: at('Seen') },
      problems: [],
    });
  });
});

describe('one column holds one field', () => {
  it('two choices on one column: both refused, so neither wins by accident', () => {
    const checked = checkColumnMap(HEADERS, { name: 'Seen', company: 'seen' });
    expect(checked.columns).toEqual({});
    expect(checked.problems.map((p) => p.field).sort()).toEqual(['company', 'name']);
  });

  it('a choice on a column recognised as another field is refused while that field has no other column', () => {
    expect(checkColumnMap(HEADERS, { notes: 'Status' }).problems[0].message).toBe(
      'Notes: the column "Status" is already the Status column; choose another column for Status first.',
    );
    // Moving Status to "Stage" frees its column.
    expect(checkColumnMap(HEADERS, { notes: 'Status', status: 'Stage' })).toEqual({
      columns: { notes: at('Status'), status: at('Stage') },
      problems: [],
    });
  });

  it('recognition never puts two fields on a column, whatever the stored map says', () => {
    const hostile = { id: 'Email', name: 'Email', email: 'Name', status: 'Email', notes: 'Status' };
    const { columns } = recognizeColumns(HEADERS, hostile);
    const used = Object.values(columns);
    expect(new Set(used).size).toBe(used.length);
    expect(columns.id).toBe(at('Client ID'));
    expect(columns.status).toBe(at('Status'));
  });

  it('ignores prototype keys and non-fields in a stored map', () => {
    const map = JSON.parse('{"__proto__": "Email", "constructor": "Name", "toString": "Seen"}');
    expect(checkColumnMap(HEADERS, map)).toEqual({ columns: {}, problems: [] });
  });
});

test('detected columns: what Reconnect finds for a field without its own choice', () => {
  const detected = detectedColumns(HEADERS, { email: 'Seen', notes: 'Status', status: 'Stage' });
  expect(detected.email).toBe(at('Email'));
  expect(detected.notes).toBe(at('Notes'));
  expect(detected.status).toBe(at('Status'));
  expect(detected.lastContact).toBeUndefined();
});
