// Emulated ScriptApp: enums, the user's triggers (list, delete, fire on the clock), authorization info.
import { gasError, makeEnum, type Kernel } from './kernel';
import { clockTriggerBuilder, SCRIPTAPP_SCOPE } from './clockTriggerBuilder';
import {
  DAY,
  describe,
  occurrences,
  WEEK_DAYS,
  type Firing,
  type TriggerRecord,
} from './triggerSchedule';

export {
  ADDON_RECURRENCE,
  ADDON_TOO_MANY,
  MAX_TRIGGERS,
  SCRIPTAPP_SCOPE,
  TOO_MANY_TRIGGERS,
} from './clockTriggerBuilder';
export {
  describe,
  occurrences,
  type Firing,
  type Schedule,
  type TriggerRecord,
} from './triggerSchedule';

const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
const AuthorizationStatus = makeEnum('AuthorizationStatus', ['REQUIRED', 'NOT_REQUIRED']);
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
  /**
   * Whether a time-driven run has the document's context (document lock and properties, the active
   * spreadsheet). Not documented for add-ons, so the trigger tests run both ways; default true.
   */
  triggerHasDocument: boolean;
  /** Editor add-on rules: at most hourly, one time-driven trigger per user per document. */
  addOn: boolean;
  clear(): void;
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
    // The run is a trigger's: no Ui, and the document's context only if the test says so.
    kernel.nextContext = { trigger: true, document: control.triggerHasDocument };
    try {
      if (invoker) return invoker(t.handler, event);
      if (!emulator) throw new Error('ScriptControl.fire: the emulator is not attached');
      const fn = (emulator.globals[t.handler] ??
        (globalThis as Record<string, unknown>)[t.handler]) as
        ((e: unknown) => unknown) | undefined;
      if (typeof fn !== 'function') throw gasError(`Script function not found: ${t.handler}`);
      return emulator.run(() => fn(event), 'FULL');
    } finally {
      kernel.nextContext = null;
    }
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
    triggerHasDocument: true,
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

  const store = {
    kernel,
    isAddOn: () => control.addOn,
    list: () => triggers,
    nextId: () => String(100000 + nextId++),
    defaultTimeZone: scriptTimeZone,
    add(record: TriggerRecord) {
      triggers.push(record);
      return wrapTrigger(record);
    },
  };

  // ScriptApp's trigger methods need script.scriptapp: with explicit oauthScopes lacking it, Apps Script
  // refuses the call ("Required permissions: https://www.googleapis.com/auth/script.scriptapp",
  // reference/apps-script-runtime.md 5.3 and the ScriptApp reference's Authorization lines).
  const guard = (member: string) => {
    kernel.requireAuth(member, ['FULL'], [SCRIPTAPP_SCOPE]);
    kernel.requireScope(member, [SCRIPTAPP_SCOPE]);
  };

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
        timeBased: () => clockTriggerBuilder(store, handler),
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
