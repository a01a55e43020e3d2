// The contract between the sidebar and the server: JSON-safe payloads (ISO date strings, no Date, no undefined) and the server functions' types, derived from src/index.ts.

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
export const SORT_MODES: readonly SortMode[] = ['priority', 'days', 'value'];

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
  /**
   * After startCallList said to read the sheet in slices and every warmCallList call is done: how
   * many, so that the slices are put together (the sheet is read whole when they cannot be).
   */
  slices?: number;
}

/** startCallList's answer: the list, or the slices to read side by side first (a large sheet). */
export type CallListStart =
  | { list: CallList }
  | {
      /** Call warmCallList({ slice, slices }) for each slice 0..slices-1 at once, then getCallList. */
      slices: number;
      /** Rows of the client sheet below the header, for the progress line. */
      rows: number;
    };

export interface WarmSlice {
  slice: number;
  /** Rows of the sheet this slice read (0 when the index was already whole in the cache). */
  rows: number;
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
  /** Due for a promised referral or a post-sale step (issue 13): why, and the template. */
  followUp?: FollowUpDue;
  /** Whether to suggest a referral ask on this touch (issue 13). */
  referralAsk?: ReferralAskAdvice;
  /** The last touch in the recent log, and the tries since the last conversation; null when none. */
  lastTry?: LastTry | null;
  /** This row's data problems in words ("Email is invalid: ..."), shown on the card. */
  problems?: string[];
  /** An unanswered reply found in Gmail: the card says "Replied: call them back" and shows it. */
  reply?: { date: string; text: string; mayOptOut: boolean };
}

/** A client's last logged touch: when, what came of it, and attempts since you last spoke. */
export interface LastTry {
  date: string;
  outcome: string;
  /** No answers, voicemails and wrong numbers since the last conversation. */
  attempts: number;
}

/** One touch on a card's history. */
export interface HistoryTouch {
  /** yyyy-MM-dd in the spreadsheet's time zone. */
  date: string;
  channel: string;
  outcome: string;
  /** The touch's notes, or the template of an email or letter. */
  notes: string;
}

/** A client's recent history from the Touches log (getClientHistory). */
export interface ClientHistory {
  clientId: string;
  /** The last few touches, newest first. */
  touches: HistoryTouch[];
  /** No answers, voicemails and wrong numbers since the last conversation. */
  attempts: number;
  /** The outcome of the latest touch, "" when none. */
  lastOutcome: string;
  /** yyyy-MM-dd of the last conversation (reached, a meeting), null when none is logged. */
  lastConversation: string | null;
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
  /** A search that lists no one: the Do Not Contact clients it matches (never listed), by name. */
  doNotContactMatches?: string[];
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
  /** yyyy-MM-dd, today or later: when the client is due again ("Call back on...", "Snooze a week"). */
  nextDue?: string;
  status?: string;
  /** What the card showed: the row found by ID must still hold this client, or nothing is logged. */
  expect?: { name?: string; email?: string };
  /** The sheet row the list gave: read first (one row), and confirmed by the Client ID in it. */
  row?: number;
}

/** The longest notes a touch may carry: what a Sheets cell holds. */
export const MAX_NOTES = 50000;

/** Ends a refusal after which the sidebar reloads its list (the sheet changed under the card). */
export const RELOAD_HINT = 'The list was reloaded.';

export interface TouchResult {
  item: CallListItem;
  /** Human summary for the toast: "Logged a call with Ann Lee". */
  message: string;
  /** The new row's Touch ID in the Touches log. */
  touchId?: string;
}

export interface UndoResult {
  clientId: string;
  message: string;
  /** The Touch ID of the touch undone. */
  touchId?: string;
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
  /** A referral promise still Promised after this many days makes the client due (14). */
  referralReminderDays: number;
  /** No referral ask suggested within this many days of the last one (60). */
  askGapDays: number;
  /** New clients from referrals wanted this year (split into monthly targets); 0 for none. */
  referralTarget: number;
  /** The survey link put into the post-purchase survey email ("" for none). */
  surveyLink: string;
}

/**
 * What the Settings form saves: any of the settings. A number box left empty is sent as null, and
 * answered "is empty" under its field (never saved as 0).
 */
export type SettingsUpdate = Partial<
  Omit<
    Settings,
    'dailyGoal' | 'recentDays' | 'referralReminderDays' | 'askGapDays' | 'referralTarget'
  >
> & {
  dailyGoal?: number | null;
  recentDays?: number | null;
  referralReminderDays?: number | null;
  askGapDays?: number | null;
  referralTarget?: number | null;
};

/** One problem with a setting, for the field it belongs to. */
export interface SettingsProblem {
  /** "dailyGoal", "columnMap.email", ...; "" for the form as a whole. */
  field: string;
  message: string;
}

/** The Settings form's save: the saved settings, or every problem by field (nothing saved). */
export type SettingsSaveResult =
  | { saved: true; settings: Settings; message: string }
  | { saved: false; problems: SettingsProblem[] };

/** One column the user may point at a header of their sheet. */
export interface ColumnChoice {
  /** The key in Settings.columnMap ("email", "lastContact", ...). */
  field: string;
  label: string;
  /** Reconnect writes this column: it can never be one that holds the user's own data. */
  owned: boolean;
  /** The header the user chose, "" to let Reconnect find it. */
  chosen: string;
  /** The header Reconnect finds by itself (without the user's choice), "" when none. */
  detected: string;
  /** The header in use now, "" when none. */
  inUse: string;
}

