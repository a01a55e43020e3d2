// Settings: defaults, reading a stored value leniently, and validating what the user saves with clear messages.
import type { Settings } from '../shared/api';
import { ALIASES, STANDARD_HEADER, isClientField, normalizeHeader } from './columns';
import { DEFAULT_RECENCY_MONTHS, validRecencyMonths } from './recency';

export const DEFAULT_SETTINGS: Settings = {
  clientSheet: 'Clients',
  columnMap: {},
  dailyGoal: 5,
  recentDays: 14,
  myName: '',
  currency: '',
  recencyMonths: [...DEFAULT_RECENCY_MONTHS],
};

/** A stored JSON value (possibly old or hand-edited) merged over the defaults; bad parts fall back. */
export function settingsFromStored(json: string | null): Settings {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = json ? JSON.parse(json) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const merged: Settings = {
    ...DEFAULT_SETTINGS,
    columnMap: {},
    recencyMonths: [...DEFAULT_SETTINGS.recencyMonths],
  };
  const { errors, settings } = validateSettings(merged, stored, {
    sheetNames: null,
    headers: null,
  });
  return errors.length ? keepValidParts(merged, stored) : settings;
}

function keepValidParts(base: Settings, stored: Record<string, unknown>): Settings {
  const out: Settings = { ...base };
  for (const key of Object.keys(stored)) {
    const { errors, settings } = validateSettings(
      base,
      { [key]: stored[key] },
      { sheetNames: null, headers: null },
    );
    if (!errors.length)
      Object.assign(out, { [key]: (settings as unknown as Record<string, unknown>)[key] });
  }
  return out;
}

export interface SettingsContext {
  /** Sheet names of the spreadsheet, or null to skip the check. */
  sheetNames: string[] | null;
  /** Header row of the chosen client sheet, or null to skip the check. */
  headers: unknown[] | null;
}

/** Applies a partial update over current settings; returns every problem in words. */
export function validateSettings(
  current: Settings,
  update: Partial<Settings> | Record<string, unknown>,
  ctx: SettingsContext,
): { settings: Settings; errors: string[] } {
  const errors: string[] = [];
  const next: Settings = {
    ...current,
    columnMap: { ...current.columnMap },
    recencyMonths: [...current.recencyMonths],
  };
  const u = update as Record<string, unknown>;
  for (const key of Object.keys(u)) {
    if (!(key in DEFAULT_SETTINGS)) errors.push(`"${key}" is not a setting.`);
  }
  if ('clientSheet' in u) {
    const name = typeof u.clientSheet === 'string' ? u.clientSheet.trim() : '';
    if (!name) errors.push('Client sheet: give the name of the sheet that holds your clients.');
    else if (ctx.sheetNames && !ctx.sheetNames.includes(name)) {
      errors.push(
        `Client sheet: there is no sheet named "${name}" (sheets: ${ctx.sheetNames.join(', ')}).`,
      );
    } else next.clientSheet = name;
  }
  if ('dailyGoal' in u) {
    const n = Number(u.dailyGoal);
    if (!Number.isInteger(n) || n < 1 || n > 200)
      errors.push('Daily goal: a whole number from 1 to 200.');
    else next.dailyGoal = n;
  }
  if ('recentDays' in u) {
    const n = Number(u.recentDays);
    if (!Number.isInteger(n) || n < 0 || n > 365)
      errors.push('Recently contacted: a whole number of days from 0 to 365.');
    else next.recentDays = n;
  }
  if ('myName' in u) {
    if (typeof u.myName !== 'string' || u.myName.length > 100)
      errors.push('Your name: text of at most 100 characters.');
    else next.myName = u.myName.trim();
  }
  if ('currency' in u) {
    const c = typeof u.currency === 'string' ? u.currency.trim() : null;
    if (c === null || (c !== '' && !/^([A-Za-z]{3}|[^\sA-Za-z0-9]{1,3})$/.test(c))) {
      errors.push(
        'Currency: a 3-letter code (USD, EUR) or a symbol ($, €), or empty to follow the sheet.',
      );
    } else next.currency = /^[A-Za-z]{3}$/.test(c) ? c.toUpperCase() : c;
  }
  if ('recencyMonths' in u) {
    if (!validRecencyMonths(u.recencyMonths)) {
      errors.push('Recency groups: four increasing whole numbers of months, like 6, 12, 24, 36.');
    } else next.recencyMonths = [...u.recencyMonths];
  }
  if ('columnMap' in u) {
    const map = u.columnMap;
    if (!map || typeof map !== 'object' || Array.isArray(map)) {
      errors.push('Columns: a list of field -> header text.');
    } else {
      const cleaned: Record<string, string> = {};
      const normalizedHeaders = ctx.headers?.map(normalizeHeader) ?? null;
      for (const [field, header] of Object.entries(map as Record<string, unknown>)) {
        if (!isClientField(field)) {
          errors.push(
            `Columns: "${field}" is not a client field (fields: ${Object.keys(ALIASES).join(', ')}).`,
          );
          continue;
        }
        if (header === '' || header === null || header === undefined) continue;
        if (typeof header !== 'string') {
          errors.push(`Columns: ${STANDARD_HEADER[field]} must name a header.`);
          continue;
        }
        if (normalizedHeaders && !normalizedHeaders.includes(normalizeHeader(header))) {
          errors.push(
            `Columns: ${STANDARD_HEADER[field]} is mapped to "${header}", which is not a header of the client sheet.`,
          );
          continue;
        }
        cleaned[field] = header.trim();
      }
      next.columnMap = cleaned;
    }
  }
  return { settings: next, errors };
}
