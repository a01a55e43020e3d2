// getSchedule and saveSchedule: defaults, per-field checks before any write, one trigger per document, pause, another editor's schedule, the Activity sheet's text guard.
import { getSchedule, saveSchedule } from '../../src/app/schedule';
import type { Schedule } from '../../src/shared/scheduleApi';
import { SCHEDULE, threeHundred, weeklyWorld, type WeeklyWorld } from './weeklySupport';

const clients = threeHundred().slice(0, 80);
let w: WeeklyWorld;
afterEach(() => w?.uninstall());

test('before anything is saved: the defaults, off, with the next batch and the campaign to come', () => {
  w = weeklyWorld(clients, { document: true });
  const view = w.view();
  expect(view).toMatchObject({
    saved: false,
    active: false,
    day: 'MONDAY',
    hour: 9,
    size: 10,
    mine: true,
  });
  expect(view.nextRun).toBeNull();
  expect(view.nextBatch.filter((c) => !c.skip)).toHaveLength(10);
  expect(view.nextBatch.find((c) => c.skip)?.skip).toBe('no email address');
  expect(view.campaign).toMatchObject({ reached: 0, remaining: 51, done: false });
  // Looking changes nothing in the spreadsheet.
  expect(w.emu.sheets.sheetNames()).not.toContain('Reconnect schedule');
});

test.each([
  [{ hour: 25 }, 'The schedule.hour should be at most 23, not 25.'],
  [{ day: 'Monday' }, 'The schedule.day should be one of MONDAY, TUESDAY'],
  [{ size: 0 }, 'The schedule.size should be at least 1, not 0.'],
  [{ size: 2.5 }, 'The schedule.size should be a whole number, not the number 2.5.'],
  [{ mode: 'later' }, 'The schedule.mode should be one of send, draft'],
  [{ template: { source: 'sheet', name: '' } }, 'The schedule.template.name is empty.'],
  [{ summaryEmail: 'yes' }, 'The schedule.summaryEmail should be true or false'],
])('a wrong field (%j) is named, and nothing is written', (patch, message) => {
  w = weeklyWorld(clients, { document: true });
  expect(() => w.run(() => saveSchedule({ ...SCHEDULE, ...patch } as unknown as Schedule))).toThrow(
    message,
  );
  expect(w.emu.triggers.triggers).toHaveLength(0);
  expect(w.emu.sheets.sheetNames()).not.toContain('Reconnect schedule');
});

test('an unknown template is refused before anything is written', () => {
  w = weeklyWorld(clients, { document: true });
  expect(() => w.save({ template: { source: 'sheet', name: 'Nope' } })).toThrow(/Nope/);
  expect(w.emu.triggers.triggers).toHaveLength(0);
});

test('saving twice keeps exactly one trigger, daily at the hour in the spreadsheet zone; pausing removes it', () => {
  w = weeklyWorld(clients, { document: true });
  w.save();
  w.save({ hour: 7, day: 'FRIDAY' });
  expect(w.emu.triggers.list()).toEqual([
    expect.stringMatching(/^runScheduledBatch: every 1 day\(s\) at 07:\d\d \(America\/New_York\)$/),
  ]);
  const paused = w.save({ paused: true });
  expect(paused).toMatchObject({ paused: true, active: false, nextRun: null });
  expect(w.emu.triggers.triggers).toHaveLength(0);
  expect(w.emu.sheets.sheetNames()).toContain('Reconnect schedule');
  expect(w.emu.sheets.active().getSheetByName('Reconnect schedule')!.isSheetHidden()).toBe(true);
});

