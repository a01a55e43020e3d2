// Settings in document properties: one JSON value per spreadsheet, read leniently, written whole.
import type { Settings } from '../shared/api';
import { settingsFromStored } from '../core/settings';

const KEY = 'reconnect.settings';

function store(): GoogleAppsScript.Properties.Properties {
  const props = PropertiesService.getDocumentProperties();
  if (!props) throw new Error('Reconnect works inside a spreadsheet: open it from a Google Sheet.');
  return props;
}

export function loadSettings(): Settings {
  return settingsFromStored(store().getProperty(KEY));
}

export function storeSettings(settings: Settings): void {
  store().setProperty(KEY, JSON.stringify(settings));
}

/** A small JSON record in document properties (the undo record, ...); null when absent or unreadable. */
export function loadRecord<T>(key: string): T | null {
  const json = store().getProperty(key);
  if (!json) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

export function storeRecord(key: string, value: unknown): void {
  if (value === null) store().deleteProperty(key);
  else store().setProperty(key, JSON.stringify(value));
}
