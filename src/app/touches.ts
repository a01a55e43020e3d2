// Logging touches: recordTouches (one read, one write per sheet, under the document lock) for the sidebar and the mail merge, and undo of the last one.
import type { CallListItem, TouchInput, TouchResult, UndoResult } from '../shared/api';
import type { Client } from '../core/clients';
import type { ClientField } from '../core/columns';
import {
  applyTouch,
  changedFields,
  touchMessage,
  touchProblem,
  type TouchRecord,
} from '../core/touchLog';
import { toItem } from '../core/callList';
import { withDocumentLock } from '../services/lock';
import { loadRecord, storeRecord } from '../services/settings';
import {
  readClientRows,
  readClientSheet,
  idUpdates,
  writeOwnedCells,
  asCell,
  type CellUpdate,
  type ClientSheet,
} from '../services/clientSheet';
import {
  appendTouchRows,
  currentUserEmail,
  deleteTouchRow,
  ensureTouchSheet,
  readTouches,
} from '../services/touchSheet';

export type { TouchRecord };

export interface RecordOptions {
  /** Merge Status texts for clients that get no touch (skipped, errored). */
  mergeStatuses?: { clientId: string; text: string }[];
  /** Keep what is needed to undo this (single) touch: the sidebar's logTouch. */
  undoable?: boolean;
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
}

const UNDO_KEY = 'reconnect.undo';

interface SerialCell {
  date?: string;
  value?: string | number | boolean;
}

interface UndoRecord {
  clientId: string;
  name: string;
  channel: string;
  previous: Partial<Record<ClientField, SerialCell>>;
  log: {
    row: number;
    date: string;
    clientId: string;
    channel: string;
    outcome: string;
    notes: string;
  };
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
  return withDocumentLock(() => {
    // Only the touched clients' rows when their IDs are each on one row; else the whole sheet.
    const wanted = [
      ...entries.map((e) => e.clientId),
      ...(options.mergeStatuses ?? []).map((m) => m.clientId),
    ];
    const cs =
      readClientRows(wanted, { spreadsheet: options.spreadsheet }) ??
      readClientSheet({ spreadsheet: options.spreadsheet });
    const ids = idUpdates(cs);
    const today = cs.dates.today;
    const byId = new Map<string, Client>();
    for (const c of cs.clients) if (c.id && !byId.has(c.id)) byId.set(c.id, c);
    const original = new Map<string, Client>();
    const rejected: RecordResult['rejected'] = [];
    const logRows: unknown[][] = [];
    const messages: string[] = [];
    const order: string[] = [];
    const loggedBy = currentUserEmail() || cs.settings.myName;
    for (const given of entries) {
      const entry = given.date ? given : { ...given, date: today };
      const current = byId.get(entry.clientId);
      const problem = touchProblem(entry, current, today);
      if (problem || !current) {
        rejected.push({ clientId: entry.clientId, message: problem ?? 'Unknown client.' });
        continue;
      }
      if (!original.has(current.id)) {
        original.set(current.id, current);
        order.push(current.id);
      }
      byId.set(current.id, applyTouch(current, entry));
      messages.push(touchMessage(entry, current.name, today));
      logRows.push([
        cs.dates.toDate(entry.date),
        current.id,
        asCell(current.name),
        entry.channel,
        asCell(entry.outcome),
        asCell(entry.notes ?? ''),
        asCell(entry.step ?? ''),
        asCell(loggedBy),
      ]);
    }
    for (const { clientId, text } of options.mergeStatuses ?? []) {
      const current = byId.get(clientId);
      if (!current) {
        rejected.push({
          clientId,
          message: `No client has the ID "${clientId}" in the client sheet.`,
        });
        continue;
      }
      if (!original.has(clientId)) {
        original.set(clientId, current);
        order.push(clientId);
      }
      byId.set(clientId, { ...byId.get(clientId)!, mergeStatus: text });
    }
    const updates: CellUpdate[] = [...ids.updates];
    const undoPrevious: UndoRecord['previous'] = {};
    for (const id of order) {
      const before = original.get(id)!;
      const after = byId.get(id)!;
      for (const field of changedFields(before, after)) {
        updates.push({ row: before.row, field, value: sheetValue(cs, field, after[field]) });
        undoPrevious[field] = serial(cs, before.row, field);
      }
    }
    writeOwnedCells(cs, updates);
    if (logRows.length) {
      const touchSheet = ensureTouchSheet(cs.spreadsheet);
      const firstRow = appendTouchRows(touchSheet, logRows);
      if (options.undoable && order.length === 1 && logRows.length === 1) {
        const given = entries.find((e) => e.clientId === order[0])!;
        const entry = { ...given, date: given.date || today };
        const record: UndoRecord = {
          clientId: order[0],
          name: original.get(order[0])!.name,
          channel: entry.channel,
          previous: undoPrevious,
          log: {
            row: firstRow,
            date: entry.date,
            clientId: order[0],
            channel: entry.channel,
            outcome: entry.outcome,
            notes: entry.notes ?? '',
          },
        };
        storeRecord(UNDO_KEY, record);
      }
    }
    const clients = order.map((id) => byId.get(id)!);
    return {
      clients,
      items: clients.map((c) => toItem(c, today, cs.settings.recencyMonths)),
      rejected,
      notices: ids.notices,
      today,
      messages,
    };
  });
}

