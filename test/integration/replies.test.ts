// Replies from clients found in Gmail: logged once as a touch, the card marked and first, the follow-up stopped, a thread started by a draft the user sent.
import { manyClients, mergeWorld, type MergeWorld } from './mailMergeSupport';
import { previewMerge, runMailMerge } from '../../src/app/mailMerge';
import { scanGmail, scanGmailIfDue } from '../../src/app/gmailScan';
import { getCallList } from '../../src/app/callList';
import type { MergeRequest } from '../../src/shared/mergeApi';
import { TOUCH_HEADERS } from '../../src/core/touchLog';

let w: MergeWorld;
afterEach(() => w?.uninstall());

const request = (mode: MergeRequest['mode'], name = 'Reconnect apology'): MergeRequest => ({
  template: { source: 'sheet', name },
  recipients: { kind: 'top', count: 10 },
  mode,
});

test('a reply is logged once, with its first lines; the card comes first as "Replied: call them back"', () => {
  w = mergeWorld(manyClients(12));
  w.run(() => runMailMerge(request('send')));
  expect(w.touches()).toHaveLength(10);
  w.emu.clock.advance(26 * 3600_000);
  w.emu.mail.simulateReply(
    'client7@example.com',
    'So good to hear from you!\nCall me on Tuesday.\n\nOn Wed, Sam wrote:\n> It has been too long',
  );
  const first = w.run(() => scanGmail());
  expect(first).toMatchObject({ replies: 1, searches: 1, problem: null });
  const replied = w.touches().filter((t) => t.Outcome === 'replied');
  expect(replied).toHaveLength(1);
  expect(replied[0]).toMatchObject({
    'Client ID': 'C-00007',
    Channel: 'email',
    Step: 'Reconnect apology',
    Notes: 'Replied: So good to hear from you! / Call me on Tuesday.',
  });
  expect(w.client('C-00007')['Merge Status']).toBe('Replied 2026-11-26: Reconnect apology');
  // A second scan finds the same message and logs nothing new.
  expect(w.run(() => scanGmail()).replies).toBe(0);
  expect(w.touches().filter((t) => t.Outcome === 'replied')).toHaveLength(1);
  // The call list: the card first, marked, with the reply's words.
  // Just emailed, so not due: the card is there all the same, first.
  const list = w.run(() => getCallList({}));
  expect(list.items[0].id).toBe('C-00007');
  expect(list.items[0].reply).toEqual({
    date: '2026-11-26',
    text: 'So good to hear from you! / Call me on Tuesday.',
    mayOptOut: false,
  });
  expect(list.items.filter((i) => i.reply)).toHaveLength(1);
});

test('a reply stops the follow-up to that client; a reply asking to stop is shown, not acted on', () => {
  w = mergeWorld(manyClients(3));
  w.run(() => runMailMerge(request('send')));
  w.emu.clock.advance(30 * 24 * 3600_000);
  w.emu.mail.simulateReply('client2@example.com', 'Please remove me from your list.');
  w.run(() => scanGmail());
  const preview = w.run(() =>
    previewMerge({
      ...request('send', 'Follow-up after a call'),
      recipients: { kind: 'clients', ids: ['C-00001', 'C-00002', 'C-00003'] },
    }),
  );
  expect(preview.skips).toEqual([
    expect.objectContaining({
      clientId: 'C-00002',
      reason: 'replied on 2026-12-25: call them back',
    }),
  ]);
  expect(preview.emails.map((e) => e.clientId)).toEqual(['C-00001', 'C-00003']);
  const card = w.run(() => getCallList({ bucket: 'all' })).items[0];
  expect(card.reply?.mayOptOut).toBe(true);
  // Nothing was decided for the user: the client is not marked Do Not Contact.
  expect(w.client('C-00002')['Do Not Contact']).toBe(false);
});

test('replies for many clients take a handful of searches, and the sidebar scans at most every 10 minutes', () => {
  w = mergeWorld(manyClients(100), { dailyEmailQuota: 1500 });
  w.run(() => runMailMerge({ ...request('send'), recipients: { kind: 'top', count: 100 } }));
  w.emu.clock.advance(3600_000);
  for (const n of [3, 50, 99]) w.emu.mail.simulateReply(`client${n}@example.com`, `Hi from ${n}`);
  const before = w.emu.kernel.count('GmailApp.search');
  const scan = w.run(() => scanGmailIfDue());
  expect(scan.replies).toBe(3);
  expect(w.emu.kernel.count('GmailApp.search') - before).toBeLessThanOrEqual(5);
  expect(w.run(() => scanGmailIfDue()).scanned).toBe(false);
  w.emu.clock.advance(10 * 60 * 1000);
  expect(w.run(() => scanGmailIfDue())).toMatchObject({ scanned: true, replies: 0 });
});

test('Gmail unreadable (a declined permission): the scan says why and writes nothing', () => {
  w = mergeWorld(manyClients(2));
  w.run(() => runMailMerge(request('send')));
  w.emu.mail.gmailQuota = 0;
  const scan = w.run(() => scanGmail());
  expect(scan.problem).toBe('Service invoked too many times for one day: gmail.');
  expect(w.touches()).toHaveLength(2);
});

test('the scan reads the rows of recently emailed clients, not the whole client sheet or log', () => {
  w = mergeWorld(manyClients(2000));
  // An old history: 3,000 touches from two years ago, far from the watch window.
  const header = [...TOUCH_HEADERS];
  const old = Array.from({ length: 3000 }, (_, i) =>
    header.map((h) =>
      h === 'Date'
        ? new Date('2024-11-01T12:00:00Z')
        : h === 'Client ID'
          ? `C-${String((i % 2000) + 1).padStart(5, '0')}`
          : h === 'Channel'
            ? 'email'
            : h === 'Outcome'
              ? 'sent'
              : '',
    ),
  );
  w.emu.sheets.setSheet('Touches', [header, ...old]);
  w.run(() => runMailMerge(request('send')));
  const to = String(w.emu.mail.sent[4].to);
  const id = w.clients().find((c) => c.Email === to)?.['Client ID'];
  w.emu.clock.advance(26 * 3600_000);
  w.emu.mail.simulateReply(to, 'Lovely to hear from you.');
  w.emu.cache.clear();
  w.emu.kernel.resetCounts();
  expect(w.run(() => scanGmail())).toMatchObject({ replies: 1, problem: null });
  // Before: every cell of the client sheet (2,000 x 16) and of the log (3,010 x 9), about 60,000.
  // Now: the ranking columns (6 a client), the log's Date column, and the recent rows.
  expect(w.emu.kernel.cellsRead).toBeLessThan(2000 * 6 + 3010 + 40 * 16 + 200);
  const replied = w.touches().filter((t) => t.Outcome === 'replied');
  expect(replied.map((t) => t['Client ID'])).toEqual([id]);
});
