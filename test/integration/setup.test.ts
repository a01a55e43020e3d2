// setupClientSheet against the emulator: a new spreadsheet, an existing user sheet (only missing owned columns, at the end), idempotence.
import { setupClientSheet } from '../../src/app/setup';
import { getCallList } from '../../src/app/callList';
import { STANDARD_HEADERS } from '../../src/core/clients';
import { TOUCH_HEADERS } from '../../src/core/touchLog';
import { HEADERS, day, useEmulator } from './clientsHelpers';

const t = useEmulator();

test('a new spreadsheet gets Clients with the standard columns, formats, dropdowns, highlight and the Touches log', () => {
  const { emu } = t;
  const message = setupClientSheet();
  expect(message).toMatch(/created the sheet "Clients"/);
  expect(emu.ui.alerts[0]).toMatchObject({ kind: 'alert', title: 'Reconnect' });
  expect(emu.sheets.values('Clients')).toEqual([[...STANDARD_HEADERS]]);
  expect(STANDARD_HEADERS.slice(0, 15)).toEqual(HEADERS);
  expect(emu.sheets.frozenRows('Clients')).toBe(1);
  expect(emu.sheets.cell('Clients', 'G2').format).toBe('yyyy-mm-dd');
  expect(emu.sheets.cell('Clients', 'J500').format).toBe('yyyy-mm-dd');
  expect(emu.sheets.cell('Clients', 'H2').format).toContain('$');
  expect(emu.sheets.cell('Clients', 'I2').validation).toMatchObject({
    args: [['Quarterly', 'Twice a year', 'Yearly'], true],
    allowInvalid: true,
  });
  expect(emu.sheets.cell('Clients', 'K2').validation?.args[0]).toEqual([
    'To reconnect',
    'Reconnected',
    'Recovery',
    'Wrong number',
  ]);
  expect(emu.sheets.cell('Clients', 'N2').validation?.criteria).toBe('CHECKBOX');
  const rules = emu.sheets.conditionalRules('Clients');
  expect(rules).toHaveLength(1);
  expect(String(rules[0].condition?.args[0])).toContain('TODAY()');
  expect(emu.sheets.values('Touches')[0]).toEqual([...TOUCH_HEADERS]);

  const again = setupClientSheet();
  expect(again).toMatch(/already set up: nothing to change/);
  expect(emu.sheets.conditionalRules('Clients')).toHaveLength(1);
  expect(emu.sheets.values('Clients')).toEqual([[...STANDARD_HEADERS]]);
});

test("an existing sheet keeps the user's columns; only the missing owned columns are added at the end, with IDs", () => {
  const { emu } = t;
  const userRows = [
    ['Patient', 'Cell Phone', 'Last Visit', 'Total Spent', 'Notes'],
    ['Ann Lee', '555-0101', day('2022-03-14'), 1200, '=not a formula here'],
    ['', '', '', '', ''],
    ['Bob Roy', '555-0102', '3/14/2023', '$950', 'x'],
  ];
  emu.sheets.setSheet('Clients', userRows);
  const before = emu.sheets.values('Clients');
  const message = setupClientSheet();
  expect(message).toMatch(
    /added the columns Client ID, Cadence, Next Due, Status, Touches, Last Channel, Do Not Contact, Merge Status at the end/,
  );
  expect(message).toMatch(/Client ID to 2 new clients/);
  const after = emu.sheets.values('Clients');
  expect(after[0]).toEqual([
    'Patient',
    'Cell Phone',
    'Last Visit',
    'Total Spent',
    'Notes',
    'Client ID',
    'Cadence',
    'Next Due',
    'Status',
    'Touches',
    'Last Channel',
    'Do Not Contact',
    'Merge Status',
  ]);
  for (let r = 0; r < before.length; r++) expect(after[r].slice(0, 5)).toEqual(before[r]);
  expect(after[1][5]).toMatch(/^C-/);
  expect(after[2][5]).toBe('');
  expect(after[3][5]).toMatch(/^C-/);
  expect(emu.sheets.cell('Clients', 'C2').format).not.toBe('yyyy-mm-dd'); // the user's own column is not reformatted
  expect(emu.sheets.cell('Clients', 'H2').format).toBe('yyyy-mm-dd');
  const list = getCallList({ bucket: 'all' });
  expect(list.items.map((i) => i.name)).toEqual(['Ann Lee', 'Bob Roy']);
  expect(setupClientSheet()).toMatch(/nothing to change/);
  expect(emu.sheets.values('Clients')).toEqual(after);
});
