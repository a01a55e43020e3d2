// The weekly schedule: defaults, the check of what the panel saves, and the calendar of batches (week keys, next run, the campaign's expected end).
import { MAX_BATCH } from '../shared/mergeApi';
import { SCHEDULE_DAYS, type Schedule, type ScheduleDay } from '../shared/scheduleApi';
import { addDays, dayNumber, type CivilDate } from './dates';
import { bool, checkInput, nullable, num, object, oneOf, text } from './schema';

export const DEFAULT_SCHEDULE: Schedule = {
  day: 'MONDAY',
  hour: 9,
  size: 10,
  template: { source: 'sheet', name: 'Reconnect apology' },
  cadenceTemplate: null,
  mode: 'send',
  afterCampaign: 'cadence',
  summaryEmail: true,
  paused: false,
};

const templateRef = object({
  source: oneOf(['sheet', 'draft'] as const),
  name: text({ nonEmpty: true, max: 250 }),
});

/** The panel may send back the whole view it was given: extra fields are ignored. */
const scheduleShape = object(
  {
    day: oneOf(SCHEDULE_DAYS),
    hour: num({ integer: true, min: 0, max: 23 }),
    size: num({ integer: true, min: 1, max: MAX_BATCH }),
    template: templateRef,
    cadenceTemplate: nullable(templateRef),
    mode: oneOf(['send', 'draft'] as const),
    afterCampaign: oneOf(['cadence', 'stop'] as const),
    summaryEmail: bool,
    paused: bool,
  },
  { allowExtra: true },
);

/** The schedule as given, checked field by field (InputError naming the field); nothing else kept. */
export function checkSchedule(value: unknown): Schedule {
  const s = checkInput(scheduleShape, value, 'The schedule');
  return {
    day: s.day,
    hour: s.hour,
    size: s.size,
    template: { source: s.template.source, name: s.template.name.trim() },
    cadenceTemplate: s.cadenceTemplate
      ? { source: s.cadenceTemplate.source, name: s.cadenceTemplate.name.trim() }
      : null,
    mode: s.mode,
    afterCampaign: s.afterCampaign,
    summaryEmail: s.summaryEmail,
    paused: s.paused,
  };
}

/** A stored schedule (maybe old or hand-edited): what checks, else the defaults. */
export function scheduleFromStored(value: unknown): Schedule {
  try {
    return checkSchedule(value);
  } catch {
    return { ...DEFAULT_SCHEDULE };
  }
}

/** 0 = Monday ... 6 = Sunday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(date: CivilDate): number {
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

export function dayIndex(day: ScheduleDay): number {
  return SCHEDULE_DAYS.indexOf(day);
}

/**
 * The week a day belongs to, for the batch: named by its batch day, the latest chosen weekday on or
 * before `today` (in the spreadsheet's zone). The batch goes out on that day; the days until the
 * next batch day carry over what is left of it.
 */
export function batchWeekOf(today: CivilDate, day: ScheduleDay): CivilDate {
  return addDays(today, -((weekdayOf(today) - dayIndex(day) + 7) % 7));
}

/** Where a week stands, from the run state stored in the spreadsheet. */
export interface WeekState {
  /** The batch day naming the week (batchWeekOf). */
  week: CivilDate;
  /** Everything planned for that week went out (or was skipped): nothing left to carry over. */
  complete: boolean;
}

/**
 * What a firing on `today` has to do. 'batch': plan and send this week's batch. 'carry': send what
 * this week's batch still has waiting. 'none': nothing (read one record, exit). A week whose batch
 * day came before the schedule was saved is not sent late: the first batch is the next batch day.
 */
export function dueWork(
  today: CivilDate,
  day: ScheduleDay,
  state: WeekState | null,
  savedOn: CivilDate,
): 'batch' | 'carry' | 'none' {
  const week = batchWeekOf(today, day);
  if (state && state.week === week) return state.complete ? 'none' : 'carry';
  if (week < savedOn) return 'none';
  return 'batch';
}

/** The next batch day strictly after a week's batch day. */
export function nextWeek(week: CivilDate): CivilDate {
  return addDays(week, 7);
}

/**
 * The day of the next run that will do something: today's or tomorrow's firing while this week's
 * batch has work left, otherwise the next batch day.
 */
export function nextRunDay(
  today: CivilDate,
  hourNow: number,
  schedule: Pick<Schedule, 'day' | 'hour'>,
  state: WeekState | null,
  savedOn: CivilDate,
): CivilDate {
  if (dueWork(today, schedule.day, state, savedOn) !== 'none') {
    return hourNow <= schedule.hour ? today : addDays(today, 1);
  }
  return nextWeek(batchWeekOf(today, schedule.day));
}

/**
 * The batch day of the week the campaign should be done in: `remaining` clients at `size` a week,
 * the first batch being this week's if it has not gone out yet, else next week's.
 */
export function expectedDoneWeek(
  remaining: number,
  size: number,
  firstBatch: CivilDate,
): CivilDate | null {
  if (remaining <= 0) return null;
  const weeks = Math.ceil(remaining / Math.max(1, size));
  return addDays(firstBatch, 7 * (weeks - 1));
}

/** The batch day of the first batch still to go out (for expectedDoneWeek). */
export function firstPendingBatch(
  today: CivilDate,
  day: ScheduleDay,
  state: WeekState | null,
  savedOn: CivilDate,
): CivilDate {
  const week = batchWeekOf(today, day);
  return dueWork(today, day, state, savedOn) === 'none' ? nextWeek(week) : week;
}
