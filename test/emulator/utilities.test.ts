// Pins Utilities: formatDate with Java SimpleDateFormat patterns in IANA zones across DST, uuids, sleep, base64, blobs, digests.
import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { Clock, Kernel } from '../../dev/emulator/kernel';
import { createUtilities, formatString } from '../../dev/emulator/utilities';
import { formatSimpleDate } from '../../dev/emulator/simpleDateFormat';

function setup() {
  const kernel = new Kernel(new Clock('2026-11-25T15:00:00Z'));
  const { Utilities, control } = createUtilities(kernel);
  kernel.beginExecution('FULL');
  return { kernel, Utilities, control };
}

describe('formatDate (Utilities reference: Java SimpleDateFormat patterns)', () => {
  const { Utilities } = setup();
  const f = (iso: string, tz: string, pattern: string) =>
    Utilities.formatDate(new Date(iso), tz, pattern);

  it('formats the common fields', () => {
    const d = '2026-03-05T14:07:09.045Z';
    expect(f(d, 'UTC', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2026-03-05 14:07:09.045');
    expect(f(d, 'UTC', 'y yy M MM MMM MMMM d dd')).toBe('2026 26 3 03 Mar March 5 05');
    expect(f(d, 'UTC', 'E EEE EEEE')).toBe('Thu Thu Thursday');
    expect(f(d, 'UTC', 'H h hh a m s S')).toBe('14 2 02 PM 7 9 45');
    expect(f('2026-03-05T00:30:00Z', 'UTC', 'h:mm a, H')).toBe('12:30 AM, 0');
    expect(f(d, 'UTC', "'Week of' d MMM, 'it''s' h 'o''clock'")).toBe(
      "Week of 5 Mar, it's 2 o'clock",
    );
  });

  it('shifts the calendar day with the zone', () => {
    const d = '2026-11-26T03:30:00Z';
    expect(f(d, 'America/New_York', 'yyyy-MM-dd')).toBe('2026-11-25');
    expect(f(d, 'Asia/Tokyo', 'yyyy-MM-dd HH:mm')).toBe('2026-11-26 12:30');
    expect(f(d, 'Asia/Kolkata', 'HH:mm Z')).toBe('09:00 +0530');
  });

  it('follows DST in New York (2026-03-08 and 2026-11-01)', () => {
    expect(f('2026-03-08T06:59:59Z', 'America/New_York', 'yyyy-MM-dd HH:mm:ss z Z')).toBe(
      '2026-03-08 01:59:59 EST -0500',
    );
    expect(f('2026-03-08T07:00:00Z', 'America/New_York', 'yyyy-MM-dd HH:mm:ss z Z')).toBe(
      '2026-03-08 03:00:00 EDT -0400',
    );
    expect(f('2026-11-01T05:30:00Z', 'America/New_York', 'HH:mm z')).toBe('01:30 EDT');
    expect(f('2026-11-01T06:30:00Z', 'America/New_York', 'HH:mm z')).toBe('01:30 EST');
  });

  it('follows DST in Europe and the southern hemisphere', () => {
    expect(f('2026-03-29T00:59:00Z', 'Europe/London', 'HH:mm z')).toBe('00:59 GMT');
    expect(f('2026-03-29T01:00:00Z', 'Europe/London', 'HH:mm z')).toBe('02:00 BST');
    expect(f('2026-03-29T00:59:00Z', 'Europe/Paris', 'HH:mm z XXX')).toBe('01:59 CET +01:00');
    expect(f('2026-03-29T01:00:00Z', 'Europe/Paris', 'HH:mm z XXX')).toBe('03:00 CEST +02:00');
    expect(f('2026-01-15T00:00:00Z', 'Australia/Sydney', 'HH:mm z X XX')).toBe(
      '11:00 AEDT +11 +1100',
    );
    expect(f('2026-07-15T00:00:00Z', 'Australia/Sydney', 'HH:mm z')).toBe('10:00 AEST');
  });

  it('zone names and ISO offsets', () => {
    expect(f('2026-07-01T12:00:00Z', 'America/Los_Angeles', 'zzzz')).toBe('Pacific Daylight Time');
    expect(f('2026-07-01T12:00:00Z', 'UTC', 'X XXX')).toBe('Z Z');
    expect(f('2026-07-01T12:00:00Z', 'GMT+5:30', 'HH:mm z')).toBe('17:30 GMT+05:30');
  });

  it('an unknown zone id is GMT, as java.util.TimeZone.getTimeZone answers (TimeZone javadoc)', () => {
    expect(f('2026-07-01T12:00:00Z', 'Mars/Olympus', 'HH:mm z Z')).toBe('12:00 GMT +0000');
    // Java ids are case-sensitive, unlike Intl.
    expect(f('2026-07-01T12:00:00Z', 'america/new_york', 'HH:mm')).toBe('12:00');
  });

  it('refuses an unknown pattern letter and a non-Date', () => {
    expect(() => f('2026-07-01T12:00:00Z', 'UTC', 'yyyy-MM-dd T')).toThrow(
      /Illegal pattern character 'T'/,
    );
    expect(() => Utilities.formatDate('2026-07-01' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      /don't match the method signature for Utilities.formatDate/,
    );
  });

  it('accepts a Date from another realm', () => {
    const other = runInNewContext('new Date(Date.UTC(2026, 0, 2))');
    expect(Utilities.formatDate(other, 'UTC', 'yyyy-MM-dd')).toBe('2026-01-02');
    expect(formatSimpleDate(other, 'UTC', 'D')).toBe('2');
  });
});

describe('other Utilities', () => {
  it('getUuid gives v4 uuids, deterministic from a seed', () => {
    const { Utilities, control } = setup();
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    control.seedUuids(7);
    const first = [Utilities.getUuid(), Utilities.getUuid()];
    for (const id of first) expect(id).toMatch(v4);
    expect(first[0]).not.toBe(first[1]);
    control.seedUuids(7);
    expect([Utilities.getUuid(), Utilities.getUuid()]).toEqual(first);
  });

  it('sleep advances the clock without waiting; at most 300000 ms (Utilities.sleep reference)', () => {
    const { kernel, Utilities } = setup();
    Utilities.sleep(120_000);
    expect(kernel.clock.now().toISOString()).toBe('2026-11-25T15:02:00.000Z');
    expect(() => Utilities.sleep(300_001)).toThrow();
  });

  it('formatString follows Java String.format', () => {
    const { Utilities } = setup();
    expect(Utilities.formatString('%s has %d clients, %.2f%% due', 'Ann', 12.7, 33.333)).toBe(
      'Ann has 12 clients, 33.33% due',
    );
    expect(formatString('[%5s|%-5s|%05d]', 'ab', 'cd', 42)).toBe('[   ab|cd   |00042]');
  });

  it('base64 round trips UTF-8 text, web-safe alphabet, and signed bytes', () => {
    const { Utilities } = setup();
    expect(Utilities.base64Encode('Café')).toBe('Q2Fmw6k=');
    expect(Utilities.newBlob(Utilities.base64Decode('Q2Fmw6k=')).getDataAsString()).toBe('Café');
    expect(Utilities.base64Decode('/w==')).toEqual([-1]);
    expect(Utilities.base64EncodeWebSafe([-1, -2, -3])).toBe('__79');
    expect(Utilities.base64DecodeWebSafe('__79')).toEqual([-1, -2, -3]);
    expect(() => Utilities.base64Decode('***')).toThrow('Could not decode string.');
  });

  it('newBlob keeps bytes, content type and name', () => {
    const { Utilities } = setup();
    const blob = Utilities.newBlob('a,b\n1,2', 'text/csv', 'clients.csv');
    expect(blob.getContentType()).toBe('text/csv');
    expect(blob.getName()).toBe('clients.csv');
    expect(blob.getBytes()).toEqual([97, 44, 98, 10, 49, 44, 50]);
    expect(blob.setName('x.csv').getName()).toBe('x.csv');
    expect(Utilities.newBlob('é').getBytes()).toEqual([-61, -87]);
  });

  it('computeDigest returns signed bytes of the digest', () => {
    const { Utilities } = setup();
    const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
    const hex = bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc')).toHaveLength(16);
    expect(String(Utilities.Charset.UTF_8)).toBe('UTF_8');
  });
});

describe('parseDate (Java SimpleDateFormat.parse, lenient)', () => {
  const { Utilities } = setup();
  const p = (text: string, tz: string, pattern: string) =>
    Utilities.parseDate(text, tz, pattern).toISOString();

  it('reads the wall time in the given zone, DST included', () => {
    expect(p('2026-11-25', 'America/New_York', 'yyyy-MM-dd')).toBe('2026-11-25T05:00:00.000Z');
    expect(p('2026-07-01 09:30', 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe(
      '2026-07-01T13:30:00.000Z',
    );
    expect(p('01/02/2026 3:04 PM', 'Europe/Paris', 'MM/dd/yyyy h:mm a')).toBe(
      '2026-01-02T14:04:00.000Z',
    );
    expect(p('5 March 2026', 'UTC', 'd MMMM yyyy')).toBe('2026-03-05T00:00:00.000Z');
  });

  it('honours an offset in the text, and abutting numeric fields', () => {
    expect(p('2026-03-05T10:00:00+0200', 'America/New_York', "yyyy-MM-dd'T'HH:mm:ssZ")).toBe(
      '2026-03-05T08:00:00.000Z',
    );
    expect(p('20260305', 'UTC', 'yyyyMMdd')).toBe('2026-03-05T00:00:00.000Z');
  });

  it('is lenient like Java: Feb 30 rolls over to Mar 2', () => {
    expect(p('2026-02-30', 'UTC', 'yyyy-MM-dd')).toBe('2026-03-02T00:00:00.000Z');
  });

  it('two-digit years fall within 80 years before and 20 after the clock', () => {
    expect(p('01/02/30', 'UTC', 'MM/dd/yy')).toBe('2030-01-02T00:00:00.000Z');
    expect(p('01/02/50', 'UTC', 'MM/dd/yy')).toBe('1950-01-02T00:00:00.000Z');
  });

  it('throws for text that does not match', () => {
    expect(() => Utilities.parseDate('n/a', 'UTC', 'yyyy-MM-dd')).toThrow(/Unparseable date/);
  });
});
