// Each user's last undoable referral record in this spreadsheet: one user property slot per spreadsheet (as touches have), never failing the referral it follows.
import type { ReferralUndoRecord } from '../core/referralUndo';
import { keepInSlot, slotOf, utf8Bytes } from './undoStore';

const SLOT = 'reconnect.referralUndoSlot.';
/** Under the 9 KB a property value may hold. */
const MAX_BYTES = 8500;

interface Stored {
  ss: string;
  record: ReferralUndoRecord;
}

/**
 * Keeps the record in the spreadsheet's slot (one property write); false when it is too large or
 * could not be written (the slot is then emptied, so Undo never reverses an older referral).
 */
export function storeReferralUndo(
  spreadsheetId: string,
  record: ReferralUndoRecord | null,
): boolean {
  const json = record ? JSON.stringify({ ss: spreadsheetId, record } satisfies Stored) : null;
  const fits = json !== null && utf8Bytes(json) <= MAX_BYTES;
  return keepInSlot(slotOf(spreadsheetId, SLOT), fits ? json : null);
}

/** This user's last referral record in the spreadsheet, or null (none, or another spreadsheet's). */
export function loadReferralUndo(spreadsheetId: string): ReferralUndoRecord | null {
  const json = PropertiesService.getUserProperties().getProperty(slotOf(spreadsheetId, SLOT));
  if (!json) return null;
  try {
    const stored = JSON.parse(json) as Stored;
    return stored.ss === spreadsheetId && typeof stored.record?.referralId === 'string'
      ? stored.record
      : null;
  } catch {
    return null;
  }
}

export function clearReferralUndo(spreadsheetId: string): void {
  PropertiesService.getUserProperties().deleteProperty(slotOf(spreadsheetId, SLOT));
}
