// The weekly run plans lean (issue 12): the ranking index and a few columns for every client, whole rows only for the candidates examined; the same batch, count and preview as a plan on every cell.
import { HEADERS, row, weeklyWorld, SCHEDULE, type WeeklyWorld } from './weeklySupport';
import { openMergeContext } from '../../src/app/mergeContext';
import { planWeek, scheduledClients } from '../../src/app/weeklyPlan';
import { planWeekLean } from '../../src/app/weeklyLean';
import { toCall } from '../../src/app/weeklyReport';
import { TOUCH_HEADERS } from '../../src/core/touchLog';

const CLIENTS = 3000;
const col = (h: string) => HEADERS.indexOf(h);
const day = (daysAgo: number) =>
  new Date(Date.UTC(2026, 10, 30, 12) - daysAgo * 86400000).toISOString().slice(0, 10);

/**
 * Everything the plan weighs, spread over the sheet: values shared by many (ties broken by name,
 * names repeated, names from the company or the email), invalid, missing and shared addresses,
 * the campaign template already sent (by Merge Status and by the Touches log) to many of the most
 * valuable, Do Not Contact, cadence clients due, and purchases due a check-in.
 */
function sheet(sentMost = false, unnamed = 40): { clients: unknown[][]; touches: unknown[][] } {
  const clients: unknown[][] = [[...HEADERS, 'Purchase Date']];
  const touches: unknown[][] = [[...TOUCH_HEADERS]];
  for (let i = 0; i < CLIENTS; i++) {
    const recent = i % 6 === 1;
    const r = row({
      id: `C-${String(i).padStart(5, '0')}`,
      // Two of every `unnamed` rows take their name from First Name or Company.
      name: i % unnamed === 3 || i % unnamed === 4 ? '' : `Client ${i % 400}`,
      email:
        i % 37 === 5
          ? 'not an email'
          : i % 41 === 6
            ? 'shared@example.com'
            : i % 29 === 0
              ? ''
              : `c${i}@example.com`,
      phone: i % 3 === 0 ? '' : `555-${i}`,
      lastContact: recent ? day(95 + (i % 40)) : i % 7 === 0 ? null : day(200 + ((i * 13) % 2000)),
      value: 1000 + (i % 13) * 100,
      cadence: recent ? 'Quarterly' : '',
      doNotContact: i % 97 === 0,
    });
    if (i % unnamed === 3) r[col('First Name')] = `Fi${i % 50}`;
    if (i % unnamed === 4) r[col('Company')] = `Firm ${i % 30}`;
    if ((i % 13 === 12 && i % 2 === 0) || (sentMost && !recent && i % 50 !== 0))
      r[col('Merge Status')] = 'Sent 2026-06-01: Reconnect apology';
    r.push(i % 53 === 7 ? new Date(`${day(8)}T12:00:00Z`) : '');
    clients.push(r);
    if (i % 13 === 12 && i % 3 === 1) {
      const t = TOUCH_HEADERS.map(() => '' as unknown);
      t[TOUCH_HEADERS.indexOf('Date')] = new Date(`${day(300)}T12:00:00Z`);
      t[TOUCH_HEADERS.indexOf('Client ID')] = `C-${String(i).padStart(5, '0')}`;
      t[TOUCH_HEADERS.indexOf('Channel')] = 'Email';
      t[TOUCH_HEADERS.indexOf('Step')] = 'reconnect apology ';
      t[TOUCH_HEADERS.indexOf('Touch ID')] = `T-${i}`;
      touches.push(t);
    }
  }
  return { clients, touches };
}

/** The week as planned on every cell (the old way), in a fresh execution. */
function fullPlan(w: WeeklyWorld, size: number) {
  return w.run(() => {
    const ctx = openMergeContext();
    const week = planWeek(ctx, { ...SCHEDULE, size });
    const emails = new Map(ctx.cs.clients.map((c) => [c.id, c.email] as const));
    const ready = week.parts.flatMap((p) => p.plan.ready.map((r) => r.client.id));
    return {
      toCall: toCall(ctx, ctx.cs.clients, new Set(ready)),
      count: week.count,
      listed: scheduledClients(week),
      to: week.parts.flatMap((p) => p.plan.ready.map((r) => emails.get(r.client.id))),
    };
  });
}

