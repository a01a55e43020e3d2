// getReferralSummary and getClientReferrals: the Referrals view's month against its goal, and one client's referrals for the card.
import type { Referral, ReferralSummary } from '../shared/api';
import { referralSummary } from '../core/goals';
import { text } from '../core/schema';
import { loadSettings } from '../services/settings';
import { activeSpreadsheet } from '../services/clientSheet';
import { spreadsheetCivilDates } from '../services/civilDates';
import { readReferrals } from '../services/referralSheet';
import { readTouchLog } from '../services/touchSheet';

/**
 * This month's reconnect touches, asks, commitments, referrals received and won against the
 * target, and the last 12 months. Reads the Referrals sheet and the Touches log once each.
 */
export function getReferralSummary(): ReferralSummary {
  const settings = loadSettings();
  const ss = activeSpreadsheet();
  const dates = spreadsheetCivilDates(ss);
  const referrals = readReferrals(ss, dates);
  const { touches } = readTouchLog(ss, dates);
  return referralSummary({
    today: dates.today,
    yearlyTarget: settings.referralTarget,
    referrals,
    touches,
  });
}

const clientIdArgument = text({ nonEmpty: true, max: 200 });

/** One client's referrals (asks, promises, people referred), newest first, for the card. */
export function getClientReferrals(clientId: string): Referral[] {
  const id = clientIdArgument(clientId, 'clientId').trim();
  const ss = activeSpreadsheet();
  const referrals = readReferrals(ss, spreadsheetCivilDates(ss));
  const mine: Referral[] = [];
  for (const r of referrals) {
    if (r.clientId !== id) continue;
    const copy: Referral & { row?: number } = { ...r };
    delete copy.row;
    mine.unshift(copy);
  }
  return mine;
}
