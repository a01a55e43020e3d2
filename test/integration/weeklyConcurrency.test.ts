// The sidebar's merge and the weekly trigger at the same moment, at every service call of either, with and without the document lock: no client gets two emails; and what is left of the window.
import { EXCEEDED_TIME } from '../../dev/emulator';
import { runMailMerge } from '../../src/app/mailMerge';
import type { MergeRequest, MergeResult } from '../../src/shared/mergeApi';
import { threeHundred, weeklyWorld, type WeeklyWorld } from './weeklySupport';

const clients = threeHundred().slice(0, 60);
const MONDAY = '2026-11-30T14:30:00Z'; // 9:30 in New York: the batch is due
const merge: MergeRequest = {
  template: { source: 'sheet', name: 'Reconnect apology' },
  recipients: { kind: 'top', count: 15 },
  mode: 'send',
};

function world(document: boolean): WeeklyWorld {
  const w = weeklyWorld(clients, { document });
  w.save();
  w.emu.clock.set(MONDAY);
  return w;
}

function noneTwice(w: WeeklyWorld, k: number): void {
  const sent = w.recipients();
  const twice = sent.filter((to, i) => sent.indexOf(to) !== i);
  expect([k, twice]).toEqual([k, []]);
}

/** Calls made by fn in one execution, counted on a separate world. */
function callsOf(document: boolean, fn: (w: WeeklyWorld) => void): number {
  const w = world(document);
  try {
    w.emu.kernel.resetCounts();
    fn(w);
    return w.emu.kernel.count();
  } finally {
    w.uninstall();
  }
}

const fireTrigger = (w: WeeklyWorld) => () => {
  w.emu.triggers.fire(w.emu.triggers.triggers[0]);
};

describe.each([
  ['with the document context', true],
  ['without the document context (no lock in the trigger)', false],
])('a sidebar merge and the weekly run at once, %s', (_label, document) => {
  it('the trigger fires at every call of the sidebar merge: nobody gets two emails', () => {
    const n = callsOf(document, (w) => w.run(() => runMailMerge(merge)));
    let bothSent = 0;
    for (let k = 1; k <= n; k++) {
      const w = world(document);
      try {
        w.emu.interleave({ atCall: k }, fireTrigger(w));
        const result = w.run(() => runMailMerge(merge));
        noneTwice(w, k);
        if (result.sent > 0 && w.recipients().length > result.sent) bothSent += 1;
        // Whatever the sidebar reached, the rest of the week's batch goes out on the next firing.
        w.until('2026-12-01T16:00:00Z');
        noneTwice(w, k);
      } finally {
        w.uninstall();
      }
    }
    expect(bothSent).toBeGreaterThan(0);
  });

  it('the sidebar merges at every call of the weekly run: nobody gets two emails', () => {
    const n = callsOf(document, (w) => fireTrigger(w)());
    for (let k = 1; k <= n; k++) {
      const w = world(document);
      try {
        let result: MergeResult | null = null;
        w.emu.interleave({ atCall: k }, () => {
          try {
            result = w.run(() => runMailMerge(merge));
          } catch (error) {
            // The trigger holds the document lock: the sidebar says "busy", and sends nothing.
            expect((error as Error).message).toMatch(/Another merge or update is running/);
          }
        });
        fireTrigger(w)();
        noneTwice(w, k);
        void result;
      } finally {
        w.uninstall();
      }
    }
  });
});

describe('what is left of the window', () => {
  let w: WeeklyWorld;
  afterEach(() => w?.uninstall());

  it('a merge begun before the schedule existed claims nothing: the first run waits out any such merge', () => {
    w = weeklyWorld(clients, { document: false });
    w.emu.clock.set(MONDAY);
    w.save();
    // Fired at once (the hour is now): a merge started minutes ago may still be sending unclaimed.
    w.emu.triggers.fire(w.emu.triggers.triggers[0]);
    expect(w.recipients()).toHaveLength(0);
    w.emu.clock.advance(8 * 60 * 1000);
    w.emu.triggers.fire(w.emu.triggers.triggers[0]);
    expect(w.recipients()).toHaveLength(10);
  });

  it.each([true, false])(
    'a sidebar merge killed after claiming holds its clients back (document context: %s): skipped with the reason, never sent twice',
    (document) => {
      w = world(document);
      w.emu.kernel.injectFault({
        method: 'MailApp.sendEmail',
        nth: 3,
        message: EXCEEDED_TIME,
        kill: true,
      });
      expect(() => w.run(() => runMailMerge(merge))).toThrow(EXCEEDED_TIME);
      w.emu.kernel.clearFaults();
      expect(w.recipients()).toHaveLength(2);
      w.emu.clock.set('2026-11-30T16:00:00Z');
      w.emu.triggers.fire(w.emu.triggers.triggers[0]);
      noneTwice(w, 0);
      const [row] = w.table('Activity');
      // The merge claimed its first chunk (10 clients) and died on the third send: the weekly run
      // leaves those ten alone (its journal, maybe only in document properties, knows which went out).
      expect(String(row.Skipped)).toMatch(/another merge claimed this client/);
      expect(row.Sent).toBe(10);
    },
  );
});
