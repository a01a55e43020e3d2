// recordReferral: a referral asked, promised, received (optionally added as a client), contacted, won or lost; one read, one write per sheet, and a touch with the referrer.
import type { Referral, ReferralInput, ReferralResult } from '../shared/api';
import type { Client } from '../core/clients';
import { checkReferralInput } from '../core/referralInput';
import { planReferral, type ReferralPlan } from '../core/referralPlan';
import { withDocumentLock } from '../services/lock';
import {
  newClientId,
  readClientRows,
  readClientSheet,
  type ClientSheet,
} from '../services/clientSheet';
import { appendClientRow } from '../services/clientSheetAppend';
import {
  appendReferrals,
  newReferralId,
  readReferrals,
  updateReferral,
} from '../services/referralSheet';
import { referralUndoRecord, type AddedClient } from '../core/referralUndo';
import { storeReferralUndo } from '../services/referralUndoStore';
import { recordTouches } from './touches';

/**
 * Records a referral. The argument is checked whole first; under the document lock the client
 * sheet (the referrer's row, or the whole sheet when adding a client) and the Referrals sheet are
 * read once, core decides, and the referral row (or its changed cells) is written. Asks, promises
 * and referrals received came up in a conversation with the referrer: that is logged as one touch
 * through the Touches log's one writer.
 */
export function recordReferral(input: ReferralInput): ReferralResult {
  const checked = checkReferralInput(input);
  const done = withDocumentLock(() => {
    const cs = checked.addClient
      ? readClientSheet()
      : (readClientRows([checked.clientId]) ?? readClientSheet());
    const referrer = cs.clients.find((c) => c.id === checked.clientId);
    if (!referrer)
      throw new Error(
        `No client has the ID "${checked.clientId}" in the client sheet (was the row deleted?). Reload the list and try again.`,
      );
    const referrals = readReferrals(cs.spreadsheet, cs.dates);
    const plan = planReferral(checked, referrer, referrals, cs.dates.today, newReferralId());
    const added = checked.addClient ? addReferredClient(cs, plan.referral, referrer) : null;
    if (added?.id) plan.referral.newClientId = added.id;
    write(cs, plan);
    return { plan, added, referrals, ss: cs.spreadsheet.getId() };
  });
  const { plan, added, referrals, ss } = done;
  let touchId: string | undefined;
  let touchUndo: string | null = null;
  if (plan.touch) {
    const logged = recordTouches(
      [
        {
          clientId: checked.clientId,
          date: '',
          channel: checked.channel ?? 'call',
          outcome: plan.touch.outcome,
          notes: plan.touch.notes,
          step: '',
        },
      ],
      { returnUndo: true },
    );
    touchId = logged.touchIds[0];
    touchUndo = logged.undo ?? null;
  }
  // Undoable only whole: a touch logged without its undo record makes the referral not undoable.
  const record =
    plan.touch && touchId && !touchUndo
      ? null
      : referralUndoRecord(
          plan,
          referrals,
          // Only a row this recording added is undone with it (not someone already in the sheet).
          added?.row
            ? { id: added.id, name: added.name, email: added.email, phone: added.phone }
            : null,
          touchUndo,
        );
  const undoable = storeReferralUndo(ss, record);
  const message = [plan.message, added?.message ?? ''].filter(Boolean).join(' ');
  return {
    referral: plan.referral,
    message,
    undoable,
    ...(touchId ? { touchId } : {}),
    ...(added?.id ? { newClientId: added.id } : {}),
  };
}

function write(cs: ClientSheet, plan: ReferralPlan): void {
  const { spreadsheet: ss, dates } = cs;
  if (plan.append) appendReferrals(ss, dates, [plan.referral]);
  if (plan.update) updateReferral(ss, dates, plan.update.row, plan.update.changes);
  if (plan.fulfils)
    updateReferral(ss, dates, plan.fulfils.row, { status: 'Received', statusDate: dates.today });
}

/**
 * The referred person as a new client row: a new Client ID, name, email, phone, and the referrer in
 * Notes (the user's own column, on a row the add-on creates; the Referrals sheet keeps the link by
 * ID). Someone already in the sheet with the same email is not added twice.
 */
function addReferredClient(
  cs: ClientSheet,
  referral: Referral,
  referrer: Client,
): AddedClient & { message: string; row?: number } {
  const { name, email, phone } = referral.contact;
  const known = email
    ? cs.clients.find((c) => c.email.toLowerCase() === email.toLowerCase())
    : null;
  if (known)
    return {
      id: known.id,
      name: known.name,
      email: known.email,
      phone: known.phone,
      message: `${known.name || email} is already in the client sheet (row ${known.row}): not added again.`,
    };
  const id = newClientId();
  const who = name || email || phone;
  const note = `Referred by ${referrer.name} (${referrer.id}) on ${cs.dates.today}, referral ${referral.referralId}.`;
  const nameField = cs.columns.name !== undefined ? 'name' : 'firstName';
  const row = appendClientRow(cs, { id, [nameField]: who, email, phone, notes: note });
  const where =
    cs.columns.notes === undefined
      ? ' (your sheet has no Notes column: the Referrals sheet links them)'
      : '';
  return {
    id,
    name: who,
    email,
    phone,
    row,
    message: `Added ${who} to ${cs.sheet.getName()} as row ${row}${where}.`,
  };
}
