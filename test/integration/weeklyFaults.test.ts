// A weekly run killed at every service call, resumed by the next firings: nobody gets the email twice, and every client of the batch is sent or marked unconfirmed.
import { EXCEEDED_TIME } from '../../dev/emulator';
import { threeHundred, weeklyWorld } from './weeklySupport';

const clients = threeHundred().slice(0, 60);
const BEFORE = Date.parse('2026-11-30T13:00:00Z');
const MONDAY_RUN = Date.parse('2026-11-30T16:00:00Z');

function mondayCalls(document: boolean): number {
  const w = weeklyWorld(clients, { document });
  try {
    w.save();
    w.emu.triggers.runUntil(BEFORE);
    w.emu.kernel.resetCounts();
    w.emu.triggers.runUntil(MONDAY_RUN);
    expect(w.recipients()).toHaveLength(10);
    return w.emu.kernel.count();
  } finally {
    w.uninstall();
  }
}

describe.each([
  ['with the document context', true],
  ['without the document context', false],
])('a Monday run killed at every service call, %s', (_label, document) => {
  it('is resumed by the next firings: nobody twice, all ten sent or marked unconfirmed', () => {
    const calls = mondayCalls(document);
    expect(calls).toBeGreaterThan(50);
    const outcomes = new Map<string, number>();
    for (let k = 1; k <= calls; k++) {
      const w = weeklyWorld(clients, { document });
      try {
        w.save();
        w.emu.triggers.runUntil(BEFORE);
        w.emu.kernel.injectFault({ atCall: k, message: EXCEEDED_TIME, kill: true });
        const [monday] = w.emu.triggers.runUntil(MONDAY_RUN);
        expect(monday.error?.message).toBe(EXCEEDED_TIME);
        w.emu.kernel.clearFaults();
        w.until('2026-12-06T23:00:00Z');
        const sent = w.recipients();
        expect([k, new Set(sent).size]).toEqual([k, sent.length]);
        const touches = w.table('Touches');
        const keys = touches.map((t) => `${t['Client ID']}|${t.Step}`);
        expect([k, new Set(keys).size]).toEqual([k, keys.length]);
        // Ten clients reached: each email out, or at most one "unconfirmed" (killed mid-send).
        expect([k, touches.length]).toEqual([k, 10]);
        // Every email that went out is one of those ten; an unconfirmed one may or may not have.
        const touched = new Set(touches.map((t) => String(t['Client ID'])));
        const byEmail = new Map(clients.map((c) => [c.email, c.id]));
        expect([k, sent.filter((to) => !touched.has(byEmail.get(to) ?? ''))]).toEqual([k, []]);
        const unconfirmed = touches.filter((t) => /^Unconfirmed/.test(String(t.Notes))).length;
        expect([k, unconfirmed <= 1 && sent.length >= 10 - unconfirmed]).toEqual([k, true]);
        const kind = unconfirmed ? 'unconfirmed' : 'all sent';
        outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
        // The next week is a normal one.
        w.until('2026-12-07T16:00:00Z');
        expect(new Set(w.recipients()).size).toBe(sent.length + 10);
      } finally {
        w.uninstall();
      }
    }
    // A kill during a send is settled by a later firing against Gmail's Sent folder
    // (app/mergeReconcile.ts): found is Sent, never sent goes out then. No "unconfirmed" is left.
    expect(outcomes.get('unconfirmed')).toBeUndefined();
    expect(outcomes.get('all sent')).toBe(calls);
  });
});
