// The Weekly batches panel's calls: getSchedule (the schedule, the real trigger's state, the next batch, the campaign's progress) and saveSchedule.
import type { Settings } from '../shared/api';
import type { Schedule, ScheduleView } from '../shared/scheduleApi';
import { MAX_BATCH } from '../shared/mergeApi';
import {
  DEFAULT_SCHEDULE,
  checkSchedule,
  expectedDoneWeek,
  firstPendingBatch,
  nextRunDay,
} from '../core/schedule';
import {
  parseRecord,
  parseState,
  type RunState,
  type ScheduleRecord,
} from '../core/scheduleRecord';
import { takenFrom } from '../core/scheduleClaims';
import { activeSpreadsheet } from '../services/clientSheet';
import { ensureTouchSheet } from '../services/touchSheet';
import { errorMessage, userEmail } from '../services/mailer';
import { withMergeLock } from '../services/mergeLock';
import { now } from '../services/clock';
import {
  compactLog,
  ensureScheduleSheet,
  findScheduleSheet,
  readHead,
  readLog,
  writeRecord,
  writeState,
} from '../services/scheduleStore';
import {
  batchTriggers,
  hourNow,
  instantOf,
  removeBatchTriggers,
  replaceDailyTrigger,
} from '../services/triggers';
import { openMergeContext, resolveTemplate, type MergeContext } from './mergeContext';
import { scheduledClients } from './weeklyPlan';
import { planWeekLean } from './weeklyLean';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const sameUser = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What the panel shows. Reads the schedule sheet, the user's trigger and the client sheet once. */
export function getSchedule(): ScheduleView {
  const ss = activeSpreadsheet();
  const me = userEmail();
  const sheet = findScheduleSheet(ss);
  const head = sheet ? readHead(sheet) : { record: null, state: null };
  const stored = parseRecord(head.record);
  // File > Make a copy copies the hidden sheet too: a schedule saved for another file is not this one's.
  const record = stored && stored.spreadsheetId === ss.getId() ? stored : null;
  const state = record ? parseState(head.state) : null;
  const schedule = record?.schedule ?? { ...DEFAULT_SCHEDULE };
  const mine = !record || sameUser(record.owner, me);
  // Only the owner can see their trigger: for them, the real trigger says whether it is on.
  const triggerOn = mine ? batchTriggers(ss).length > 0 : record?.triggerId !== null;
  const active = !!record && !schedule.paused && triggerOn;
  const attention = record ? [...(state?.attention ?? [])] : [];
  if (stored && !record)
    attention.push(
      'This spreadsheet is a copy: the weekly batches saved in the original do not run here. Save them to run them for this copy.',
    );
  if (
    record &&
    !schedule.paused &&
    schedule.afterCampaign === 'cadence' &&
    !schedule.cadenceTemplate
  )
    attention.push(
      'No template is chosen for clients due on their cadence: once the campaign is done, nothing more goes out.',
    );
  if (record && mine && !schedule.paused && !triggerOn) {
    attention.push(
      'The weekly batches are off: their trigger was removed (perhaps from the Apps Script triggers page). Save the schedule again to turn them back on.',
    );
  }
  const view: ScheduleView = {
    ...schedule,
    active,
    saved: !!record,
    owner: record?.owner ?? '',
    mine,
    nextRun: null,
    nextBatch: [],
    campaign: { reached: 0, remaining: 0, expectedDone: null, done: false },
    lastRun: state?.lastRun ?? '',
    attention,
    timeZone: ss.getSpreadsheetTimeZone(),
    maxSize: MAX_BATCH,
  };
  try {
    withMergeLock(() => {
      const ctx = openMergeContext({ lean: true });
      if (record && mine && sheet) refreshSettings(sheet, record, ctx);
      const log = sheet ? readLog(sheet) : [];
      // The claims log keeps only what a run may still need: the sidebar trims it now and then.
      if (sheet && log.length > 200) compactLog(sheet);
      const { week } = planWeekLean(ctx, schedule, takenFrom(log, '', nowMs()));
      view.nextBatch = scheduledClients(week);
      if (week.blocked) attention.push(week.blocked);
      const savedOn = record?.savedOn ?? ctx.today;
      const first = firstPendingBatch(ctx.today, schedule.day, state, savedOn);
      const { reached, remaining } = week.count;
      const expectedDone = expectedDoneWeek(remaining, schedule.size, first);
      view.campaign = { reached, remaining, expectedDone, done: remaining === 0 };
      if (active) view.nextRun = nextRunInstant(ctx, schedule, state, savedOn);
    });
  } catch (error) {
    attention.push(errorMessage(error));
  }
  return view;
}

