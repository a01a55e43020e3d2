// undoReferral against the emulator: each kind of referral record taken back whole (row, promise, added client, touch), refused with nothing changed when anything changed since.
import { recordReferral } from '../../src/app/referrals';
import { undoReferral } from '../../src/app/undoReferral';
import { logTouch } from '../../src/app/touches';
import { seedReferrers, useEmulator } from './clientsHelpers';

const t = useEmulator();

const seed = (): void => seedReferrers(t.emu);

const values = (name: string): unknown[][] =>
  t.emu.sheets.sheetNames().includes(name) ? t.emu.sheets.values(name) : [];
const records = (name: string): Record<string, unknown>[] => {
  const [header, ...rows] = values(name);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
};
/** Sets one cell of a sheet by its header, as a person typing would. */
function type(sheet: string, row: number, header: string, value: unknown): void {
  const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet)!;
  const col = (values(sheet)[0] as unknown[]).indexOf(header) + 1;
  s.getRange(row, col).setValue(value);
}

test('a referral ask: its row, its touch and the referrer cells as they were', () => {
  seed();
  recordReferral({ clientId: 'C-1', kind: 'promised', count: 1 });
  const clientsBefore = values('Clients');
  const referralsBefore = values('Referrals');
  const touchesBefore = values('Touches');
  const asked = recordReferral({ clientId: 'C-2', kind: 'asked', notes: 'at the school gate' });
  expect(asked.undoable).toBe(true);
  expect(values('Referrals')).toHaveLength(referralsBefore.length + 1);
  expect(values('Clients')).not.toEqual(clientsBefore);

  const undone = undoReferral({ referralId: asked.referral.referralId });
  expect(undone.message).toBe('Undid the referral ask to Abe Brown.');
  expect(values('Referrals')).toEqual(referralsBefore);
  expect(values('Touches')).toEqual(touchesBefore);
  expect(values('Clients')).toEqual(clientsBefore);
  // Once only.
  expect(() => undoReferral({ referralId: asked.referral.referralId })).toThrow(
    'That referral is no longer the last one you recorded here',
  );
});

test('a referral received: the person added is removed, the promise it kept is open again', () => {
  seed();
  const promise = recordReferral({ clientId: 'C-1', kind: 'promised', count: 1 });
  const clientsBefore = values('Clients');
  const referralsBefore = values('Referrals');
  const received = recordReferral({
    clientId: 'C-1',
    kind: 'received',
    contact: { name: 'Kim Lee', email: 'kim@example.com', phone: '555 0199' },
    addClient: true,
  });
  expect(received.undoable).toBe(true);
  expect(records('Referrals').map((r) => r.Status)).toEqual(['Received', 'Received']);
  expect(values('Clients')).toHaveLength(4);

  const undone = undoReferral({ referralId: received.referral.referralId });
  expect(undone.message).toBe('Undid the referral of Kim Lee.');
  expect(values('Clients')).toEqual(clientsBefore);
  expect(values('Referrals')).toEqual(referralsBefore);
  expect(records('Referrals')[0]).toMatchObject({
    'Referral ID': promise.referral.referralId,
    Status: 'Promised',
  });
});

test('marking won: status, date, value and notes put back; no touch to undo', () => {
  seed();
  const kim = recordReferral({ clientId: 'C-1', kind: 'received', contact: { name: 'Kim' } });
  recordReferral({ clientId: 'C-1', kind: 'contacted', referralId: kim.referral.referralId });
  const before = values('Referrals');
  const touches = values('Touches');
  const won = recordReferral({
    clientId: 'C-1',
    kind: 'won',
    referralId: kim.referral.referralId,
    value: 4200,
    notes: 'signed the yearly plan',
  });
  expect(records('Referrals')[0]).toMatchObject({ Status: 'Won', 'Won Value': 4200 });
  const undone = undoReferral({ referralId: kim.referral.referralId });
  expect(undone.message).toBe('Undid marking Kim won.');
  expect(values('Referrals')).toEqual(before);
  expect(values('Touches')).toEqual(touches);
  expect(won.undoable).toBe(true);
});

test('refused with nothing changed: the referral row edited by hand since', () => {
  seed();
  const asked = recordReferral({ clientId: 'C-2', kind: 'asked' });
  type('Referrals', 2, 'Notes', 'asked again at the party');
  const referrals = values('Referrals');
  const touches = values('Touches');
  const clients = values('Clients');
  expect(() => undoReferral({ referralId: asked.referral.referralId })).toThrow(
    `Cannot undo: the Notes of referral ${asked.referral.referralId} was changed after the referral ask to Abe Brown; edit the Referrals sheet instead.`,
  );
  expect(values('Referrals')).toEqual(referrals);
  expect(values('Touches')).toEqual(touches);
  expect(values('Clients')).toEqual(clients);
});

test('refused with nothing changed: a later touch of the referrer is in the log', () => {
  seed();
  const asked = recordReferral({ clientId: 'C-2', kind: 'asked' });
  logTouch({ clientId: 'C-2', channel: 'email', outcome: 'sent', notes: '' });
  const referrals = values('Referrals');
  const touches = values('Touches');
  expect(() => undoReferral({ referralId: asked.referral.referralId })).toThrow(/^Cannot undo: /);
  expect(values('Referrals')).toEqual(referrals);
  expect(values('Touches')).toEqual(touches);
});

test('only the last referral recorded; an added client changed since stays, said so', () => {
  seed();
  const first = recordReferral({ clientId: 'C-2', kind: 'asked' });
  const received = recordReferral({
    clientId: 'C-1',
    kind: 'received',
    contact: { name: 'Kim Lee', email: 'kim@example.com' },
    addClient: true,
  });
  expect(() => undoReferral({ referralId: first.referral.referralId })).toThrow(
    'no longer the last one you recorded here',
  );
  type('Clients', 4, 'Phone', '555 0123');
  const undone = undoReferral({ referralId: received.referral.referralId });
  expect(undone.message).toBe(
    'Undid the referral of Kim Lee (Kim Lee stays in the client sheet: the row changed since; delete it by hand if it should go).',
  );
  expect(records('Clients').map((c) => c.Name)).toEqual(['Zoe Adams', 'Abe Brown', 'Kim Lee']);
  expect(records('Referrals').map((r) => r['Referral ID'])).toEqual([first.referral.referralId]);
});

test('notes longer than undo keeps: not undoable, and the earlier record is not undone instead', () => {
  seed();
  const first = recordReferral({ clientId: 'C-2', kind: 'asked' });
  expect(first.undoable).toBe(true);
  const long = recordReferral({ clientId: 'C-1', kind: 'asked', notes: 'x'.repeat(501) });
  expect(long.undoable).toBe(false);
  for (const r of [first, long])
    expect(() => undoReferral({ referralId: r.referral.referralId })).toThrow(
      'no longer the last one you recorded here',
    );
  expect(values('Referrals')).toHaveLength(3);
});

test('its argument is checked', () => {
  seed();
  expect(() => undoReferral({} as never)).toThrow(/referralId/);
});