let w: WeeklyWorld;
afterEach(() => w?.uninstall());

/** The sheet, the schedule saved, and Monday just before the trigger fires (the day the run sees). */
function world(size: number, sentMost = false, unnamed = 40): WeeklyWorld {
  const made = weeklyWorld([], { document: false, quota: 1000 });
  const { clients, touches } = sheet(sentMost, unnamed);
  made.emu.sheets.setSheet('Clients', clients, { frozenRows: 1 });
  made.emu.sheets.setSheet('Touches', touches, { frozenRows: 1 });
  made.save({ size });
  made.until('2026-11-30T13:30:00Z');
  made.emu.cache.clear();
  return made;
}

describe('the weekly run on a 3,000-client sheet', () => {
  test('reads a few columns of every client, and sends to exactly whom a plan on every cell picks', () => {
    w = world(25);
    const expected = fullPlan(w, 25);
    expect(expected.to.length).toBe(
      25 + expected.listed.filter((c) => c.kind === 'followUp' && !c.skip).length,
    );
    expect(expected.listed.some((c) => c.skip?.startsWith('already sent'))).toBe(true);
    expect(expected.listed.some((c) => c.kind === 'followUp')).toBe(true);
    w.emu.kernel.resetCounts();
    const preview = w.view();
    // The old preview read every cell twice too (over 102,000 cells).
    expect(w.emu.kernel.cost.cellsRead).toBeLessThan(CLIENTS * 20);
    expect(preview.nextBatch).toEqual(expected.listed);
    expect(preview.campaign.remaining).toBe(expected.count.remaining);
    expect(preview.campaign.reached).toBe(expected.count.reached);
    w.emu.cache.clear();
    w.emu.kernel.resetCounts();
    w.until('2026-11-30T15:00:00Z');
    const read = w.emu.kernel.cost.cellsRead;
    expect(w.recipients()).toEqual(expected.to);
    // The old run read every cell twice (values and display values) to plan: 135,552 cells in all.
    expect(read).toBeLessThan(CLIENTS * 25);
    // The summary's calls: the top of the call list with a phone, as on every cell.
    const summary = w.summaries()[0].body;
    expect(expected.toCall.length).toBe(5);
    for (const line of expected.toCall) expect(summary).toContain(line);
  });

  test('the campaign nearly done: cadence clients fill the batch, as on every cell', () => {
    w = world(60, true, 10); // 600 rows named from elsewhere: those columns read whole
    const expected = fullPlan(w, 60);
    const kinds = new Set(expected.listed.filter((c) => !c.skip).map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['cadence', 'campaign', 'followUp']);
    const preview = w.view();
    expect(preview.nextBatch).toEqual(expected.listed);
    expect(preview.campaign.remaining).toBe(expected.count.remaining);
    expect(preview.campaign.reached).toBe(expected.count.reached);
    w.until('2026-11-30T15:00:00Z');
    expect(w.recipients()).toEqual(expected.to);
  });

  test('a row read whole disagrees with the index: the week is planned on every cell instead', () => {
    w = world(25);
    const expected = fullPlan(w, 25);
    const got = w.run(() => {
      const ctx = openMergeContext({ lean: true });
      // The index says a low-value client is the most valuable (an edit it missed): examined first.
      const stale = ctx.lean!.index.clients.find(
        (c) => c.value === 1000 && c.lastContact === null && !c.doNotContact,
      )!;
      stale.value = 999999;
      const { week } = planWeekLean(ctx, { ...SCHEDULE, size: 25 });
      return { listed: scheduledClients(week), lean: ctx.lean !== undefined, count: week.count };
    });
    expect(got.lean).toBe(false);
    expect(got.listed).toEqual(expected.listed);
    expect(got.count).toEqual(expected.count);
  });
});
