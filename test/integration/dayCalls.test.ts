// A day of calls against the emulator: the goal counts only real contacts, Do not contact leaves the dates, each outcome's own words, a next try after no answer (issue 11).
import { getCallList } from '../../src/app/callList';
import { logTouch, recordTouches } from '../../src/app/touches';
import { HEADERS, day, row, useEmulator } from './clientsHelpers';

const t = useEmulator();

function seed(): void {
  t.emu.sheets.setSheet(
    'Clients',
    [
      HEADERS,
      row('C-1', 'Zoe Adams', day('2021-05-01'), 300),
      row('C-2', 'Abe Brown', day('2023-01-15'), 200, { Cadence: 'Quarterly' }),
      row('C-3', 'Mia Chen', day('2022-03-03'), 50),
      row('C-4', 'Ned Dunn', day('2022-04-04'), 40),
      row('C-5', 'Ola Eze', day('2022-05-05'), 30),
      row('C-6', 'Pam Fry', day('2022-06-06'), 20),
    ],
    { frozenRows: 1 },
  );
}

const record = (id: string): Record<string, unknown> => {
  const [header, ...rows] = t.emu.sheets.values('Clients');
  const r = rows.find((x) => x[0] === id)!;
  return Object.fromEntries(header.map((h, i) => [String(h), r[i]]));
};

test("today's goal counts people reached, voicemails left and emails sent, not no answers, wrong numbers or Do not contact", () => {
  seed();
  logTouch({ clientId: 'C-1', channel: 'call', outcome: 'no answer' });
  logTouch({ clientId: 'C-2', channel: 'call', outcome: 'wrong number', status: 'Wrong number' });
  logTouch({ clientId: 'C-3', channel: 'call', outcome: 'do not contact' });
  expect(getCallList().goal.done).toBe(0);
  logTouch({ clientId: 'C-4', channel: 'call', outcome: 'reached' });
  logTouch({ clientId: 'C-5', channel: 'voicemail', outcome: 'voicemail' });
  recordTouches([
    { clientId: 'C-6', date: '', channel: 'email', outcome: 'sent', step: 'Reconnect apology' },
  ]);
  expect(getCallList().goal.done).toBe(3);
});

test('Do not contact ticks the box and leaves Last Contact and Next Due as they were', () => {
  seed();
  const before = record('C-3');
  logTouch({ clientId: 'C-3', channel: 'call', outcome: 'do not contact' });
  const after = record('C-3');
  expect(after['Do Not Contact']).toBe(true);
  expect(after['Last Contact']).toEqual(before['Last Contact']);
  expect(after['Next Due']).toEqual(before['Next Due']);
});

test("each outcome's toast says what happened", () => {
  seed();
  const said = (outcome: string, channel: 'call' | 'voicemail' = 'call', id = 'C-1') =>
    logTouch({ clientId: id, channel, outcome }).message;
  expect(said('no answer')).toBe('No answer from Zoe Adams: try again in 3 days.');
  expect(said('voicemail', 'voicemail', 'C-2')).toBe('Left a voicemail for Abe Brown.');
  expect(said('wrong number', 'call', 'C-3')).toBe('Wrong number for Mia Chen: marked in Status.');
  expect(said('do not contact', 'call', 'C-4')).toBe(
    'Ned Dunn is marked Do not contact: no more calls or emails.',
  );
  expect(said('reached', 'call', 'C-5')).toBe('Logged a call with Ola Eze.');
  expect(said('raised a problem', 'call', 'C-6')).toBe(
    'Logged a call with Pam Fry: in Recovery, no asks until it is solved.',
  );
});

test('no answer sets the next try three days on, and the list says the client was tried', () => {
  seed();
  logTouch({ clientId: 'C-1', channel: 'call', outcome: 'no answer' });
  const nextDue = record('C-1')['Next Due'] as Date;
  expect(nextDue.toISOString().slice(0, 10)).toBe('2026-11-28');
  // Not due again until then: off today's list.
  expect(getCallList().items.map((i) => i.id)).not.toContain('C-1');
  const all = getCallList({ bucket: 'all' }).items.find((i) => i.id === 'C-1')!;
  expect(all.lastTry).toEqual({ date: '2026-11-25', outcome: 'no answer', attempts: 1 });
});

test('"Call back on" a date and "Snooze a week" set Next Due, leave Last Contact, and do not count', () => {
  seed();
  const before = record('C-1')['Last Contact'];
  const callBack = logTouch({
    clientId: 'C-1',
    channel: 'note',
    outcome: 'call back',
    nextDue: '2026-12-02',
  });
  expect(callBack.message).toBe('Call back Zoe Adams on 2026-12-02.');
  expect((record('C-1')['Next Due'] as Date).toISOString().slice(0, 10)).toBe('2026-12-02');
  expect(record('C-1')['Last Contact']).toEqual(before);
  const snooze = logTouch({
    clientId: 'C-2',
    channel: 'note',
    outcome: 'snoozed',
    nextDue: '2026-12-02',
  });
  expect(snooze.message).toBe('Snoozed Abe Brown until 2026-12-02.');
  expect(getCallList().items.map((i) => i.id)).not.toContain('C-2');
  expect(getCallList().goal.done).toBe(0);
  expect(() =>
    logTouch({ clientId: 'C-3', channel: 'note', outcome: 'call back', nextDue: '2026-11-20' }),
  ).toThrow(/Next Due 2026-11-20 is in the past/);
});

test('with no value column the list says it ranks by time alone, and how to map one', () => {
  t.emu.sheets.setSheet(
    'Clients',
    [
      ['Client ID', 'Name', 'Last Contact'],
      ['C-1', 'Zoe Adams', day('2021-05-01')],
    ],
    { frozenRows: 1 },
  );
  expect(getCallList().notices).toContain(
    'No value column was found, so the list ranks by time since contact alone. To rank your most valuable clients first, choose the column that holds what each client is worth in Settings, under Your columns > Value.',
  );
  seed();
  expect(getCallList().notices.join(' ')).not.toMatch(/No value column/);
});
