// Pins ScriptApp: ClockTriggerBuilder validation, the 20-trigger limit, add-on rules, schedules, firing, auth info.
import { Clock, Kernel } from '../../dev/emulator/kernel';
import {
  ADDON_RECURRENCE,
  ADDON_TOO_MANY,
  createScriptApp,
  TOO_MANY_TRIGGERS,
} from '../../dev/emulator/script';
import { zonedFields } from '../../dev/emulator/simpleDateFormat';

function setup(addOn = true) {
  const kernel = new Kernel(new Clock('2026-11-25T15:00:00Z')); // a Wednesday
  const { ScriptApp, control } = createScriptApp(kernel);
  control.addOn = addOn;
  const calls: Array<{ handler: string; event: Record<string, unknown>; mode: string }> = [];
  control.attach({
    globals: {},
    session: { scriptTimeZone: 'America/New_York' },
    run: (fn, mode) => {
      kernel.beginExecution(mode);
      try {
        return fn();
      } finally {
        kernel.endExecution();
      }
    },
  });
  control.setInvoker((handler, event) => {
    calls.push({ handler, event, mode: kernel.authMode });
  });
  kernel.beginExecution('FULL');
  return { kernel, ScriptApp, control, calls };
}

describe('ClockTriggerBuilder validation (clock-trigger-builder reference)', () => {
  it('everyMinutes takes only 1, 5, 10, 15 or 30', () => {
    const { ScriptApp } = setup(false);
    for (const n of [1, 5, 10, 15, 30])
      expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(n)).not.toThrow();
    // Observed text quoted in a public script comment: "The value you passed to everyMinutes was invalid".
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(2)).toThrow(
      /everyMinutes was invalid/,
    );
  });

  it('atHour needs a frequency ("Frequency is required if you are using atHour() or nearMinute()")', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').timeBased().atHour(9).create()).toThrow(
      /Frequency is required/,
    );
    expect(() => ScriptApp.newTrigger('f').timeBased().atHour(24)).toThrow();
    expect(() =>
      ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(9).create(),
    ).not.toThrow();
  });

  it('inTimezone refuses an unknown zone', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').timeBased().inTimezone('Mars/Olympus')).toThrow(
      /timezone/,
    );
    expect(() => ScriptApp.newTrigger('f').timeBased().inTimezone('Europe/Paris')).not.toThrow();
  });

  it('allows 20 triggers per user per script, then throws the documented message', () => {
    const { ScriptApp, control } = setup(false);
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('f20').timeBased().everyHours(1).create()).toThrow(
      TOO_MANY_TRIGGERS,
    );
    expect(TOO_MANY_TRIGGERS).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
    expect(() => ScriptApp.newTrigger('f20').timeBased().everyHours(1).create()).not.toThrow();
    expect(control.triggers).toHaveLength(20);
  });

  // Rules: editor-triggers page. Texts: "Exception: The recurrence interval for an Add-on trigger must
  // be at least one hour." (ttsukagoshi/mail-merge-for-gmail#165); "This add-on has created too many
  // time-based triggers in this document for this Google user account." (ljay79/jira-tools#53, #47).
  it('editor add-ons: at most hourly and one time-driven trigger per user per document (editor-triggers page)', () => {
    const { ScriptApp } = setup(true);
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(30).create()).toThrow(
      ADDON_RECURRENCE,
    );
    ScriptApp.newTrigger('f').timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('g').timeBased().everyDays(1).create()).toThrow(
      ADDON_TOO_MANY,
    );
    expect(ADDON_RECURRENCE).toBe(
      'The recurrence interval for an Add-on trigger must be at least one hour.',
    );
    expect(ADDON_TOO_MANY).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
  });

  it('creating triggers needs AuthMode.FULL', () => {
    const { kernel, ScriptApp } = setup();
    kernel.beginExecution('LIMITED');
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(1).create()).toThrow(
      /permission/,
    );
  });
});

