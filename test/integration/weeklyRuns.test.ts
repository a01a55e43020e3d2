// The trigger's runs, each with the document context and without it: twice in a week, nothing to do, quota out, a renamed sheet, a removed column, Gmail refusing an address, a deleted trigger.
import { saveSettings } from '../../src/app/settings';
import { threeHundred, weeklyWorld, type WeeklyWorld } from './weeklySupport';

const clients = threeHundred();
const MONDAY_RUN = '2026-11-30T16:00:00Z';

describe.each([
  ['with the document context', true],
  ['without the document context', false],
])('weekly runs %s', (_label, document) => {
  let w: WeeklyWorld;
  afterEach(() => w?.uninstall());

  it('a second firing in the same week sends nothing, and a run with nothing to do costs a few calls', () => {
    w = weeklyWorld(clients, { document });
    w.save();
    w.until(MONDAY_RUN);
    expect(w.recipients()).toHaveLength(10);
    // Apps Script may fire again (a retry, a second trigger): the week is done.
    w.emu.kernel.resetCounts();
    w.emu.triggers.fire(w.emu.triggers.triggers[0]);
    expect(w.recipients()).toHaveLength(10);
    // The whole run: the user's ID map, authorization, openById, one small read, the zone and today.
    expect(w.emu.kernel.count()).toBeLessThanOrEqual(10);
    expect(w.emu.kernel.count('Range.getValues')).toBe(1);
    expect(w.emu.kernel.count('SpreadsheetApp')).toBeLessThanOrEqual(5);
    expect(w.table('Activity')).toHaveLength(1);
    // The rest of the week: six more firings, nothing sent, still one Activity row.
    w.until('2026-12-06T23:00:00Z');
    expect(w.recipients()).toHaveLength(10);
    expect(w.table('Activity')).toHaveLength(1);
  });

  it('the quota running out mid-run: the rest goes out the next day, by itself', () => {
    w = weeklyWorld(clients, { document, quota: 100 });
    w.save();
    // Other scripts of the user spent most of today's quota before the batch.
    w.emu.mail.setQuota(100);
    w.until('2026-11-30T13:00:00Z');
    w.run(() => {
      for (let i = 0; i < 94; i++) MailApp.sendEmail(`other${i}@example.com`, 'x', 'y');
    });
    w.until(MONDAY_RUN);
    const monday = w.recipients().filter((to) => !to.startsWith('other'));
    expect(monday).toHaveLength(6);
    const [row] = w.table('Activity');
    expect(row).toMatchObject({ Sent: 6, Waiting: 4, 'Quota left': 0 });
    expect(String(row.Notes)).toMatch(/quota ran out: 4 emails wait for tomorrow's run/);
    w.until('2026-12-01T16:00:00Z');
    const week = w.recipients().filter((to) => !to.startsWith('other'));
    expect(week).toHaveLength(10);
    expect(new Set(week).size).toBe(10);
    const rows = w.table('Activity');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ Sent: 4, Waiting: 0, Week: '2026-11-30' });
    expect(String(rows[1].Notes)).toMatch(/Carried over/);
    // Wednesday to Sunday: nothing more.
    w.until('2026-12-06T23:00:00Z');
    expect(w.recipients().filter((to) => !to.startsWith('other'))).toHaveLength(10);
  });

  it('the client sheet renamed between runs: the schedule pauses, says how to fix it, and resumes', () => {
    w = weeklyWorld(clients, { document });
    w.save();
    w.until(MONDAY_RUN);
    w.run(() =>
      SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Clients')!.setName('My clients'),
    );
    w.until('2026-12-07T16:00:00Z');
    expect(w.recipients()).toHaveLength(10);
    const rows = w.table('Activity');
    expect(rows).toHaveLength(2);
    expect(String(rows[1].Errors)).toMatch(/client sheet "Clients" is gone \(renamed or deleted\)/);
    expect(w.emu.triggers.triggers).toHaveLength(0);
    const summary = w.summaries().at(-1)!;
    expect(summary.body).toMatch(
      /Rename it back, or choose the right sheet in Reconnect > Settings/,
    );
    // Later firings cannot happen: the trigger is gone, and the panel says why.
    w.until('2026-12-21T16:00:00Z');
    expect(w.table('Activity')).toHaveLength(2);
    w.run(() =>
      SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('My clients')!.setName('Clients'),
    );
    const view = w.view();
    expect(view).toMatchObject({ paused: true, active: false });
    expect(view.attention.join(' ')).toMatch(/is gone/);
    const resumed = w.save({ paused: false });
    expect(resumed).toMatchObject({ paused: false, active: true, attention: [] });
    // Resumed on a batch day after its hour: this week's batch goes out on the next firing.
    expect(resumed.nextRun).toBe('2026-12-22T14:00:00.000Z');
    w.until('2026-12-22T16:00:00Z');
    expect(w.recipients()).toHaveLength(20);
    w.until('2026-12-28T16:00:00Z');
    expect(w.recipients()).toHaveLength(30);
  });

  it('the client sheet renamed and chosen again in Settings: the next run follows, without pausing', () => {
    w = weeklyWorld(clients, { document });
    w.save();
    w.run(() => {
      SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Clients')!.setName('People');
      saveSettings({ clientSheet: 'People' });
    });
    w.until(MONDAY_RUN);
    expect(w.recipients()).toHaveLength(10);
    expect(w.emu.triggers.triggers).toHaveLength(1);
  });

  it('a run that stops before planning (the spreadsheet busy) leaves the week to the next firing', () => {
    w = weeklyWorld(clients, { document });
    w.save();
    w.until('2026-11-30T13:00:00Z');
    // Another execution holds the document lock for minutes (only a run with the document sees it);
    // without the document context, an unreadable client sheet stops the run the same way.
    if (document) w.emu.locks.holdByOther('document', Date.parse('2026-11-30T15:30:00Z'));
    else
      w.emu.kernel.injectFault({
        method: 'Range.getDisplayValues',
        message: 'Service error: Spreadsheets',
      });
    w.until(MONDAY_RUN);
    expect(w.recipients()).toHaveLength(0);
    expect(String(w.table('Activity')[0].Errors)).toMatch(
      /The run stopped: .*The next run tries again/,
    );
    w.until('2026-12-01T16:00:00Z');
    expect(w.recipients()).toHaveLength(10);
  });

  it('a needed column removed: paused with the column named', () => {
    w = weeklyWorld(clients, { document });
    w.save();
    w.run(() => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Clients')!;
      sheet.deleteColumn(5); // Email
    });
    w.until(MONDAY_RUN);
    expect(w.recipients()).toHaveLength(0);
    const [row] = w.table('Activity');
    expect(String(row.Errors)).toMatch(/The Email column is missing from "Clients"/);
    expect(w.emu.triggers.triggers).toHaveLength(0);
  });

  it('Gmail refusing an address: that client is an error with a line for the owner, the rest go out', () => {
    w = weeklyWorld(clients, { document });
    w.save();
    w.emu.kernel.injectFault({
      method: 'MailApp.sendEmail',
      nth: 2,
      message: 'Invalid email: silent53@example.com',
    });
    w.until(MONDAY_RUN);
    expect(w.recipients()).toHaveLength(9);
    const [row] = w.table('Activity');
    expect(row).toMatchObject({ Sent: 9 });
    expect(String(row.Errors)).toMatch(/Invalid email/);
    expect(w.summaries()[0].body).toMatch(
      /Gmail refused to send to Silent \d+ \(silent\d+@example.com\)/,
    );
    // Nothing went out to that client, so it stays first in line: next week's batch tries it again.
    w.until('2026-12-07T16:00:00Z');
    expect(w.recipients()).toHaveLength(19);
    expect(w.table('Activity')[1].Errors).toBe('');
  });

  it('the trigger deleted by the user: getSchedule shows the batches off, and nothing runs', () => {
    w = weeklyWorld(clients, { document });
    expect(w.save().active).toBe(true);
    w.run(() => {
      for (const t of ScriptApp.getProjectTriggers()) ScriptApp.deleteTrigger(t);
    });
    const view = w.view();
    expect(view).toMatchObject({ active: false, paused: false, saved: true, nextRun: null });
    expect(view.attention.join(' ')).toMatch(/trigger was removed/);
    w.until('2026-12-14T16:00:00Z');
    expect(w.recipients()).toHaveLength(0);
    expect(w.save().active).toBe(true);
  });

  it('authorization lapsed: nothing is sent, the owner is told the one step, once a day', () => {
    w = weeklyWorld(clients, { document });
    w.save();
    w.emu.triggers.setAuthorizationRequired(true);
    w.until('2026-12-01T23:00:00Z');
    expect(w.recipients()).toHaveLength(0);
    const mails = w.summaries();
    expect(mails).toHaveLength(2);
    expect(mails[0].subject).toMatch(/need your permission/);
    expect(mails[0].body).toMatch(/Extensions > Reconnect > Weekly batches, and allow access/);
    expect(String(w.table('Activity')[0].Errors)).toMatch(/needs your permission again/);
    w.emu.triggers.setAuthorizationRequired(false);
    w.until('2026-12-02T23:00:00Z');
    // The week's batch goes out on the next firing once access is back.
    expect(w.recipients()).toHaveLength(10);
  });
});
