// setupClientSheet: creates the Clients sheet with the standard columns, or adds only the missing owned columns to the user's sheet, plus IDs, formats, dropdowns and the due highlight.
import {
  OWNED_FIELDS,
  STANDARD_FIELDS,
  STANDARD_HEADER,
  STANDARD_HEADERS,
  type ClientField,
} from '../core/columns';
import { loadSettings } from '../services/settings';
import { withDocumentLock } from '../services/lock';
import {
  activeSpreadsheet,
  idUpdates,
  readClientSheet,
  writeOwnedCells,
  type CellUpdate,
  type ClientSheet,
} from '../services/clientSheet';
import { nextDueFor, parseCadence } from '../core/cadence';
import {
  addDueHighlight,
  formatColumns,
  freezeHeader,
  hasDateFormat,
  hasSheet,
  isEmptySheet,
  sheetNamed,
  writeStandardHeader,
} from '../services/clientSheetFormat';
import { ensureTouchSheet } from '../services/touchSheet';
import { TOUCH_SHEET } from '../core/touchLog';
import { showMessage } from '../services/ui';

/** The menu action. Idempotent: a second run changes nothing and says so. */
export function setupClientSheet(): string {
  const message = withDocumentLock(setUp);
  showMessage('Reconnect', message);
  return message;
}

function setUp(): string {
  const settings = loadSettings();
  const ss = activeSpreadsheet();
  const done: string[] = [];
  const { sheet, created } = sheetNamed(ss, settings.clientSheet);
  if (created) done.push(`created the sheet "${settings.clientSheet}"`);
  const isNew = isEmptySheet(sheet);
  if (isNew) {
    writeStandardHeader(sheet);
    done.push(`added the standard columns (${STANDARD_HEADERS.join(', ')})`);
  }
  const cs = readClientSheet({ settings, spreadsheet: ss, allowMissing: true });
  const added = OWNED_FIELDS.filter((f) => cs.columns[f] === undefined);
  const headerUpdates: CellUpdate[] = added.map((field) => ({
    row: 1,
    field,
    value: STANDARD_HEADER[field],
  }));
  const ids = idUpdates(cs);
  const due = nextDueUpdates(cs);
  writeOwnedCells(cs, [...headerUpdates, ...ids.updates, ...due]);
  if (added.length)
    done.push(`added the columns ${added.map((f) => STANDARD_HEADER[f]).join(', ')} at the end`);
  done.push(...ids.notices.map(lowerFirst));
  if (due.length)
    done.push(
      `filled Next Due for ${due.length} ${due.length === 1 ? 'client' : 'clients'} with a cadence`,
    );

  const formatted: ClientField[] = isNew ? [...STANDARD_FIELDS] : added;
  // A Next Due column without a date format would show dates as date-times.
  if (!formatted.includes('nextDue') && !hasDateFormat(sheet, cs.columns))
    formatted.push('nextDue');
  if (formatted.length) formatColumns(sheet, cs.columns, formatted, settings.currency);
  if (freezeHeader(sheet)) done.push('froze the header row');
  if (addDueHighlight(sheet, cs.columns, cs.headers.length))
    done.push('highlighted the rows that are due');
  if (!hasSheet(ss, TOUCH_SHEET)) {
    ensureTouchSheet(ss);
    done.push('created the Touches sheet (the log of every call, voicemail, email and letter)');
  }
  if (!done.length)
    return `The sheet "${settings.clientSheet}" is already set up: nothing to change.`;
  return `Set up "${settings.clientSheet}": ${done.join('; ')}.`;
}

/** Next Due for every client with a cadence and a last contact whose Next Due is blank. */
function nextDueUpdates(cs: ClientSheet): CellUpdate[] {
  const updates: CellUpdate[] = [];
  for (const c of cs.clients) {
    if (c.nextDue !== null || !c.lastContact || !c.cadence) continue;
    const span = parseCadence(c.cadence);
    const due = span ? nextDueFor(c.lastContact, span) : null;
    if (due) updates.push({ row: c.row, field: 'nextDue', value: cs.dates.toDate(due) });
  }
  return updates;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
}
