// The whole referral story against the emulator: promised on a call, reminded, received and added as a client, won, and counted in the month against the goal.
import { getCallList } from '../../src/app/callList';
import { recordReferral } from '../../src/app/referrals';
import { getClientReferrals, getReferralSummary } from '../../src/app/referralSummary';
import { logTouch } from '../../src/app/touches';
import { saveSettings } from '../../src/app/settings';
import { HEADERS, day, reads, row, useEmulator } from './clientsHelpers';

const t = useEmulator({ now: '2026-11-02T15:00:00Z' });
const at = (ymd: string) => t.emu.clock.set(`${ymd}T15:00:00Z`);

test('promised, reminded, received, added as a client, won, and counted in the month', () => {
  t.emu.sheets.setSheet('Clients', [
    HEADERS,
    row('C-1', 'Zoe Adams', day('2026-09-01'), 300, {
      Status: 'Reconnected',
      Touches: 2,
      Cadence: 'Twice a year',
    }),
  ]);
  saveSettings({ referralTarget: 12 });
  // On a call: Zoe promises one referral, for a thank-you gift card.
  const promise = recordReferral({
    clientId: 'C-1',
    kind: 'promised',
    count: 1,
    incentive: 'a $50 gift card for both',
    channel: 'call',
  });
  expect(getCallList({}).items).toEqual([]);
  // Sixteen days later she is due, with the reminder template.
  at('2026-11-18');
  const [due] = getCallList({}).items;
  expect(due).toMatchObject({ id: 'C-1', followUp: { reason: 'Remind about referrals' } });
  logTouch({ clientId: 'C-1', channel: 'email', outcome: 'sent' });
  // She sends Kim; Kim is added to the client sheet in one click and comes up as a call to make.
  at('2026-11-20');
  const received = recordReferral({
    clientId: 'C-1',
    kind: 'received',
    contact: { name: 'Kim Ode', email: 'kim@example.net' },
    addClient: true,
  });
  const list = getCallList({}).items;
  expect(list.map((i) => i.name)).toEqual(['Kim Ode']);
  expect(list[0].notes).toContain('Referred by Zoe Adams (C-1)');
  // Kim buys: won.
  at('2026-11-24');
  recordReferral({
    clientId: 'C-1',
    kind: 'won',
    referralId: received.referral.referralId,
    value: 800,
  });
  t.emu.kernel.resetCounts();
  const summary = getReferralSummary();
  expect(reads(t.emu)).toBeLessThanOrEqual(2);
  expect(summary.month).toMatchObject({
    month: '2026-11',
    asks: 1,
    commitments: 1,
    received: 1,
    won: 1,
    target: 1,
    needed: 2,
    met: true,
  });
  // The promise call, the reminder email and the referral received are touches with Zoe.
  expect(summary.month.touches).toBe(3);
  expect(summary.basis.kind).toBe('planned');
  expect(summary.note).toContain("You reached this month's goal");
  const zoe = getClientReferrals('C-1');
  expect(zoe.map((r) => [r.referralId, r.status])).toEqual([
    [received.referral.referralId, 'Won'],
    [promise.referral.referralId, 'Received'],
  ]);
});

test('a summary with no Referrals sheet and no log yet is all zeros, not an error', () => {
  t.emu.sheets.setSheet('Clients', [HEADERS]);
  const summary = getReferralSummary();
  expect(summary.month).toMatchObject({ asks: 0, won: 0, target: 1, needed: 2, met: false });
  expect(summary.months).toHaveLength(12);
  expect(summary.note).toBe('');
});
