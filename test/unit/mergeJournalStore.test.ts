// The merge journal's storage format: compact pages, a record per run, old entries still read, and its size known before sending.
import {
  JOURNAL_CAP_BYTES,
  PAGE_MAX_BYTES,
  STATUS_MAX_BYTES,
  VALUE_LIMIT_BYTES,
  clientHash,
  clipStatus,
  encodePage,
  encodeRun,
  entryBudget,
  expiredKeys,
  pageKey,
  readSnapshot,
  roomProblem,
  runBudget,
  runKey,
  utf8Bytes,
} from '../../src/core/merge/journalStore';
import { takenByOthers, type JournalEntry } from '../../src/core/merge/journal';

const RUN = { run: 'mig0abcdxyz', template: 'Reconnect apology', mode: 'send' as const };
const record = { ...RUN, date: '2026-11-25', at: 1_000 };
const entry = (over: Partial<JournalEntry> = {}): JournalEntry => ({
  clientId: 'C-00001',
  template: RUN.template,
  mode: 'send',
  state: 'done',
  date: '2026-11-25',
  to: 'client1@example.com',
  run: RUN.run,
  at: 1_000,
  ...over,
});

describe('journal storage format', () => {
  test('a run record and a page read back as entries; the template name is stored once', () => {
    const entries = [
      entry(),
      entry({ clientId: 'C-2', state: 'sending' }),
      entry({ clientId: 'C-3', state: 'failed', status: 'Error: Invalid email' }),
    ];
    const page = encodePage(entries);
    expect(page).not.toContain('Reconnect apology');
    expect(page.length).toBeLessThan(150);
    const snap = readSnapshot({
      [runKey(RUN.run)]: encodeRun({ ...record, written: [] }),
      [pageKey(RUN.run, 0)]: page,
      'other.addon': 'x'.repeat(100),
    });
    expect(snap.entries.map((s) => s.entry)).toEqual(entries);
    expect(snap.entries.every((s) => s.key === 'rcj.mig0abcdxyz.0')).toBe(true);
    expect(snap.stale).toEqual([]);
    expect(snap.storeBytes - snap.journalBytes).toBe('other.addon'.length + 100);
  });

  test('old one-property-per-send entries are still read; written or unreadable ones are stale', () => {
    const legacy = JSON.stringify({ ...entry(), run: 'old' });
    const snap = readSnapshot({
      'reconnect.merge.C-1|hello': legacy,
      'reconnect.merge.C-2|hello': JSON.stringify({ ...entry(), written: true }),
      'reconnect.merge.junk': 'not json',
      [pageKey('norecord', 0)]: encodePage([entry()]),
    });
    expect(snap.entries.map((s) => s.key)).toEqual(['reconnect.merge.C-1|hello']);
    expect(snap.entries[0].entry).toEqual({ ...entry(), run: 'old' });
    expect(snap.stale.sort()).toEqual(
      ['rcj.norecord.0', 'reconnect.merge.C-2|hello', 'reconnect.merge.junk'].sort(),
    );
  });

  test('a run record expires 7 minutes after its start, never while it has a page', () => {
    const all = {
      [runKey('a')]: encodeRun({ ...record, run: 'a', written: [] }),
      [runKey('b')]: encodeRun({ ...record, run: 'b', written: [] }),
      [pageKey('b', 0)]: encodePage([entry({ run: 'b' })]),
    };
    const snap = readSnapshot(all);
    expect(expiredKeys(snap, 1_000 + 6 * 60_000, 7 * 60_000)).toEqual([]);
    expect(expiredKeys(snap, 1_000 + 7 * 60_000, 7 * 60_000)).toEqual(['rcj.a']);
  });

  test('another run is seen by its pages and, once written back, by hashed Client IDs', () => {
    const snap = readSnapshot({
      [runKey('other')]: encodeRun({
        ...record,
        run: 'other',
        written: [clientHash('C-9')],
      }),
      [pageKey('other', 0)]: encodePage([
        entry({ run: 'other', clientId: 'C-1' }),
        entry({ run: 'other', clientId: 'C-2', state: 'failed' }),
      ]),
      [runKey('mine')]: encodeRun({ ...record, run: 'mine', written: [clientHash('C-5')] }),
    });
    const taken = takenByOthers(snap, 'mine', ' RECONNECT apology ', clientHash);
    expect(['C-1', 'C-2', 'C-5', 'C-9'].filter(taken)).toEqual(['C-1', 'C-9']);
    expect(['C-1', 'C-9'].filter(takenByOthers(snap, 'mine', 'Other', clientHash))).toEqual([]);
  });

  test('UTF-8 sizes match Node, hashes are short and stable', () => {
    for (const s of ['', 'abc', 'é', '日本語', '😀 x', '\u0000']) {
      expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }
    expect(clientHash('C-00001')).toBe(clientHash('C-00001'));
    expect(clientHash('C-00001')).not.toBe(clientHash('C-00002'));
    expect(clientHash('x'.repeat(5000)).length).toBeLessThanOrEqual(7);
  });

  test('a failure status is clipped in the journal; an entry never outgrows its budget', () => {
    const long = `Error: ${'日本'.repeat(300)}`;
    expect(utf8Bytes(JSON.stringify(clipStatus(long)))).toBeLessThanOrEqual(STATUS_MAX_BYTES);
    const worst = [entry({ state: 'failed', status: long })];
    expect(utf8Bytes(encodePage(worst))).toBeLessThanOrEqual(
      entryBudget('C-00001', 'client1@example.com'),
    );
    expect(PAGE_MAX_BYTES).toBeLessThan(VALUE_LIMIT_BYTES);
  });
});

describe('room for a run, checked before the first send', () => {
  const sends = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ clientId: `C-${i}`, to: `client${i}@example.com` }));

  test('200 sends of a long template need a few tens of KB, far under the cap', () => {
    const need = runBudget({ ...record, template: 'x'.repeat(1500) }, sends(200));
    expect(need).toBeLessThan(JOURNAL_CAP_BYTES / 2);
    expect(roomProblem({ journalBytes: 0, storeBytes: 2000 }, record, sends(200))).toBeNull();
  });

  test('a store nearly full of other data: a refusal that says how much is needed and free', () => {
    const problem = roomProblem(
      { journalBytes: 0, storeBytes: 480 * 1024 },
      record,
      sends(200),
    ) as string;
    expect(problem).toMatch(/^The merge journal would need \d+ KB; .* has 4 KB free for it/);
    expect(problem).toContain('Nothing was sent');
    expect(problem).toMatch(/send to \d+ clients at a time/);
    expect(problem).toContain('Free merge storage');
  });

  test('a template name too long for one record, an absurd Client ID: refused by name', () => {
    expect(
      roomProblem(
        { journalBytes: 0, storeBytes: 0 },
        { ...record, template: 'x'.repeat(2001) },
        [],
      ),
    ).toContain('template name is 2,001 characters');
    expect(
      roomProblem({ journalBytes: 0, storeBytes: 0 }, record, [
        { clientId: 'x'.repeat(5000), to: 'a@b.co' },
      ]),
    ).toContain('too long for the merge journal');
  });
});
