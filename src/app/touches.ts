// Logging touches: recordTouches (one read, one write per sheet, under the document lock) for the sidebar, with the row confirmed and an undo record kept per user.
import type { CallListItem, TouchInput, TouchResult } from '../shared/api';
import { RELOAD_HINT } from '../shared/api';
import type { Client } from '../core/clients';
import type { ClientField } from '../core/columns';
import { isSomeoneElse, type IdOwner } from '../core/ids';
import {
  applyTouch,
  changedFields,
  touchMessage,
  touchProblem,
  touchRow,
  type TouchRecord,
  type TouchRow,
} from '../core/touchLog';
import { checkTouchInput } from '../core/touchInput';
import { toItem } from '../core/callList';
import { withDocumentLock } from '../services/lock';
import { noteTogether } from '../services/listCache';
import {
  readClientRows,
  readClientSheet,
  idUpdates,
  writeOwnedCells,
  type CellUpdate,
  type ClientSheet,
} from '../services/clientSheet';
import { currentUserEmail, newTouchId, openTouchAppend } from '../services/touchSheet';
import {
  MAX_KEPT_TEXT,
  encodeUndo,
  storeUndo,
  type SerialCell,
  type UndoRecord,
} from '../services/undoStore';

export type { TouchRecord };
export { undoLastTouch } from './undoTouch';

