// The follow-up rules in core: the reminder's day (N days, or the day after "by when"), settled once; post-sale steps and their windows; the call list's Next Due moved only forward in urgency.
import { followUpsDue, markDue, postSaleDue, reminderDue } from '../../src/core/referralDue';
import type { Client } from '../../src/core/clients';

const client = (over: Partial<Client>): Client => ({
  id: 'C-1',
  row: 2,
  name: 'Ann',
  firstName: 'Ann',
  lastName: '',
  company: '',
  email: '',
  phone: '',
  lastContact: '2026-10-01',
  value: null,
  cadence: 'Yearly',
  nextDue: null,
  status: 'Reconnected',
  touches: 2,
  lastChannel: '',
  doNotContact: false,
  notes: '',
  mergeStatus: '',
  ...over,
});
const promise = { clientId: 'C-1', status: 'Promised', date: '2026-10-01', due: null };

test('a reminder comes due N days after the promise, or the day after its "by when" if later', () => {
  expect(reminderDue(promise, '2026-10-01', 14, '2026-10-14')).toBeNull();
  expect(reminderDue(promise, '2026-10-01', 14, '2026-10-15')).toBe('2026-10-15');
  expect(reminderDue({ ...promise, due: '2026-10-30' }, null, 14, '2026-10-30')).toBeNull();
  expect(reminderDue({ ...promise, due: '2026-10-30' }, null, 14, '2026-10-31')).toBe('2026-10-31');
  // A contact on or after the day settles it; one before it does not.
  expect(reminderDue(promise, '2026-10-15', 14, '2026-11-20')).toBeNull();
  expect(reminderDue(promise, '2026-10-10', 14, '2026-11-20')).toBe('2026-10-15');
  for (const status of ['Received', 'Asked', 'Won', 'Lost'])
    expect(reminderDue({ ...promise, status }, null, 14, '2026-12-01')).toBeNull();
});

test('post-sale: check-in from day 7, survey from day 30, each for 30 days; a future purchase is nothing', () => {
  const sold = (today: string, lastContact: string | null = '2026-10-01') =>
    postSaleDue(client({ purchaseDate: '2026-10-01', lastContact }), today)?.kind ?? null;
  expect(sold('2026-10-07')).toBeNull();
  expect(sold('2026-10-08')).toBe('checkIn');
  expect(sold('2026-10-20', '2026-10-02')).toBeNull();
  expect(sold('2026-10-31', '2026-10-02')).toBe('survey');
  expect(sold('2026-10-31', '2026-10-31')).toBeNull();
  // Never checked in: from day 30 the survey takes over (the check-in is not shown as well).
  expect(sold('2026-11-06')).toBe('survey');
  expect(sold('2026-11-29', '2026-10-09')).toBe('survey');
  expect(sold('2026-11-30', '2026-10-09')).toBeNull();
  expect(postSaleDue(client({ purchaseDate: '2026-12-01' }), '2026-11-25')).toBeNull();
});

test('several follow-ups: the earliest is shown; Do Not Contact clients get none', () => {
  const due = followUpsDue(
    [
      client({ purchaseDate: '2026-10-20', lastContact: '2026-10-01' }),
      client({ id: 'C-2', doNotContact: true, purchaseDate: '2026-10-20' }),
    ],
    [promise, { ...promise, clientId: 'C-2' }],
    14,
    '2026-10-28',
  );
  expect([...due.keys()]).toEqual(['C-1']);
  expect(due.get('C-1')).toMatchObject({ kind: 'referralReminder', dueOn: '2026-10-15' });
});

test('markDue moves Next Due to the follow-up day only when the cadence is later', () => {
  const f = { kind: 'checkIn', reason: '', template: '', dueOn: '2026-10-08' } as const;
  const [later, earlier] = markDue(
    [client({}), client({ id: 'C-2', nextDue: '2026-09-01' })],
    new Map([
      ['C-1', f],
      ['C-2', f],
    ]),
  );
  expect(later.nextDue).toBe('2026-10-08');
  expect(earlier.nextDue).toBe('2026-09-01');
});
