// The referral ask in the call script and the follow-up template: only when the rule suggests it, specific and time-bound.
import { FOLLOW_UP_ASK_LINE, callScript } from '../../sidebar/scripts';
import { BUILT_IN_TEMPLATES } from '../../src/core/merge/templates';
import { HELP } from '../../src/app/sidebar';
import type { CallListItem } from '../../src/shared/api';

const item = {
  name: 'Peter Larsen',
  firstName: 'Peter',
  daysSinceContact: 90,
  cadence: 'Quarterly',
  recovery: false,
  status: 'Reconnected',
  touches: 3,
} as CallListItem;
const said = (i: CallListItem) =>
  callScript('followUp', i, 'Dana')
    .steps.map((s) => `${s.say ?? ''} ${s.tip ?? ''}`)
    .join(' ');

test('the follow-up script asks only when the rule suggests it today', () => {
  expect(said(item)).not.toContain('one or two people');
  expect(said({ ...item, referralAsk: { suggest: false, why: 'Not today' } })).not.toMatch(
    /one or two people/,
  );
  const asked = said({ ...item, referralAsk: { suggest: true, why: 'warm' } });
  // Specific (one or two people) and time-bound (over the next week).
  expect(asked).toContain('Could you think of one or two people over the next week');
  expect(asked).toContain(FOLLOW_UP_ASK_LINE);
});

test('never in the Recovery or first-call scripts, whatever the advice says', () => {
  const advised = { ...item, referralAsk: { suggest: true, why: 'warm' } };
  for (const kind of ['first', 'recovery'] as const) {
    const text = callScript(kind, { ...advised, recovery: kind === 'recovery' }, 'Dana')
      .steps.map((s) => s.say ?? '')
      .join(' ');
    expect(text).not.toContain('one or two people');
  }
  expect(said({ ...advised, recovery: true })).not.toContain('one or two people');
});

test('the follow-up template suggests the same time-bound ask, and Help states the rule', () => {
  const followUp = BUILT_IN_TEMPLATES.find((t) => t.name === 'Follow-up after a call')!;
  expect(followUp.notes).toContain(FOLLOW_UP_ASK_LINE);
  const help = HELP.find(([h]) => h === 'Referrals')![1].join(' ');
  expect(help).toContain('never on the first reconnect touch');
  expect(help).toContain('never while a client is in Recovery');
  expect(help).toContain('never within 60 days');
  expect(help).toContain('at random');
});
