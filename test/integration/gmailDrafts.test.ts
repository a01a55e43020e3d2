// Drafts Reconnect created, followed in Gmail: sent from Gmail (a touch, "Sent", Last Contact, and its reply found), deleted (offered again), still a draft (never offered twice).
import { manyClients, mergeWorld, type MergeWorld } from './mailMergeSupport';
import { previewMerge, runMailMerge } from '../../src/app/mailMerge';
import { scanGmail } from '../../src/app/gmailScan';
import type { MergeRequest } from '../../src/shared/mergeApi';

let w: MergeWorld;
afterEach(() => w?.uninstall());

const APOLOGY = { source: 'sheet', name: 'Reconnect apology' } as const;
const ids = (list: string[]): MergeRequest['recipients'] => ({ kind: 'clients', ids: list });

test('a draft sent from Gmail is Sent with its touch; its reply is found; a deleted draft frees the client', () => {
  w = mergeWorld(manyClients(3));
  const made = w.run(() =>
    runMailMerge({
      template: APOLOGY,
      recipients: ids(['C-00001', 'C-00002', 'C-00003']),
      mode: 'draft',
    }),
  );
  expect(made.drafted).toBe(3);
  expect(w.touches()).toHaveLength(0);
  const [one, two] = w.emu.mail.drafts;
  w.emu.clock.advance(2 * 24 * 3600_000);
  w.emu.mail.userSendsDraft(one.draftId as string);
  w.emu.mail.userDeletesDraft(two.draftId as string);
  w.emu.clock.advance(3600_000);
  w.emu.mail.simulateReply('client1@example.com', 'Thanks for writing! Yes, call me.');

  const scan = w.run(() => scanGmail());
  expect(scan).toMatchObject({ draftsSent: 1, draftsDeleted: 1, replies: 1, problem: null });
  const touches = w.touches();
  expect(touches.map((t) => [t['Client ID'], t.Outcome])).toEqual([
    ['C-00001', 'sent'],
    ['C-00001', 'replied'],
  ]);
  const c1 = w.client('C-00001');
  expect(c1['Merge Status']).toBe('Replied 2026-11-27: Reconnect apology');
  expect((c1['Last Contact'] as Date).toISOString().slice(0, 10)).toBe('2026-11-27');
  expect(String(w.client('C-00002')['Merge Status'])).toContain('Draft deleted');
  // Nothing new on a second scan.
  expect(w.run(() => scanGmail())).toMatchObject({ draftsSent: 0, draftsDeleted: 0, replies: 0 });
  expect(w.touches()).toHaveLength(2);

  // The Merge Status cell of the client whose draft is still waiting is overwritten by hand: the
  // tracked draft still says "already drafted", so it is not offered twice.
  const rows = w.emu.sheets.values('Clients');
  const status = rows[0].indexOf('Merge Status');
  rows[3][status] = 'Letter sent 2026-11-20: Letter from the heart';
  w.emu.sheets.setSheet('Clients', rows);
  const again = w.run(() =>
    previewMerge({
      template: APOLOGY,
      recipients: ids(['C-00001', 'C-00002', 'C-00003']),
      mode: 'draft',
    }),
  );
  expect(again.emails.map((e) => e.clientId)).toEqual(['C-00002']);
  expect(again.skips.map((s) => [s.clientId, s.reason])).toEqual([
    ['C-00001', 'replied on 2026-11-27: call them back'],
    ['C-00003', 'a draft of "Reconnect apology" was created on 2026-11-25 (see Gmail Drafts)'],
  ]);
});

test('the tracked drafts stay small: a record per run, under 9 KB a value', () => {
  w = mergeWorld(manyClients(120), { dailyEmailQuota: 1500 });
  w.run(() =>
    runMailMerge({ template: APOLOGY, recipients: { kind: 'top', count: 120 }, mode: 'draft' }),
  );
  const props = w.emu.properties.all('document');
  const keys = Object.keys(props).filter((k) => k.startsWith('rcd.'));
  expect(keys.length).toBeGreaterThanOrEqual(1);
  for (const k of keys) expect(Buffer.byteLength(props[k])).toBeLessThan(9 * 1024);
  const tracked = keys.reduce((n, k) => n + (JSON.parse(props[k]).x as unknown[]).length, 0);
  expect(tracked).toBe(120);
});
