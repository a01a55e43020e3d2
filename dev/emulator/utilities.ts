// Emulated Utilities: formatDate (Java patterns, IANA zones), formatString, uuids, sleep on the clock, base64, blobs, digests.
import { createHash, createHmac } from 'node:crypto';
import { gasError, makeEnum, type Kernel } from './kernel';
import { formatSimpleDate } from './simpleDateFormat';
import { parseSimpleDate } from './simpleDateParse';

const Charset = makeEnum('Charset', ['US_ASCII', 'UTF_8']);
const DigestAlgorithm = makeEnum('DigestAlgorithm', [
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
]);
const MacAlgorithm = makeEnum('MacAlgorithm', [
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
]);

/** "Utilities.sleep: maximum allowed value is 300000 (or 5 minutes)" (Utilities reference). */
export const MAX_SLEEP_MS = 300_000;

export interface UtilitiesControl {
  /** Restarts the getUuid sequence from a seed (deterministic uuids make tests stable). */
  seedUuids(seed: number): void;
}

/** Java byte[] as Apps Script exposes it: numbers in -128..127. */
export function toSignedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

export function fromBytes(bytes: ArrayLike<number>): Buffer {
  return Buffer.from(Array.from(bytes, (b) => b & 0xff));
}

function encoding(charset: unknown): BufferEncoding {
  const name =
    charset === undefined ? 'UTF_8' : String((charset as { name?: string }).name ?? charset);
  return name === 'US_ASCII' ? 'latin1' : 'utf8';
}

function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (typeof data === 'string') {
    const buf = Buffer.from(data, encoding(charset));
    return encoding(charset) === 'latin1' ? Buffer.from(buf.map((b) => b & 0x7f)) : buf;
  }
  if (Array.isArray(data) || data instanceof Uint8Array)
    return fromBytes(data as ArrayLike<number>);
  if (data && typeof (data as { getBytes?: unknown }).getBytes === 'function') {
    return fromBytes((data as { getBytes(): number[] }).getBytes());
  }
  return Buffer.from(String(data), 'utf8');
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Java's String.format for the conversions scripts use: %s %d %f %.nf %x %o %e %%, flags - 0 + and width. */
export function formatString(template: string, ...args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(-)?(\+)?(0)?(\d+)?(?:\.(\d+))?([sSdfxXoeEb%n])/g,
    (_m, left, plus, zero, width, precision, conv: string) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      if (next >= args.length) throw gasError(`Format specifier '${_m}' has no argument`);
      const arg = args[next++];
      let text: string;
      switch (conv) {
        case 'd':
          text = String(Math.trunc(Number(arg)));
          break;
        case 'f':
          text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
        case 'E':
          text = Number(arg).toExponential(precision === undefined ? 6 : Number(precision));
          text = text.replace(/e([+-])(\d)$/, 'e$10$2');
          if (conv === 'E') text = text.toUpperCase();
          break;
        case 'x':
        case 'X':
          text = Math.trunc(Number(arg)).toString(16);
          if (conv === 'X') text = text.toUpperCase();
          break;
        case 'o':
          text = Math.trunc(Number(arg)).toString(8);
          break;
        case 'b':
          text = String(arg !== null && arg !== undefined && arg !== false);
          break;
        default:
          text = arg === null || arg === undefined ? String(arg) : String(arg);
          if (precision !== undefined) text = text.slice(0, Number(precision));
          if (conv === 'S') text = text.toUpperCase();
      }
      if (plus && /^[0-9]/.test(text) && 'dfeE'.includes(conv)) text = `+${text}`;
      const w = width === undefined ? 0 : Number(width);
      if (text.length < w) {
        if (left) text = text.padEnd(w);
        else if (zero && 'dfxXoeE'.includes(conv)) {
          const sign = /^[+-]/.test(text) ? text[0] : '';
          text = sign + text.slice(sign.length).padStart(w - sign.length, '0');
        } else text = text.padStart(w);
      }
      return text;
    },
  );
}

