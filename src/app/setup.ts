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
} from '../services/clientSheet';
import {
  addDueHighlight,
  formatColumns,
  freezeHeader,
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
  writeOwnedCells(cs, [...headerUpdates, ...ids.updates]);
  if (added.length)
    done.push(`added the columns ${added.map((f) => STANDARD_HEADER[f]).join(', ')} at the end`);
  done.push(...ids.notices.map(lowerFirst));

  const formatted: ClientField[] = isNew ? [...STANDARD_FIELDS] : added;
  if (formatted.length) formatColumns(sheet, cs.columns, formatted, settings.currency);
  if (freezeHeader(sheet)) done.push('froze the header row');
  if (addDueHighlight(sheet, cs.columns, cs.headers.length))
    done.push('highlighted the rows that are due');
  if (!hasSheet(ss, TOUCH_SHEET)) {
    ensureTouchSheet(ss);
    done.push('created the Touches sheet (the log of every call, email and meeting)');
  }
  if (!done.length)
    return `The sheet "${settings.clientSheet}" is already set up: nothing to change.`;
  return `Set up "${settings.clientSheet}": ${done.join('; ')}.`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
}
