// Which column of the user's sheet holds which client field: the standard headers, the aliases real exports use, and recognition with the user's overrides.

import { ALIASES } from './aliases';

export { ALIASES };

/** The fields the add-on reads or writes, keyed the way Settings.columnMap names them. */
export type ClientField =
  | 'id'
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'company'
  | 'email'
  | 'phone'
  | 'lastContact'
  | 'value'
  | 'cadence'
  | 'nextDue'
  | 'status'
  | 'touches'
  | 'lastChannel'
  | 'doNotContact'
  | 'notes'
  | 'mergeStatus'
  | 'purchaseDate';

/** The header each field gets when the add-on creates the column. */
export const STANDARD_HEADER: Record<ClientField, string> = {
  id: 'Client ID',
  name: 'Name',
  firstName: 'First Name',
  lastName: 'Last Name',
  company: 'Company',
  email: 'Email',
  phone: 'Phone',
  lastContact: 'Last Contact',
  value: 'Value',
  cadence: 'Cadence',
  nextDue: 'Next Due',
  status: 'Status',
  touches: 'Touches',
  lastChannel: 'Last Channel',
  doNotContact: 'Do Not Contact',
  notes: 'Notes',
  mergeStatus: 'Merge Status',
  purchaseDate: 'Purchase Date',
};

/** The columns of a new client sheet, in order (Last Name is recognised but not created: Name holds the full name). */
export const STANDARD_FIELDS: readonly ClientField[] = [
  'id',
  'name',
  'firstName',
  'company',
  'email',
  'phone',
  'lastContact',
  'value',
  'cadence',
  'nextDue',
  'status',
  'touches',
  'lastChannel',
  'doNotContact',
  'notes',
  'mergeStatus',
];

export const STANDARD_HEADERS: readonly string[] = STANDARD_FIELDS.map((f) => STANDARD_HEADER[f]);

/**
 * Columns the add-on writes. Setup adds the missing ones at the end of an existing sheet; nothing
 * else in the user's sheet is ever written.
 */
export const OWNED_FIELDS: readonly ClientField[] = [
  'id',
  'lastContact',
  'cadence',
  'nextDue',
  'status',
  'touches',
  'lastChannel',
  'doNotContact',
  'mergeStatus',
];

/** Lower case, letters and digits only: "  E-mail  Address " and "email address" compare equal. */
export function normalizeHeader(header: unknown): string {
  return String(header ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

export type ColumnMap = Partial<Record<ClientField, number>>;

export interface Recognition {
  /** field -> 0-based column index. */
  columns: ColumnMap;
  /** Overrides that were not used (missing header, or a collision), in words. */
  problems: string[];
}

/** One override that cannot be used, for the field it names. */
export interface ColumnMapProblem {
  field: ClientField;
  header: string;
  message: string;
}

const FIELDS = Object.keys(ALIASES) as ClientField[];
const NORMALIZED_ALIASES = new Map<ClientField, string[]>(
  FIELDS.map((f) => [f, ALIASES[f].map(normalizeHeader)]),
);

export function isClientField(key: string): key is ClientField {
  return (FIELDS as string[]).includes(key);
}

export function isOwnedField(field: ClientField): boolean {
  return OWNED_FIELDS.includes(field);
}

/** The user's own data fields (read, never written) whose aliases name this header. */
function dataFieldsNamed(normalized: string): ClientField[] {
  return FIELDS.filter((f) => !isOwnedField(f) && NORMALIZED_ALIASES.get(f)!.includes(normalized));
}

/** Each field's aliases in order, on the columns not taken yet; fills `columns` and `taken`. */
function recognizeByAliases(normalized: string[], columns: ColumnMap, taken: Set<number>): void {
  for (const field of FIELDS) {
    if (columns[field] !== undefined) continue;
    for (const alias of NORMALIZED_ALIASES.get(field)!) {
      const index = normalized.findIndex((h, i) => h === alias && !taken.has(i));
      if (index >= 0) {
        columns[field] = index;
        taken.add(index);
        break;
      }
    }
  }
}

/**
 * Checks the user's overrides (field -> header text) against a header row. An override is refused
 * when its header is missing, when another field is also chosen for that column, or when the
 * header is recognised as another field that has no column of its own chosen; and, for a column
 * the add-on writes, when the header names the user's own data (Name, Email, Notes...): the add-on
 * must never write over it. Returns the accepted overrides and one problem per refused field.
 */
export function checkColumnMap(
  headers: readonly unknown[],
  overrides: Record<string, string>,
): { columns: ColumnMap; problems: ColumnMapProblem[] } {
  const normalized = headers.map(normalizeHeader);
  const automatic: ColumnMap = {};
  recognizeByAliases(normalized, automatic, new Set());
  const autoField = new Map<number, ClientField>();
  for (const f of FIELDS) if (automatic[f] !== undefined) autoField.set(automatic[f]!, f);
  const wanted = new Map<ClientField, { header: string; index: number }>();
  for (const field of FIELDS) {
    if (!Object.prototype.hasOwnProperty.call(overrides, field)) continue;
    const header = overrides[field];
    if (typeof header !== 'string' || !header.trim()) continue;
    wanted.set(field, {
      header: header.trim(),
      index: normalized.indexOf(normalizeHeader(header)),
    });
  }
  const problems: ColumnMapProblem[] = [];
  const valid = new Map<ClientField, number>();
  for (const [field, { header, index }] of wanted) {
    const why = refusal(field, header, index, normalized, wanted);
    if (why) problems.push({ field, header, message: why });
    else valid.set(field, index);
  }
  // A choice on a column recognised as another field stands only if that field has a valid
  // column of its own; refusing one choice can free another, so repeat until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const [field, index] of valid) {
      const auto = autoField.get(index);
      if (auto === undefined || auto === field || valid.has(auto)) continue;
      const { header } = wanted.get(field)!;
      const [label, other] = [STANDARD_HEADER[field], STANDARD_HEADER[auto]];
      problems.push({
        field,
        header,
        message: `${label}: the column "${header}" is already the ${other} column; choose another column for ${other} first.`,
      });
      valid.delete(field);
      changed = true;
    }
  }
  return { columns: Object.fromEntries(valid) as ColumnMap, problems };
}

