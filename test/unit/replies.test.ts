// Pure parts of the Gmail record: a reply's first lines, batched queries within Gmail's length, the card marker, and settling an unconfirmed send.
import { firstLines, newReplies, replyMarkers, watchedClients } from '../../src/core/replies';
import { batchedQueries, QUERY_MAX_CHARS } from '../../src/core/merge/gmailQuery';
import { SETTLE_MS, verdictFor } from '../../src/core/merge/reconcile';
import { foldToAscii, encodeNonAsciiForHtml } from '../../src/core/merge/gmailText';
import type { JournalEntry } from '../../src/core/merge/journal';

const touch = (clientId: string, date: string, outcome: string, notes = '', step = 'T') => ({
  clientId,
  date,
  channel: outcome === 'reached' ? 'call' : 'email',
  outcome,
  notes,
  step,
});

test("a reply's own words: quoted history left out, a few lines, clipped", () => {
  expect(firstLines('Yes!\n\nCall me.\nOn Mon, Sam wrote:\n> old')).toBe('Yes! / Call me.');
  expect(firstLines('a\nb\nc\nd\ne')).toBe('a / b / c / d');
  expect(firstLines('x'.repeat(400))).toHaveLength(300);
});

test('queries hold as many addresses as fit, each once, and never pass the limit', () => {
  const addresses = Array.from({ length: 500 }, (_, i) => `person.${i}@example.com`);
  const queries = batchedQueries('from:', [...addresses, 'PERSON.1@example.com'], ' after:1');
  for (const q of queries) expect(q.length).toBeLessThanOrEqual(QUERY_MAX_CHARS);
  const listed = queries.flatMap((q) => q.slice(6, q.indexOf(')')).split(' OR '));
  expect(listed).toHaveLength(500);
  expect(queries[0]).toMatch(/^from:\(person\.0@example\.com OR person\.1@example\.com OR /);
});

test('a reply is new once; the marker goes when anything is logged after it', () => {
  const log = [
    touch('A', '2026-11-20', 'sent'),
    touch('A', '2026-11-21', 'replied', 'Replied: hi'),
  ];
  const watched = watchedClients(log, () => 'a@x.com', '2026-11-25');
  expect(watched[0]).toMatchObject({ since: '2026-11-20', lastReply: '2026-11-21' });
  const old = { from: 'a@x.com', day: '2026-11-21', atMs: 1, text: 'hi' };
  const later = { from: 'A@x.com', day: '2026-11-24', atMs: 2, text: 'again' };
  expect(newReplies(watched, [old])).toEqual([]);
  expect(newReplies(watched, [old, later]).map((r) => r.notes)).toEqual(['Replied: again']);
  expect(replyMarkers(log).get('A')).toEqual({ date: '2026-11-21', text: 'hi', mayOptOut: false });
  expect(replyMarkers([...log, touch('A', '2026-11-22', 'reached')]).size).toBe(0);
  expect(
    replyMarkers([touch('B', '2026-11-22', 'replied', 'Please unsubscribe me')]).get('B'),
  ).toMatchObject({ mayOptOut: true });
});

test('an unconfirmed send: found in Sent by address, subject and window; not found only once settled', () => {
  const entry: JournalEntry = {
    clientId: 'A',
    template: 'T',
    mode: 'send',
    state: 'sending',
    date: '2026-11-25',
    to: 'a@x.com',
    at: 1_000_000,
    subjectHash: 'h1',
  };
  const hash = (s: string) => (s === 'Hello' ? 'h1' : 'other');
  const sent = { to: ['a@x.com'], subject: 'Hello', atMs: 1_000_500, folder: 'sent' as const };
  expect(verdictFor(entry, [sent], 1_001_000, hash)).toBe('found');
  expect(verdictFor(entry, [{ ...sent, subject: 'Other' }], 1_001_000, hash)).toBe('pending');
  expect(
    verdictFor(entry, [{ ...sent, atMs: 1_000_000 + SETTLE_MS }], 1_000_000 + SETTLE_MS, hash),
  ).toBe('notFound');
  expect(verdictFor(entry, [], 1_000_000 + SETTLE_MS, hash)).toBe('notFound');
});

test('GmailApp text: every non-ASCII character as a reference in HTML, letters folded elsewhere', () => {
  expect(encodeNonAsciiForHtml('<p>Zoë ☺ 👋</p>')).toBe('<p>Zo&#235; &#9786; &#128075;</p>');
  expect(foldToAscii('Zoë’s café – Straße ☺')).toEqual({
    text: "Zoe's cafe - Strasse ",
    lost: ['☺'],
  });
});
