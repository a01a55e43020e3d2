// Addresses and sender fields in a merge: one strict check for client emails, reply-to and alias; a bad sender name or reply-to stops the merge before the first send.
import { mergeWorld, type MergeWorld, type SeedClient } from './mailMergeSupport';
import { previewMerge, runMailMerge, sendTestEmail } from '../../src/app/mailMerge';
import { getCallList } from '../../src/app/callList';
import type { MergeRequest } from '../../src/shared/mergeApi';

const INJECTED = 'ann@example.com?subject=Urgent&body=Call.me';
const CLIENTS: SeedClient[] = [
  { name: 'Ann Injected', email: INJECTED, lastContact: '2019-01-15', value: 900 },
  { name: 'Bob Plain', email: 'bob@example.com', lastContact: '2019-02-15', value: 800 },
  { name: 'Cy Plain', email: 'cy@example.com', lastContact: '2019-03-15', value: 700 },
];

const send = (over: Partial<MergeRequest> = {}): MergeRequest => ({
  template: { source: 'sheet', name: 'Reconnect apology' },
  recipients: { kind: 'top', count: 10 },
  mode: 'send',
  ...over,
});

let w: MergeWorld;
afterEach(() => w?.uninstall());

describe('client addresses', () => {
  test('an address carrying mailto parameters is skipped as invalid, never planned or sent', () => {
    w = mergeWorld(CLIENTS);
    const preview = w.run(() => previewMerge(send()));
    expect(preview.emails.map((e) => e.to)).toEqual(['bob@example.com', 'cy@example.com']);
    expect(preview.skips).toEqual([
      expect.objectContaining({ name: 'Ann Injected', reason: expect.stringContaining(INJECTED) }),
    ]);
    w.run(() => runMailMerge(send()));
    expect(w.emu.mail.sent.map((m) => m.to)).toEqual(['bob@example.com', 'cy@example.com']);
  });

  test('the call list gives no address for it (so the card shows no mailto link)', () => {
    w = mergeWorld(CLIENTS);
    const list = w.run(() => getCallList({}));
    const ann = list.items.find((i) => i.name === 'Ann Injected');
    expect(ann?.email).toBe('');
  });
});

describe('reply-to and sender name, checked once before the first send', () => {
  const cases: Array<[string, Partial<MergeRequest>, RegExp]> = [
    [
      'a reply-to with CR/LF',
      { replyTo: 'me@example.com\r\nBcc: everyone@example.com' },
      /^The reply-to address "me@example\.com Bcc: everyone@example\.com" is not a valid email address \(.*\)\. Nothing was sent\.$/,
    ],
    [
      'a reply-to with parameters',
      { replyTo: 'me@example.com?cc=x@y.com' },
      /^The reply-to address .* is not a valid email address/,
    ],
    [
      'a sender name with CR/LF',
      { senderName: 'Sam Carter\r\nBcc: everyone@example.com' },
      /^The sender name contains a line break or another control character; type it on one line\. Nothing was sent\.$/,
    ],
    ['a sender name with a bidi override', { senderName: 'Sam \u202eretraC' }, /control character/],
    [
      'a sender name that looks like an address',
      { senderName: 'Your Bank <security@bank.example>' },
      /cannot contain < or >/,
    ],
  ];

  test.each(cases)('%s: one message, nothing sent, no status written', (_label, over, message) => {
    w = mergeWorld(CLIENTS);
    expect(() => w.run(() => runMailMerge(send(over)))).toThrow(message);
    expect(() => w.run(() => previewMerge(send(over)))).toThrow(message);
    expect(() => w.run(() => sendTestEmail(send(over)))).toThrow(message);
    expect(() => w.run(() => runMailMerge(send({ ...over, mode: 'draft' })))).toThrow(message);
    expect(w.emu.mail.outbox).toHaveLength(0);
    expect(w.emu.mail.drafts).toHaveLength(0);
    expect(w.clients().map((c) => c['Merge Status'])).toEqual(['', '', '']);
    expect(w.touches()).toHaveLength(0);
  });

  test('a plain reply-to and a one-line name go out as typed', () => {
    w = mergeWorld(CLIENTS);
    w.run(() =>
      runMailMerge(send({ replyTo: ' me+replies@example.com ', senderName: "Sam O'Carter" })),
    );
    expect(w.emu.mail.sent).toHaveLength(2);
    expect(w.emu.mail.sent[0]).toMatchObject({
      replyTo: 'me+replies@example.com',
      name: "Sam O'Carter",
    });
  });
});
