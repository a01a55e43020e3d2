// Settings: defaults, reading a stored value leniently, and checking what the user saves field by field (never coercing).
import type { Settings, SettingsProblem } from '../shared/api';
import { ALIASES, STANDARD_HEADER, checkColumnMap, isClientField } from './columns';
import { knownCurrency } from './currencies';
import { DEFAULT_RECENCY_MONTHS, validRecencyMonths } from './recency';
import { describeValue } from './schema';

export const DEFAULT_SETTINGS: Settings = {
  clientSheet: 'Clients',
  columnMap: {},
  dailyGoal: 5,
  recentDays: 14,
  myName: '',
  currency: '',
  recencyMonths: [...DEFAULT_RECENCY_MONTHS],
  referralReminderDays: 14,
  askGapDays: 60,
  referralTarget: 12,
  surveyLink: '',
};

/** The settings' names as the Settings tab shows them. */
export const SETTING_LABELS: Record<keyof Settings, string> = {
  clientSheet: 'Client sheet',
  columnMap: 'Columns',
  dailyGoal: 'Daily contact goal',
  recentDays: 'Recently contacted (days)',
  myName: 'Your name',
  currency: 'Currency',
  recencyMonths: 'Recency groups',
  referralReminderDays: 'Referral reminder after (days)',
  askGapDays: 'Days between referral asks',
  referralTarget: 'Yearly referral target (new clients)',
  surveyLink: 'Survey link',
};

export const DAILY_GOAL_RANGE = { min: 1, max: 500 } as const;
export const RECENT_DAYS_RANGE = { min: 0, max: 365 } as const;
export const REMINDER_DAYS_RANGE = { min: 1, max: 365 } as const;
export const ASK_GAP_RANGE = { min: 7, max: 730 } as const;
export const REFERRAL_TARGET_RANGE = { min: 0, max: 10000 } as const;
/** A sheet name holds at most 100 characters in Google Sheets. */
const MAX_SHEET_NAME = 100;
const MAX_MY_NAME = 100;
const MAX_HEADER = 200;

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

function own(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function fresh(): Settings {
  return { ...DEFAULT_SETTINGS, columnMap: {}, recencyMonths: [...DEFAULT_SETTINGS.recencyMonths] };
}

/**
 * A stored JSON value (possibly old or hand-edited) over the defaults: each setting is taken only if
 * it passes the same checks as a save, else its default stays. Unknown keys (and "__proto__") are
 * never copied; a column override with a bad header text is dropped alone.
 */
export function settingsFromStored(json: string | null): Settings {
  let stored: unknown = null;
  try {
    stored = json ? JSON.parse(json) : null;
  } catch {
    stored = null;
  }
  const out = fresh();
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return out;
  const given = stored as Record<string, unknown>;
  const noSheet: SettingsContext = { sheetNames: null, headers: null };
  for (const key of SETTING_KEYS) {
    if (!own(given, key)) continue;
    let value = given[key];
    if (key === 'columnMap') value = lenientColumnMap(value);
    const { settings, errors } = validateSettings(out, { [key]: value }, noSheet);
    if (!errors.length) setSetting(out, key, settings[key]);
  }
  return out;
}

function setSetting<K extends keyof Settings>(target: Settings, key: K, value: Settings[K]): void {
  target[key] = value;
}

function lenientColumnMap(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const kept: Record<string, string> = {};
  for (const [field, header] of Object.entries(value as Record<string, unknown>)) {
    if (isClientField(field) && typeof header === 'string' && header.length <= MAX_HEADER)
      kept[field] = header;
  }
  return kept;
}

export interface SettingsContext {
  /** Sheet names of the spreadsheet, or null to skip the check. */
  sheetNames: string[] | null;
  /** Header row of the chosen client sheet, or null to skip the header and collision checks. */
  headers: unknown[] | null;
}

/** One line of all problems, for a caller that gets a thrown error. */
export function problemsMessage(problems: readonly SettingsProblem[]): string {
  return `Settings not saved. ${problems.map((p) => p.message).join(' ')}`;
}

/**
 * Applies a partial update over current settings, checking every field's type and range (nothing
 * is coerced: "7", true or [7] are refused, an empty box is "empty", not 0). Returns the new
 * settings and one problem per bad field, keyed by field ("dailyGoal", "columnMap.email").
 */
export function validateSettings(
  current: Settings,
  update: unknown,
  ctx: SettingsContext,
): { settings: Settings; errors: SettingsProblem[] } {
  const next: Settings = {
    ...current,
    columnMap: { ...current.columnMap },
    recencyMonths: [...current.recencyMonths],
  };
  if (!update || typeof update !== 'object' || Array.isArray(update)) {
    const message = `Settings to save should be an object of settings, not ${describeValue(update)}.`;
    return { settings: next, errors: [{ field: '', message }] };
  }
  const u = update as Record<string, unknown>;
  const errors: SettingsProblem[] = [];
  for (const key of Object.keys(u)) {
    if (!(SETTING_KEYS as string[]).includes(key))
      errors.push({
        field: '',
        message: `"${key}" is not a setting (settings: ${SETTING_KEYS.join(', ')}).`,
      });
  }
  const given = (key: keyof Settings) => own(u, key) && u[key] !== undefined;
  // In the form's order, so the thrown message reads top to bottom.
  const readers = {
    clientSheet: (v: unknown) => clientSheet(v, ctx),
    dailyGoal: (v: unknown) => wholeNumber(v, 'dailyGoal', DAILY_GOAL_RANGE),
    recentDays: (v: unknown) => wholeNumber(v, 'recentDays', RECENT_DAYS_RANGE),
    myName,
    currency,
    recencyMonths,
    referralReminderDays: (v: unknown) =>
      wholeNumber(v, 'referralReminderDays', REMINDER_DAYS_RANGE),
    askGapDays: (v: unknown) => wholeNumber(v, 'askGapDays', ASK_GAP_RANGE),
    referralTarget: (v: unknown) => wholeNumber(v, 'referralTarget', REFERRAL_TARGET_RANGE),
    surveyLink,
  };
  for (const key of Object.keys(readers) as (keyof typeof readers)[]) {
    if (!given(key)) continue;
    const result = readers[key](u[key]);
    if (result.ok) setSetting(next, key, result.value as Settings[typeof key]);
    else errors.push({ field: key, message: result.message });
  }
  if (given('columnMap')) {
    const result = columnMap(u.columnMap, ctx);
    errors.push(...result.errors);
    if (!result.errors.length) next.columnMap = result.map;
  } else if (given('clientSheet') && ctx.headers) {
    // A new client sheet: the kept overrides must fit its headers too.
    errors.push(...columnMap(next.columnMap, ctx).errors);
  }
  return { settings: next, errors };
}

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

function wholeNumber(
  value: unknown,
  key: 'dailyGoal' | 'recentDays' | 'referralReminderDays' | 'askGapDays' | 'referralTarget',
  range: { min: number; max: number },
): Read<number> {
  const label = SETTING_LABELS[key];
  const span = `a whole number from ${range.min} to ${range.max}`;
  if (value === null || value === '')
    return { ok: false, message: `${label} is empty: enter ${span}.` };
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < range.min ||
    value > range.max
  )
    return { ok: false, message: `${label} should be ${span}, not ${describeValue(value)}.` };
  return { ok: true, value };
}

