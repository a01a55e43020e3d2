// The scheduled weekly run scans Gmail before its batch: a reply to last week's email is logged once, and the Activity row says so.
import { threeHundred, weeklyWorld, type WeeklyWorld } from './weeklySupport';

let w: WeeklyWorld;
afterEach(() => w?.uninstall());

describe.each([
  ['with the document context', true],
  ['without the document context', false],
])('weekly run %s', (_label, document) => {
  it('logs a reply to last week’s email before the next batch', () => {
    w = weeklyWorld(threeHundred().slice(0, 40), { document });
    w.save();
    w.until('2026-11-30T16:00:00Z');
    const first = w.recipients();
    expect(first).toHaveLength(10);
    w.emu.clock.advance(2 * 24 * 3600_000);
    w.emu.mail.simulateReply(first[3], 'Great to hear from you. Call me any morning.');
    w.until('2026-12-07T16:00:00Z');
    const replies = w.table('Touches').filter((t) => t.Outcome === 'replied');
    expect(replies).toHaveLength(1);
    expect(String(replies[0].Notes)).toBe('Replied: Great to hear from you. Call me any morning.');
    const activity = w.table('Activity');
    expect(JSON.stringify(activity[activity.length - 1])).toContain('1 client replied');
    // Nobody got a second email, and the next batch went out as usual.
    expect(new Set(w.recipients()).size).toBe(w.recipients().length);
    expect(w.recipients().length).toBeGreaterThanOrEqual(20);
  });
});
