// What the Settings tab offers for the columns: every field with the header chosen, the one found automatically, and the one in use.
import type { ColumnChoice } from '../shared/api';
import {
  OWNED_FIELDS,
  STANDARD_HEADER,
  detectedColumns,
  recognizeColumns,
  type ClientField,
} from './columns';

/** The user's own data first (read only), then the columns Reconnect writes. */
const ORDER: readonly ClientField[] = [
  'name',
  'firstName',
  'lastName',
  'company',
  'email',
  'phone',
  'value',
  'notes',
  'purchaseDate',
  ...OWNED_FIELDS,
];

/** Each field's choice on this header row; `notices` name the saved choices that cannot be used. */
export function columnChoices(
  headerRow: readonly unknown[],
  overrides: Record<string, string>,
): { headers: string[]; columns: ColumnChoice[]; notices: string[] } {
  const headers = headerRow.map((h) => String(h ?? '').trim());
  const inUse = recognizeColumns(headers, overrides);
  const detected = detectedColumns(headers, overrides);
  const at = (index: number | undefined) => (index === undefined ? '' : headers[index]);
  const columns = ORDER.map((field) => ({
    field,
    label: STANDARD_HEADER[field],
    owned: OWNED_FIELDS.includes(field),
    chosen: Object.prototype.hasOwnProperty.call(overrides, field) ? overrides[field] : '',
    detected: at(detected[field]),
    inUse: at(inUse.columns[field]),
  }));
  return { headers: headers.filter((h) => h !== ''), columns, notices: inUse.problems };
}
