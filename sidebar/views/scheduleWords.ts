// The Weekly batches panel in words: days, hours, the next run and the campaign's end, in the spreadsheet's time zone.
import type { ScheduleDay } from '../../src/shared/scheduleApi';
import { plural } from '../format';

const DAY_WORDS: Record<ScheduleDay, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
};

export function dayWords(day: ScheduleDay): string {
  return DAY_WORDS[day] ?? day;
}

/** "09:00". */
export function hourWords(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** "between 09:00 and 10:00": Google starts an hourly trigger at a minute of its choosing within the hour. */
export function hourSpan(hour: number): string {
  return `between ${hourWords(hour)} and ${hourWords((hour + 1) % 24)}`;
}

/** The zone's short name for people ("New York" for America/New_York), or "" when unknown. */
export function zoneWords(timeZone: string | undefined): string {
  if (!timeZone) return '';
  const city = timeZone.split('/').pop() ?? timeZone;
  return city.replace(/_/g, ' ');
}

function validZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The next run in words: "Thursday 26 November, between 09:00 and 10:00", in the spreadsheet's
 * zone. With the zone's name, the instant is formatted in it. Without, the run is known to start
 * within the schedule's hour of the sheet's wall clock, which fixes the day: never this computer's zone.
 */
export function nextRunWords(iso: string, hour: number, timeZone: string | undefined): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const zone = validZone(timeZone);
  if (zone) {
    const shown = Number(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(when),
    );
    return `${dateWords(when, zone)}, ${hourSpan(shown)}`;
  }
  const utcMinutes = when.getUTCHours() * 60 + when.getUTCMinutes();
  // The sheet's offset from UTC, less the minute Google picks, taken in (-11 h, +14 h): so
  // Hawaii (-10) and New Zealand (+13) read right; only -11 (Samoa, Niue) would be a day off.
  let offset = hour * 60 - utcMinutes;
  while (offset <= -11 * 60) offset += 24 * 60;
  while (offset >= 14 * 60) offset -= 24 * 60;
  return `${dateWords(new Date(when.getTime() + offset * 60_000), 'UTC')}, ${hourSpan(hour)}`;
}

function dateWords(when: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(when);
}

/** A yyyy-MM-dd week start as "the week of 1 March 2027". */
export function weekWords(civil: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(civil);
  if (!match) return civil;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const words = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  return `the week of ${words}`;
}

/** "42 reached, 158 to go". */
export function progressWords(reached: number, remaining: number): string {
  return `${plural(reached, 'client', 'clients')} reached, ${remaining.toLocaleString()} to go`;
}
