// The calendar of batches: the chosen hour in the spreadsheet's zone across daylight saving changes, saving mid-week, and a spreadsheet that can no longer be opened.
import { threeHundred, weeklyWorld, type WeeklyWorld } from './weeklySupport';

const clients = threeHundred().slice(0, 80);

function local(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

describe.each([
  // The script's zone is New York; the spreadsheet's zone is what counts.
  ['Europe/Paris', '2026-10-18T10:00:00Z', '2026-11-03T12:00:00Z'],
  ['America/New_York', '2026-10-25T15:00:00Z', '2026-11-10T12:00:00Z'],
])('the week daylight saving ends in %s', (timeZone, start, end) => {
  let w: WeeklyWorld;
  afterEach(() => w?.uninstall());

  it.each([true, false])(
    'each batch goes out on Monday at 9 local time (document context: %s)',
    (document) => {
      w = weeklyWorld(clients, { document, now: start, timeZone });
      w.save();
      w.until(end);
      const sends = w.emu.mail.sent.filter((m) => m.to !== 'owner@example.com');
      expect(sends).toHaveLength(30);
      const slots = [...new Set(sends.map((m) => local(m.at, timeZone)))];
      expect(slots).toHaveLength(3);
      for (const slot of slots) expect(slot).toMatch(/^Mon, .*, 09$/);
      const weeks = w.table('Activity').map((a) => a.Week);
      expect(weeks).toHaveLength(3);
      expect(new Set(weeks).size).toBe(3);
    },
  );
});

describe('the calendar', () => {
  let w: WeeklyWorld;
  afterEach(() => w?.uninstall());

  it('saved on a Wednesday: the first batch is next Monday, not a late one tomorrow', () => {
    w = weeklyWorld(clients, { document: false, now: '2026-12-02T15:00:00Z' });
    const view = w.save();
    expect(view.nextRun).toBe('2026-12-07T14:00:00.000Z');
    expect(view.campaign.expectedDone).toBe('2027-01-11');
    w.until('2026-12-06T23:00:00Z');
    expect(w.recipients()).toHaveLength(0);
    w.until('2026-12-07T16:00:00Z');
    expect(w.recipients()).toHaveLength(10);
    expect(w.view().nextRun).toBe('2026-12-14T14:00:00.000Z');
  });

  it('the spreadsheet can no longer be opened: the trigger removes itself and the owner is told', () => {
    w = weeklyWorld(clients, { document: false });
    w.save();
    const id = w.emu.sheets.active().getId();
    w.emu.sheets.remove(id);
    w.until('2026-12-14T16:00:00Z');
    expect(w.recipients()).toHaveLength(0);
    expect(w.emu.triggers.triggers).toHaveLength(0);
    const mails = w.summaries();
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Reconnect: weekly batches stopped');
    expect(mails[0].body).toMatch(/can no longer be opened/);
  });
});