test("another editor sees the owner's schedule and cannot take it over while it is active", () => {
  w = weeklyWorld(clients, { document: true });
  w.save();
  w.emu.session.setUser('partner@example.com');
  const view = w.run(() => getSchedule());
  expect(view).toMatchObject({ owner: 'owner@example.com', mine: false, active: true });
  expect(() => w.save({ hour: 6 })).toThrow(/owner@example.com's: they go out from their Gmail/);
  w.emu.session.setUser('owner@example.com');
  w.save({ paused: true });
  w.emu.session.setUser('partner@example.com');
  expect(w.save({ hour: 6 })).toMatchObject({
    owner: 'partner@example.com',
    mine: true,
    active: true,
  });
});

test('the Activity sheet keeps text as text: a name like "=1+1" is not a formula', () => {
  w = weeklyWorld(
    [{ id: 'C-1', name: '=1+1', email: 'a@example.com', lastContact: '2024-01-10', value: 5 }],
    { document: false },
  );
  w.save();
  w.emu.kernel.injectFault({
    method: 'MailApp.sendEmail',
    message: 'Invalid email: a@example.com',
  });
  w.until('2026-11-30T16:00:00Z');
  const errors = w.emu.sheets.cell('Activity', 'I2');
  expect(errors.formula).toBe('');
  expect(errors.value).toBe('=1+1: Invalid email: a@example.com');
  expect(w.emu.sheets.values('Activity')[0]).toEqual([
    'Started',
    'Finished',
    'Week',
    'Selected',
    'Sent',
    'Drafted',
    'Skipped',
    'Waiting',
    'Errors',
    'Quota left',
    'Duration (s)',
    'Notes',
  ]);
});

test('campaign done and the user chose "stop": the last batch goes out, then the schedule pauses itself', () => {
  w = weeklyWorld(threeHundred().slice(0, 12), { document: false });
  w.save({ size: 5, afterCampaign: 'stop', cadenceTemplate: null });
  w.until('2026-12-28T16:00:00Z');
  // 12 silent: 1 without an address, 1 Do Not Contact -> 10 to reach, 5 a week.
  expect(w.recipients()).toHaveLength(10);
  expect(w.table('Activity')).toHaveLength(2);
  expect(String(w.table('Activity')[1].Notes)).toMatch(/stop here, as chosen/);
  expect(w.emu.triggers.triggers).toHaveLength(0);
  expect(w.view()).toMatchObject({ paused: true, active: false, campaign: { done: true } });
  expect(w.summaries().at(-1)!.body).toMatch(/everyone silent six months or more has been reached/);
});

test('drafts for review: the batch becomes Gmail drafts, and the next week moves on to the next clients', () => {
  w = weeklyWorld(clients, { document: false });
  w.save({ mode: 'draft' });
  w.until('2026-11-30T16:00:00Z');
  expect(w.recipients()).toHaveLength(0);
  expect(w.emu.mail.drafts).toHaveLength(10);
  expect(w.table('Activity')[0]).toMatchObject({ Sent: 0, Drafted: 10 });
  expect(w.summaries()[0].body).toMatch(/Drafts waiting in Gmail for your review/);
  w.until('2026-12-07T16:00:00Z');
  const drafted = w.emu.mail.drafts.map((d) => d.to);
  expect(drafted).toHaveLength(20);
  expect(new Set(drafted).size).toBe(20);
});

test('the summary email turned off: a run that went well sends none; one that needs attention still does', () => {
  w = weeklyWorld(clients, { document: true });
  w.save({ summaryEmail: false });
  w.until('2026-11-30T16:00:00Z');
  expect(w.recipients()).toHaveLength(10);
  expect(w.summaries()).toHaveLength(0);
  w.run(() => SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Clients')!.setName('Old'));
  w.until('2026-12-07T16:00:00Z');
  expect(w.summaries()).toHaveLength(1);
  expect(w.summaries()[0].body).toMatch(/Needs your attention/);
});

test('a copy of the spreadsheet (File > Make a copy) does not pass for the scheduled one', () => {
  w = weeklyWorld(clients, { document: true });
  w.save();
  const copy = w.emu.sheets.create('Copy of clients');
  for (const name of ['Clients', 'Reconnect schedule']) {
    w.emu.sheets.setSheet(name, w.emu.sheets.values(name), {}, copy.getId());
  }
  w.emu.sheets.setActive(copy.getId());
  const view = w.view();
  expect(view).toMatchObject({ saved: false, active: false, owner: '' });
  expect(view.attention.join(' ')).toMatch(/This spreadsheet is a copy/);
});
