// getSettings and saveSettings: the settings in document properties, validated against the spreadsheet before saving.
import type { Settings } from '../shared/api';
import { validateSettings } from '../core/settings';
import { loadSettings, storeSettings } from '../services/settings';
import { activeSpreadsheet, headerRow, sheetNames } from '../services/clientSheet';
import { refreshScheduleSettings } from './schedule';

export function getSettings(): Settings {
  return loadSettings();
}

/** Saves a partial update; nothing is saved when any part is invalid (the message lists every problem). */
export function saveSettings(update: Partial<Settings>): Settings {
  if (!update || typeof update !== 'object') throw new Error('Nothing to save.');
  const current = loadSettings();
  const ss = activeSpreadsheet();
  const sheetName =
    typeof update.clientSheet === 'string' ? update.clientSheet.trim() : current.clientSheet;
  const { settings, errors } = validateSettings(current, update, {
    sheetNames: sheetNames(ss),
    headers: 'columnMap' in update ? headerRow(ss, sheetName) : null,
  });
  if (errors.length) throw new Error(errors.join(' '));
  storeSettings(settings);
  refreshScheduleSettings(ss, settings);
  return settings;
}
