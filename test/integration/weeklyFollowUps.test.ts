// Follow-ups with the weekly batch: the post-purchase check-in, the referral reminder, a deleted follow-up template, one email per client per run; with and without the document context.
import { EXCEEDED_TIME } from '../../dev/emulator';
import { recordReferral } from '../../src/app/referrals';
import { parseState } from '../../src/core/scheduleRecord';
import { HEADERS, row, weeklyWorld, type WeeklyClient, type WeeklyWorld } from './weeklySupport';

const clients: WeeklyClient[] = [
  // Silent since January 2025: the campaign. Also bought on 23 November: one email only.
  {
    id: 'C-0001',
    name: 'Ada Campaign',
    email: 'ada@example.com',
    lastContact: '2025-01-10',
    value: 900,
  },
  // Contacted in October, bought on Monday 23 November: the check-in is due Monday 30 November.
  {
    id: 'C-0002',
    name: 'Bea Buyer',
    email: 'bea@example.com',
    lastContact: '2026-10-01',
    value: 400,
  },
  // Contacted in October, no purchase: makes a referral promise on Sunday 29 November.
  {
    id: 'C-0003',
    name: 'Cal Promise',
    email: 'cal@example.com',
    lastContact: '2026-10-01',
    value: 300,
  },
];
const delivered: Record<string, string> = { 'C-0001': '2026-11-23', 'C-0002': '2026-11-23' };

/** The weekly world, with a Delivery Date column (mapped as the purchase date). */
function world(document: boolean, now?: string, quota?: number): WeeklyWorld {
  const w = weeklyWorld(clients, { document, now, quota });
  const header = [...HEADERS, 'Delivery Date'];
  const rows = clients.map((c) => [
    ...row(c),
    delivered[c.id] ? new Date(`${delivered[c.id]}T12:00:00Z`) : '',
  ]);
  w.emu.sheets.setSheet('Clients', [header, ...rows], { frozenRows: 1 });
  return w;
}

const steps = (w: WeeklyWorld) =>
  w.table('Touches').map((t) => `${String(t['Client ID'])} ${String(t.Step)}`);

describe.each([true, false])('weekly follow-ups (document context: %s)', (document) => {
  let w: WeeklyWorld;
  afterEach(() => w?.uninstall());

  it('sends the post-purchase check-in 7 days after the delivery, in that Monday batch, and logs it', () => {
    // Monday 30 November 2026, 06:00 in New York: the batch goes at 9.
    w = world(document, '2026-11-30T11:00:00Z');
    const view = w.save({ cadenceTemplate: null });
    const bea = view.nextBatch.find((c) => c.clientId === 'C-0002');
    expect(bea).toMatchObject({ kind: 'followUp', template: 'Post-purchase check-in' });
    expect(bea?.skip).toBeUndefined();
    // Ada is in the campaign part only: one email per client per run.
    expect(view.nextBatch.filter((c) => c.clientId === 'C-0001')).toEqual([
      expect.objectContaining({ kind: 'campaign' }),
    ]);
    w.until('2026-11-30T20:00:00Z');
    expect(w.recipients().sort()).toEqual(['ada@example.com', 'bea@example.com']);
    const mail = w.emu.mail.sent.find((m) => m.to === 'bea@example.com')!;
    expect(mail.subject).toBe('Is everything working well?');
    expect(steps(w)).toEqual(
      expect.arrayContaining(['C-0001 Reconnect apology', 'C-0002 Post-purchase check-in']),
    );
    expect(steps(w)).toHaveLength(2);
    const activity = w.table('Activity');
    expect(activity).toHaveLength(1);
    expect(activity[0].Sent).toBe(2);
    expect(String(activity[0].Notes)).toContain('Follow-ups: 1 Post-purchase check-in.');
    const summary = w.summaries()[0];
    expect(summary.body).toContain(
      'Bea Buyer <bea@example.com> (follow-up: Post-purchase check-in)',
    );
    // Nothing more the week after: the check-in is settled by its own touch.
    w.until('2026-12-07T20:00:00Z');
    expect(w.recipients()).toHaveLength(2);
  });

  it('sends the check-in when the last contact was the delivery itself (not "contacted 7 days ago")', () => {
    w = world(document, '2026-11-30T11:00:00Z');
    // Bea was last contacted on the delivery day, 7 days before the batch.
    w.run(() => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      sheet
        .getRange(3, header.indexOf('Last Contact') + 1)
        .setValue(new Date('2026-11-23T12:00:00Z'));
    });
    const view = w.save({ cadenceTemplate: null });
    const bea = view.nextBatch.find((c) => c.clientId === 'C-0002');
    expect(bea).toMatchObject({ kind: 'followUp', template: 'Post-purchase check-in' });
    expect(bea?.skip).toBeUndefined();
    w.until('2026-11-30T20:00:00Z');
    expect(w.recipients()).toContain('bea@example.com');
  });

  it('brings the referral reminder to the next Monday batch once a promise has stayed open 14 days', () => {
    w = world(document);
    w.save({ cadenceTemplate: null });
    w.run(() =>
      recordReferral({
        clientId: 'C-0003',
        kind: 'promised',
        count: 2,
        incentive: 'a $50 credit',
      }),
    );
    // Mondays 30 November and 7 December: not due yet (promised Sunday 29 November).
    w.until('2026-12-08T15:00:00Z');
    expect(w.recipients()).not.toContain('cal@example.com');
    // Sunday 13 December it comes due: Monday 14 December's batch carries it.
    w.until('2026-12-14T20:00:00Z');
    const reminders = w.emu.mail.sent.filter((m) => m.to === 'cal@example.com');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].subject).toBe('Picking up where we left off');
    expect(reminders[0].body).toContain('a $50 credit');
    expect(steps(w)).toContain('C-0003 Referral reminder');
    // Settled by the reminder itself: not sent again.
    w.until('2026-12-21T20:00:00Z');
    expect(w.recipients().filter((to) => to === 'cal@example.com')).toHaveLength(1);
  });

  it('skips a follow-up whose template was deleted, with an attention line, and sends the rest', () => {
    w = world(document, '2026-11-30T11:00:00Z');
    w.save({ cadenceTemplate: null });
    const [head, ...templates] = w.emu.sheets.values('Templates');
    const name = head.indexOf('Name');
    w.emu.sheets.setSheet(
      'Templates',
      [head, ...templates.filter((t) => t[name] !== 'Post-purchase check-in')],
      { frozenRows: 1 },
    );
    w.until('2026-11-30T20:00:00Z');
    expect(w.recipients()).toEqual(['ada@example.com']);
    const line = /follow-up template "Post-purchase check-in" is not in the Templates sheet/;
    const activity = w.table('Activity');
    expect(activity).toHaveLength(1);
    expect(String(activity[0].Notes)).toMatch(line);
    expect(String(activity[0].Errors ?? '')).toBe('');
    expect(w.summaries()[0].body).toMatch(line);
    const view = w.view();
    expect(view.attention.some((a) => line.test(a))).toBe(true);
    // The schedule is not paused for it.
    expect(view.paused).toBe(false);
    expect(view.active).toBe(true);
  });

  it('carries a follow-up over to the next day when the quota runs out', () => {
    w = world(document, '2026-11-30T11:00:00Z', 1);
    w.save({ cadenceTemplate: null });
    w.until('2026-11-30T20:00:00Z');
    expect(w.recipients()).toEqual(['ada@example.com']);
    // The quota resets: Tuesday's firing sends what waited, with its own template.
    w.until('2026-12-01T20:00:00Z');
    expect(w.recipients()).toEqual(['ada@example.com', 'bea@example.com']);
    expect(steps(w)).toContain('C-0002 Post-purchase check-in');
  });
});

