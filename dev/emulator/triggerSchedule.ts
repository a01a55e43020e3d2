// Time-driven trigger schedules: the record a trigger keeps, its readable description, and the instants it fires at.
import { zonedFields, zonedToInstant } from './simpleDateFormat';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const WEEK_DAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;

export interface Schedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: (typeof WEEK_DAYS)[number];
  onMonthDay?: number;
  atHour?: number;
  nearMinute?: number;
  afterMs?: number;
  atMs?: number;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: 'CLOCK';
  schedule: Schedule;
  timeZone: string;
  createdMs: number;
  /** The minute of the hour Apps Script picked ("slightly randomized... then keeps that timing consistent"). */
  minute: number;
  /** One-shot triggers (after/at) stay listed after they fire, but never fire again. */
  fired: boolean;
}

export interface Firing {
  trigger: TriggerRecord;
  at: Date;
}

/** A small deterministic hash, so a trigger's random minute is stable for a given id. */
export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function describe(t: TriggerRecord): string {
  const s = t.schedule;
  const at =
    s.atHour !== undefined
      ? ` at ${String(s.atHour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`
      : '';
  let what: string;
  if (s.afterMs !== undefined) what = `once, ${s.afterMs} ms after creation`;
  else if (s.atMs !== undefined) what = `once at ${new Date(s.atMs).toISOString()}`;
  else if (s.everyMinutes) what = `every ${s.everyMinutes} minutes`;
  else if (s.everyHours) what = `every ${s.everyHours} hours at minute ${t.minute}`;
  else if (s.everyWeeks)
    what = `every ${s.everyWeeks} week(s) on ${s.onWeekDay ?? 'the creation day'}${at}`;
  else if (s.onMonthDay) what = `monthly on day ${s.onMonthDay}${at}`;
  else what = `every ${s.everyDays} day(s)${at}`;
  return `${t.handler}: ${what} (${t.timeZone})${t.fired ? ' [fired]' : ''}`;
}

/** Instants in (fromMs, toMs] at which a trigger fires. */
export function occurrences(t: TriggerRecord, fromMs: number, toMs: number): number[] {
  const s = t.schedule;
  const out: number[] = [];
  const lo = Math.max(fromMs, t.createdMs);
  const push = (ms: number) => {
    if (ms > lo && ms <= toMs) out.push(ms);
  };
  if (s.afterMs !== undefined || s.atMs !== undefined) {
    if (!t.fired) push(s.afterMs !== undefined ? t.createdMs + s.afterMs : (s.atMs as number));
    return out;
  }
  if (s.everyMinutes || s.everyHours) {
    const period = s.everyMinutes ? s.everyMinutes * MINUTE : (s.everyHours as number) * HOUR;
    // Phase: the chosen minute past the hour (hours), or a stable offset inside the period (minutes).
    const phase = s.everyMinutes ? (hash(t.id) % (s.everyMinutes * 60)) * 1000 : t.minute * MINUTE;
    const base = Math.floor(t.createdMs / HOUR) * HOUR + phase;
    let k = Math.max(0, Math.floor((lo - base) / period));
    for (let at = base + k * period; at <= toMs; k++, at = base + k * period) push(at);
    return out;
  }
  const created = zonedFields(new Date(t.createdMs), t.timeZone);
  const hour = s.atHour ?? created.hour;
  const createdDay = Date.UTC(created.year, created.month - 1, created.day);
  const startLocal = zonedFields(new Date(lo), t.timeZone);
  let day = Date.UTC(startLocal.year, startLocal.month - 1, startLocal.day) - DAY;
  for (; day <= toMs + 2 * DAY; day += DAY) {
    const d = new Date(day);
    const index = Math.round((day - createdDay) / DAY);
    let matches: boolean;
    if (s.everyWeeks) {
      const weekday = s.onWeekDay
        ? WEEK_DAYS.indexOf(s.onWeekDay)
        : new Date(createdDay).getUTCDay();
      // Week 0 holds the first matching day on or after the creation day.
      matches =
        index >= 0 && d.getUTCDay() === weekday && Math.floor(index / 7) % s.everyWeeks === 0;
    } else if (s.onMonthDay) {
      matches = d.getUTCDate() === s.onMonthDay;
    } else {
      matches = index >= 0 && index % (s.everyDays ?? 1) === 0;
    }
    if (!matches) continue;
    const at = zonedToInstant(
      t.timeZone,
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      hour,
      t.minute,
    );
    push(at.getTime());
  }
  return out.sort((a, b) => a - b);
}
