// Keeping up, not only catching up: the cadence template goes to a client again each time their cadence comes round, never twice in one round.
import { weeklyWorld, type WeeklyClient, type WeeklyWorld } from './weeklySupport';

/** Last reached 20 August on a quarterly cadence: due 20 November, then again 28 February. */
const ANA: WeeklyClient = {
  id: 'C-0001',
  name: 'Ana Quarterly',
  email: 'ana@example.com',
  lastContact: '2026-08-20',
  value: 500,
  cadence: 'Quarterly',
};

describe('cadence-due clients over two quarters', () => {
  let w: WeeklyWorld;
  afterEach(() => w?.uninstall());

  it('gets the cadence email once per quarter: on the first Monday due, then again three months later', () => {
    w = weeklyWorld(
      [
        ANA,
        {
          id: 'C-0002',
          name: 'Ben Recent',
          email: 'ben@example.com',
          lastContact: '2026-11-10',
          value: 900,
          cadence: 'Quarterly',
        },
      ],
      { document: true },
    );
    w.save();
    // Sunday 7 March 2027: fourteen Mondays have gone by.
    w.until('2027-03-07T15:00:00Z');
    const sent = w.recipients();
    const touches = w.table('Touches').map((t) => [t['Client ID'], t.Step]);
    // Ana: due 20 Nov -> Monday 30 Nov; then due 28 Feb 2027 -> Monday 1 Mar. Ben: due 10 Feb -> 15 Feb.
    expect(sent.filter((to) => to === 'ana@example.com')).toHaveLength(2);
    expect(sent.filter((to) => to === 'ben@example.com')).toHaveLength(1);
    expect(touches.filter(([id]) => id === 'C-0001')).toHaveLength(2);
    const ana = w.table('Clients').find((c) => c['Client ID'] === 'C-0001')!;
    expect(String(ana['Merge Status'])).toMatch(/^Sent 2027-03-01: Post-purchase check-in/);
  });

  it('within a round nothing goes out again: not due until the next quarter', () => {
    w = weeklyWorld([ANA], { document: true });
    w.save();
    w.until('2026-12-06T15:00:00Z');
    expect(w.recipients()).toEqual(['ana@example.com']);
    // The next Monday: Ana is not due (next due 2027-03-02), so nothing goes out again.
    w.until('2026-12-13T15:00:00Z');
    expect(w.recipients()).toEqual(['ana@example.com']);
  });
});