describe('Trigger objects', () => {
  it('report handler, id, event type and source; deleteTrigger removes them', () => {
    const { ScriptApp } = setup();
    const trigger = ScriptApp.newTrigger('sendDue')
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(9)
      .create();
    const [listed] = ScriptApp.getProjectTriggers();
    expect(listed.getHandlerFunction()).toBe('sendDue');
    expect(listed.getUniqueId()).toBe(trigger.getUniqueId());
    expect(String(listed.getEventType())).toBe('CLOCK');
    expect(listed.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(ScriptApp.getUserTriggers({} as GoogleAppsScript.Spreadsheet.Spreadsheet)).toHaveLength(
      1,
    );
    ScriptApp.deleteTrigger(listed);
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
  });
});

describe('schedules and firing', () => {
  it('a weekly Monday 9 AM trigger runs Mondays between 9 and 10 in the script zone, same minute each week', () => {
    // "Apps Script chooses a time between 9 AM and 10 AM, then keeps that timing consistent" (installable triggers guide).
    const { kernel, ScriptApp, control } = setup();
    ScriptApp.newTrigger('sendDue')
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(9)
      .create();
    const now = kernel.clock.nowMs();
    const firings = control.due(now, now + 21 * 86400_000);
    expect(firings).toHaveLength(3);
    const local = firings.map((f) => zonedFields(f.at, 'America/New_York'));
    for (const f of local) {
      expect(f.weekday).toBe(1);
      expect(f.hour).toBe(9);
      expect(f.minute).toBe(local[0].minute);
    }
    expect(local.map((f) => f.day)).toEqual([30, 7, 14]);
    expect(control.list()[0]).toMatch(
      /^sendDue: every 1 week\(s\) on MONDAY at 09:\d\d \(America\/New_York\)$/,
    );
  });

  it('every 2 weeks skips alternate weeks; everyDays(1).atHour keeps local time across DST', () => {
    const { kernel, ScriptApp, control } = setup(false);
    ScriptApp.newTrigger('a')
      .timeBased()
      .everyWeeks(2)
      .onWeekDay(ScriptApp.WeekDay.FRIDAY)
      .atHour(8)
      .create();
    ScriptApp.newTrigger('b')
      .timeBased()
      .everyDays(1)
      .atHour(6)
      .inTimezone('Europe/Paris')
      .create();
    kernel.clock.set('2027-03-20T00:00:00Z');
    const from = new Date('2026-11-25T15:00:00Z').getTime();
    const biweekly = control
      .due(from, from + 35 * 86400_000)
      .filter((f) => f.trigger.handler === 'a');
    expect(biweekly.map((f) => zonedFields(f.at, 'America/New_York').day)).toEqual([27, 11, 25]);
    // Paris switches to summer time on 2027-03-28: 06:xx local stays 06:xx.
    const daily = control
      .due(Date.parse('2027-03-26T00:00:00Z'), Date.parse('2027-03-30T00:00:00Z'))
      .filter((f) => f.trigger.handler === 'b');
    expect(daily.map((f) => zonedFields(f.at, 'Europe/Paris').hour)).toEqual([6, 6, 6, 6]);
    expect(daily[0].at.getUTCHours()).toBe(5);
    expect(daily[3].at.getUTCHours()).toBe(4);
  });

  it('runUntil advances the clock, fires each trigger in FULL with the time event object', () => {
    const { kernel, ScriptApp, control, calls } = setup();
    const trigger = ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
    const ran = control.runUntil(kernel.clock.nowMs() + 3 * 3600_000);
    expect(ran).toHaveLength(3);
    expect(calls.map((c) => c.handler)).toEqual(['hourly', 'hourly', 'hourly']);
    expect(calls[0].event).toMatchObject({ triggerUid: trigger.getUniqueId(), timezone: 'UTC' });
    expect(String(calls[0].event.authMode)).toBe('FULL');
    expect(kernel.clock.nowMs()).toBe(Date.parse('2026-11-25T18:00:00Z'));
  });

  it('a one-shot after(ms) trigger fires once and stays listed (it still counts toward the limit)', () => {
    const { kernel, ScriptApp, control, calls } = setup();
    ScriptApp.newTrigger('resume').timeBased().after(60_000).create();
    control.runUntil(kernel.clock.nowMs() + 3600_000);
    control.runUntil(kernel.clock.nowMs() + 3600_000);
    expect(calls).toHaveLength(1);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
  });
});

describe('getAuthorizationInfo (editor-triggers page: gate on REQUIRED)', () => {
  it('reports REQUIRED or NOT_REQUIRED as the test sets it', () => {
    const { ScriptApp, control } = setup();
    const info = () => ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    expect(info().getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(info().getAuthorizationUrl()).toBeNull();
    control.setAuthorizationRequired(true);
    expect(info().getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.REQUIRED);
    expect(info().getAuthorizationUrl()).toMatch(/^https:\/\//);
  });

  it('getScriptId and getOAuthToken are not emulated, and say so', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.getOAuthToken()).toThrow('ScriptApp.getOAuthToken is not implemented');
  });
});
