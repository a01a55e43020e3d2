// The Touches row format, the one text guard, Touch IDs and the choice of the original among rows sharing a Client ID.
import { TOUCH_HEADERS, touchColumns } from '../../src/core/touchLog';
import { isSomeoneElse, planIds, touchIdFromUuid } from '../../src/core/ids';
import { asCell, wouldChangeMeaning } from '../../src/services/clientSheetWrite';
import { MAX_UNDO_BYTES, encodeUndo } from '../../src/services/undoStore';
import type { Client } from '../../src/core/clients';

test.each([
  '00123',
  '1e5',
  '1E-3',
  'TRUE',
  'false',
  '1/2/2024',
  '2024-01-02',
  'Jan 5',
  '5 March 2024',
  '=1+1',
  '+44 20 7946 0000',
  '-5',
  '@mention',
  '50%',
  '$12',
  '(12)',
  '10:30',
  '1,234.50',
  "'quoted",
])('%s would change meaning, so it is written with an apostrophe', (text) => {
  expect(wouldChangeMeaning(text)).toBe(true);
  expect(asCell(text)).toBe(`'${text}`);
});

test.each(['Ann Lee', 'C-00001', 'reached', 'Called about the roof (twice)', 'Reconnect apology'])(
  '%s is plain text and written as is',
  (text) => {
    expect(wouldChangeMeaning(text)).toBe(false);
    expect(asCell(text)).toBe(text);
  },
);

test('the log columns are found by header wherever they are; Touch ID goes at the end of older logs', () => {
  expect(TOUCH_HEADERS).toEqual([
    'Date',
    'Client ID',
    'Client',
    'Channel',
    'Outcome',
    'Notes',
    'Step',
    'Logged by',
    'Touch ID',
  ]);
  expect(touchColumns(['Region', 'date', 'CLIENT ID', 'Client', 'Channel'])).toEqual({
    date: 1,
    clientId: 2,
    client: 3,
    channel: 4,
  });
  // A renamed header in a log of the add-on's layout keeps its column.
  const renamed = touchColumns([
    'Date',
    'Customer',
    'Client',
    'Channel',
    'Outcome',
    'Notes',
    'Step',
    'Logged by',
  ]);
  expect(renamed.clientId).toBe(1);
  expect(renamed.touchId).toBeUndefined();
  // A short log with a column of the user's: that column is never taken for a missing field.
  expect(
    touchColumns(['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Mine']).notes,
  ).toBeUndefined();
});

test('Touch IDs: "T-" and ten base-36 characters', () => {
  expect(touchIdFromUuid('0b3f1c2e-9a4d-4e5f-8a6b-7c8d9e0f1a2b')).toMatch(/^T-[0-9A-Z]{10}$/);
});

const client = (row: number, id: string, name: string, email = ''): Client =>
  ({ row, id, name, email }) as Client;

test('rows sharing an ID: the one matching the owner keeps it, else the first, and the notice says which', () => {
  let n = 0;
  const fresh = () => `C-NEW${++n}`;
  const rows = [client(2, 'C-1', 'Cy Park', 'ann@x.com'), client(3, 'C-1', 'Ann Lee', 'ann@x.com')];
  const byOwner = planIds(rows, fresh, new Map([['C-1', { name: 'Ann Lee', email: 'ann@x.com' }]]));
  expect([...byOwner.assign]).toEqual([[2, 'C-NEW1']]);
  expect(byOwner.notices[0]).toContain('(row 3 holds Ann Lee)');
  const unknown = planIds(rows, fresh);
  expect([...unknown.assign]).toEqual([[3, 'C-NEW2']]);
  expect(unknown.notices[0]).toContain('so the first row kept it');
});

test('someone else: every field the card showed differs', () => {
  const ann = { name: 'Ann Lee', email: 'ann@x.com' };
  expect(isSomeoneElse(client(2, 'C-1', 'Cy Park', 'cy@x.com'), ann)).toBe(true);
  expect(isSomeoneElse(client(2, 'C-1', 'Cy Park', 'ANN@x.com'), ann)).toBe(false);
  expect(isSomeoneElse(client(2, 'C-1', ' ann lee ', 'new@x.com'), ann)).toBe(false);
  expect(isSomeoneElse(client(2, 'C-1', 'Cy Park', ''), {})).toBe(false);
});

test('an undo record that would not fit the bound is refused before anything is written', () => {
  const record = {
    touchId: 'T-1',
    clientId: 'C-1',
    name: 'Ann',
    email: '',
    channel: 'call',
    date: '2026-01-01',
    previous: {},
    written: { cadence: 'x'.repeat(MAX_UNDO_BYTES) },
  };
  expect(encodeUndo(record)).toBeNull();
  expect(encodeUndo({ ...record, written: {} })).not.toBeNull();
});
