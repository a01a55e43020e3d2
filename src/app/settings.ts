// getSettings and saveSettings: the settings in document properties, validated against the spreadsheet before saving.
import type { Settings } from '../shared/api';
import { validateSettings } from '../core/settings';
import { loadSettings, storeSettings } from '../services/settings';
import { activeSpreadsheet } from '../services/clientSheet';

export function getSettings(): Settings {
  return loadSettings();
}

/** Saves a partial update; nothing is saved when any part is invalid (the message lists every problem). */
export function saveSettings(update: Partial<Settings>): Settings {
  if (!update || typeof update !== 'object') throw new Error('Nothing to save.');
  const current = loadSettings();
  const ss = activeSpreadsheet();
  const sheetNames = ss.getSheets().map((s) => s.getName());
  const sheetName =
    typeof update.clientSheet === 'string' ? update.clientSheet.trim() : current.clientSheet;
  let headers: unknown[] | null = null;
  if ('columnMap' in update) {
    const sheet = ss.getSheetByName(sheetName);
    const width = sheet ? sheet.getLastColumn() : 0;
    headers =
      sheet && width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]) : [];
  }
  const { settings, errors } = validateSettings(current, update, { sheetNames, headers });
  if (errors.length) throw new Error(errors.join(' '));
  storeSettings(settings);
  return settings;
}
