// Each user's last undoable touch in this spreadsheet: a small record in one of a fixed number of user property slots, one write per touch, never failing the touch it follows.

/** A cell as it was before the touch: a Date as ISO text, or the value (text bounded). */
export interface SerialCell {
  date?: string;
  value?: string | number | boolean;
}

export interface UndoRecord {
  touchId: string;
  clientId: string;
  /** The client's name and email when the touch was logged (bounded). */
  name: string;
  email: string;
  channel: string;
  /** The touch's date, yyyy-MM-dd. */
  date: string;
  /** The owned cells before the touch, to put back. */
  previous: Record<string, SerialCell>;
  /** The owned fields as the touch left them (the parsed client's values), to see later changes. */
  written: Record<string, string | number | boolean | null>;
  /** Fields whose earlier text was too long to keep: undo refuses rather than lose it. */
  tooLong?: string[];
}

/** One user property per slot: a spreadsheet's record goes in the slot its ID hashes to. */
const SLOT = 'reconnect.undoSlot.';
/**
 * User properties are shared by every document the add-on runs in: at most this many records, with
 * no read before a write (a logTouch pays one property write for its undo record). Two spreadsheets
 * sharing a slot: the later touch's record replaces the earlier, whose Undo then says so.
 */
export const SLOTS = 20;
/** Earlier versions: one record per spreadsheet ID (pruned on every touch, a read each time). */
const OLD_PREFIX = 'reconnect.undo.';
/** Earlier versions kept one undo record, notes and all, in document properties for every user. */
const LEGACY_KEY = 'reconnect.undo';
/** Well under the 9 KB a property value may hold. */
export const MAX_UNDO_BYTES = 6000;
/** Longest earlier cell text kept for undo (7 fields x 200 characters x 3 bytes stays under the bound). */
export const MAX_KEPT_TEXT = 200;
/** Room kept in the bound for the stamp added when stored (time and spreadsheet ID). */
const STAMP_BYTES = 120;

/** The slot of a spreadsheet: a string hash of its ID. */
export function slotOf(spreadsheetId: string, prefix = SLOT): string {
  let h = 0;
  for (let i = 0; i < spreadsheetId.length; i++) h = (h * 31 + spreadsheetId.charCodeAt(i)) >>> 0;
  return prefix + (h % SLOTS);
}

export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The record as stored, or null when it cannot be kept within the bound (checked before writing). */
export function encodeUndo(record: UndoRecord): string | null {
  const json = JSON.stringify(record);
  return utf8Bytes(json) + STAMP_BYTES <= MAX_UNDO_BYTES ? json : null;
}

/** What this user's slot for the spreadsheet holds. */
export type LoadedUndo =
  | { record: UndoRecord }
  /** The slot holds a later touch of this user in another spreadsheet. */
  | { elsewhere: true }
  | null;

/**
 * The user's undo record for this spreadsheet. Reads the whole store (one call, as one key would
 * cost): records of earlier versions are taken as well, and removed, with the shared record that
 * the first release kept in document properties.
 */
export function loadUndo(spreadsheetId: string): LoadedUndo {
  const props = PropertiesService.getUserProperties();
  const all = props.getProperties();
  const key = slotOf(spreadsheetId);
  const slot = parse(all[key]);
  const earlier = slot?.ss === spreadsheetId ? null : parse(all[OLD_PREFIX + spreadsheetId]);
  // This spreadsheet's record of an earlier version moves to its slot; the others go.
  if (earlier) {
    const record = { ...earlier.record, at: undefined, ss: undefined };
    props.setProperty(key, stamped(JSON.stringify(record), spreadsheetId));
  }
  for (const k of Object.keys(all)) if (k.startsWith(OLD_PREFIX)) props.deleteProperty(k);
  dropLegacyUndo();
  if (slot?.ss === spreadsheetId) return { record: slot.record };
  if (earlier) return { record: earlier.record };
  return slot ? { elsewhere: true } : null;
}

function stamped(encoded: string, spreadsheetId: string): string {
  return encoded.replace(/^\{/, `{"at":${Date.now()},"ss":${JSON.stringify(spreadsheetId)},`);
}

function parse(json: string | undefined): { ss?: string; record: UndoRecord } | null {
  if (!json) return null;
  try {
    const record = JSON.parse(json) as UndoRecord & { ss?: string };
    return record && typeof record.touchId === 'string' ? { ss: record.ss, record } : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the record (already encoded and size-checked) in the spreadsheet's slot, in one property
 * write; never throws: the touch is written by then. Returns false when it could not be kept (the
 * slot is emptied, so Undo never reverses an earlier touch by mistake).
 */
export function storeUndo(spreadsheetId: string, encoded: string | null): boolean {
  return keepInSlot(slotOf(spreadsheetId), encoded && stamped(encoded, spreadsheetId));
}

/**
 * One property write of `value` under `key`, or the key emptied when the value is null; never
 * throws (what it follows is written by then): false when nothing could be kept.
 */
export function keepInSlot(key: string, value: string | null): boolean {
  try {
    const props = PropertiesService.getUserProperties();
    if (value === null) {
      props.deleteProperty(key);
      return false;
    }
    props.setProperty(key, value);
    return true;
  } catch {
    try {
      PropertiesService.getUserProperties().deleteProperty(key);
    } catch {
      // Nothing more can be done; what it follows is written.
    }
    return false;
  }
}

/** The shared record of earlier versions takes room the merge journal needs: it goes. */
export function dropLegacyUndo(): void {
  try {
    PropertiesService.getDocumentProperties()?.deleteProperty(LEGACY_KEY);
  } catch {
    // Not bound to a document, or the store is unavailable: nothing to drop.
  }
}

/** Empties the spreadsheet's slot (the record just undone). */
export function clearUndo(spreadsheetId: string): void {
  PropertiesService.getUserProperties().deleteProperty(slotOf(spreadsheetId));
}
