// Each user's last undoable touch in this spreadsheet: a small record in user properties, keyed by spreadsheet ID, never failing the touch it follows.

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

const PREFIX = 'reconnect.undo.';
/** Earlier versions kept one undo record, notes and all, in document properties for every user. */
const LEGACY_KEY = 'reconnect.undo';
/** User properties are shared by every document the add-on runs in: keep this many at most, */
const KEEP = 20;
/** ... and none older than this (an undo is for the touch just logged). */
const EXPIRE_MS = 30 * 86400000;
/** Well under the 9 KB a property value may hold. */
export const MAX_UNDO_BYTES = 6000;
/** Longest earlier cell text kept for undo (7 fields x 200 characters x 3 bytes stays under the bound). */
export const MAX_KEPT_TEXT = 200;

const keyOf = (spreadsheetId: string): string => PREFIX + spreadsheetId;

function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The record as stored, or null when it cannot be kept within the bound (checked before writing). */
export function encodeUndo(record: UndoRecord): string | null {
  const json = JSON.stringify({ ...record, at: 0 });
  return utf8Bytes(json) <= MAX_UNDO_BYTES ? JSON.stringify(record) : null;
}

export function loadUndo(spreadsheetId: string): UndoRecord | null {
  const json = PropertiesService.getUserProperties().getProperty(keyOf(spreadsheetId));
  if (!json) return null;
  try {
    const record = JSON.parse(json) as UndoRecord;
    return record && typeof record.touchId === 'string' ? record : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the record (already encoded and size-checked); never throws: the touch is written by then.
 * Returns false when it could not be kept (the older record is removed, so Undo never reverses
 * an earlier touch by mistake). Records of other spreadsheets beyond KEEP or older than 30 days go.
 */
export function storeUndo(spreadsheetId: string, encoded: string | null): boolean {
  try {
    const props = PropertiesService.getUserProperties();
    if (encoded === null) {
      props.deleteProperty(keyOf(spreadsheetId));
      return false;
    }
    const stamped = encoded.replace(/^\{/, `{"at":${Date.now()},`);
    const others = Object.entries(props.getProperties())
      .filter(([k]) => k.startsWith(PREFIX) && k !== keyOf(spreadsheetId))
      .map(([k, v]) => ({ k, at: Number((/"at":(\d+)/.exec(v) ?? [])[1] ?? 0) }))
      .sort((a, b) => b.at - a.at);
    const now = Date.now();
    others.forEach((old, i) => {
      if (i >= KEEP - 1 || now - old.at > EXPIRE_MS) props.deleteProperty(old.k);
    });
    props.setProperty(keyOf(spreadsheetId), stamped);
    dropLegacy();
    return true;
  } catch {
    try {
      PropertiesService.getUserProperties().deleteProperty(keyOf(spreadsheetId));
    } catch {
      // Nothing more can be done; the touch itself is logged.
    }
    return false;
  }
}

/** The shared record of earlier versions takes room the merge journal needs: it goes. */
function dropLegacy(): void {
  try {
    PropertiesService.getDocumentProperties()?.deleteProperty(LEGACY_KEY);
  } catch {
    // Not bound to a document, or the store is unavailable: nothing to drop.
  }
}

export function clearUndo(spreadsheetId: string): void {
  PropertiesService.getUserProperties().deleteProperty(keyOf(spreadsheetId));
}
