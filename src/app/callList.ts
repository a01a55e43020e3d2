// getCallList and showClientInSheet: read the client sheet and the touch log once, let core rank, return a JSON-safe page.
import type { CallList, CallListQuery, DataProblem } from '../shared/api';
import { buildCallList, currencyFromFormat } from '../core/callList';
import { countContactsOn } from '../core/touchLog';
import { now } from '../services/clock';
import { withDocumentLock } from '../services/lock';
import { loadSettings } from '../services/settings';
import {
  idUpdates,
  numberFormatAt,
  readClientSheet,
  selectRow,
  writeOwnedCells,
  type ClientSheet,
} from '../services/clientSheet';
import { readTouches } from '../services/touchSheet';

/** More rows than anyone logs in a day (calls plus a full day's email quota). */
const RECENT_TOUCH_ROWS = 2000;

/** Problems shown in the sidebar at most; the rest are counted in a notice. */
const MAX_PROBLEMS = 200;

/**
 * The call list. Reads: the client sheet (values), the Value column's number format (for the
 * currency) and the touch log (today's goal). Clients without an ID (new rows, copied rows) get
 * one first, under the document lock, so that every listed client can be logged.
 */
export function getCallList(query: CallListQuery = {}): CallList {
  const settings = loadSettings();
  let cs = readClientSheet({ settings });
  const notices: string[] = [];
  if (cs.needsIds) {
    cs = withDocumentLock(() => {
      const fresh = readClientSheet({ settings, spreadsheet: cs.spreadsheet });
      const ids = idUpdates(fresh);
      writeOwnedCells(fresh, ids.updates);
      notices.push(...ids.notices);
      return fresh;
    });
  }
  // Today's goal needs only the recent tail of the log, however many years it holds.
  const { touches } = readTouches(cs.spreadsheet, cs.dates, { lastRows: RECENT_TOUCH_ROWS });
  const today = cs.dates.today;
  return buildCallList(cs.clients, query ?? {}, {
    today,
    asOf: now().toISOString(),
    recencyMonths: settings.recencyMonths,
    problems: capped(cs.problems, notices),
    notices: [...cs.notices, ...notices],
    currency: settings.currency || valueCurrency(cs) || '$',
    goal: { done: countContactsOn(touches, today), target: settings.dailyGoal },
  });
}

function capped(problems: DataProblem[], notices: string[]): DataProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  notices.push(
    `${problems.length - MAX_PROBLEMS} more data problems are not shown; fix the first ones and reload.`,
  );
  return problems.slice(0, MAX_PROBLEMS);
}

/** The currency from the number format of the first client's Value cell. */
function valueCurrency(cs: ClientSheet): string {
  const first = cs.clients[0];
  return first ? currencyFromFormat(numberFormatAt(cs, first.row, 'value')) : '';
}

/** Selects the client's row in the sheet, found by Client ID now (the sheet may have been sorted). */
export function showClientInSheet(clientId: string): void {
  const cs = readClientSheet();
  const row = cs.rowOf(String(clientId ?? ''));
  if (row === null)
    throw new Error(`No client has the ID "${clientId}" in the client sheet. Reload the list.`);
  selectRow(cs, row);
}
