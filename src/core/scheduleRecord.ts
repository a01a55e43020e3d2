// What the spreadsheet keeps for weekly batches: the schedule record (who owns it, where, the settings a run without document properties uses) and the week's state.
import type { Settings } from '../shared/api';
import type { Schedule } from '../shared/scheduleApi';
import { isCivilDate, type CivilDate } from './dates';
import { scheduleFromStored, type WeekState } from './schedule';
import { settingsFromStored } from './settings';

export interface ScheduleRecord {
  schedule: Schedule;
  /** The user whose trigger runs it (their Gmail sends, their quota). */
  owner: string;
  spreadsheetId: string;
  /** The owner's trigger, as created; the real trigger is what says whether it is on. */
  triggerId: string | null;
  /** The day it was saved (spreadsheet zone): a batch day before it is not sent late. */
  savedOn: CivilDate;
  /** When it was saved (ms): no run sends within RUN_MAX_MS of it (see runScheduledBatch). */
  savedAt: number;
  /**
   * A copy of the settings, refreshed whenever the sidebar shows or saves the schedule: a timed run
   * may have no document properties, where the settings live.
   */
  settings: Settings;
}

/** A follow-up part of the week's batch: its template (a Templates sheet row) and who still gets it. */
export interface FollowUpPart {
  template: string;
  ids: string[];
}

/** Client IDs of the week's batch still to go out, by template part. */
export interface WeekBatch {
  campaign: string[];
  cadence: string[];
  /** Follow-ups due (referral reminders, post-sale check-ins and surveys); absent in older states. */
  followUps: FollowUpPart[];
}

export const EMPTY_BATCH: WeekBatch = { campaign: [], cadence: [], followUps: [] };

/** The week's state, written before the first send of a week and after each run. */
export interface RunState extends WeekState {
  batch: WeekBatch;
  /** The last run in words, for the panel. */
  lastRun: string;
  /** Problems the owner must fix (the schedule may be paused for them). */
  attention: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** A stored record (maybe hand-edited): null when it cannot be trusted. */
export function parseRecord(value: unknown): ScheduleRecord | null {
  if (
    !isObject(value) ||
    typeof value.owner !== 'string' ||
    typeof value.spreadsheetId !== 'string'
  )
    return null;
  if (!isCivilDate(value.savedOn)) return null;
  return {
    schedule: scheduleFromStored(value.schedule),
    owner: value.owner,
    spreadsheetId: value.spreadsheetId,
    triggerId: typeof value.triggerId === 'string' ? value.triggerId : null,
    savedOn: value.savedOn,
    savedAt: typeof value.savedAt === 'number' ? value.savedAt : 0,
    settings: settingsFromStored(JSON.stringify(value.settings ?? {})),
  };
}

export function parseState(value: unknown): RunState | null {
  if (!isObject(value) || !isCivilDate(value.week)) return null;
  const batch = isObject(value.batch) ? value.batch : {};
  return {
    week: value.week,
    complete: value.complete === true,
    batch: {
      campaign: strings(batch.campaign),
      cadence: strings(batch.cadence),
      followUps: followUpParts(batch.followUps),
    },
    lastRun: typeof value.lastRun === 'string' ? value.lastRun : '',
    attention: strings(value.attention),
  };
}

/** A state stored before follow-ups were sent (no `followUps`) loads with none. */
function followUpParts(value: unknown): FollowUpPart[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isObject)
    .filter((p) => typeof p.template === 'string' && p.template.trim() !== '')
    .map((p) => ({ template: String(p.template), ids: strings(p.ids) }))
    .filter((p) => p.ids.length > 0);
}