/**
 * Saves the schedule: checked first (nothing is written for a wrong field or an unknown template),
 * then exactly one daily trigger for this user and document (none when paused), then the record.
 * Another editor's active schedule is not taken over silently: they pause it first.
 */
export function saveSchedule(input: Schedule): ScheduleView {
  const schedule = checkSchedule(input);
  const ss = activeSpreadsheet();
  const me = userEmail();
  const ctx = withMergeLock(() => {
    // Only the templates are checked here: the ranking index is enough (no row read whole).
    const context = openMergeContext({ lean: true });
    resolveTemplate(context, schedule.template);
    if (schedule.cadenceTemplate) resolveTemplate(context, schedule.cadenceTemplate);
    return context;
  });
  const found = findScheduleSheet(ss);
  const head = found ? readHead(found) : { record: null, state: null };
  const saved = parseRecord(head.record);
  const existing = saved && saved.spreadsheetId === ss.getId() ? saved : null;
  if (existing && !sameUser(existing.owner, me) && !existing.schedule.paused) {
    throw new Error(
      `These weekly batches are ${existing.owner}'s: they go out from their Gmail. Ask them to pause them first; then you can set up your own.`,
    );
  }
  const sheet = found ?? ensureScheduleSheet(ss);
  // Created now, while only this user is here: a timed run without the document lock and a sidebar
  // merge creating the same sheet at once would collide ("A sheet with the name ... already exists").
  ensureTouchSheet(ss);
  let triggerId: string | null = null;
  if (schedule.paused) removeBatchTriggers(ss);
  else triggerId = createTrigger(ss, schedule.hour);
  // Editing an active schedule keeps its start; a new or resumed one starts today.
  const keepDay =
    existing &&
    sameUser(existing.owner, me) &&
    !existing.schedule.paused &&
    existing.savedOn < ctx.today;
  const record: ScheduleRecord = {
    schedule,
    owner: me,
    spreadsheetId: ss.getId(),
    triggerId,
    savedOn: keepDay ? (existing as ScheduleRecord).savedOn : ctx.today,
    savedAt: nowMs(),
    settings: ctx.settings,
  };
  writeRecord(sheet, record);
  const state = existing ? parseState(head.state) : null;
  // Saving (or resuming) is the user's answer to what needed attention. A copy's week is its own.
  if (state?.attention.length) writeState(sheet, { ...state, attention: [] } satisfies RunState);
  else if (!existing && head.state) writeState(sheet, null);
  return getSchedule();
}

function createTrigger(ss: Spreadsheet, hour: number): string {
  try {
    return replaceDailyTrigger(ss, hour, ss.getSpreadsheetTimeZone());
  } catch (error) {
    throw new Error(
      `Google refused to schedule the weekly batches: ${errorMessage(error)} Remove some of your other add-ons' or scripts' triggers, then save again.`,
    );
  }
}

/**
 * After Settings are saved: the copy in the schedule record follows (a timed run without document
 * properties reads only the copy). Costs one call when no schedule was ever saved here.
 */
export function refreshScheduleSettings(ss: Spreadsheet, settings: Settings): void {
  const sheet = findScheduleSheet(ss);
  if (!sheet) return;
  const record = parseRecord(readHead(sheet).record);
  if (record && JSON.stringify(record.settings) !== JSON.stringify(settings))
    writeRecord(sheet, { ...record, settings });
}

/** Keeps the settings copy a run without document properties uses in step with the real ones. */
function refreshSettings(sheet: Sheet, record: ScheduleRecord, ctx: MergeContext): void {
  if (JSON.stringify(record.settings) === JSON.stringify(ctx.settings)) return;
  writeRecord(sheet, { ...record, settings: ctx.settings });
}

function nowMs(): number {
  return now().getTime();
}

/** The trigger fires in the hour after `hour` (at a minute Apps Script picks): the hour's start, as an instant. */
function nextRunInstant(
  ctx: MergeContext,
  schedule: Schedule,
  state: RunState | null,
  savedOn: string,
): string {
  const tz = ctx.cs.dates.timeZone;
  const day = nextRunDay(ctx.today, hourNow(tz, now()), schedule, state, savedOn);
  return instantOf(day, schedule.hour, tz);
}