/** Why one choice cannot stand by itself (missing header, user data under a written column, shared column). */
function refusal(
  field: ClientField,
  header: string,
  index: number,
  normalized: string[],
  wanted: Map<ClientField, { header: string; index: number }>,
): string | null {
  const label = STANDARD_HEADER[field];
  if (index < 0) return `${label}: this sheet has no column "${header}".`;
  if (isOwnedField(field)) {
    const data = dataFieldsNamed(normalized[index]);
    if (data.length) {
      return (
        `${label}: the column "${header}" holds your ${STANDARD_HEADER[data[0]]}, and Reconnect ` +
        `writes ${label}; choose an empty column or leave it to Reconnect.`
      );
    }
  }
  for (const [other, choice] of wanted) {
    if (other !== field && choice.index === index)
      return `${label}: the column "${header}" is also chosen for ${STANDARD_HEADER[other]}; a column holds one field.`;
  }
  return null;
}

/**
 * Recognises the columns: the user's overrides first (those that would collide are ignored, with a
 * problem in words, so a stored map never makes the add-on write over the user's data), then each
 * field's aliases in order. A column is used by one field only.
 */
export function recognizeColumns(
  headers: readonly unknown[],
  overrides: Record<string, string> = {},
): Recognition {
  const normalized = headers.map(normalizeHeader);
  const checked = checkColumnMap(headers, overrides);
  const columns: ColumnMap = { ...checked.columns };
  const taken = new Set(Object.values(columns) as number[]);
  recognizeByAliases(normalized, columns, taken);
  const problems = checked.problems.map(
    (p) => `Settings > Columns: ${p.message} Reconnect ignores this choice until it is changed.`,
  );
  return { columns, problems };
}

/**
 * What recognition would pick for each field if that field's own override were cleared (the other
 * overrides kept): the "automatic" choice the Settings tab shows next to each column dropdown.
 */
export function detectedColumns(
  headers: readonly unknown[],
  overrides: Record<string, string>,
): ColumnMap {
  const detected: ColumnMap = {};
  for (const field of FIELDS) {
    const others = { ...overrides };
    delete others[field];
    const index = recognizeColumns(headers, others).columns[field];
    if (index !== undefined) detected[field] = index;
  }
  return detected;
}

/**
 * What the add-on needs to work: a way to name the client (Name, First/Last Name, or Company) and
 * at least one of Last Contact, Email or Phone (something to rank by or reach them with). Returns
 * the missing needs in words, empty when the sheet is usable.
 */
export function missingNeeds(columns: ColumnMap): string[] {
  const missing: string[] = [];
  const hasName = ['name', 'firstName', 'lastName', 'company'].some(
    (f) => columns[f as ClientField] !== undefined,
  );
  if (!hasName) missing.push('a name column (Name, or First Name and Last Name, or Company)');
  const hasUse = ['lastContact', 'email', 'phone'].some(
    (f) => columns[f as ClientField] !== undefined,
  );
  if (!hasUse) missing.push('at least one of Last Contact, Email or Phone');
  return missing;
}

/** The one clear message for an unusable sheet: what is missing, what was found, how to map it. */
export function missingColumnsMessage(
  sheetName: string,
  headers: readonly unknown[],
  missing: string[],
): string {
  const found = headers.map((h) => String(h ?? '').trim()).filter((h) => h !== '');
  const foundText = found.length ? found.map((h) => `"${h}"`).join(', ') : 'no headers at all';
  return (
    `The sheet "${sheetName}" needs ${missing.join(' and ')} in its first row. ` +
    `Headers found: ${foundText}. Rename a header, or map your own column in Reconnect > Settings > Columns ` +
    `(or run Reconnect > Set up client sheet to add the standard columns).`
  );
}
