// The local outbox written as .eml files: they parse back (headers, UTF-8 text and HTML bodies) and follow the outbox as drafts are sent or deleted.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, type Emulator } from '../../dev/emulator';
import { emlOf, encodeWords, outboxWriter } from '../../dev/preview/eml';

type Gmail = GoogleAppsScript.Gmail.GmailApp;

/** A small reader written from RFC 5322/2045/2047, independent of the writer. */
function parseEml(text: string) {
  expect(text).not.toMatch(/[^\r]\n/); // CRLF line ends only
  const [head, ...rest] = text.split('\r\n\r\n');
  const unfolded = head.replace(/\r\n[ \t]/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of unfolded.split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line
      .slice(i + 1)
      .trim()
      .replace(/\?= =\?/g, '?==?')
      .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) =>
        Buffer.from(b64, 'base64').toString('utf8'),
      );
  }
  for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  const body = rest.join('\r\n\r\n');
  const parts: Record<string, string> = {};
  const boundary = /boundary="([^"]+)"/.exec(headers['content-type'])?.[1];
  const chunks = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${head}\r\n\r\n${body}`];
  for (const chunk of chunks) {
    const [partHead, partBody] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
    const type = /Content-Type: (text\/\w+); charset=UTF-8/i.exec(partHead)?.[1] ?? '?';
    expect(partHead).toMatch(/Content-Transfer-Encoding: base64/);
    parts[type] = Buffer.from(partBody.replace(/\r\n/g, ''), 'base64').toString('utf8');
  }
  return { headers, parts };
}

let emu: Emulator;
let dir: string;
beforeEach(() => {
  emu = createEmulator({ now: '2026-11-25T15:00:00Z' });
  dir = mkdtempSync(join(tmpdir(), 'reconnect-outbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a sent email with a UTF-8 subject, sender name and HTML parses back', () => {
  const subject = 'Schön, von Ihnen zu hören, Zoë — 久しぶりですね、またお話ししましょう';
  // This test is about the .eml writer: GmailApp's own damage to non-ASCII text (mail.ts) is off.
  emu.mail.gmailGarble = 'none';
  emu.run(() =>
    (emu.globals.GmailApp as Gmail).sendEmail(
      'Zoë Müller <zoe@mueller.example>',
      subject,
      'Hallo Zoë,\nwie geht es?',
      {
        htmlBody: '<p>Hallo <b>Zoë</b>,</p><p>wie geht es? ☺</p>',
        name: 'Åsa Lindqvist',
        replyTo: 'asa@firm.example',
      },
    ),
  );
  const write = outboxWriter(dir);
  expect(write(emu.mail.outbox)).toBe(1);
  const files = readdirSync(dir);
  expect(files).toEqual([expect.stringMatching(/^sent-zoe@mueller\.example-.+\.eml$/)]);
  const { headers, parts } = parseEml(readFileSync(join(dir, files[0]), 'utf8'));
  expect(headers.subject).toBe(subject);
  expect(headers.from).toBe('Åsa Lindqvist <owner@example.com>');
  expect(headers.to).toBe('Zoë Müller <zoe@mueller.example>');
  expect(headers['reply-to']).toBe('asa@firm.example');
  expect(headers.date).toBe('Wed, 25 Nov 2026 15:00:00 +0000');
  expect(headers['mime-version']).toBe('1.0');
  expect(headers['x-unsent']).toBeUndefined();
  expect(parts['text/plain']).toBe('Hallo Zoë,\r\nwie geht es?');
  expect(parts['text/html']).toBe('<p>Hallo <b>Zoë</b>,</p><p>wie geht es? ☺</p>');
  expect(write(emu.mail.outbox)).toBe(0);
});

test('a draft is marked unsent, a plain one is one text part, and the folder follows the outbox', () => {
  const draft = emu.run(() =>
    (emu.globals.GmailApp as Gmail).createDraft('ann@lee.example', 'Catching up', 'Hi Ann'),
  );
  const write = outboxWriter(dir);
  write(emu.mail.outbox);
  const [file] = readdirSync(dir);
  expect(file).toMatch(/^draft-ann@lee\.example-/);
  const { headers, parts } = parseEml(readFileSync(join(dir, file), 'utf8'));
  expect(headers['x-unsent']).toBe('1');
  expect(headers['content-type']).toBe('text/plain; charset=UTF-8');
  expect(parts['text/plain']).toBe('Hi Ann');
  emu.run(() => draft.deleteDraft());
  expect(write(emu.mail.outbox)).toBe(1);
  expect(readdirSync(dir)).toEqual([]);
});

test('header injection: CR/LF in a subject cannot start a new header', () => {
  const eml = emlOf({
    ...emu.mail.outbox[0],
    kind: 'sent',
    via: 'MailApp',
    to: 'a@x.example',
    cc: '',
    bcc: 'hidden@x.example',
    subject: 'Hi\r\nBcc: victim@x.example',
    body: 'x',
    htmlBody: null,
    name: null,
    from: 'me@x.example',
    replyTo: null,
    noReply: false,
    attachments: 0,
    at: '2026-01-01T00:00:00Z',
    id: 'm1',
    draftId: null,
  });
  expect(eml).toContain('Subject: Hi Bcc: victim@x.example\r\n');
  expect(eml).not.toMatch(/^Bcc:/m);
});

test('encoded words stay within 75 characters and never split a character', () => {
  const encoded = encodeWords('€'.repeat(40));
  for (const word of encoded.split('\r\n ')) {
    expect(word.length).toBeLessThanOrEqual(75);
    const b64 = /^=\?UTF-8\?B\?(.*)\?=$/.exec(word)![1];
    expect(Buffer.from(b64, 'base64').toString('utf8')).toMatch(/^€+$/);
  }
});
