// Undo of the caller's own last touch, under the lock: refused when anything touched that client since, else the cells put back and the log row (found by Touch ID) removed.
import type { UndoResult } from '../shared/api';
import type { Client } from '../core/clients';
import { STANDARD_HEADER, type ClientField } from '../core/columns';
import { ownerScore } from '../core/ids';
import { object, optional, text, checkInput } from '../core/schema';
import { withDocumentLock } from '../services/lock';
import { noteTogether } from '../services/listCache';
import {
  activeSpreadsheet,
  readClientRows,
  readClientSheet,
  writeOwnedCells,
  type CellUpdate,
} from '../services/clientSheet';
import {
  currentUserEmail,
  deleteTouchRow,
  readTouchLog,
  type LoggedTouch,
} from '../services/touchSheet';
import { clearUndo, loadUndo, type UndoRecord } from '../services/undoStore';

const undoInput = optional(object({ touchId: optional(text({ max: 100 })) }));

const WITH: Record<string, string> = {
  call: 'call with',
  voicemail: 'voicemail for',
  email: 'email to',
  letter: 'letter to',
  meeting: 'meeting with',
  note: 'note on',
};

/** "an email was sent to Ann Lee", "a call with Ann Lee was logged by bob@example.com". */
function since(t: LoggedTouch, name: string, me: string): string {
  const by = t.loggedBy && t.loggedBy !== me ? ` by ${t.loggedBy}` : '';
  if (t.channel === 'email') return `an email was sent to ${name}${by}`;
  const what = WITH[t.channel] ?? `${t.channel} with`;
  return `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} ${name} was logged${by}`;
}

/** The client's row: the one with the ID, and among copies the one that matches the record. */
function clientOf(clients: readonly Client[], record: UndoRecord): Client | undefined {
  const rows = clients.filter((c) => c.id === record.clientId);
  const owner = { name: record.name, email: record.email };
  return rows.reduce<Client | undefined>(
    (best, c) => (!best || ownerScore(c, owner) > ownerScore(best, owner) ? c : best),
    undefined,
  );
}

/** Why the undo cannot go ahead (something happened to the client since), or null. */
function undoProblem(
  record: UndoRecord,
  client: Client | undefined,
  later: LoggedTouch | undefined,
  me: string,
): string | null {
  const mine = `your ${record.channel}`;
  if (later) {
    return `Cannot undo: ${since(later, record.name, me)} after ${mine}; undo that first or edit the row.`;
  }
  if (record.tooLong?.length) {
    const names = record.tooLong.map((f) => STANDARD_HEADER[f as ClientField] ?? f).join(', ');
    return `Cannot undo: ${names} held more text than undo keeps; edit the row by hand.`;
  }
  if (!client) return null;
  for (const [field, value] of Object.entries(record.written)) {
    const now = client[field as keyof Client] ?? null;
    if (now !== (value ?? null)) {
      const header = STANDARD_HEADER[field as ClientField] ?? field;
      return `Cannot undo: ${record.name}'s ${header} was changed after ${mine}; edit the row instead.`;
    }
  }
  return null;
}

/**
 * Undoes the caller's own last touch in this spreadsheet (user properties, so another user's touch
 * is never undone). With `touchId`, only that touch. Refused, with nothing changed, when a later
 * touch of that client is in the log or its cells no longer hold what the touch wrote.
 */
export function undoLastTouch(options?: { touchId?: string }): UndoResult {
  // google.script.run may pass null for a left-out argument.
  const wanted = checkInput(undoInput, options ?? undefined, 'undo');
  return withDocumentLock(() => noteTogether(() => undoIn(activeSpreadsheet(), wanted)));
}

/** undoLastTouch inside the lock; the list cache's notes written together at the end. */
function undoIn(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  wanted: { touchId?: string } | undefined,
): UndoResult {
  const loaded = loadUndo(ss.getId());
  if (loaded && 'elsewhere' in loaded) {
    throw new Error(
      'There is no logged touch to undo here: a touch you logged in another spreadsheet took its place. Edit the row instead.',
    );
  }
  if (!loaded) throw new Error('There is no logged touch to undo.');
  const { record } = loaded;
  if (wanted?.touchId && wanted.touchId !== record.touchId) {
    throw new Error(
      'That touch is no longer your last one, so it cannot be undone here: edit the row instead.',
    );
  }
  const notices = undoTouchRecord(record);
  clearUndo(ss.getId());
  const what = record.channel === 'email' ? 'email to' : `${record.channel} with`;
  return {
    clientId: record.clientId,
    touchId: record.touchId,
    message: `Undid the ${what} ${record.name}${notices.length ? ` (${notices.join('; ')})` : ''}.`,
  };
}

/**
 * Undoes one touch from its record, inside the caller's lock: refused (thrown, nothing written)
 * when a later touch of that client is logged or its cells changed since; else the cells put back
 * and its log row removed. Returns what could not be undone, in words.
 */
export function undoTouchRecord(record: UndoRecord): string[] {
  const cs = readClientRows([record.clientId]) ?? readClientSheet();
  const { sheet, touches } = readTouchLog(cs.spreadsheet, cs.dates);
  const logged = touches.find((t) => t.touchId === record.touchId);
  const later = logged
    ? touches.find((t) => t.row > logged.row && t.clientId === record.clientId)
    : undefined;
  const client = clientOf(cs.clients, record);
  const problem = undoProblem(record, client, later, currentUserEmail());
  if (problem) throw new Error(problem);
  const notices: string[] = [];
  if (!client) {
    notices.push(
      `the client ${record.name} is no longer in the sheet, so only the log row was removed`,
    );
  } else {
    const updates: CellUpdate[] = Object.entries(record.previous).map(([field, cell]) => ({
      row: client.row,
      field: field as ClientField,
      value: cell.date !== undefined ? new Date(cell.date) : (cell.value ?? ''),
    }));
    writeOwnedCells(cs, updates);
  }
  if (sheet && logged) deleteTouchRow(sheet, logged.row);
  else notices.push('its row in the Touches sheet was already gone');
  return notices;
}
