// Eight simulated weeks on a 300-client sheet: each Monday exactly the batch, in the playbook's priority, nobody twice, the campaign done in the predicted week, then cadence-due clients.
import { toItem } from '../../src/core/callList';
import { priorityOrder } from '../../src/core/priority';
import type { Client } from '../../src/core/clients';
import { threeHundred, weeklyWorld, type WeeklyWorld } from './weeklySupport';

const clients = threeHundred();

/**
 * The campaign's order as the playbook sets it, from the sheet as seeded: the call list's priority
 * over every silent client (Do Not Contact are never listed), then those without an address dropped.
 */
function expectedCampaignOrder(reached: ReadonlySet<string> = new Set()): string[] {
  const silent = clients.filter(
    (c) => c.id.startsWith('C-') && !c.doNotContact && !reached.has(c.email ?? ''),
  );
  const items = silent.map((c) =>
    toItem(
      {
        id: c.id,
        row: 0,
        name: c.name,
        firstName: '',
        lastName: '',
        company: '',
        email: c.email ?? '',
        phone: '',
        lastContact: c.lastContact ?? null,
        value: c.value ?? null,
        cadence: '',
        nextDue: null,
        status: '',
        touches: 0,
        lastChannel: '',
        doNotContact: false,
        notes: '',
        mergeStatus: '',
      } satisfies Client,
      '2026-11-30',
    ),
  );
  return priorityOrder(items)
    .filter((i) => i.email)
    .map((i) => i.email);
}

describe.each([
  ['with the document context', true],
  ['without the document context (lock and properties null)', false],
])('eight weeks %s', (_label, document) => {
  let w: WeeklyWorld;
  afterEach(() => w?.uninstall());

  it('sends exactly the batch each Monday, in priority order, and finishes the campaign when predicted', () => {
    w = weeklyWorld(clients, { document });
    const saved = w.save();
    expect(saved.active).toBe(true);
    // 55 silent: 3 without an address, 1 Do Not Contact -> 51 to reach, 10 a week -> 6 Mondays.
    expect(saved.campaign).toMatchObject({ reached: 0, remaining: 51, done: false });
    expect(saved.campaign.expectedDone).toBe('2027-01-04');
    expect(saved.nextRun).toBe('2026-11-30T14:00:00.000Z');
    expect(saved.nextBatch.filter((c) => !c.skip).map((c) => c.to)).toEqual(
      expectedCampaignOrder().slice(0, 10),
    );

    const weeks: string[][] = [];
    for (let k = 0; k < 8; k++) {
      const before = w.recipients().length;
      // Sunday to Sunday: one Monday firing sends; the other six days have nothing to do.
      w.until(new Date(Date.parse('2026-12-06T15:00:00Z') + k * 7 * 86400000).toISOString());
      weeks.push(w.recipients().slice(before));
    }
    expect(weeks.map((week) => week.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10]);
    const all = weeks.flat();
    expect(new Set(all).size).toBe(all.length);
    // Each week's campaign part is the top of the priority order of those not reached yet.
    const reached = new Set<string>();
    for (const week of weeks) {
      const part = week.filter((to) => to.startsWith('silent'));
      expect(part).toEqual(expectedCampaignOrder(reached).slice(0, part.length));
      part.forEach((to) => reached.add(to));
    }
    const campaign = all.filter((to) => to.startsWith('silent'));
    expect(campaign).toHaveLength(51);
    // The last campaign email went out in the week predicted on day one (week 6: 4 January 2027).
    const lastCampaignWeek = weeks.findIndex((week) => week.some((to) => to === campaign[50]));
    expect(lastCampaignWeek).toBe(5);
    // That week the batch was filled with cadence-due clients, and the two after are all cadence.
    expect(weeks[5].filter((to) => to.startsWith('recent'))).toHaveLength(9);
    expect(weeks[6].every((to) => to.startsWith('recent'))).toBe(true);
    const steps = w.table('Touches').map((t) => t.Step);
    expect(steps.filter((s) => s === 'Reconnect apology')).toHaveLength(51);
    expect(steps.filter((s) => s === 'Post-purchase check-in')).toHaveLength(29);

    const view = w.view();
    expect(view.campaign).toMatchObject({
      reached: 51,
      remaining: 0,
      done: true,
      expectedDone: null,
    });
    const activity = w.table('Activity');
    expect(activity).toHaveLength(8);
    expect(activity.map((a) => a.Sent)).toEqual([10, 10, 10, 10, 10, 10, 10, 10]);
    expect(String(activity[0].Skipped)).toMatch(/no email address/);
    expect(w.summaries()).toHaveLength(8);
    expect(w.summaries()[5].body).toMatch(/everyone silent six months or more has been reached/);
  });
});
