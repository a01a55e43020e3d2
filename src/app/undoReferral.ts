// undoReferral: the caller's own last referral record taken back under the lock (the row deleted or put back, a kept promise reopened, an added client row and the touch with the referrer undone), or refused with nothing changed.
import type { UndoReferralResult } from '../shared/api';
import { planReferralUndo } from '../core/referralUndo';
import { checkInput, object, text } from '../core/schema';
import { spreadsheetCivilDates } from '../services/civilDates';
import { activeSpreadsheet, readClientRows, readClientSheet } from '../services/clientSheet';
import { deleteAddedClientRow } from '../services/clientSheetAppend';
import { noteTogether } from '../services/listCache';
import { withDocumentLock } from '../services/lock';
import { deleteReferralRow, readReferrals, updateReferral } from '../services/referralSheet';
import { clearReferralUndo, loadReferralUndo } from '../services/referralUndoStore';
import type { UndoRecord } from '../services/undoStore';
import { undoTouchRecord } from './undoTouch';

const undoInput = object({ referralId: text({ nonEmpty: true, max: 100 }) });

/**
 * Undoes the caller's last referral record in this spreadsheet (user properties: another user's
 * is never undone), given its Referral ID. Everything is checked before the first write; a row
 * that changed since refuses the whole undo, so nothing typed since is lost.
 */
export function undoReferral(input: { referralId: string }): UndoReferralResult {
  const { referralId } = checkInput(undoInput, input, 'undoReferral');
  return withDocumentLock(() => noteTogether(() => undoIn(referralId)));
}

function undoIn(referralId: string): UndoReferralResult {
  const ss = activeSpreadsheet();
  const record = loadReferralUndo(ss.getId());
  if (!record || record.referralId !== referralId)
    throw new Error(
      'That referral is no longer the last one you recorded here, so it cannot be undone: edit the Referrals sheet instead.',
    );
  const cs = record.added ? (readClientRows([record.added.id]) ?? readClientSheet()) : null;
  const dates = cs?.dates ?? spreadsheetCivilDates(ss);
  const plan = planReferralUndo(record, readReferrals(ss, dates), cs?.clients ?? []);
  // The touch's own checks come last of all checks and first of the writes: when it is refused,
  // nothing has been written.
  const notices = [...plan.notices];
  if (record.touch) notices.push(...undoTouchRecord(JSON.parse(record.touch) as UndoRecord));
  for (const r of plan.restores) updateReferral(ss, dates, r.row, r.changes);
  if (plan.deleteRow) deleteReferralRow(ss, plan.deleteRow);
  if (plan.deleteClientRow && cs) deleteAddedClientRow(cs, plan.deleteClientRow);
  clearReferralUndo(ss.getId());
  return {
    referralId,
    message: `Undid ${record.what}${notices.length ? ` (${notices.join('; ')})` : ''}.`,
  };
}
