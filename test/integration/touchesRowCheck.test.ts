// logTouch confirms the row before writing: a copied row above the original, a row now holding someone else, duplicate IDs resolved by who the ID belongs to, and the argument checked whole.
import { getCallList } from '../../src/app/callList';
import { logTouch } from '../../src/app/touches';
import { RELOAD_HINT } from '../../src/shared/api';
import { HEADERS, day, row, useEmulator } from './clientsHelpers';

const t = useEmulator();
const LOG = ['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes', 'Step', 'Logged by'];
const col = (name: string): number => HEADERS.indexOf(name);
const ANN = { name: 'Ann Lee', email: 'ann@example.com' };

function seed(clients: unknown[][], log: unknown[][] = []): void {
  t.emu.sheets.setSheet('Clients', [HEADERS, ...clients]);
  t.emu.sheets.setSheet('Touches', [LOG, ...log]);
}
const ann = (): unknown[] => row('C-1', 'Ann Lee', day('2024-01-10'), 10);
/** Ann's row copied and renamed: the email came along with the copy. */
const renamedCopy = (): unknown[] => {
  const copy = ann();
  copy[col('Name')] = 'Cy Park';
  copy[col('First Name')] = 'Cy';
  return copy;
};
const values = (): unknown[][] => t.emu.sheets.values('Clients');

test('a copy pasted above the original and renamed: "Do not contact" lands on the original, the copy gets a new ID', () => {
  seed([ann(), row('C-2', 'Bo Diaz', day('2023-06-01'), 20)]);
  const card = getCallList({ bucket: 'all' }).items.find((i) => i.id === 'C-1')!;
  seed([renamedCopy(), ann(), row('C-2', 'Bo Diaz', day('2023-06-01'), 20)]);
  const result = logTouch({
    clientId: card.id,
    channel: 'call',
    outcome: 'do not contact',
    expect: { name: card.name, email: card.email },
  });
  expect(result.message).toMatch(/^Ann Lee is marked Do not contact: no more calls or emails\. /);
  expect(result.message).toContain('row 2 had the ID C-1 of row 3 and now has C-');
  expect(result.item).toMatchObject({ id: 'C-1', name: 'Ann Lee', row: 3 });
  const [, copy, original] = values();
  expect(original[col('Client ID')]).toBe('C-1');
  expect(original[col('Do Not Contact')]).toBe(true);
  expect(copy[col('Client ID')]).toMatch(/^C-[0-9A-Z]{10}$/);
  expect(copy[col('Do Not Contact')]).toBe(false);
  expect(t.emu.sheets.values('Touches')[1].slice(1, 3)).toEqual(['C-1', 'Ann Lee']);
});

test('the row found by ID now holds someone else: refused, naming the row and the client, nothing written', () => {
  const other = row('C-1', 'Cy Park', day('2020-01-01'), 5);
  seed([row('C-2', 'Bo Diaz', day('2023-06-01'), 20), other]);
  const before = values();
  expect(() =>
    logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached', expect: ANN }),
  ).toThrow(
    `Row 3 with the ID C-1 now holds Cy Park, not Ann Lee: the sheet changed since the list was loaded. Nothing was logged. ${RELOAD_HINT}`,
  );
  expect(values()).toEqual(before);
  expect(t.emu.sheets.values('Touches')).toHaveLength(1);
});

test('a changed email alone is the same client (the name still matches): the touch is logged', () => {
  const moved = ann();
  moved[col('Email')] = 'ann.lee@newjob.example';
  seed([moved]);
  expect(
    logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached', expect: ANN }).message,
  ).toBe('Logged a call with Ann Lee.');
});

test("without what the card showed, the log's name for the ID decides which row is the original", () => {
  seed(
    [renamedCopy(), ann()],
    [[day('2026-01-05'), 'C-1', 'Ann Lee', 'call', 'reached', '', '', '']],
  );
  const result = logTouch({ clientId: 'C-1', channel: 'note', outcome: 'note' });
  expect(result.message).toContain('row 2 had the ID C-1 of row 3 and now has C-');
  expect(result.message).toContain('(row 3 holds Ann Lee)');
  expect(values()[2][col('Client ID')]).toBe('C-1');
  expect(values()[2][col('Touches')]).toBe(1);
});

test('identical rows and nothing to tell them apart: the first keeps the ID, and the notice says so', () => {
  seed([ann(), ann()]);
  const result = logTouch({ clientId: 'C-1', channel: 'note', outcome: 'note' });
  expect(result.message).toContain('so the first row kept it: check both rows');
  expect(values()[1][col('Client ID')]).toBe('C-1');
  expect(values()[2][col('Client ID')]).toMatch(/^C-[0-9A-Z]{10}$/);
});

test.each([
  [{ cadence: 45 }, 'touch.cadence should be text, not the number 45.'],
  [{ date: '1000-01-01' }, 'touch.date 1000-01-01 is before 1900.'],
  [{ date: '2026-02-30' }, 'touch.date should be a date like 2024-03-15.'],
  [
    { channel: 'fax' },
    'touch.channel should be one of call, voicemail, email, letter, meeting, note, not the text "fax".',
  ],
  [
    { status: 'Happy' },
    'touch.status should be one of To reconnect, Reconnected, Recovery, Wrong number, not the text "Happy".',
  ],
  [{ notes: 5 }, 'touch.notes should be text, not the number 5.'],
  [{ expect: 'Ann' }, 'touch.expect should be an object, not the text "Ann".'],
  [{ colour: 'red' }, 'touch has an unknown field "colour"'],
])('%j is refused with a message and nothing written', (extra, message) => {
  seed([ann()]);
  const before = values();
  expect(() =>
    logTouch({
      clientId: 'C-1',
      channel: 'call',
      outcome: 'reached',
      ...(extra as object),
    } as never),
  ).toThrow(message);
  expect(values()).toEqual(before);
  expect(t.emu.sheets.values('Touches')).toHaveLength(1);
});

test("the list loaded after a copy was pasted above: the log's name for the ID keeps it on the original", () => {
  seed(
    [renamedCopy(), ann()],
    [[day('2026-01-05'), 'C-1', 'Ann Lee', 'call', 'reached', '', '', '']],
  );
  const list = getCallList({ bucket: 'all' });
  expect(list.items.find((i) => i.name === 'Ann Lee')!.id).toBe('C-1');
  expect(list.items.find((i) => i.name === 'Cy Park')!.id).toMatch(/^C-[0-9A-Z]{10}$/);
  expect(list.notices.join(' ')).toContain('(row 3 holds Ann Lee)');
  expect(values()[2][col('Client ID')]).toBe('C-1');
});