/** Writes only Merge Status texts (clients skipped or errored by a merge), in one batched write. */
export function writeMergeStatuses(statuses: { clientId: string; text: string }[]): RecordResult {
  return recordTouches([], { mergeStatuses: statuses });
}

function sheetValue(cs: ClientSheet, field: ClientField, value: unknown): unknown {
  if (field === 'lastContact' || field === 'nextDue')
    return value ? cs.dates.toDate(String(value)) : '';
  return value;
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

/** The sidebar's "Log": one touch, dated today unless a past date is given. */
export function logTouch(input: TouchInput): TouchResult {
  if (!input || typeof input.clientId !== 'string' || !input.clientId) {
    throw new Error('Choose a client before logging a touch.');
  }
  const result = recordTouches(
    [
      {
        clientId: input.clientId,
        date: input.date || '',
        channel: input.channel,
        outcome: input.outcome ?? '',
        notes: input.notes ?? '',
        step: '',
        cadence: input.cadence,
        status: input.status,
      },
    ],
    { undoable: true },
  );
  if (result.rejected.length) throw new Error(result.rejected[0].message);
  return { item: result.items[0], message: result.messages[0] };
}

/** Undoes the last touch logged from the sidebar: restores the client's cells and removes the log row. */
export function undoLastTouch(): UndoResult {
  const record = loadRecord<UndoRecord>(UNDO_KEY);
  if (!record) throw new Error('There is no logged touch to undo.');
  return withDocumentLock(() => {
    const cs = readClientRows([record.clientId]) ?? readClientSheet();
    const row = cs.rowOf(record.clientId);
    const notices: string[] = [];
    if (row === null) {
      notices.push(
        `the client ${record.name} is no longer in the sheet, so only the log row was removed`,
      );
    } else {
      const updates: CellUpdate[] = Object.entries(record.previous).map(([field, cell]) => ({
        row,
        field: field as ClientField,
        value: cell?.date !== undefined ? new Date(cell.date) : (cell?.value ?? ''),
      }));
      writeOwnedCells(cs, updates);
    }
    const { sheet, touches } = readTouches(cs.spreadsheet, cs.dates);
    const log = record.log;
    const same = (t: (typeof touches)[number]): boolean =>
      t.clientId === log.clientId &&
      t.date === log.date &&
      t.channel === log.channel &&
      t.notes === log.notes;
    const exact = touches.find((t) => t.row === log.row && same(t));
    const match = exact ?? [...touches].reverse().find(same);
    if (sheet && match) deleteTouchRow(sheet, match.row);
    else notices.push('its row in the Touches sheet was already gone');
    storeRecord(UNDO_KEY, null);
    const what = record.channel === 'email' ? 'email to' : `${record.channel} with`;
    return {
      clientId: record.clientId,
      message: `Undid the ${what} ${record.name}${notices.length ? ` (${notices.join('; ')})` : ''}.`,
    };
  });
}
