// The weekly batches' time-driven trigger: one per user per document, daily at the chosen hour in the spreadsheet's zone; the user's map from trigger to spreadsheet; authorization.

import type { Settings } from '../shared/api';
import { settingsFromStored } from '../core/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
/** Where services/settings.ts keeps them (read here without its throw when there is no document). */
const SETTINGS_KEY = 'reconnect.settings';

export const BATCH_HANDLER = 'runScheduledBatch';
/** User properties: which spreadsheet a trigger of this user belongs to (a timed run has no active one). */
const ID_PREFIX = 'reconnect.weekly.trigger.';

/** This user's weekly-batch triggers for this document (Apps Script lets an add-on see only its user's). */
export function batchTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === BATCH_HANDLER);
}

/**
 * Replaces this user's trigger for the document by one firing daily at `hour` in `timeZone` (the
 * spreadsheet's): a daily run sends the batch on its day and carries leftovers over on the others,
 * within the add-on rule of one time-driven trigger per user per document. Returns its ID.
 */
export function replaceDailyTrigger(ss: Spreadsheet, hour: number, timeZone: string): string {
  removeBatchTriggers(ss);
  const trigger = ScriptApp.newTrigger(BATCH_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(hour)
    .inTimezone(timeZone)
    .create();
  const id = trigger.getUniqueId();
  PropertiesService.getUserProperties().setProperty(ID_PREFIX + id, ss.getId());
  return id;
}

/** Deletes this user's weekly triggers for the document, and their entries in the ID map. */
export function removeBatchTriggers(ss: Spreadsheet): void {
  const props = PropertiesService.getUserProperties();
  for (const t of batchTriggers(ss)) {
    props.deleteProperty(ID_PREFIX + t.getUniqueId());
    ScriptApp.deleteTrigger(t);
  }
}

/** From inside a timed run: deletes the trigger that fired (its spreadsheet is gone or not ours). */
export function removeTriggerById(id: string): void {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getUniqueId() === id) ScriptApp.deleteTrigger(t);
  }
  PropertiesService.getUserProperties().deleteProperty(ID_PREFIX + id);
}

/** The spreadsheet a trigger of this user was created for, or null. */
export function spreadsheetIdFor(triggerId: string): string | null {
  if (!triggerId) return null;
  return PropertiesService.getUserProperties().getProperty(ID_PREFIX + triggerId);
}

/**
 * Whether the user must authorize the add-on again (an update added a scope, or they revoked
 * access): installable triggers keep firing meanwhile, so a run checks first. The URL is where
 * they grant it.
 */
export function authorizationNeeded(): { required: boolean; url: string | null } {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  const required = info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
  return { required, url: required ? info.getAuthorizationUrl() : null };
}

export function openSpreadsheet(id: string): Spreadsheet {
  return SpreadsheetApp.openById(id);
}

/** The hour of the day now in a time zone (0-23). */
export function hourNow(timeZone: string, at: Date): number {
  return Number(Utilities.formatDate(at, timeZone, 'H'));
}

/** The instant a calendar day's hour starts in a time zone, as an ISO string. */
export function instantOf(day: string, hour: number, timeZone: string): string {
  const hh = String(hour).padStart(2, '0');
  return Utilities.parseDate(`${day} ${hh}:00`, timeZone, 'yyyy-MM-dd HH:mm').toISOString();
}

/** True at most once a day per key (user properties): a lapsed authorization is not emailed hourly. */
export function markOnce(key: string, at: Date): boolean {
  const props = PropertiesService.getUserProperties();
  const name = `reconnect.weekly.once.${key}`;
  const day = at.toISOString().slice(0, 10);
  if (props.getProperty(name) === day) return false;
  props.setProperty(name, day);
  return true;
}

/** The settings in document properties, or null when this run has no document context. */
export function documentSettings(): Settings | null {
  const props = PropertiesService.getDocumentProperties();
  return props ? settingsFromStored(props.getProperty(SETTINGS_KEY)) : null;
}
