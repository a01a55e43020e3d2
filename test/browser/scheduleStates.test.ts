// The Weekly batches panel's states in Chromium, each from a fixed getSchedule() answer: another user's schedule, attention, a finished campaign, markup in cells, per-field errors.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import {
  clickMenu,
  describeBrowser,
  openRig,
  sidebar,
  sidebarFrame,
  type Rig,
} from '../support/browser';
import type { Schedule, ScheduleView } from '../../src/shared/scheduleApi';

/**
 * A TEST FIXTURE, not the server: the real dist/Sidebar.html behind a few globals that answer
 * with whatever ScheduleView the test stores, and record what saveSchedule received. It shows
 * states the real server reaches only with other users or weeks of history. The real server is
 * exercised by schedule.test.ts.
 */
const FIXTURE = `
function onOpen() {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Weekly batches...', 'openWeeklyBatches').addToUi();
}
function openWeeklyBatches() {
  var html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Reconnect');
  html.append('<script>window.reconnectView="schedule";</script>');
  SpreadsheetApp.getUi().showSidebar(html);
}
function store() { return PropertiesService.getScriptProperties(); }
function getMergeSetup() {
  var t = function (source, name, channel) {
    return { source: source, name: name, subject: name, channel: channel, notes: '' };
  };
  return {
    templates: [
      t('sheet', 'Reconnect apology', 'email'),
      t('sheet', 'Letter from the heart', 'letter'),
      t('sheet', 'Check-in', 'email'),
      t('draft', 'My own draft', 'email'),
    ],
    problems: [], aliases: [], userEmail: 'me@example.com', quota: 87, myName: 'Sam',
    recentDays: 14, notices: [],
  };
}
function getSchedule() { return JSON.parse(store().getProperty('view')); }
function saveSchedule(schedule) {
  store().setProperty('saved', JSON.stringify(schedule));
  var refusal = store().getProperty('refuse');
  if (refusal) throw new Error(refusal);
  var view = JSON.parse(store().getProperty('view'));
  for (var k in schedule) view[k] = schedule[k];
  view.saved = true; view.active = !schedule.paused; view.owner = 'me@example.com'; view.mine = true;
  return view;
}
`;

const HOSTILE = '<img src=x onerror=alert(1)>';

function view(patch: Partial<ScheduleView> & Record<string, unknown> = {}): ScheduleView {
  return {
    day: 'TUESDAY',
    hour: 8,
    size: 12,
    template: { source: 'sheet', name: 'Reconnect apology' },
    cadenceTemplate: { source: 'draft', name: 'My own draft' },
    mode: 'draft',
    afterCampaign: 'stop',
    summaryEmail: false,
    paused: false,
    active: true,
    saved: true,
    owner: 'me@example.com',
    mine: true,
    nextRun: '2026-12-01T13:00:00.000Z',
    nextBatch: [
      { clientId: 'C-1', name: HOSTILE, to: 'zoe@example.com', kind: 'campaign' },
      { clientId: 'C-2', name: 'Ann Lee', to: 'ann@example.com', kind: 'cadence' },
      {
        clientId: 'C-4',
        name: 'Cy Day',
        to: 'cy@example.com',
        kind: 'followUp',
        template: 'Referral reminder',
      },
      { clientId: 'C-3', name: 'Bob Roy', to: '', kind: 'campaign', skip: `no email ${HOSTILE}` },
    ],
    campaign: { reached: 30, remaining: 90, expectedDone: '2027-03-01', done: false },
    lastRun: `Sent 10 emails on 24 November; 1 skipped ${HOSTILE}`,
    attention: [],
    ...patch,
  } as ScheduleView;
}

