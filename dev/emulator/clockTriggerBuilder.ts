// Emulated ClockTriggerBuilder: the schedule a script asks for, the documented refusals, and the add-on trigger rules.
import { gasError, type Kernel } from './kernel';
import { resolveTimeZone } from './simpleDateFormat';
import { hash, WEEK_DAYS, type Schedule, type TriggerRecord } from './triggerSchedule';

export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const MAX_TRIGGERS = 20;
export const ADDON_RECURRENCE =
  'The recurrence interval for an Add-on trigger must be at least one hour.';
export const ADDON_TOO_MANY =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
export const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';

/** What the builder needs from ScriptApp: the user's triggers for this document, and how to add one. */
export interface TriggerStore {
  kernel: Kernel;
  isAddOn(): boolean;
  list(): TriggerRecord[];
  nextId(): string;
  defaultTimeZone(): string;
  add(record: TriggerRecord): GoogleAppsScript.Script.Trigger;
}

export function clockTriggerBuilder(
  store: TriggerStore,
  handler: string,
): GoogleAppsScript.Script.ClockTriggerBuilder {
  const { kernel } = store;
  const s: Schedule = {};
  let timeZone: string | null = null;
  const builder: GoogleAppsScript.Script.ClockTriggerBuilder = kernel.wrap(
    'ScriptApp',
    'ClockTriggerBuilder',
    {
      // [unverified] The "Invalid argument: <name>" refusals below follow Apps Script's usual form
      // for a bad argument; their exact text per builder method is not attested.
      everyMinutes(n: number) {
        // Only 1, 5, 10, 15 or 30 (ClockTriggerBuilder reference).
        if (![1, 5, 10, 15, 30].includes(n))
          throw gasError('The value you passed to everyMinutes was invalid.');
        s.everyMinutes = n;
        return builder;
      },
      everyHours(n: number) {
        if (!Number.isInteger(n) || n < 1) throw gasError('Invalid argument: everyHours');
        s.everyHours = n;
        return builder;
      },
      everyDays(n: number) {
        if (!Number.isInteger(n) || n < 1) throw gasError('Invalid argument: everyDays');
        s.everyDays = n;
        return builder;
      },
      everyWeeks(n: number) {
        if (!Number.isInteger(n) || n < 1) throw gasError('Invalid argument: everyWeeks');
        s.everyWeeks = n;
        return builder;
      },
      onWeekDay(day: { name?: string } | string) {
        const name = String(typeof day === 'object' && day ? day.name : day);
        if (!(WEEK_DAYS as readonly string[]).includes(name))
          throw gasError('Invalid argument: day');
        s.onWeekDay = name as Schedule['onWeekDay'];
        if (!s.everyWeeks) s.everyWeeks = 1;
        return builder;
      },
      onMonthDay(d: number) {
        if (!Number.isInteger(d) || d < 1 || d > 31) throw gasError('Invalid argument: day');
        s.onMonthDay = d;
        return builder;
      },
      atHour(h: number) {
        if (!Number.isInteger(h) || h < 0 || h > 23) throw gasError('Invalid argument: hour');
        s.atHour = h;
        return builder;
      },
      nearMinute(m: number) {
        if (!Number.isInteger(m) || m < 0 || m > 59) throw gasError('Invalid argument: minute');
        s.nearMinute = m;
        return builder;
      },
      inTimezone(tz: string) {
        // "timezone... invalid throws" (ClockTriggerBuilder.inTimezone): an unknown id is refused here.
        if (resolveTimeZone(tz).id === 'GMT' && tz !== 'GMT')
          throw gasError(`Invalid argument: timezone`);
        timeZone = tz;
        return builder;
      },
      after(ms: number) {
        s.afterMs = Math.max(0, Number(ms));
        return builder;
      },
      at(date: Date) {
        s.atMs = new Date(date).getTime();
        return builder;
      },
      create() {
        kernel.requireAuth('ClockTriggerBuilder.create', ['FULL'], [SCRIPTAPP_SCOPE]);
        kernel.requireScope('ClockTriggerBuilder.create', [SCRIPTAPP_SCOPE]);
        const frequencies = [
          'everyMinutes',
          'everyHours',
          'everyDays',
          'everyWeeks',
          'onMonthDay',
          'afterMs',
          'atMs',
        ] as const;
        const set = frequencies.filter((f) => s[f] !== undefined);
        // "Frequency is required if you are using atHour() or nearMinute()" (reference).
        if (set.length === 0) {
          throw gasError(
            'Frequency is required if you are using atHour() or nearMinute(). (emulator: no schedule set)',
          );
        }
        // [unverified] texts for two frequencies, and for atHour/nearMinute with an hourly one.
        if (set.length > 1) throw gasError(`Already chose a schedule: ${set.join(', ')}`);
        if (
          (s.atHour !== undefined || s.nearMinute !== undefined) &&
          (s.everyMinutes || s.everyHours)
        ) {
          throw gasError('atHour() and nearMinute() need a daily, weekly or monthly frequency.');
        }
        if (store.isAddOn()) {
          // Editor add-ons: "Time-driven triggers can't fire more often than once per hour" and
          // "Each add-on can only have one trigger of each type, per user, per document" (editor-triggers page).
          if (s.everyMinutes) throw gasError(ADDON_RECURRENCE);
          if (store.list().some((t) => t.eventType === 'CLOCK')) throw gasError(ADDON_TOO_MANY);
        }
        if (store.list().length >= MAX_TRIGGERS) throw gasError(TOO_MANY_TRIGGERS);
        const id = store.nextId();
        const seed = hash(`${handler}:${id}`);
        const minute =
          s.nearMinute !== undefined
            ? Math.min(59, Math.max(0, s.nearMinute + (seed % 31) - 15))
            : seed % 60;
        const record: TriggerRecord = {
          id,
          handler,
          eventType: 'CLOCK',
          schedule: { ...s },
          timeZone: timeZone ?? store.defaultTimeZone(),
          createdMs: kernel.clock.nowMs(),
          minute,
          fired: false,
        };
        return store.add(record);
      },
    },
  );
  return builder;
}
