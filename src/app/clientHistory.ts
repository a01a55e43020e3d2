// getClientHistory: a card's history on expand, from the recent end of the Touches log (one read of its tail).
import type { ClientHistory } from '../shared/api';
import { clientHistory } from '../core/history';
import { text } from '../core/schema';
import { activeSpreadsheet } from '../services/clientSheet';
import { spreadsheetCivilDates } from '../services/civilDates';
import { readTouchLog } from '../services/touchSheet';

/** Rows read from the end of the log: years of a small practice's touches. */
const HISTORY_ROWS = 5000;

const clientIdArgument = text({ nonEmpty: true, max: 200 });

/** The last few touches of one client (date, channel, outcome, notes), tries since you last spoke. */
export function getClientHistory(clientId: string): ClientHistory {
  const id = clientIdArgument(clientId, 'clientId').trim();
  const spreadsheet = activeSpreadsheet();
  const dates = spreadsheetCivilDates(spreadsheet);
  const { touches } = readTouchLog(spreadsheet, dates, { lastRows: HISTORY_ROWS });
  return clientHistory(touches, id);
}
