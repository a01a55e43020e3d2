// Undo per user and per touch: two users interleaved, a later touch or an edit refuses it, notes never in the record, a 50,000-character note, an undo record that cannot be kept.
import { logTouch, undoLastTouch } from '../../src/app/touches';
import { SLOTS, slotOf } from '../../src/services/undoStore';
import { HEADERS, day, row, useEmulator } from './clientsHelpers';

const t = useEmulator();
const OLD_LOG = ['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes', 'Step', 'Logged by'];

function seed(): void {
  t.emu.sheets.setSheet('Clients', [
    HEADERS,
    row('C-1', 'Ann Lee', day('2024-01-10'), 10, { Status: 'To reconnect' }),
    row('C-2', 'Bo Diaz', day('2023-06-01'), 20),
  ]);
  t.emu.sheets.setSheet('Touches', [OLD_LOG]);
}

const as = <T>(user: string, fn: () => T): T => {
  t.emu.session.setUser(user);
  return fn();
};
const ids = (): unknown[] =>
  t.emu.sheets
    .values('Touches')
    .slice(1)
    .map((r) => r[1]);
const cell = (id: string, header: string): unknown =>
  t.emu.sheets.values('Clients').find((r) => r[0] === id)![HEADERS.indexOf(header)];

test('two users logging and undoing in turn: each undoes only their own touch', () => {
  seed();
  const clients = t.emu.sheets.values('Clients');
  as('ann@example.com', () => logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached' }));
  as('bob@example.com', () => logTouch({ clientId: 'C-2', channel: 'call', outcome: 'reached' }));
  const undoA = as('ann@example.com', () => undoLastTouch());
  expect(undoA.message).toBe('Undid the call with Ann Lee.');
  expect(ids()).toEqual(['C-2']);
  expect(cell('C-1', 'Touches')).toBe(clients[1][HEADERS.indexOf('Touches')]);
  expect(cell('C-2', 'Touches')).toBe(1);
  expect(() => as('ann@example.com', () => undoLastTouch())).toThrow(/no logged touch to undo/);
  as('ann@example.com', () => logTouch({ clientId: 'C-1', channel: 'email', outcome: 'sent' }));
  expect(as('bob@example.com', () => undoLastTouch()).message).toBe('Undid the call with Bo Diaz.');
  expect(ids()).toEqual(['C-1']);
  as('ann@example.com', () => undoLastTouch());
  expect(ids()).toEqual([]);
  expect(t.emu.sheets.values('Clients')).toEqual(clients);
});

test("another user's later touch of the same client: the first undo refuses until that one is undone", () => {
  seed();
  const clients = t.emu.sheets.values('Clients');
  as('ann@example.com', () => logTouch({ clientId: 'C-1', channel: 'call', outcome: 'no answer' }));
  as('bob@example.com', () =>
    logTouch({ clientId: 'C-1', channel: 'meeting', outcome: 'reached' }),
  );
  const log = t.emu.sheets.values('Touches');
  expect(() => as('ann@example.com', () => undoLastTouch())).toThrow(
    'Cannot undo: a meeting with Ann Lee was logged by bob@example.com after your call; undo that first or edit the row.',
  );
  expect(t.emu.sheets.values('Touches')).toEqual(log);
  as('bob@example.com', () => undoLastTouch());
  as('ann@example.com', () => undoLastTouch());
  expect(t.emu.sheets.values('Clients')).toEqual(clients);
  expect(ids()).toEqual([]);
});

test('a cell the touch wrote was edited since: undo refuses and leaves the edit', () => {
  seed();
  logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached' });
  t.emu.run(() =>
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Clients')!
      .getRange(2, HEADERS.indexOf('Status') + 1)
      .setValue('Recovery'),
  );
  expect(() => undoLastTouch()).toThrow(
    "Cannot undo: Ann Lee's Status was changed after your call; edit the row instead.",
  );
  expect(cell('C-1', 'Status')).toBe('Recovery');
  expect(ids()).toEqual(['C-1']);
});

test('undo with a Touch ID undoes that touch only while it is the last one', () => {
  seed();
  const first = logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached' });
  const second = logTouch({ clientId: 'C-2', channel: 'call', outcome: 'reached' });
  expect(() => undoLastTouch({ touchId: first.touchId })).toThrow(/no longer your last one/);
  expect(undoLastTouch({ touchId: second.touchId }).touchId).toBe(second.touchId);
  expect(ids()).toEqual(['C-1']);
});

test('a 50,000-character note is logged and undone; the undo record stays small and holds no notes', () => {
  seed();
  const notes = 'n'.repeat(49999) + '!';
  const result = logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached', notes });
  expect(result.message).toBe('Logged a call with Ann Lee.');
  expect(t.emu.sheets.values('Touches')[1][5]).toBe(notes);
  const stored = Object.values(t.emu.properties.all('user'));
  expect(stored).toHaveLength(1);
  expect(stored[0]).not.toContain('nnn');
  expect(Buffer.byteLength(stored[0])).toBeLessThan(2000);
  expect(t.emu.properties.all('document')).toEqual({});
  undoLastTouch();
  // The shared record of earlier versions (notes and all) is dropped at the next undo, never used.
  t.emu.properties.set('document', 'reconnect.undo', JSON.stringify({ clientId: 'C-2', notes }));
  logTouch({ clientId: 'C-2', channel: 'call', outcome: 'reached' });
  expect(undoLastTouch().message).toBe('Undid the call with Bo Diaz.');
  expect(t.emu.properties.all('document')).toEqual({});
  expect(ids()).toEqual([]);
});

test('3,000 CJK characters of notes (once over the 9 KB property limit) are logged and undone', () => {
  seed();
  const notes = '電話で話しました'.repeat(375);
  logTouch({ clientId: 'C-2', channel: 'call', outcome: 'reached', notes });
  expect(t.emu.sheets.values('Touches')[1][5]).toBe(notes);
  expect(undoLastTouch().message).toBe('Undid the call with Bo Diaz.');
});

test('a 50,001-character note is refused before anything is written', () => {
  seed();
  const clients = t.emu.sheets.values('Clients');
  expect(() =>
    logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached', notes: 'x'.repeat(50001) }),
  ).toThrow('touch.notes is 50,001 characters long; the most is 50,000.');
  expect(t.emu.sheets.values('Clients')).toEqual(clients);
  expect(ids()).toEqual([]);
  expect(t.emu.properties.all('user')).toEqual({});
});

test('a full user property store: the touch is still logged once, and Undo says it is not available', () => {
  seed();
  logTouch({ clientId: 'C-2', channel: 'call', outcome: 'reached' });
  // Another add-on's data fills this user's store to the brim (500 KB per store).
  t.emu.properties.set('user', 'other', 'x'.repeat(500 * 1024 - 2000));
  const result = logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached' });
  expect(result.message).toBe('Logged a call with Ann Lee. Undo is not available for this touch.');
  expect(ids()).toEqual(['C-2', 'C-1']);
  // The older record is gone too: Undo never reverses the earlier touch instead.
  expect(() => undoLastTouch()).toThrow(/no logged touch to undo/);
  expect(ids()).toEqual(['C-2', 'C-1']);
});

test('an earlier Status too long to keep: the touch is logged, undo refuses rather than lose the text', () => {
  seed();
  const long = 'Waiting for the survey of the roof; '.repeat(20);
  t.emu.run(() =>
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Clients')!
      .getRange(2, HEADERS.indexOf('Status') + 1)
      .setValue(long),
  );
  logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached', status: 'Reconnected' });
  expect(() => undoLastTouch()).toThrow(/Status held more text than undo keeps/);
  expect(cell('C-1', 'Status')).toBe('Reconnected');
});

test('undo records stay bounded: at most 20 slots whatever the number of spreadsheets, written without a read', () => {
  seed();
  const undoKeys = () => Object.keys(t.emu.properties.all('user')).filter((k) => /undo/.test(k));
  // Other spreadsheets of this user fill every slot.
  for (let i = 0; i < 40; i++) {
    const other = `sheet-${i}`;
    t.emu.properties.set('user', slotOf(other), `{"at":1,"ss":"${other}","touchId":"T-${i}"}`);
  }
  t.emu.properties.set('user', 'someone.else', 'kept');
  t.emu.kernel.resetCounts();
  logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached' });
  // One property write for the undo record, and no property read of the user's store.
  expect(t.emu.kernel.count('Properties.setProperty')).toBe(1);
  expect(t.emu.kernel.count('Properties.getProperties')).toBe(0);
  expect(t.emu.kernel.count('Properties.deleteProperty')).toBe(0);
  expect(undoKeys()).toHaveLength(SLOTS);
  expect(t.emu.properties.get('user', 'someone.else')).toBe('kept');
  expect(undoLastTouch().message).toBe('Undid the call with Ann Lee.');
  expect(undoKeys()).toHaveLength(SLOTS - 1);
});

test('a later touch in another spreadsheet sharing the slot: undo here says so and changes nothing', () => {
  seed();
  logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached' });
  const here = t.emu.run(() => SpreadsheetApp.getActiveSpreadsheet().getId());
  const other = Array.from({ length: 200 }, (_, i) => `other-${i}`).find(
    (id) => slotOf(id) === slotOf(here),
  )!;
  t.emu.properties.set('user', slotOf(here), `{"at":2,"ss":"${other}","touchId":"T-X"}`);
  const clients = t.emu.sheets.values('Clients');
  expect(() => undoLastTouch()).toThrow(
    'There is no logged touch to undo here: a touch you logged in another spreadsheet took its place. Edit the row instead.',
  );
  expect(t.emu.sheets.values('Clients')).toEqual(clients);
  expect(ids()).toEqual(['C-1']);
});

test("a record kept by an earlier version (one key per spreadsheet) is still undone; other spreadsheets' old records go", () => {
  seed();
  logTouch({ clientId: 'C-2', channel: 'call', outcome: 'reached' });
  const here = t.emu.run(() => SpreadsheetApp.getActiveSpreadsheet().getId());
  const record = t.emu.properties.get('user', slotOf(here))!;
  t.emu.run(() => PropertiesService.getUserProperties().deleteProperty(slotOf(here)));
  t.emu.properties.set('user', `reconnect.undo.${here}`, record.replace(/"ss":"[^"]*",/, ''));
  t.emu.properties.set('user', 'reconnect.undo.elsewhere', '{"at":1,"touchId":"T-1"}');
  expect(undoLastTouch().message).toBe('Undid the call with Bo Diaz.');
  expect(ids()).toEqual([]);
  expect(t.emu.properties.all('user')).toEqual({});
});

test('undo of a touch that set a cadence and a status, on a sheet missing those columns, puts every cell back', () => {
  t.emu.sheets.setSheet('Clients', [
    ['Client ID', 'Name', 'Email', 'Last Contact'],
    ['C-1', 'Ann Lee', 'ann@example.com', day('2024-01-10')],
  ]);
  t.emu.sheets.setSheet('Touches', [OLD_LOG]);
  logTouch({
    clientId: 'C-1',
    channel: 'call',
    outcome: 'reached',
    cadence: '45',
    status: 'Reconnected',
  });
  const after = t.emu.sheets.values('Clients');
  expect(after[0].slice(4)).toContain('Cadence');
  undoLastTouch();
  const undone = t.emu.sheets.values('Clients');
  expect(undone[1].slice(0, 4)).toEqual(['C-1', 'Ann Lee', 'ann@example.com', day('2024-01-10')]);
  expect(undone[1].slice(4).every((c) => c === '')).toBe(true);
  expect(ids()).toEqual([]);
});
