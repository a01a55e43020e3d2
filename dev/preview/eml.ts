// The local outbox as .eml files (RFC 5322 + MIME): UTF-8 headers as RFC 2047 encoded words, text and HTML as multipart/alternative, drafts marked unsent; kept in step with the outbox.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutboxEntry } from '../emulator/mailMessage';

const CRLF = '\r\n';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 §3.3 date-time, in UTC. */
export function rfc5322Date(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
}

/** Header text on one line: CR, LF and other controls would end the header or inject another. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/**
 * RFC 2047 B encoded words for non-ASCII text, each at most 75 characters (§2) and holding whole
 * characters (§5: a multi-byte character is never split between words), folded onto new lines.
 */
export function encodeWords(text: string): string {
  const line = oneLine(text);
  if (/^[\x20-\x7e]*$/.test(line)) return line;
  const words: string[] = [];
  let chunk = '';
  for (const ch of line) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words
    .map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`)
    .join(`${CRLF} `);
}

/** A header folded at spaces so that its lines stay within 78 characters (RFC 5322 §2.1.1). */
export function foldHeader(header: string): string {
  return header
    .split(CRLF)
    .map((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > 78) {
        const at = rest.lastIndexOf(' ', 78);
        if (at <= 0) break;
        out.push(rest.slice(0, at));
        rest = rest.slice(at);
      }
      out.push(rest);
      return out.join(CRLF);
    })
    .join(CRLF);
}

/** "Name <a@x>" or "a@x", each address of a list, with a non-ASCII display name encoded. */
function addressList(list: string): string {
  return list
    .split(',')
    .map((part) => oneLine(part))
    .filter((part) => part !== '')
    .map((part) => {
      const angle = /^(.*?)\s*<([^>]*)>$/.exec(part);
      if (!angle) return part;
      const name = angle[1].replace(/^"|"$/g, '');
      return name ? `${displayName(name)} <${angle[2]}>` : `<${angle[2]}>`;
    })
    .join(`,${CRLF} `);
}

function displayName(name: string): string {
  const encoded = encodeWords(name);
  if (encoded !== oneLine(name)) return encoded;
  return /^[\w .'-]*$/.test(name) ? name : `"${name.replace(/["\\]/g, '\\$&')}"`;
}

/** Base64 body lines of 76 characters (RFC 2045 §6.8). */
function base64Body(text: string): string {
  const b64 = Buffer.from(text.replace(/\r?\n/g, CRLF), 'utf8').toString('base64');
  return (b64.match(/.{1,76}/g) ?? ['']).join(CRLF);
}

function part(type: 'plain' | 'html', text: string): string {
  return [
    `Content-Type: text/${type}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Body(text),
  ].join(CRLF);
}

/** One outbox entry as an RFC 5322 message. */
export function emlOf(m: OutboxEntry): string {
  const boundary = `=_reconnect_${m.id.replace(/[^\w]/g, '')}`;
  const headers = [
    `From: ${m.name ? `${displayName(m.name)} <${m.from}>` : m.from}`,
    `To: ${addressList(m.to)}`,
    ...(m.cc ? [`Cc: ${addressList(m.cc)}`] : []),
    ...(m.replyTo ? [`Reply-To: ${addressList(m.replyTo)}`] : []),
    `Subject: ${encodeWords(m.subject)}`,
    `Date: ${rfc5322Date(m.at)}`,
    `Message-ID: <${m.id.replace(/[^\w.-]/g, '')}@reconnect-preview.invalid>`,
    ...(m.kind === 'draft' ? ['X-Unsent: 1'] : []),
    'MIME-Version: 1.0',
  ];
  const folded = headers.map(foldHeader);
  if (m.htmlBody === null) return [...folded, part('plain', m.body), ''].join(CRLF);
  return [
    ...folded,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    part('plain', m.body),
    `--${boundary}`,
    part('html', m.htmlBody),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

/** A file name a person can read in a folder listing: kind, recipient, id. */
export function emlFileName(m: OutboxEntry): string {
  const to = (/<([^>]*)>/.exec(m.to)?.[1] ?? m.to.split(',')[0]).trim();
  const safe = (s: string) => s.replace(/[^\w.@+-]+/g, '_').slice(0, 60);
  return `${m.kind}-${safe(to)}-${safe(m.id)}.eml`;
}

/**
 * Keeps a folder in step with the outbox: each message written once (a draft again when it
 * changes), and the file of a draft that was sent or deleted removed.
 */
export function outboxWriter(dir: string): (outbox: readonly OutboxEntry[]) => number {
  mkdirSync(dir, { recursive: true });
  const written = new Map<string, { file: string; text: string }>();
  return (outbox) => {
    let changed = 0;
    const present = new Set<string>();
    for (const m of outbox) {
      present.add(m.id);
      const file = emlFileName(m);
      const text = emlOf(m);
      const before = written.get(m.id);
      if (before?.file === file && before.text === text) continue;
      if (before && before.file !== file) rmSync(join(dir, before.file), { force: true });
      writeFileSync(join(dir, file), text, 'utf8');
      written.set(m.id, { file, text });
      changed += 1;
    }
    for (const [id, { file }] of written) {
      if (present.has(id)) continue;
      rmSync(join(dir, file), { force: true });
      written.delete(id);
      changed += 1;
    }
    return changed;
  };
}
