// Column settings can never point a column Reconnect writes at the user's own data: refused when saved, ignored (with a notice) when read.
import { getCallList } from '../../src/app/callList';
import {
  getSettings,
  getSettingsChoices,
  saveSettings,
  submitSettings,
} from '../../src/app/settings';
import { logTouch } from '../../src/app/touches';
import { HEADERS, day, row, useEmulator } from './clientsHelpers';

const t = useEmulator();
const col = (name: string): number => HEADERS.indexOf(name);

function seed(): void {
  t.emu.sheets.setSheet(
    'Clients',
    [
      HEADERS,
      row('C-1', 'Zoe Adams', day('2021-05-01'), 300),
      row('C-2', 'Abe Brown', day('2023-01-15'), 120),
    ],
    { frozenRows: 1 },
  );
  t.emu.sheets.setSheet('Touches', [
    ['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes', 'Step', 'Logged by'],
  ]);
}

/** A map saved by an older version, or typed into the property by hand. */
function storeColumnMap(columnMap: Record<string, string>): void {
  t.emu.properties.set('document', 'reconnect.settings', JSON.stringify({ columnMap }));
}

const column = (name: string): unknown[] =>
  t.emu.sheets
    .values('Clients')
    .slice(1)
    .map((r) => r[col(name)]);

describe('Client ID mapped onto Email', () => {
  test('saving it is refused, naming the field and the header; nothing is saved', () => {
    seed();
    expect(() => saveSettings({ columnMap: { id: 'Email' } })).toThrow(
      /Client ID: the column "Email" holds your Email/,
    );
    expect(getSettings().columnMap).toEqual({});
  });

  test('a stored map that says so is ignored: the next call-list load keeps every email address', () => {
    seed();
    // A couple sharing one address, and a client without one: the IDs the add-on would generate
    // for "duplicate" and "missing" IDs must not land in Email.
    const emails = ['zoe@example.com', 'zoe@example.com', ''];
    t.emu.sheets.setSheet('Clients', [
      HEADERS,
      row('', 'Zoe Adams', day('2021-05-01'), 300, { Email: emails[0] }),
      row('', 'Max Adams', day('2021-05-01'), 200, { Email: emails[1] }),
      row('', 'Abe Brown', day('2023-01-15'), 120, { Email: emails[2] }),
    ]);
    storeColumnMap({ id: 'Email' });
    const list = getCallList({ bucket: 'all' });
    expect(column('Email')).toEqual(emails);
    expect(list.items.map((i) => i.email).sort()).toEqual(['', ...emails.slice(0, 2)]);
    expect(list.notices.join(' ')).toMatch(/Client ID: the column "Email" holds your Email/);
    // The real Client ID column got the new IDs.
    expect(column('Client ID').every((id) => /^C-/.test(String(id)))).toBe(true);
  });
});

describe('Cadence mapped onto Name', () => {
  test('saving it is refused', () => {
    seed();
    expect(() => saveSettings({ columnMap: { cadence: 'Name' } })).toThrow(
      /Cadence: the column "Name" holds your Name/,
    );
  });

  test("a stored map that says so is ignored: logging a cadence never overwrites the client's name", () => {
    seed();
    storeColumnMap({ cadence: 'Name' });
    logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached', cadence: 'Quarterly' });
    expect(column('Name')).toEqual(['Zoe Adams', 'Abe Brown']);
    expect(column('Cadence')[0]).toBe('Quarterly');
  });
});

test('two fields on one column are refused, by two overrides or by an override over a recognised column', () => {
  seed();
  expect(() => saveSettings({ columnMap: { name: 'Company', company: 'Company' } })).toThrow(
    /Company: the column "Company" is also chosen for Name/,
  );
  expect(() => saveSettings({ columnMap: { notes: 'Status' } })).toThrow(
    /Notes: the column "Status" is already the Status column; choose another column for Status first/,
  );
  expect(getSettings().columnMap).toEqual({});
});

test('the form gets each problem under its field, and nothing is saved', () => {
  seed();
  const result = submitSettings({
    columnMap: { id: 'Email', lastContact: 'Nope' },
    recentDays: null,
    dailyGoal: 10,
  });
  expect(result).toEqual({
    saved: false,
    problems: expect.arrayContaining([
      { field: 'columnMap.id', message: expect.stringContaining('"Email"') },
      { field: 'columnMap.lastContact', message: expect.stringContaining('no column "Nope"') },
      {
        field: 'recentDays',
        message: 'Recently contacted (days) is empty: enter a whole number from 0 to 365.',
      },
    ]),
  });
  expect(getSettings().dailyGoal).toBe(5);
  const ok = submitSettings({ dailyGoal: 10, columnMap: { lastContact: 'Last Contact' } });
  expect(ok).toEqual({
    saved: true,
    settings: expect.objectContaining({ dailyGoal: 10 }),
    message: 'Settings saved.',
  });
});

test('the Settings tab gets the sheet names, the real headers and what was detected for each column', () => {
  seed();
  t.emu.sheets.setSheet('Export', [['Customer', 'E-mail Address', 'Last Visit', 'Remarks']]);
  storeColumnMap({ id: 'Email', notes: 'Notes' });
  const choices = getSettingsChoices();
  expect(choices.sheetNames).toEqual(expect.arrayContaining(['Clients', 'Touches', 'Export']));
  expect(choices.sheet).toBe('Clients');
  expect(choices.headers).toEqual(HEADERS);
  const byField = Object.fromEntries(choices.columns.map((c) => [c.field, c]));
  expect(byField.email).toMatchObject({
    owned: false,
    chosen: '',
    detected: 'Email',
    inUse: 'Email',
  });
  expect(byField.id).toMatchObject({
    owned: true,
    chosen: 'Email',
    detected: 'Client ID',
    inUse: 'Client ID',
  });
  expect(choices.notices.join(' ')).toContain('Client ID: the column "Email" holds your Email');

  const other = getSettingsChoices({ clientSheet: 'Export' });
  expect(other.headers).toEqual(['Customer', 'E-mail Address', 'Last Visit', 'Remarks']);
  const found = Object.fromEntries(other.columns.map((c) => [c.field, c.detected]));
  expect(found).toMatchObject({
    name: 'Customer',
    email: 'E-mail Address',
    lastContact: 'Last Visit',
  });
});
