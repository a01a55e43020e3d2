// The weekly batches contract between the sidebar's panel and the server: the schedule as saved, and what the panel shows.
import type { MergeMode, TemplateRef } from './mergeApi';

export const SCHEDULE_DAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type ScheduleDay = (typeof SCHEDULE_DAYS)[number];

/** What the user chooses in the Weekly batches panel (JSON-safe; more fields may be added). */
export interface Schedule {
  day: ScheduleDay;
  /** 0-23, in the spreadsheet's time zone. */
  hour: number;
  /** Clients per weekly batch (10 by default; at most what the daily quota allows). */
  size: number;
  /** The reconnect campaign's template. */
  template: TemplateRef;
  /** The template for clients due on their cadence, or null for none. */
  cadenceTemplate: TemplateRef | null;
  mode: MergeMode;
  /** When everyone silent six months or more has been reached: go on with cadence-due clients, or stop. */
  afterCampaign: 'cadence' | 'stop';
  /** A short summary email to the owner after each run that did something. */
  summaryEmail: boolean;
  paused: boolean;
}

/** One client the next batch would reach, or skip with its reason. */
export interface ScheduledClient {
  clientId: string;
  name: string;
  /** The address it would go to ("" when skipped for lack of one). */
  to: string;
  /**
   * 'campaign' (silent six months or more), 'cadence' (due on the cadence they chose), or
   * 'followUp' (a referral reminder, post-sale check-in or survey due; its template in `template`).
   */
  kind: 'campaign' | 'cadence' | 'followUp';
  /** The follow-up's template name ("Referral reminder"); only for kind 'followUp'. */
  template?: string;
  /** Why this client is skipped, in words; absent when the client is in the batch. */
  skip?: string;
}

export interface CampaignProgress {
  /** Neglected clients (silent six months or more when the campaign started) reached since. */
  reached: number;
  /** Still silent six months or more, and contactable. */
  remaining: number;
  /** yyyy-MM-dd of the week the campaign is expected to be done at this pace, or null when done. */
  expectedDone: string | null;
  done: boolean;
}

/** getSchedule(): the saved schedule (or defaults) and what the panel shows. */
export interface ScheduleView extends Schedule, ScheduleViewExtras {
  /** Read from the real trigger: a trigger the user deleted shows as off. */
  active: boolean;
  /** Whether a schedule has ever been saved for this document. */
  saved: boolean;
  /** The user who owns the trigger (their Gmail sends), or "" when none. */
  owner: string;
  /** The caller is the owner (others see the schedule but cannot silently take it over). */
  mine: boolean;
  /** ISO instant of the next run, or null when off. */
  nextRun: string | null;
  nextBatch: ScheduledClient[];
  campaign: CampaignProgress;
  /** The last run, from the Activity sheet, in words; "" when none. */
  lastRun: string;
  /** Problems that need the owner's attention (sheet missing, authorization lapsed, ...). */
  attention: string[];
}

/** Optional fields of getSchedule() the panel uses when the server sends them (more fields are allowed). */
export interface ScheduleViewExtras {
  /** IANA id of the spreadsheet's zone ("America/New_York"): the hour and the next run are shown in it. */
  timeZone?: string;
  /** The largest batch size the server accepts (what the daily quota allows). */
  maxSize?: number;
}

/** Server functions of the weekly batches that the sidebar calls. */
export interface ScheduleApi {
  getSchedule(): ScheduleView;
  saveSchedule(schedule: Schedule): ScheduleView;
}
