// Emulated ScriptApp: enums, time-driven triggers (builder rules, the 20 limit, schedules), authorization info.
import { gasError, makeEnum, type Kernel } from './kernel';
import { resolveTimeZone, zonedFields, zonedToInstant } from './simpleDateFormat';

export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const MAX_TRIGGERS = 20;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
const AuthorizationStatus = makeEnum('AuthorizationStatus', ['REQUIRED', 'NOT_REQUIRED']);
const WEEK_DAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;
const WeekDay = makeEnum('Weekday', WEEK_DAYS);
const EventType = makeEnum('EventType', [
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
const TriggerSource = makeEnum('TriggerSource', [
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]);
const InstallationSource = makeEnum('InstallationSource', [
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]);

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

interface AttachedEmulator {
  globals: Record<string, unknown>;
  run<T>(fn: () => T, authMode?: 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION'): T;
  session?: { scriptTimeZone?: string };
}

export type TriggerInvoker = (handler: string, event: Record<string, unknown>) => unknown;

export interface ScriptControl {
  attach(emulator: AttachedEmulator): void;
  readonly triggers: TriggerRecord[];
  /** Human-readable schedules, e.g. "sendDue: every 1 week on MONDAY at 09:17 (America/New_York)". */
  list(): string[];
  /** Firings of time-driven triggers in (fromMs, toMs], in time order. */
  due(fromMs: number, toMs: number): Firing[];
  /** Runs one trigger's handler now (clock unchanged) as a FULL execution, with the time event object. */
  fire(trigger: TriggerRecord | string): unknown;
  /** Advances the clock firing due triggers up to toMs; returns what ran and any error each threw. */
  runUntil(toMs: number): Array<Firing & { error?: Error }>;
  /** How handlers are invoked (the vm loader sets this; default: emulator.globals or globalThis). */
  setInvoker(invoker: TriggerInvoker | null): void;
  setAuthorizationRequired(required: boolean): void;
  /** Editor add-on rules: at most hourly, one time-driven trigger per user per document. */
  addOn: boolean;
  clear(): void;
}

/** A small deterministic hash, so a trigger's random minute is stable for a given id. */
function hash(text: string): number {
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

export function createScriptApp(kernel: Kernel) {
  let triggers: TriggerRecord[] = [];
  let nextId = 1;
  let emulator: AttachedEmulator | null = null;
  let invoker: TriggerInvoker | null = null;
  let authorizationRequired = false;

  const scriptTimeZone = () => emulator?.session?.scriptTimeZone ?? 'America/New_York';

  function eventFor(t: TriggerRecord, atMs: number): Record<string, unknown> {
    const d = new Date(atMs);
    const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
    return {
      authMode: AuthMode.FULL,
      triggerUid: t.id,
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      'day-of-month': d.getUTCDate(),
      'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
      'week-of-year': Math.floor((atMs - jan1) / (7 * DAY)) + 1,
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      timezone: 'UTC',
    };
  }

  function invoke(t: TriggerRecord): unknown {
    const event = eventFor(t, kernel.clock.nowMs());
    if (t.schedule.afterMs !== undefined || t.schedule.atMs !== undefined) t.fired = true;
    if (invoker) return invoker(t.handler, event);
    if (!emulator) throw new Error('ScriptControl.fire: the emulator is not attached');
    const fn = (emulator.globals[t.handler] ??
      (globalThis as Record<string, unknown>)[t.handler]) as ((e: unknown) => unknown) | undefined;
    if (typeof fn !== 'function') throw gasError(`Script function not found: ${t.handler}`);
    return emulator.run(() => fn(event), 'FULL');
  }

  const control: ScriptControl = {
    attach(e) {
      emulator = e;
    },
    get triggers() {
      return triggers;
    },
    list: () => triggers.map(describe),
    due(fromMs, toMs) {
      const firings: Firing[] = [];
      for (const t of triggers) {
        for (const at of occurrences(t, fromMs, toMs))
          firings.push({ trigger: t, at: new Date(at) });
      }
      return firings.sort((a, b) => a.at.getTime() - b.at.getTime());
    },
    fire(trigger) {
      const t =
        typeof trigger === 'string'
          ? triggers.find((x) => x.id === trigger || x.handler === trigger)
          : trigger;
      if (!t) throw new Error(`ScriptControl.fire: no trigger ${String(trigger)}`);
      return invoke(t);
    },
    runUntil(toMs) {
      const ran: Array<Firing & { error?: Error }> = [];
      let from = kernel.clock.nowMs();
      for (;;) {
        const next = control.due(from, toMs)[0];
        if (!next) break;
        kernel.clock.set(next.at);
        from = next.at.getTime();
        if (!triggers.includes(next.trigger)) continue;
        try {
          invoke(next.trigger);
          ran.push(next);
        } catch (error) {
          ran.push({ ...next, error: error as Error });
        }
      }
      kernel.clock.set(new Date(toMs));
      return ran;
    },
    setInvoker(fn) {
      invoker = fn;
    },
    setAuthorizationRequired(required) {
      authorizationRequired = required;
    },
    addOn: true,
    clear() {
      triggers = [];
    },
  };

  function wrapTrigger(t: TriggerRecord): GoogleAppsScript.Script.Trigger {
    return kernel.wrap<GoogleAppsScript.Script.Trigger>('ScriptApp', 'Trigger', {
      _id: t.id,
      getHandlerFunction: () => t.handler,
      getUniqueId: () => t.id,
      getEventType: () => EventType.CLOCK,
      getTriggerSource: () => TriggerSource.CLOCK,
      getTriggerSourceId: () => null,
    });
  }

  function clockBuilder(handler: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    const s: Schedule = {};
    let timeZone: string | null = null;
    const builder: GoogleAppsScript.Script.ClockTriggerBuilder = kernel.wrap(
      'ScriptApp',
      'ClockTriggerBuilder',
      {
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
          kernel.requireAuth('ClockTriggerBuilder.create', ['FULL']);
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
          if (set.length > 1) throw gasError(`Already chose a schedule: ${set.join(', ')}`);
          if (
            (s.atHour !== undefined || s.nearMinute !== undefined) &&
            (s.everyMinutes || s.everyHours)
          ) {
            throw gasError('atHour() and nearMinute() need a daily, weekly or monthly frequency.');
          }
          if (control.addOn) {
            // Editor add-ons: "Time-driven triggers can't fire more often than once per hour" and
            // "Each add-on can only have one trigger of each type, per user, per document" (editor-triggers page).
            if (s.everyMinutes)
              throw gasError(
                'Add-on time-driven triggers cannot run more often than once per hour. (emulator)',
              );
            if (triggers.some((t) => t.eventType === 'CLOCK')) {
              throw gasError(
                'An add-on can only have one time-driven trigger per user per document. (emulator)',
              );
            }
          }
          if (triggers.length >= MAX_TRIGGERS) throw gasError(TOO_MANY_TRIGGERS);
          const id = String(100000 + nextId++);
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
            timeZone: timeZone ?? scriptTimeZone(),
            createdMs: kernel.clock.nowMs(),
            minute,
            fired: false,
          };
          triggers.push(record);
          return wrapTrigger(record);
        },
      },
    );
    return builder;
  }

  const guard = (member: string) => kernel.requireAuth(member, ['FULL']);

  const ScriptApp = kernel.wrap<GoogleAppsScript.Script.ScriptApp>('ScriptApp', 'ScriptApp', {
    AuthMode,
    AuthorizationStatus,
    WeekDay,
    EventType,
    TriggerSource,
    InstallationSource,
    newTrigger(functionName: string) {
      const handler = String(functionName);
      return kernel.wrap('ScriptApp', 'TriggerBuilder', {
        timeBased: () => clockBuilder(handler),
      });
    },
    getProjectTriggers() {
      guard('ScriptApp.getProjectTriggers');
      return triggers.map(wrapTrigger);
    },
    getUserTriggers(_document: unknown) {
      guard('ScriptApp.getUserTriggers');
      // The emulator has one document, so the user's triggers for it are all of them.
      return triggers.map(wrapTrigger);
    },
    deleteTrigger(trigger: { _id?: string }) {
      guard('ScriptApp.deleteTrigger');
      triggers = triggers.filter((t) => t.id !== trigger?._id);
    },
    getAuthorizationInfo(_authMode: unknown) {
      return kernel.wrap('ScriptApp', 'AuthorizationInfo', {
        getAuthorizationStatus: () =>
          authorizationRequired ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED,
        getAuthorizationUrl: () =>
          authorizationRequired ? 'https://script.google.com/macros/d/EMULATED/authorize' : null,
        getAuthorizedScopes: () => (authorizationRequired ? [] : [...(kernel.scopes ?? [])]),
      });
    },
    getInstallationSource() {
      return InstallationSource.WEB_STORE_ADD_ON;
    },
  });
  return { ScriptApp, control };
}
