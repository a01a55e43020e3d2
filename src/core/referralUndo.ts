// Undo of a referral record: what recording wrote (kept per user), and what undoing it does to the Referrals sheet and an added client row, or why it cannot.
import type { Referral } from '../shared/api';
import type { Client } from './clients';
import type { ReferralPlan, SheetReferral } from './referralPlan';
import { REFERRAL_HEADER } from './referrals';

/** The fields recording sets on a referral row, and undo checks and puts back. */
export type ReferralState = Pick<Referral, 'status' | 'statusDate' | 'value' | 'notes'>;

/** A client row recording added (the referred person), as written. */
export interface AddedClient {
  id: string;
  name: string;
  email: string;
  phone: string;
}

export interface ReferralUndoRecord {
  referralId: string;
  /** "the referral ask to Ann Lee", "marking Ann Lee won": what the messages name. */
  what: string;
  /** A new row (undo deletes it) or a row updated (undo puts `previous` back). */
  appended: boolean;
  written: ReferralState;
  previous?: ReferralState;
  /** The open promise this referral counted as kept: it is reopened. */
  fulfils?: { referralId: string; previous: ReferralState; written: ReferralState };
  added?: AddedClient;
  /** The touch logged with the referrer, as services/undoStore keeps a touch (JSON). */
  touch?: string;
}

/** Longest notes kept: a referral whose notes are longer is not undoable (edit by hand). */
export const MAX_UNDO_NOTES = 500;

/** The header of each field, as the Referrals sheet shows it. */
const LABEL: Record<keyof ReferralState, string> = {
  status: REFERRAL_HEADER.status,
  statusDate: REFERRAL_HEADER.statusDate,
  value: REFERRAL_HEADER.value,
  notes: REFERRAL_HEADER.notes,
};

function state(r: Referral): ReferralState {
  return { status: r.status, statusDate: r.statusDate, value: r.value, notes: r.notes };
}

/** The record of a referral just recorded, or null when it cannot be kept (notes too long). */
export function referralUndoRecord(
  plan: ReferralPlan,
  referrals: readonly SheetReferral[],
  added: AddedClient | null,
  touch: string | null,
): ReferralUndoRecord | null {
  const { referral } = plan;
  const before = plan.update ? referrals.find((r) => r.row === plan.update!.row) : undefined;
  const promise = plan.fulfils
    ? referrals.find(
        (r) => r.row === plan.fulfils!.row && r.referralId === plan.fulfils!.referralId,
      )
    : undefined;
  const notes = [referral.notes, before?.notes ?? '', promise?.notes ?? ''];
  if (notes.some((n) => n.length > MAX_UNDO_NOTES)) return null;
  if (plan.update && !before) return null;
  const who = referral.contact.name || referral.contact.email || referral.contact.phone;
  const what = plan.update
    ? `marking ${who || referral.referralId} ${referral.status.toLowerCase()}`
    : referral.status === 'Received'
      ? `the referral of ${who}`
      : referral.status === 'Promised'
        ? `the promise from ${referral.referrer}`
        : `the referral ask to ${referral.referrer}`;
  return {
    referralId: referral.referralId,
    what,
    appended: plan.append,
    written: state(referral),
    ...(before ? { previous: state(before) } : {}),
    ...(promise
      ? {
          fulfils: {
            referralId: promise.referralId,
            previous: state(promise),
            written: { ...state(promise), status: 'Received', statusDate: referral.statusDate },
          },
        }
      : {}),
    ...(added ? { added } : {}),
    ...(touch ? { touch } : {}),
  };
}

/** What undoing does, once every check passed. */
export interface ReferralUndoPlan {
  /** The referral row to delete (an appended one). */
  deleteRow?: number;
  /** A row to put back as it was (an update, or the promise a referral counted as kept). */
  restores: { row: number; changes: Partial<Referral> }[];
  /** The added client's row to delete: it is as recording left it. */
  deleteClientRow?: number;
  notices: string[];
}

/** The one row with the ID, null when none; throws when several rows share it. */
function rowOf(referrals: readonly SheetReferral[], id: string): SheetReferral | null {
  const found = referrals.filter((r) => r.referralId === id);
  if (found.length > 1)
    throw new Error(
      `Cannot undo: rows ${found.map((r) => r.row).join(' and ')} of the Referrals sheet share the ID ${id}; keep one.`,
    );
  return found[0] ?? null;
}

/** The first field whose cell no longer holds what was written, or null. */
function changed(now: Referral, written: ReferralState): keyof ReferralState | null {
  for (const k of Object.keys(LABEL) as (keyof ReferralState)[])
    if ((now[k] ?? null) !== (written[k] ?? null)) return k;
  return null;
}

/**
 * Decides the undo against the sheets as they are now; throws a sentence, with nothing written,
 * when the referral row changed since (undoing would lose that change). The promise and the added
 * client are left alone, with a notice, when they changed since.
 */
export function planReferralUndo(
  record: ReferralUndoRecord,
  referrals: readonly SheetReferral[],
  addedNow: readonly Client[],
): ReferralUndoPlan {
  const notices: string[] = [];
  const restores: ReferralUndoPlan['restores'] = [];
  const now = rowOf(referrals, record.referralId);
  let deleteRow: number | undefined;
  if (!now) {
    if (!record.appended)
      throw new Error(
        `Cannot undo: referral ${record.referralId} is no longer in the Referrals sheet.`,
      );
    notices.push('its row in the Referrals sheet was already gone');
  } else {
    const field = changed(now, record.written);
    if (field)
      throw new Error(
        `Cannot undo: the ${LABEL[field]} of referral ${record.referralId} was changed after ${record.what}; edit the Referrals sheet instead.`,
      );
    if (record.appended) deleteRow = now.row;
    else restores.push({ row: now.row, changes: { ...record.previous! } });
  }
  if (record.fulfils) {
    const promise = rowOf(referrals, record.fulfils.referralId);
    if (promise && !changed(promise, record.fulfils.written))
      restores.push({ row: promise.row, changes: { ...record.fulfils.previous } });
    else
      notices.push(
        `the promise ${record.fulfils.referralId} changed since, so it stays ${promise?.status || 'as it is'}`,
      );
  }
  let deleteClientRow: number | undefined;
  if (record.added) {
    const a = record.added;
    const rows = addedNow.filter((c) => c.id === a.id);
    const same =
      rows.length === 1 &&
      rows[0].name === a.name &&
      rows[0].email.toLowerCase() === a.email.toLowerCase() &&
      rows[0].phone === a.phone &&
      rows[0].lastContact === null &&
      rows[0].touches === 0;
    if (same) deleteClientRow = rows[0].row;
    else if (rows.length)
      notices.push(
        `${a.name || a.email || a.id} stays in the client sheet: the row changed since; delete it by hand if it should go`,
      );
  }
  // Deleting shifts the rows below: the restores are written first, then the lower row deleted first.
  return { deleteRow, restores, deleteClientRow, notices };
}