export function createUtilities(kernel: Kernel) {
  let state = 0x2f6b_1d3e;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const control: UtilitiesControl = {
    seedUuids(seed) {
      state = seed | 0;
    },
  };

  function makeBlob(
    bytes: Buffer,
    contentType: string | null,
    name: string | null,
  ): GoogleAppsScript.Base.Blob {
    let data = bytes;
    let type = contentType;
    let blobName = name;
    const blob: GoogleAppsScript.Base.Blob = kernel.wrap('Utilities', 'Blob', {
      getBytes: () => toSignedBytes(data),
      setBytes(b: number[]) {
        data = fromBytes(b);
        return blob;
      },
      getDataAsString: (charset?: unknown) => data.toString(encoding(charset)),
      setDataFromString(s: string, charset?: unknown) {
        data = toBuffer(String(s), charset);
        return blob;
      },
      getContentType: () => type,
      setContentType(t: string) {
        type = t === null ? null : String(t);
        return blob;
      },
      getName: () => blobName,
      setName(n: string) {
        blobName = String(n);
        return blob;
      },
      copyBlob: () => makeBlob(Buffer.from(data), type, blobName),
      getBlob: () => blob,
      isGoogleType: () => false,
    });
    return blob;
  }

  const digest = (alg: string, value: unknown, charset?: unknown) => {
    const node = {
      MD2: 'md2',
      MD5: 'md5',
      SHA_1: 'sha1',
      SHA_256: 'sha256',
      SHA_384: 'sha384',
      SHA_512: 'sha512',
    }[alg];
    if (!node) throw gasError('Invalid argument: algorithm');
    return toSignedBytes(createHash(node).update(toBuffer(value, charset)).digest());
  };
  const hmac = (alg: string, value: unknown, key: unknown, charset?: unknown) => {
    const node = {
      HMAC_MD5: 'md5',
      HMAC_SHA_1: 'sha1',
      HMAC_SHA_256: 'sha256',
      HMAC_SHA_384: 'sha384',
      HMAC_SHA_512: 'sha512',
    }[alg];
    if (!node) throw gasError('Invalid argument: algorithm');
    return toSignedBytes(
      createHmac(node, toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
    );
  };

  const decode = (encoded: string, webSafe: boolean) => {
    const text = String(encoded).replace(/\s/g, '');
    const valid = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
    if (!valid.test(text) || text.replace(/=+$/, '').length % 4 === 1)
      throw gasError('Could not decode string.');
    return Buffer.from(text, webSafe ? 'base64url' : 'base64');
  };

  const Utilities = kernel.wrap<GoogleAppsScript.Utilities.Utilities>('Utilities', 'Utilities', {
    Charset,
    DigestAlgorithm,
    MacAlgorithm,
    formatDate(date: unknown, timeZone: string, format: string) {
      if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
        const types = [date, timeZone, format]
          .map((a) => (isDate(a) ? 'Date' : typeof a))
          .join(',');
        throw gasError(
          `The parameters (${types}) don't match the method signature for Utilities.formatDate.`,
        );
      }
      try {
        return formatSimpleDate(date, timeZone, format);
      } catch (error) {
        // java.lang.IllegalArgumentException surfaces as an "Invalid argument" exception.
        throw gasError(`Invalid argument: ${(error as Error).message}`);
      }
    },
    parseDate(date: string, timeZone: string, format: string) {
      let parsed: Date | null;
      try {
        parsed = parseSimpleDate(
          String(date),
          String(timeZone),
          String(format),
          kernel.clock.nowMs(),
        );
      } catch (error) {
        throw gasError(`Invalid argument: ${(error as Error).message}`);
      }
      // java.text.ParseException's text; Apps Script's exact wording is [unverified].
      if (!parsed) throw gasError(`Unparseable date: "${String(date)}"`);
      return parsed;
    },
    formatString: (template: string, ...args: unknown[]) => formatString(template, ...args),
    getUuid() {
      const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
      bytes[6] = (bytes[6] & 0x0f) | 0x40;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    sleep(milliseconds: number) {
      const ms = Number(milliseconds);
      if (!(ms >= 0) || ms > MAX_SLEEP_MS) throw gasError('Invalid argument: milliseconds');
      kernel.clock.advance(ms);
    },
    base64Encode: (data: unknown, charset?: unknown) => toBuffer(data, charset).toString('base64'),
    base64EncodeWebSafe: (data: unknown, charset?: unknown) =>
      toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (encoded: string) => toSignedBytes(decode(encoded, false)),
    base64DecodeWebSafe: (encoded: string) => toSignedBytes(decode(encoded, true)),
    newBlob(data: unknown, contentType?: string, name?: string) {
      return makeBlob(toBuffer(data ?? ''), contentType ?? null, name ?? null);
    },
    computeDigest: (algorithm: unknown, value: unknown, charset?: unknown) =>
      digest(String((algorithm as { name?: string })?.name ?? algorithm), value, charset),
    computeHmacSha256Signature: (value: unknown, key: unknown, charset?: unknown) =>
      hmac('HMAC_SHA_256', value, key, charset),
    computeHmacSignature: (algorithm: unknown, value: unknown, key: unknown, charset?: unknown) =>
      hmac(String((algorithm as { name?: string })?.name ?? algorithm), value, key, charset),
  });
  return { Utilities, control };
}
