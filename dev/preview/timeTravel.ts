// Time travel in the local preview: the emulated today in the sheet's zone, jumping to a date, and advancing while firing the time-driven triggers due in between.
import type { Emulator } from '../emulator';
import { zonedFields, zonedToInstant } from '../emulator/javaTimeZone';

/** One firing of a time-driven trigger, as the page lists it. */
export interface TriggerRun {
  handler: string;
  /** ISO instant it fired at. */
  at: string;
  /** The same instant in words, in the sheet's zone. */
  when: string;
  /** What the handler threw, or null. */
  error: string | null;
}

export interface TimeState {
  now: string;
  /** yyyy-MM-dd in the sheet's zone (the value for the page's date field). */
  today: string;
  /** "Wednesday 25 November 2026, 10:00" in the sheet's zone. */
  label: string;
  timeZone: string;
  /** The time-driven triggers, as Apps Script would list their schedules. */
  triggers: string[];
  /** Runs, newest first (the latest RUNS_KEPT). */
  ran: TriggerRun[];
  /** Every run since the preview started. */
  total: number;
}

export type TimeMove = { days: number } | { date: string };

export interface TimeTravel {
  state(): TimeState;
  /** Moves the clock; forward moves fire what was due on the way. Returns the runs of this move. */
  move(to: TimeMove): TriggerRun[];
}

/** The farthest one move may go: a year of hourly triggers is about 9,000 runs. */
export const MAX_DAYS = 366;
const RUNS_KEPT = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The Spreadsheet's own zone, read without counting as one of the script's service calls. */
function sheetZone(emulator: Emulator): string {
  const book = emulator.sheets.active() as unknown as { _workbook?: { timeZone?: string } };
  return book._workbook?.timeZone ?? 'America/New_York';
}

/** "Wednesday 25 November 2026, 10:00", built from parts so it reads the same whatever ICU Node has. */
function words(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
}

function civil(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(ms));
}

/** The same wall-clock time on another day in the zone (so "a day" stays a day across DST changes). */
function onDay(ms: number, timeZone: string, year: number, month: number, day: number): number {
  const f = zonedFields(new Date(ms), timeZone);
  return zonedToInstant(timeZone, year, month, day, f.hour, f.minute, f.second).getTime();
}

/** Checks a move and returns the instant it goes to, or throws a sentence for the page. */
function target(emulator: Emulator, to: TimeMove): number {
  const now = emulator.clock.nowMs();
  const zone = sheetZone(emulator);
  if ('days' in to) {
    const days = to.days;
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
      throw new Error(`Advance by a whole number of days from 1 to ${MAX_DAYS}.`);
    const f = zonedFields(new Date(now), zone);
    const date = new Date(Date.UTC(f.year, f.month - 1, f.day + days));
    return onDay(now, zone, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(to.date));
  const date = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : null;
  if (!match || !date || date.getUTCDate() !== Number(match[3]))
    throw new Error('Give the date as yyyy-mm-dd.');
  const ms = onDay(now, zone, Number(match[1]), Number(match[2]), Number(match[3]));
  if (Math.abs(ms - now) > MAX_DAYS * DAY_MS)
    throw new Error(`Move at most ${MAX_DAYS} days at a time.`);
  return ms;
}

export function createTimeTravel(emulator: Emulator, log?: (line: string) => void): TimeTravel {
  const ran: TriggerRun[] = [];
  let total = 0;

  return {
    state() {
      const now = emulator.clock.nowMs();
      const zone = sheetZone(emulator);
      return {
        now: new Date(now).toISOString(),
        today: civil(now, zone),
        label: words(now, zone),
        timeZone: zone,
        triggers: emulator.triggers.list(),
        ran: ran.slice(0, RUNS_KEPT),
        total,
      };
    },
    move(to) {
      const toMs = target(emulator, to);
      const zone = sheetZone(emulator);
      if (toMs <= emulator.clock.nowMs()) {
        // Back in time nothing fires; what already ran stays in the sheets and the outbox.
        emulator.clock.set(new Date(toMs));
        return [];
      }
      // ScriptControl.runUntil steps the clock to each due firing, runs it, then lands on toMs.
      const runs = emulator.triggers.runUntil(toMs).map((firing) => ({
        handler: firing.trigger.handler,
        at: firing.at.toISOString(),
        when: words(firing.at.getTime(), zone),
        error: firing.error ? message(firing.error) : null,
      }));
      for (const run of runs) {
        log?.(`trigger ${run.handler} at ${run.at}${run.error ? ` failed: ${run.error}` : ''}`);
        ran.unshift(run);
      }
      ran.splice(RUNS_KEPT);
      total += runs.length;
      return runs;
    },
  };
}
