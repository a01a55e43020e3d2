// getSettings, getSettingsChoices, submitSettings and saveSettings: the settings in document properties, checked against the spreadsheet before saving.
import type {
  Settings,
  SettingsChoices,
  SettingsProblem,
  SettingsSaveResult,
  SettingsUpdate,
} from '../shared/api';
import { problemsMessage, validateSettings } from '../core/settings';
import { columnChoices } from '../core/settingsChoices';
import { InputError, object, optional, text } from '../core/schema';
import { loadSettings, storeSettings } from '../services/settings';
import { activeSpreadsheet, headerRow, sheetNames } from '../services/clientSheet';
import { refreshScheduleSettings } from './schedule';

export function getSettings(): Settings {
  return loadSettings();
}

const choicesRequest = object({ clientSheet: optional(text({ max: 100 })) });

/**
 * The Settings tab's choices: the sheet names, the headers of the client sheet (or of the sheet
 * the user is choosing), and for each column what the user chose, what Reconnect finds by itself
 * and what is in use. Two reads: the sheet list and one header row.
 */
export function getSettingsChoices(request: { clientSheet?: string } = {}): SettingsChoices {
  const { clientSheet } = choicesRequest(request ?? {}, 'request');
  const settings = loadSettings();
  const ss = activeSpreadsheet();
  const names = sheetNames(ss);
  const sheet = clientSheet?.trim() || settings.clientSheet;
  const row = names.includes(sheet) ? headerRow(ss, sheet) : [];
  const choices = columnChoices(row, settings.columnMap);
  return { settings, sheetNames: names, sheet, ...choices };
}

/**
 * Saves what the Settings form holds, or answers every problem by field with nothing saved (the
 * sidebar shows each under its field). Reads: the settings, the sheet list, one header row.
 */
export function submitSettings(update: SettingsUpdate): SettingsSaveResult {
  const result = checked(update);
  if (result.problems.length) return { saved: false, problems: result.problems };
  keep(result.settings);
  return { saved: true, settings: result.settings, message: 'Settings saved.' };
}

/** Saves a partial update; nothing is saved when any part is invalid (the message lists every problem). */
export function saveSettings(update: SettingsUpdate): Settings {
  const result = checked(update);
  if (result.problems.length) throw new InputError(problemsMessage(result.problems));
  keep(result.settings);
  return result.settings;
}

/** Stores the settings, and the copy a weekly run without the document reads (when a schedule exists). */
function keep(settings: Settings): void {
  storeSettings(settings);
  refreshScheduleSettings(activeSpreadsheet(), settings);
}

function checked(update: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const current = loadSettings();
  const ss = activeSpreadsheet();
  const names = sheetNames(ss);
  const u = update && typeof update === 'object' ? (update as Record<string, unknown>) : {};
  const named = Object.prototype.hasOwnProperty.call(u, 'clientSheet') ? u.clientSheet : undefined;
  const sheet = typeof named === 'string' ? named.trim() : current.clientSheet;
  const needsHeaders = Object.prototype.hasOwnProperty.call(u, 'columnMap') || named !== undefined;
  const { settings, errors } = validateSettings(current, update, {
    sheetNames: names,
    headers: needsHeaders && names.includes(sheet) ? headerRow(ss, sheet) : null,
  });
  return { settings, problems: errors };
}
