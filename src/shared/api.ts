// The contract between the sidebar and the server: JSON-safe payloads (ISO date strings, no Date, no undefined) and the typed list of server functions.
import type { MergeApi } from './mergeApi';
import type { Schedule, ScheduleView } from './scheduleApi';

/** Recency groups, by time since last contact. */
export type Bucket = 'under6m' | '6to12m' | '1to2y' | '2to3y' | '3yPlus' | 'never';
export const BUCKETS: readonly Bucket[] = [
  '3yPlus',
  '2to3y',
  '1to2y',
  '6to12m',
  'under6m',
  'never',
];
export const BUCKET_LABELS: Record<Bucket, string> = {
  under6m: 'Under 6 months',
  '6to12m': '6-12 months',
  '1to2y': '1-2 years',
  '2to3y': '2-3 years',
  '3yPlus': '3+ years',
  never: 'No contact recorded',
};

export type SortMode = 'priority' | 'days' | 'value';

export type Channel = 'call' | 'voicemail' | 'email' | 'letter' | 'meeting' | 'note';
export const CHANNELS: readonly Channel[] = [
  'call',
  'voicemail',
  'email',
  'letter',
  'meeting',
  'note',
];

/** What came of a touch, in the user's words. */
export type Outcome =
  | 'reached'
  | 'raised a problem'
  | 'no answer'
  | 'voicemail'
  | 'wrong number'
  | 'do not contact'
  | 'sent'
  | 'note';

/** The cadence dropdown's named values; a number of days ("45") is accepted too. */
export const CADENCES = ['Quarterly', 'Twice a year', 'Yearly'] as const;

/** The Status dropdown. */
export const STATUSES = ['To reconnect', 'Reconnected', 'Recovery', 'Wrong number'] as const;

export interface CallListQuery {
  sort?: SortMode;
  /** A recency group, or 'due' (default: everyone due), or 'all' (everyone but Do Not Contact). */
  bucket?: Bucket | 'due' | 'all';
  search?: string;
  offset?: number;
  limit?: number;
}

export interface CallListItem {
  id: string;
  name: string;
  firstName: string;
  company: string;
  email: string;
  phone: string;
  /** yyyy-MM-dd in the spreadsheet's time zone, or null when unknown. */
  lastContact: string | null;
  daysSinceContact: number | null;
  /** Time since last contact in words ("2 years, 3 months"), or "" when unknown. */
  sinceWords: string;
  value: number | null;
  bucket: Bucket;
  cadence: string;
  nextDue: string | null;
  due: boolean;
  status: string;
  /** Client is in Recovery: a problem is open, no asks. */
  recovery: boolean;
  touches: number;
  lastChannel: string;
  notes: string;
  /** 1-based sheet row when the list was read; informational only (rows move). */
  row: number;
}

/** A problem in one cell, reported by row and column; the row is still listed with what is known. */
export interface DataProblem {
  row: number;
  column: string;
  message: string;
}

export interface CallList {
  items: CallListItem[];
  total: number;
  /** Due clients per recency group (the filter chips). */
  counts: Record<Bucket, number>;
  /** ISO instant the list was computed. */
  asOf: string;
  /** Today in the spreadsheet time zone, yyyy-MM-dd. */
  today: string;
  problems: DataProblem[];
  notices: string[];
  /** ISO 4217 code or symbol used to show values, from the sheet's format or settings. */
  currency: string;
  goal: GoalProgress;
}

export interface GoalProgress {
  /** Contacts logged today (calls, voicemails, emails, letters, meetings). */
  done: number;
  /** The daily contact goal (5 by default). */
  target: number;
}

export interface TouchInput {
  clientId: string;
  channel: Channel;
  outcome: Outcome | string;
  notes?: string;
  /** yyyy-MM-dd; today when absent; never in the future. */
  date?: string;
  /** The cadence the client chose ("Quarterly", "Twice a year", "Yearly", or a number of days). */
  cadence?: string;
  status?: string;
}

export interface TouchResult {
  item: CallListItem;
  /** Human summary for the toast: "Logged a call with Ann Lee". */
  message: string;
}

export interface UndoResult {
  clientId: string;
  message: string;
}

export interface Settings {
  clientSheet: string;
  /** Header overrides: field key -> header text in the user's sheet. */
  columnMap: Record<string, string>;
  dailyGoal: number;
  /** Contacted within this many days: skipped by merges. */
  recentDays: number;
  myName: string;
  currency: string;
  /** Month thresholds between the recency groups (default [6, 12, 24, 36]: under 6 months ... 3+ years). */
  recencyMonths: number[];
}

/** Every server function the sidebar may call, with its argument and result types. */
export interface ServerApi extends MergeApi {
  getCallList(query: CallListQuery): CallList;
  logTouch(input: TouchInput): TouchResult;
  undoLastTouch(): UndoResult;
  showClientInSheet(clientId: string): void;
  getSettings(): Settings;
  saveSettings(settings: Partial<Settings>): Settings;
  getSchedule(): ScheduleView;
  saveSchedule(schedule: Schedule): ScheduleView;
}