/** What the Settings tab offers: the sheets, the client sheet's headers, and each column's choice. */
export interface SettingsChoices {
  settings: Settings;
  sheetNames: string[];
  /** The sheet whose headers are offered (the one asked for, else the saved client sheet). */
  sheet: string;
  /** Its header row (blank headers left out); [] when the sheet is missing or empty. */
  headers: string[];
  columns: ColumnChoice[];
  /** Saved column choices that cannot be used on this sheet, in words. */
  notices: string[];
}

type Globals = typeof import('../index');

/**
 * Every server function the sidebar may call: the exports of src/index.ts with their own argument
 * and result types (the gas-client idea), so a new global is one edit and a misspelt name or a
 * wrong argument fails to compile. The import is a type only: nothing of the server is bundled.
 */
export type ServerApi = {
  [K in keyof Globals as Globals[K] extends (...args: never[]) => unknown ? K : never]: Globals[K];
};

/** What happened with a referral: recordReferral's kinds ('asked' records an ask that got no promise yet). */
export const REFERRAL_KINDS = [
  'asked',
  'promised',
  'received',
  'contacted',
  'won',
  'lost',
] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

/** The Referrals sheet's Status column. */
export const REFERRAL_STATUSES = [
  'Asked',
  'Promised',
  'Received',
  'Contacted',
  'Won',
  'Lost',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export interface ReferralContact {
  name: string;
  email?: string;
  phone?: string;
}

/** recordReferral's argument (JSON-safe). */
export interface ReferralInput {
  /** The referrer's Client ID. */
  clientId: string;
  kind: ReferralKind;
  /** The referral to update (contacted, won, lost). */
  referralId?: string;
  /** How many contacts were promised (promised; 1 when left out). */
  count?: number;
  incentive?: string;
  /** By when the contacts were promised, yyyy-MM-dd (promised). */
  due?: string;
  /** The referred person (received). */
  contact?: ReferralContact;
  /** Value of the won business (won). */
  value?: number;
  notes?: string;
  /** The conversation it happened in (asked, promised, received): logged as a touch; 'call' when left out. */
  channel?: Channel;
  /** received: also add the referred person to the client sheet, with the referrer in Notes. */
  addClient?: boolean;
}

/** One referral as the Referrals sheet holds it. */
export interface Referral {
  referralId: string;
  /** yyyy-MM-dd the referral was recorded. */
  date: string | null;
  clientId: string;
  referrer: string;
  contact: { name: string; email: string; phone: string };
  count: number | null;
  incentive: string;
  due: string | null;
  status: string;
  /** yyyy-MM-dd of the last status change. */
  statusDate: string | null;
  value: number | null;
  newClientId: string;
  notes: string;
}

export interface ReferralResult {
  referral: Referral;
  /** For the toast: "Recorded 2 promised referrals from Ann Lee." */
  message: string;
  /** The Touch ID when the referral was also logged as a touch. */
  touchId?: string;
  /** The Client ID given to the referred person when added to the client sheet. */
  newClientId?: string;
  /** True when undoReferral can take this back (its undo record was kept for this user). */
  undoable?: boolean;
}

export interface UndoReferralResult {
  referralId: string;
  /** For the status line: "Undid the referral ask to Ann Lee." */
  message: string;
}

/** Why a client is due beyond their cadence (issue 13): a promised referral, or a post-sale step. */
export type FollowUpKind = 'referralReminder' | 'checkIn' | 'survey';

export interface FollowUpDue {
  kind: FollowUpKind;
  /** In the user's words: "Remind about referrals", "Post-sale check-in", "Post-sale survey". */
  reason: string;
  /** The template to send or draft (a built-in template's name). */
  template: string;
  /** yyyy-MM-dd the follow-up came due. */
  dueOn: string;
}

/** Whether the call script and the follow-up email suggest a referral ask today, and why (or why not). */
export interface ReferralAskAdvice {
  suggest: boolean;
  why: string;
}

/** What the call list adds to an item for referrals (optional fields of CallListItem). */
export interface ReferralItemFields {
  followUp?: FollowUpDue;
  referralAsk?: ReferralAskAdvice;
}

/** One month of referral work against its target (getReferralSummary). */
export interface ReferralMonth {
  /** yyyy-MM. */
  month: string;
  /** Contacts logged (calls, voicemails, emails, letters, meetings). */
  touches: number;
  asks: number;
  /** Promises made (each "Promised referrals"). */
  commitments: number;
  received: number;
  won: number;
  /** New clients from referrals wanted this month. */
  target: number;
  /** Referrals needed this month to reach the target. */
  needed: number;
  met: boolean;
}

export interface ReferralSummary {
  today: string;
  yearlyTarget: number;
  /** This month. */
  month: ReferralMonth;
  /** The last 12 months, oldest first, this month last. */
  months: ReferralMonth[];
  /** How "needed" is worked out: target x 1.5 until five referrals are resolved, then the measured rate. */
  basis: {
    kind: 'planned' | 'measured';
    resolved: number;
    won: number;
    rate: number | null;
    words: string;
  };
  /** Promises still open (Promised), and how many of them are due a reminder. */
  openPromises: number;
  /** A warm note when this month's target is met; "" otherwise. */
  note: string;
}