describeBrowser('the Weekly batches panel, state by state', () => {
  let rig: Rig;
  let dist: string;
  let frame: FrameLocator;

  const props = () => rig.preview.emulator.properties;
  const saved = (): Schedule | null => {
    const text = props().get('script', 'saved');
    return text ? (JSON.parse(text) as Schedule) : null;
  };

  async function open(v: ScheduleView, refuse = ''): Promise<void> {
    props().set('script', 'view', JSON.stringify(v));
    props().set('script', 'refuse', refuse);
    props().set('script', 'saved', '');
    // Each open is a new sidebar page: wait for it, not the one it replaces.
    const src = () => rig.page.locator('#sidebar-frame').getAttribute('src');
    const before = await src();
    await clickMenu(rig.page, 'Weekly batches');
    await rig.page.waitForFunction(
      (old) => document.getElementById('sidebar-frame')?.getAttribute('src') !== old,
      before,
    );
    const now = (await src()) ?? '';
    await (await sidebarFrame(rig.page)).waitForURL((url) => url.href.endsWith(now));
    frame = sidebar(rig.page);
    await frame.locator('.schedule-status').waitFor();
  }

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'reconnect-schedule-fixture-'));
    writeFileSync(join(dist, 'Code.js'), FIXTURE);
    copyFileSync(join(__dirname, '..', '..', 'dist', 'Sidebar.html'), join(dist, 'Sidebar.html'));
    rig = await openRig({ distDir: dist, clients: [['Name']] });
  });
  afterAll(async () => {
    await rig?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('shows the saved schedule in its fields, in the sheet zone, with letters left out', async () => {
    await open(view({ timeZone: 'America/New_York', maxSize: 80 }));
    await expect(frame.getByLabel('Day').inputValue()).resolves.toBe('TUESDAY');
    await expect(frame.getByLabel('Hour').inputValue()).resolves.toBe('8');
    await expect(frame.getByLabel('Clients per batch').inputValue()).resolves.toBe('12');
    await expect(frame.getByLabel('Clients per batch').getAttribute('max')).resolves.toBe('80');
    await expect(
      frame.getByText(/^1 to 80\. 87 emails are left of today's quota/).count(),
    ).resolves.toBe(1);
    await expect(frame.getByLabel('Cadence template').inputValue()).resolves.toBe(
      'draft:My own draft',
    );
    await expect(
      frame.getByLabel('Create Gmail drafts for me to review').isChecked(),
    ).resolves.toBe(true);
    await expect(frame.getByLabel('Stop the weekly batches').isChecked()).resolves.toBe(true);
    const options = await frame
      .getByLabel('Reconnect campaign template')
      .locator('option')
      .allTextContents();
    expect(options).toEqual(['Reconnect apology', 'Check-in', 'My own draft']);
    const status = await frame.locator('.schedule-status').innerText();
    expect(status).toContain('Every Tuesday, between 08:00 and 09:00 (New York time).');
    expect(status).toContain('Next run: Tuesday 1 December, between 08:00 and 09:00.');
    await expect(frame.locator('.campaign-end').textContent()).resolves.toBe(
      'At 12 clients a week, done by the week of 1 March 2027.',
    );
  });

  it('shows every value from cells as text: names, skip reasons, the last run', async () => {
    await expect(frame.locator('.batch-list .batch-name').allTextContents()).resolves.toEqual([
      `${HOSTILE} <zoe@example.com>`,
      'Ann Lee <ann@example.com>',
      'Cy Day <cy@example.com>',
    ]);
    await expect(frame.locator('.batch-list .chip').allTextContents()).resolves.toEqual([
      'Campaign',
      'Cadence',
      'Follow-up: Referral reminder',
    ]);
    await expect(frame.locator('.schedule .skips li').allTextContents()).resolves.toEqual([
      `Bob Roy: no email ${HOSTILE}`,
    ]);
    await expect(frame.locator('.last-run').textContent()).resolves.toContain(HOSTILE);
    expect(await frame.locator('.schedule img').count()).toBe(0);
    expect(rig.dialogs).toEqual([]);
  });

  it("says when a batch is bigger than what is left of today's quota", async () => {
    const size = frame.getByLabel('Clients per batch');
    expect(await frame.locator('.schedule-form .notice:not([hidden])').count()).toBe(0);
    await size.fill('95');
    await expect(frame.locator('.schedule-form .notice').textContent()).resolves.toBe(
      "That is more than the 87 emails left today: if the batch ran now, 8 would wait for the next day's quota.",
    );
    await size.fill('12');
    expect(await frame.locator('.schedule-form .notice:not([hidden])').count()).toBe(0);
  });

  it('checks fields before calling the server, and says what is wrong under each field', async () => {
    const size = frame.getByLabel('Clients per batch');
    await size.fill('0');
    await frame.getByRole('button', { name: 'Save schedule' }).click();
    await expect(size.getAttribute('aria-invalid')).resolves.toBe('true');
    const errorId = (await size.getAttribute('aria-describedby'))!.split(' ').pop()!;
    await expect(frame.locator(`[id="${errorId}"]`).textContent()).resolves.toBe(
      'Enter a whole number from 1 to 80.',
    );
    await expect(size.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    expect(saved()).toBeNull();
  });

  it("puts the server's refusal under the field it names", async () => {
    // The real server's boundary check words it so (src/core/schema.ts, checkInput 'The schedule').
    await open(
      view(),
      'The schedule.cadenceTemplate.name is 300 characters long; the most is 250.',
    );
    await frame.getByRole('button', { name: 'Save schedule' }).click();
    const cadence = frame.getByLabel('Cadence template');
    await frame.locator('.field-error', { hasText: 'the most is 250' }).waitFor();
    await expect(cadence.getAttribute('aria-invalid')).resolves.toBe('true');
    // Exactly the schedule's fields reach the server, nothing of what the panel only shows.
    expect(saved()).toEqual({
      day: 'TUESDAY',
      hour: 8,
      size: 12,
      template: { source: 'sheet', name: 'Reconnect apology' },
      cadenceTemplate: { source: 'draft', name: 'My own draft' },
      mode: 'draft',
      afterCampaign: 'stop',
      summaryEmail: false,
      paused: false,
    });
  });

  it('says a saved template that is gone is gone, and keeps it chosen rather than switch silently', async () => {
    await open(view({ template: { source: 'sheet', name: 'Old apology' } }));
    const campaign = frame.getByLabel('Reconnect campaign template');
    await expect(campaign.inputValue()).resolves.toBe('sheet:Old apology');
    await frame.locator('.field-error', { hasText: 'no longer in the Templates sheet' }).waitFor();
    await frame.getByRole('button', { name: 'Save schedule' }).click();
    expect(saved()).toBeNull();
  });

  it("another editor's running schedule: whose it is, shown but not editable, no Pause", async () => {
    await open(view({ owner: 'ann@example.com', mine: false }));
    await expect(frame.locator('.owner.not-mine').textContent()).resolves.toBe(
      'Scheduled by ann@example.com: the emails go from their Gmail. Only they can change or pause it; once it is paused, you can take it over.',
    );
    expect(await frame.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    expect(await frame.getByRole('button', { name: /save/i }).count()).toBe(0);
    await expect(frame.getByLabel('Clients per batch').isDisabled()).resolves.toBe(true);
  });

  it("another editor's paused schedule: taking it over asks first", async () => {
    await open(view({ owner: 'ann@example.com', mine: false, paused: true, active: false }));
    await expect(frame.locator('.owner.not-mine').textContent()).resolves.toContain(
      'Saving here makes the batches yours: they would go from your Gmail',
    );
    expect(await frame.getByRole('button', { name: 'Resume' }).count()).toBe(0);
    await frame.getByRole('button', { name: 'Take over and save…' }).click();
    const confirm = frame.getByRole('button', { name: 'Yes, take over and save…' });
    await confirm.waitFor();
    expect(saved()).toBeNull();
    await confirm.click();
    await frame.locator('.toast', { hasText: 'Schedule saved; still paused.' }).waitFor();
    expect(saved()).toMatchObject({ size: 12, paused: true });
  });

  it('a trigger that is gone shows as off, with Resume; attention items are listed', async () => {
    await open(
      view({
        active: false,
        nextRun: null,
        attention: ['The sheet "Clients" was renamed: weekly batches are paused until it is back.'],
      }),
    );
    await expect(frame.locator('.state-label').textContent()).resolves.toBe('Off');
    await expect(frame.locator('.schedule-status').innerText()).resolves.toContain(
      'no trigger is running it',
    );
    await expect(frame.locator('.schedule-attention').innerText()).resolves.toContain(
      '"Clients" was renamed',
    );
    await frame.getByRole('button', { name: 'Resume' }).click();
    await frame.locator('.status-on').waitFor();
    expect(saved()?.paused).toBe(false);
  });

  it('a finished campaign says so, and what comes next', async () => {
    await open(
      view({
        afterCampaign: 'cadence',
        campaign: { reached: 120, remaining: 0, expectedDone: null, done: true },
      }),
    );
    await expect(frame.locator('.campaign-done').textContent()).resolves.toBe(
      'Everyone has been reached.',
    );
    await expect(frame.locator('.schedule-campaign').innerText()).resolves.toContain(
      'Each batch now goes to clients due on the cadence they chose.',
    );
  });

  it('reaches the Weekly tab and its controls by keyboard', async () => {
    await frame.getByRole('tab', { name: 'Emails' }).focus();
    await frame.getByRole('tab', { name: 'Emails' }).press('ArrowRight');
    await expect(
      frame.getByRole('tab', { name: 'Weekly' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await frame.getByLabel('Day').focus();
    await frame.getByLabel('Day').press('Tab');
    await expect(
      frame.getByLabel('Hour').evaluate((e) => e === document.activeElement),
    ).resolves.toBe(true);
    expect(rig.pageErrors).toEqual([]);
  });
});