function recencyMonths(value: unknown): Read<number[]> {
  if (validRecencyMonths(value)) return { ok: true, value: [...value] };
  const message =
    'Recency groups: four increasing whole numbers of months from 1 to 600, like 6, 12, 24, 36.';
  return { ok: false, message };
}

function clientSheet(value: unknown, ctx: SettingsContext): Read<string> {
  const label = SETTING_LABELS.clientSheet;
  if (typeof value !== 'string')
    return { ok: false, message: `${label} should be a sheet name, not ${describeValue(value)}.` };
  const name = value.trim();
  if (!name) return { ok: false, message: `${label}: choose the sheet that holds your clients.` };
  if (name.length > MAX_SHEET_NAME)
    return {
      ok: false,
      message: `${label}: a sheet name has at most ${MAX_SHEET_NAME} characters.`,
    };
  if (ctx.sheetNames && !ctx.sheetNames.includes(name)) {
    const list = ctx.sheetNames.map((s) => `"${s}"`).join(', ');
    return { ok: false, message: `${label}: there is no sheet named "${name}" (sheets: ${list}).` };
  }
  return { ok: true, value: name };
}

function myName(value: unknown): Read<string> {
  const label = SETTING_LABELS.myName;
  if (typeof value !== 'string')
    return { ok: false, message: `${label} should be text, not ${describeValue(value)}.` };
  const name = value.trim();
  if (name.length > MAX_MY_NAME)
    return {
      ok: false,
      message: `${label}: at most ${MAX_MY_NAME} characters (${name.length} now).`,
    };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    return { ok: false, message: `${label}: one line of text, without line breaks or tabs.` };
  return { ok: true, value: name };
}

function currency(value: unknown): Read<string> {
  const label = SETTING_LABELS.currency;
  const hint =
    'a currency code such as USD, EUR or GBP, a symbol such as $, € or £, or empty to follow the sheet';
  if (typeof value !== 'string')
    return { ok: false, message: `${label} should be ${hint}, not ${describeValue(value)}.` };
  if (!value.trim()) return { ok: true, value: '' };
  const known = knownCurrency(value);
  if (known === null)
    return {
      ok: false,
      message: `${label}: "${value.trim()}" is not a currency Reconnect knows; use ${hint}.`,
    };
  return { ok: true, value: known };
}

function columnMap(
  value: unknown,
  ctx: SettingsContext,
): { map: Record<string, string>; errors: SettingsProblem[] } {
  const errors: SettingsProblem[] = [];
  const map: Record<string, string> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    const message = `Columns should be field -> header text, not ${describeValue(value)}.`;
    return { map, errors: [{ field: 'columnMap', message }] };
  }
  for (const [field, header] of Object.entries(value as Record<string, unknown>)) {
    if (!isClientField(field)) {
      const fields = Object.keys(ALIASES).join(', ');
      errors.push({
        field: 'columnMap',
        message: `Columns: "${field}" is not a client field (fields: ${fields}).`,
      });
      continue;
    }
    const label = STANDARD_HEADER[field];
    if (header === '' || header === null) continue;
    if (typeof header !== 'string' || header.length > MAX_HEADER) {
      const message = `${label} column should be a header of your sheet, not ${describeValue(header)}.`;
      errors.push({ field: `columnMap.${field}`, message });
      continue;
    }
    if (header.trim()) map[field] = header.trim();
  }
  if (ctx.headers) {
    for (const p of checkColumnMap(ctx.headers, map).problems)
      errors.push({ field: `columnMap.${p.field}`, message: p.message });
  }
  return { map, errors };
}

function surveyLink(value: unknown): Read<string> {
  const label = SETTING_LABELS.surveyLink;
  if (typeof value !== 'string')
    return { ok: false, message: `${label} should be a web address, not ${describeValue(value)}.` };
  const link = value.trim();
  if (!link) return { ok: true, value: '' };
  if (link.length > 2000 || !/^https:\/\/[^\s/$.?#][^\s]*$/i.test(link))
    return {
      ok: false,
      message: `${label}: a web address starting with https://, like https://forms.gle/abc123.`,
    };
  return { ok: true, value: link };
}
