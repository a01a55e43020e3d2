// Two merges at once, and the sidebar logging a call while a merge sends: short locked chunks, never two emails to one client.
import { duringFirstPause, manyClients, mergeWorld, type MergeWorld } from './mailMergeSupport';
import { runMailMerge } from '../../src/app/mailMerge';
import { logTouch } from '../../src/app/touches';
import type { MergeRequest, MergeResult } from '../../src/shared/mergeApi';

const request: MergeRequest = {
  template: { source: 'sheet', name: 'Reconnect apology' },
  recipients: { kind: 'top', count: 30 },
  mode: 'send',
};

/**
 * Runs `between` in the merge's first pause between two chunks of sends. Apps Script runs
 * executions in parallel; here the other execution runs inside that pause, when the running merge
 * holds no lock (checked), which is the only moment another writer can get in.
 */
function pausedWithoutLock(w: MergeWorld, between: () => void): void {
  duringFirstPause(() => {
    expect(w.emu.locks.state('document')).toBe('free');
    between();
  });
}

let w: MergeWorld;
afterEach(() => w?.uninstall());

test('a call logged while a merge sends goes through without waiting for the whole merge', () => {
  w = mergeWorld(manyClients(30));
  let logged = '';
  pausedWithoutLock(w, () => {
    logged = logTouch({ clientId: 'C-00030', channel: 'call', outcome: 'Talked' }).message;
  });
  const result = w.run(() => runMailMerge(request));
  expect(logged).toMatch(/Client 30/);
  // The batch was confirmed before the call: it goes out whole.
  expect(result.sent).toBe(30);
  expect(w.touches().filter((t) => t.Channel === 'call')).toHaveLength(1);
  expect(w.emu.locks.history.every((h) => h.acquired)).toBe(true);
});

test('two merges at once never send the same template to the same client', () => {
  w = mergeWorld(manyClients(30));
  let other: MergeResult | null = null;
  pausedWithoutLock(w, () => {
    other = runMailMerge(request);
  });
  const first = w.run(() => runMailMerge(request));
  const recipients = w.emu.mail.sent.map((m) => m.to);
  expect(recipients.filter((r, i) => recipients.indexOf(r) !== i)).toEqual([]);
  expect(recipients).toHaveLength(30);
  expect(first.sent + other!.sent).toBe(30);
  expect(first.sent).toBeGreaterThan(0);
  expect(other!.sent).toBeGreaterThan(0);
  // The first merge learns of the other's sends from the journal and says so.
  expect(first.outcomes.filter((o) => /another merge sent it/.test(o.status))).toHaveLength(
    other!.sent,
  );
  const clients = w.clients();
  expect(clients.every((c) => c['Merge Status'] === 'Sent 2026-11-25: Reconnect apology')).toBe(
    true,
  );
  expect(w.touches()).toHaveLength(30);
});