export interface RecordOptions {
  /** Merge Status texts for clients that get no touch (skipped, errored). */
  mergeStatuses?: { clientId: string; text: string }[];
  /** The sidebar's single touch: refused whole if anything is wrong, and kept for this user's Undo. */
  undoable?: boolean;
  /**
   * A single touch's undo record made (size-checked, as for the sidebar's touch) and returned in
   * `undo` instead of kept in the user's slot: a referral keeps it in its own undo record.
   */
  returnUndo?: boolean;
  /** Time-driven runs pass the spreadsheet opened by ID. */
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

export interface RecordResult {
  /** Each recorded client as it is now, in the order of the entries (once per client). */
  clients: Client[];
  /** The same clients as call-list items. */
  items: CallListItem[];
  /** Entries refused, with the reason in words (unknown client, future date, ...). */
  rejected: { clientId: string; message: string }[];
  notices: string[];
  today: string;
  /** Messages for the toast, one per recorded entry. */
  messages: string[];
  /** The Touch ID of each recorded entry, in order. */
  touchIds: string[];
  /** For an undoable touch: false when its undo record could not be kept. */
  undoKept?: boolean;
  /** With returnUndo: the touch's undo record (JSON), null when it could not be made. */
  undo?: string | null;
}

/** The touches of one batch applied in memory: each client before and after, the log rows. */
interface Batch {
  byId: Map<string, Client>;
  original: Map<string, Client>;
  /** Client IDs in the order first touched (once each). */
  order: string[];
  rejected: RecordResult['rejected'];
  logRows: TouchRow[];
  messages: string[];
}

/**
 * Records touches: reads Clients once, computes each client's owned columns, writes them in one
 * batched write (rows found by Client ID now, not when the list was loaded), appends every log row
 * in one write. Entries that cannot be recorded are returned in `rejected`; the rest are recorded.
 */
export function recordTouches(
  entries: readonly TouchRecord[],
  options: RecordOptions = {},
): RecordResult {
  return withDocumentLock(() => noteTogether(() => record(entries, options)));
}

/** recordTouches inside the lock. */
function record(entries: readonly TouchRecord[], options: RecordOptions): RecordResult {
  const wanted = [
    ...entries.map((e) => e.clientId),
    ...(options.mergeStatuses ?? []).map((m) => m.clientId),
  ];
  const rows = new Map(entries.filter((e) => e.row).map((e) => [e.clientId, e.row!]));
  const cs =
    readClientRows(wanted, { spreadsheet: options.spreadsheet, rows }) ??
    readClientSheet({ spreadsheet: options.spreadsheet });
  const ids = assignIds(cs, entries);
  const batch = applyEntries(cs, entries, currentUserEmail() || cs.settings.myName);
  // The sidebar's touch is all or nothing: refused before the first write.
  if (options.undoable && batch.rejected.length) throw new Error(batch.rejected[0].message);
  applyMergeStatuses(batch, options.mergeStatuses ?? []);
  const { original, byId, order, logRows } = batch;
  // The undo record is made and size-checked before anything is written.
  const undo =
    (options.undoable || options.returnUndo) && logRows.length === 1
      ? encodeUndo(undoRecord(cs, original.get(order[0])!, byId.get(order[0])!, logRows[0]))
      : undefined;
  // Everything read before the first write: a read after a write waits for it (about 230 ms).
  const log = logRows.length ? openTouchAppend(cs.spreadsheet) : null;
  writeOwnedCells(cs, [...ids.updates, ...ownedUpdates(cs, batch)]);
  log?.append(cs.dates, logRows);
  const undoKept =
    options.undoable && undo !== undefined ? storeUndo(cs.spreadsheet.getId(), undo) : undefined;
  const clients = order.map((id) => byId.get(id)!);
  return {
    clients,
    items: clients.map((c) => toItem(c, cs.dates.today, cs.settings.recencyMonths)),
    rejected: batch.rejected,
    notices: ids.notices,
    today: cs.dates.today,
    messages: batch.messages,
    touchIds: logRows.map((r) => r.touchId),
    undoKept,
    ...(options.returnUndo ? { undo: undo ?? null } : {}),
  };
}

/** Each entry checked against its client as it is now, applied in memory, and its log row made. */
function applyEntries(cs: ClientSheet, entries: readonly TouchRecord[], loggedBy: string): Batch {
  const today = cs.dates.today;
  const batch: Batch = {
    byId: new Map(),
    original: new Map(),
    order: [],
    rejected: [],
    logRows: [],
    messages: [],
  };
  for (const c of cs.clients) if (c.id && !batch.byId.has(c.id)) batch.byId.set(c.id, c);
  for (const given of entries) {
    const entry = given.date ? given : { ...given, date: today };
    const current = batch.byId.get(entry.clientId);
    const problem = touchProblem(entry, current, today) ?? rowChanged(entry, current);
    if (problem || !current) {
      batch.rejected.push({ clientId: entry.clientId, message: problem ?? 'Unknown client.' });
      continue;
    }
    remember(batch, current);
    batch.byId.set(current.id, applyTouch(current, entry));
    batch.messages.push(touchMessage(entry, current.name, today));
    batch.logRows.push(touchRow(entry, current.name, loggedBy, newTouchId()));
  }
  return batch;
}

function remember(batch: Batch, client: Client): void {
  if (batch.original.has(client.id)) return;
  batch.original.set(client.id, client);
  batch.order.push(client.id);
}

function applyMergeStatuses(batch: Batch, statuses: readonly { clientId: string; text: string }[]) {
  for (const { clientId, text } of statuses) {
    const current = batch.byId.get(clientId);
    if (!current) {
      batch.rejected.push({
        clientId,
        message: `No client has the ID "${clientId}" in the client sheet.`,
      });
      continue;
    }
    remember(batch, current);
    batch.byId.set(clientId, { ...current, mergeStatus: text });
  }
}

/** The owned cells that changed, sheet-ready. */
function ownedUpdates(cs: ClientSheet, batch: Batch): CellUpdate[] {
  const updates: CellUpdate[] = [];
  for (const id of batch.order) {
    const before = batch.original.get(id)!;
    const after = batch.byId.get(id)!;
    for (const field of changedFields(before, after)) {
      updates.push({ row: before.row, field, value: sheetValue(cs, field, after[field]) });
    }
  }
  return updates;
}

/** Writes only Merge Status texts (clients skipped or errored by a merge), in one batched write. */
export function writeMergeStatuses(statuses: { clientId: string; text: string }[]): RecordResult {
  return recordTouches([], { mergeStatuses: statuses });
}

/** The refusal when the row found by ID now holds someone other than the card showed. */
function rowChanged(entry: TouchRecord, current: Client | undefined): string | null {
  const shown = entry.expect;
  if (!current || !shown || !isSomeoneElse(current, shown)) return null;
  const who = shown.name || shown.email;
  return (
    `Row ${current.row} with the ID ${current.id} now holds ${current.name || current.email || 'another client'}, ` +
    `not ${who}: the sheet changed since the list was loaded. Nothing was logged. ${RELOAD_HINT}`
  );
}

/**
 * Client IDs for rows without one, and for copies sharing an ID: the row matching what the card
 * showed (or the name the log has for that ID) keeps it. Written with the touch, in the same write.
 */
function assignIds(
  cs: ClientSheet,
  entries: readonly TouchRecord[],
): { updates: CellUpdate[]; notices: string[] } {
  if (!cs.needsIds) return { updates: [], notices: [] };
  const owners = new Map<string, IdOwner>();
  for (const e of entries) if (e.expect) owners.set(e.clientId, e.expect);
  return idUpdates(cs, owners);
}

function sheetValue(cs: ClientSheet, field: ClientField, value: unknown): unknown {
  if (field === 'lastContact' || field === 'nextDue')
    return value ? cs.dates.toDate(String(value)) : '';
  return value;
}

const bounded = (text: string): string => text.slice(0, MAX_KEPT_TEXT);

/** What undoing this touch needs: the owned cells before, the fields after, never the notes. */
function undoRecord(cs: ClientSheet, before: Client, after: Client, row: TouchRow): UndoRecord {
  const previous: Record<string, SerialCell> = {};
  const written: UndoRecord['written'] = {};
  const tooLong: string[] = [];
  for (const field of changedFields(before, after)) {
    const cell = serial(cs, before.row, field);
    if (typeof cell.value === 'string' && cell.value.length > MAX_KEPT_TEXT) {
      tooLong.push(field);
      cell.value = '';
    }
    previous[field] = cell;
    const value = after[field];
    written[field] = typeof value === 'string' ? bounded(value) : value;
  }
  return {
    touchId: row.touchId,
    clientId: before.id,
    name: bounded(before.name),
    email: bounded(before.email),
    channel: row.channel,
    date: row.date ?? '',
    previous,
    written,
    ...(tooLong.length ? { tooLong } : {}),
  };
}

function serial(cs: ClientSheet, row: number, field: ClientField): SerialCell {
  const c = cs.columns[field];
  const cell = c === undefined ? '' : cs.values[row - 1]?.[c];
  if (Object.prototype.toString.call(cell) === '[object Date]')
    return { date: (cell as Date).toISOString() };
  if (typeof cell === 'number' || typeof cell === 'boolean' || typeof cell === 'string')
    return { value: cell };
  return { value: '' };
}

/** The sidebar's "Log": one touch, dated today unless a past date is given; checked whole first. */
export function logTouch(input: TouchInput): TouchResult {
  const checked = checkTouchInput(input);
  const result = recordTouches(
    [
      {
        clientId: checked.clientId,
        date: checked.date || '',
        channel: checked.channel,
        outcome: checked.outcome ?? '',
        notes: checked.notes ?? '',
        step: '',
        cadence: checked.cadence,
        nextDue: checked.nextDue || undefined,
        status: checked.status,
        expect: checked.expect,
        row: checked.row,
      },
    ],
    { undoable: true },
  );
  const notices = [...result.notices];
  if (result.undoKept === false) notices.push('Undo is not available for this touch.');
  return {
    item: result.items[0],
    message: [result.messages[0], ...notices].join(' '),
    touchId: result.touchIds[0],
  };
}
