// Goal arithmetic: the yearly target split into months, referrals needed at x1.5 until five are resolved, then by the measured conversion; a month's counts and its warm note.
import {
  conversionBasis,
  lastMonths,
  monthlyTarget,
  referralSummary,
  referralsNeeded,
} from '../../src/core/goals';
import type { Referral } from '../../src/shared/api';

const ref = (over: Partial<Referral>): Referral => ({
  referralId: 'R-1',
  date: '2026-11-02',
  clientId: 'C-1',
  referrer: 'Ann',
  contact: { name: '', email: '', phone: '' },
  count: null,
  incentive: '',
  due: null,
  status: 'Asked',
  statusDate: null,
  value: null,
  newClientId: '',
  notes: '',
  ...over,
});
const person = (status: string, date = '2026-10-05', statusDate: string | null = null) =>
  ref({ status, date, statusDate, contact: { name: 'Kim', email: '', phone: '' } });

test('a yearly target is split into whole monthly targets that add up to it', () => {
  for (const yearly of [0, 1, 5, 12, 13, 30, 100]) {
    const months = Array.from({ length: 12 }, (_, m) => monthlyTarget(yearly, m));
    expect(months.reduce((a, b) => a + b, 0)).toBe(yearly);
    expect(Math.max(...months) - Math.min(...months)).toBeLessThanOrEqual(1);
  }
  expect(monthlyTarget(24, 0)).toBe(2);
});

test('without five resolved referrals: target x 1.5', () => {
  const four = [person('Won'), person('Lost'), person('Lost'), person('Won'), person('Received')];
  const basis = conversionBasis(four);
  expect(basis).toMatchObject({ kind: 'planned', resolved: 4, rate: null });
  expect(basis.words).toBe(
    'Planned at 1.5 referrals per new client until 1 more referral is won or lost.',
  );
  expect(referralsNeeded(2, basis)).toBe(3);
  expect(referralsNeeded(1, basis)).toBe(2);
  expect(referralsNeeded(4, basis)).toBe(6);
  expect(referralsNeeded(0, basis)).toBe(0);
});

test('with five or more resolved: target / measured conversion', () => {
  const basis = conversionBasis([
    person('Won'),
    person('Lost'),
    person('Lost'),
    person('Lost'),
    person('Won'),
    person('Contacted'),
  ]);
  expect(basis).toMatchObject({ kind: 'measured', resolved: 5, won: 2, rate: 0.4 });
  expect(basis.words).toBe('Your referrals convert at 40% (2 won of 5).');
  expect(referralsNeeded(2, basis)).toBe(5);
  expect(referralsNeeded(1, basis)).toBe(3);
  // Better than 1.5 per client once measured: 4 of 5 won.
  const good = conversionBasis([
    person('Won'),
    person('Won'),
    person('Won'),
    person('Won'),
    person('Lost'),
  ]);
  expect(referralsNeeded(4, good)).toBe(5);
  // None won of five: capped at ten per client, never infinite.
  const none = conversionBasis(Array.from({ length: 5 }, () => person('Lost')));
  expect(referralsNeeded(1, none)).toBe(10);
});

test('the last 12 months cross the year', () => {
  expect(lastMonths('2026-03-15')).toEqual([
    '2025-04',
    '2025-05',
    '2025-06',
    '2025-07',
    '2025-08',
    '2025-09',
    '2025-10',
    '2025-11',
    '2025-12',
    '2026-01',
    '2026-02',
    '2026-03',
  ]);
});

test("a month's touches, asks, commitments, referrals received and won, and the warm note when met", () => {
  const referrals = [
    ref({ status: 'Asked', date: '2026-11-02' }),
    ref({ status: 'Promised', count: 2, date: '2026-11-03' }),
    // A promise made in October and fulfilled: an October ask and commitment.
    ref({ status: 'Received', count: 1, date: '2026-10-20' }),
    person('Won', '2026-10-25', '2026-11-10'),
    person('Received', '2026-11-12'),
    person('Lost', '2026-11-01', '2026-11-20'),
  ];
  const touches = [
    { date: '2026-11-01', channel: 'call' },
    { date: '2026-11-02', channel: 'email' },
    { date: '2026-11-02', channel: 'note' },
    { date: '2026-10-30', channel: 'call' },
    { date: null, channel: 'call' },
  ];
  const summary = referralSummary({ today: '2026-11-25', yearlyTarget: 12, referrals, touches });
  expect(summary.month).toEqual({
    month: '2026-11',
    touches: 2,
    asks: 2,
    commitments: 1,
    received: 2,
    won: 1,
    target: 1,
    needed: 2,
    met: true,
  });
  expect(summary.months).toHaveLength(12);
  expect(summary.months[10]).toMatchObject({
    month: '2026-10',
    asks: 1,
    commitments: 1,
    received: 1,
    won: 0,
    touches: 1,
  });
  expect(summary.openPromises).toBe(1);
  expect(summary.note).toContain("You reached this month's goal: 1 new client from referrals.");
  const unmet = referralSummary({ today: '2026-12-01', yearlyTarget: 12, referrals, touches });
  expect(unmet.month.met).toBe(false);
  expect(unmet.note).toBe('');
  expect(referralSummary({ today: '2026-11-25', yearlyTarget: 0, referrals, touches }).note).toBe(
    '',
  );
});
