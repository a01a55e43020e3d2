// Time zones over Intl for the whole emulator: which ids Java knows (unknown ids become GMT), an IANA zone's offset at an instant, wall-clock fields, and the instant of a wall-clock time.

/**
 * Utilities.formatDate is backed by java.text.SimpleDateFormat and java.util.TimeZone: an ID that
 * TimeZone.getTimeZone does not know silently becomes "GMT" (TimeZone javadoc: "If the specified
 * string doesn't match the syntax, GMT is used"). Custom IDs "GMT+h", "GMT+hh:mm", "GMT+hhmm" are fixed offsets.
 */
export interface ResolvedZone {
  /** The IANA id used for Intl, or null for a fixed offset (custom GMT id or unknown id). */
  iana: string | null;
  /** Fixed offset in minutes east of UTC when iana is null. */
  fixedOffset: number;
  /** The normalized id, as Java reports it (e.g. "GMT-08:00"). */
  id: string;
}

const zoneCache = new Map<string, ResolvedZone>();

export function resolveTimeZone(timeZone: string): ResolvedZone {
  const key = String(timeZone);
  const cached = zoneCache.get(key);
  if (cached) return cached;
  let resolved: ResolvedZone;
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(key);
  if (key === 'GMT' || key === 'UTC') {
    resolved = { iana: key === 'UTC' ? 'UTC' : null, fixedOffset: 0, id: key };
  } else if (custom && Number(custom[2]) <= 23 && Number(custom[3] ?? 0) <= 59) {
    const minutes = Number(custom[2]) * 60 + Number(custom[3] ?? 0);
    const sign = custom[1] === '-' ? -1 : 1;
    resolved = {
      iana: null,
      fixedOffset: sign * minutes,
      id: `GMT${offsetText(sign * minutes, ':')}`,
    };
  } else if (isIanaZone(key)) {
    resolved = { iana: key, fixedOffset: 0, id: key };
  } else {
    resolved = { iana: null, fixedOffset: 0, id: 'GMT' };
  }
  zoneCache.set(key, resolved);
  return resolved;
}

function isIanaZone(id: string): boolean {
  // Intl accepts case-insensitive ids; Java's TimeZone ids are case-sensitive.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(id)) return false;
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
    // "america/new_york" resolves in Intl but is unknown to Java (so GMT there); aliases pass.
    return canonical === id || canonical.toLowerCase() !== id.toLowerCase();
  } catch {
    return false;
  }
}

/** Wall-clock fields, as read in UTC off a Date already shifted by the zone offset. */
export interface WallClock {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
}

export interface ZonedFields extends WallClock {
  /** Minutes east of UTC in effect at that instant. */
  offset: number;
}

export function utcWallClock(d: Date): WallClock {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

const intlFormats = new Map<string, Intl.DateTimeFormat>();

/** The cached en-US parts formatter of an IANA zone; throws RangeError for a zone Intl does not know. */
export function intlFormat(iana: string): Intl.DateTimeFormat {
  let fmt = intlFormats.get(iana);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    intlFormats.set(iana, fmt);
  }
  return fmt;
}

/** Milliseconds east of UTC of an IANA zone at an instant (Intl shows whole seconds, so no rounding). */
export function intlOffsetMs(ms: number, iana: string): number {
  const p: Record<string, string> = {};
  for (const part of intlFormat(iana).formatToParts(ms)) p[part.type] = part.value;
  let year = Number(p.year);
  if (p.era === 'BC' || p.era === 'B') year = 1 - year;
  const asUtc = Date.UTC(
    year,
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour) % 24,
    Number(p.minute),
    Number(p.second),
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The wall-clock fields of an instant in a zone (IANA id, custom GMT id, or unknown id = GMT). */
export function zonedFields(date: Date, timeZone: string): ZonedFields {
  const ms = date.getTime();
  const zone = resolveTimeZone(timeZone);
  const offset = zone.iana ? Math.round(intlOffsetMs(ms, zone.iana) / 60000) : zone.fixedOffset;
  return { ...utcWallClock(new Date(ms + offset * 60000)), offset };
}

/** Offset in minutes east of UTC of a zone at an instant. */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  return zonedFields(date, timeZone).offset;
}

/** The instant at which the wall clock of a zone shows the given fields (first match on DST overlaps). */
export function zonedToInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // The second guess, in a DST gap too (the Sheets zone takes the later of the two there).
  const [, second2] = instantGuesses(
    wall,
    (ms) => zoneOffsetMinutes(new Date(ms), timeZone) * 60000,
  );
  return new Date(second2);
}

/**
 * Two rounds of "wall clock minus the offset in effect": equal except near a DST change, where
 * each caller picks the one its Google service would.
 */
export function instantGuesses(wall: number, offsetMsAt: (ms: number) => number): [number, number] {
  const first = wall - offsetMsAt(wall);
  return [first, wall - offsetMsAt(first)];
}

/** "+hh:mm" (or "+hhmm") for an offset in minutes east of UTC. */
export function offsetText(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

export function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}