describe.each([true, false])(
  'a Monday run with a follow-up killed at every service call (document context: %s)',
  (document) => {
    const monday = (w: WeeklyWorld) => {
      w.save({ cadenceTemplate: null });
      w.emu.triggers.runUntil(Date.parse('2026-11-30T12:00:00Z'));
    };
    it('is resumed by the next firings: each client once, each with its own template', () => {
      const w0 = world(document, '2026-11-30T11:00:00Z');
      let calls: number;
      try {
        monday(w0);
        w0.emu.kernel.resetCounts();
        w0.until('2026-11-30T20:00:00Z');
        expect(w0.recipients()).toHaveLength(2);
        calls = w0.emu.kernel.count();
      } finally {
        w0.uninstall();
      }
      for (let k = 1; k <= calls; k++) {
        const w = world(document, '2026-11-30T11:00:00Z');
        try {
          monday(w);
          w.emu.kernel.injectFault({ atCall: k, message: EXCEEDED_TIME, kill: true });
          const [run] = w.emu.triggers.runUntil(Date.parse('2026-11-30T20:00:00Z'));
          expect([k, run.error?.message]).toEqual([k, EXCEEDED_TIME]);
          w.emu.kernel.clearFaults();
          w.until('2026-12-06T23:00:00Z');
          const sent = w.recipients();
          expect([k, new Set(sent).size]).toEqual([k, sent.length]);
          // Ada once (the campaign), Bea once (the check-in): sent, or marked unconfirmed.
          expect([k, steps(w).sort()]).toEqual([
            k,
            ['C-0001 Reconnect apology', 'C-0002 Post-purchase check-in'],
          ]);
        } finally {
          w.uninstall();
        }
      }
    });
  },
);

describe('the week state stored before follow-ups', () => {
  it('still loads, with no follow-up parts', () => {
    const old = {
      week: '2026-11-30',
      complete: false,
      batch: { campaign: ['C-0001'], cadence: ['C-0002'] },
      lastRun: '',
      attention: [],
    };
    expect(parseState(old)?.batch).toEqual({
      campaign: ['C-0001'],
      cadence: ['C-0002'],
      followUps: [],
    });
    const stored = JSON.parse(
      JSON.stringify({
        ...old,
        batch: { ...old.batch, followUps: [{ template: 'Referral reminder', ids: ['C-0003'] }] },
      }),
    ) as unknown;
    expect(parseState(stored)?.batch.followUps).toEqual([
      { template: 'Referral reminder', ids: ['C-0003'] },
    ]);
  });
});
