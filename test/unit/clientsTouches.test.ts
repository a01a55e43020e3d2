// Unit tests for what a touch does to a client, the refusal messages, today's goal count, and settings validation.
import {
  applyTouch,
  changedFields,
  countContactsOn,
  touchProblem,
  touchMessage,
} from '../../src/core/touchLog';
import { DEFAULT_SETTINGS, settingsFromStored, validateSettings } from '../../src/core/settings';
import type { Client } from '../../src/core/clients';

const ann: Client = {
  id: 'C-1',
  row: 2,
  name: 'Ann Lee',
  firstName: 'Ann',
  lastName: 'Lee',
  company: '',
  email: 'ann@example.com',
  phone: '',
  lastContact: '2025-01-10',
  value: 100,
  cadence: '',
  nextDue: null,
  status: 'To reconnect',
  touches: 2,
  lastChannel: 'email',
  doNotContact: false,
  notes: '',
  mergeStatus: '',
};
const touch = (over: Partial<Parameters<typeof applyTouch>[1]> = {}) => ({
  clientId: 'C-1',
  date: '2026-11-25',
  channel: 'call',
  outcome: 'reached',
  ...over,
});

test('a reached call moves Last Contact, counts, sets channel, Reconnected and the Next Due', () => {
  const after = applyTouch(ann, touch({ cadence: 'Quarterly' }));
  expect(after).toMatchObject({
    lastContact: '2026-11-25',
    touches: 3,
    lastChannel: 'call',
    status: 'Reconnected',
    cadence: 'Quarterly',
    nextDue: '2027-02-25',
  });
  expect(changedFields(ann, after).sort()).toEqual([
    'cadence',
    'lastChannel',
    'lastContact',
    'nextDue',
    'status',
    'touches',
  ]);
});

test('an older touch never moves Last Contact backwards; no answer does not count as contact', () => {
  const older = applyTouch(ann, touch({ date: '2024-06-01' }));
  expect(older.lastContact).toBe('2025-01-10');
  expect(older.lastChannel).toBe('email');
  expect(older.touches).toBe(3);
  const missed = applyTouch(ann, touch({ outcome: 'no answer' }));
  expect(missed.lastContact).toBe('2025-01-10');
  expect(missed.status).toBe('To reconnect');
});

test('outcomes set the status; a given status wins; do not contact ticks the box', () => {
  expect(applyTouch(ann, touch({ outcome: 'raised a problem' })).status).toBe('Recovery');
  expect(applyTouch(ann, touch({ outcome: 'wrong number' })).status).toBe('Wrong number');
  expect(applyTouch(ann, touch({ status: 'Recovery' })).status).toBe('Recovery');
  expect(applyTouch(ann, touch({ outcome: 'do not contact' })).doNotContact).toBe(true);
  expect(applyTouch(ann, touch({ mergeStatus: 'Sent step 1' })).mergeStatus).toBe('Sent step 1');
});

test('refusals: unknown client, future date, bad channel, cadence or status', () => {
  const today = '2026-11-25';
  expect(touchProblem(touch(), undefined, today)).toMatch(/No client has the ID "C-1"/);
  expect(touchProblem(touch({ date: '2026-11-26' }), ann, today)).toMatch(/in the future/);
  expect(touchProblem(touch({ date: '11/25/2026' }), ann, today)).toMatch(/not a date/);
  expect(touchProblem(touch({ channel: 'fax' }), ann, today)).toMatch(/not a channel/);
  expect(touchProblem(touch({ cadence: 'often' }), ann, today)).toMatch(/not a cadence/);
  expect(touchProblem(touch({ status: 'Happy' }), ann, today)).toMatch(/not a status/);
  expect(touchProblem(touch({ cadence: '45' }), ann, today)).toBeNull();
  expect(touchMessage(touch(), 'Ann Lee', today)).toBe('Logged a call with Ann Lee.');
  expect(touchMessage(touch({ channel: 'email', date: '2026-11-20' }), 'Ann Lee', today)).toBe(
    'Logged an email to Ann Lee on 2026-11-20.',
  );
});

test("today's contacts: every channel but notes, dated today", () => {
  const rows = [
    { date: '2026-11-25', channel: 'call' },
    { date: '2026-11-25', channel: 'note' },
    { date: '2026-11-24', channel: 'call' },
    { date: '2026-11-25', channel: 'email' },
    { date: null, channel: 'call' },
  ];
  expect(countContactsOn(rows, '2026-11-25')).toBe(2);
});

test('settings: defaults, lenient reading, validation with clear messages', () => {
  expect(settingsFromStored(null)).toEqual(DEFAULT_SETTINGS);
  expect(settingsFromStored('{not json')).toEqual(DEFAULT_SETTINGS);
  expect(settingsFromStored('{"dailyGoal": 9, "recentDays": -4}')).toMatchObject({
    dailyGoal: 9,
    recentDays: 14,
  });
  const ctx = { sheetNames: ['Clients', 'Old'], headers: ['Who', 'Seen'] };
  const ok = validateSettings(
    DEFAULT_SETTINGS,
    { dailyGoal: 10, clientSheet: 'Old', columnMap: { name: 'who' }, currency: 'eur' },
    ctx,
  );
  expect(ok.errors).toEqual([]);
  expect(ok.settings).toMatchObject({
    dailyGoal: 10,
    clientSheet: 'Old',
    columnMap: { name: 'who' },
    currency: 'EUR',
  });
  const bad = validateSettings(
    DEFAULT_SETTINGS,
    {
      dailyGoal: 0,
      recentDays: 400,
      clientSheet: 'Nope',
      columnMap: { name: 'Missing', shoeSize: 'Who' },
      recencyMonths: [6, 3, 24, 36],
    },
    ctx,
  );
  expect(bad.errors).toEqual(
    expect.arrayContaining([
      { field: 'clientSheet', message: expect.stringContaining('no sheet named "Nope"') },
      { field: 'dailyGoal', message: expect.stringContaining('Daily contact goal') },
      { field: 'recentDays', message: expect.stringContaining('Recently contacted') },
      { field: 'recencyMonths', message: expect.stringContaining('Recency groups') },
      { field: 'columnMap.name', message: expect.stringContaining('"Missing"') },
      { field: 'columnMap', message: expect.stringContaining('"shoeSize" is not a client field') },
    ]),
  );
  expect(bad.errors).toHaveLength(6);
  expect(validateSettings(DEFAULT_SETTINGS, { dailyGoal: 501 }, ctx).errors).toHaveLength(1);
});
