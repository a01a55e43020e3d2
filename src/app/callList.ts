// getCallList and showClientInSheet: read the client sheet and the touch log once, let core rank, return a JSON-safe page.
import {
  BUCKETS,
  SORT_MODES,
  type CallList,
  type CallListQuery,
  type DataProblem,
} from '../shared/api';
import { MAX_LIMIT, buildCallList, currencyFromFormat, toItem } from '../core/callList';
import { num, object, oneOf, optional, text } from '../core/schema';
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
import { withReplyMarkers } from './repliesCallList';

/** The call list's query: an unknown sort or group is refused with the valid ones, not answered with an empty list. */
const callListQuery = object({
  sort: optional(oneOf(SORT_MODES)),
  bucket: optional(oneOf([...BUCKETS, 'due', 'all'] as const)),
  search: optional(text({ max: 200 })),
  offset: optional(num({ integer: true, min: 0, max: 1_000_000 })),
  // The sidebar's refresh asks for every card on screen; core serves at most MAX_LIMIT a page.
  limit: optional(num({ integer: true, min: 1, max: 100 * MAX_LIMIT })),
});

const clientIdArgument = text({ nonEmpty: true, max: 100 });

/** More rows than anyone logs in a day (calls plus a full day's email quota). */
const RECENT_TOUCH_ROWS = 2000;

/** Problems shown in the sidebar at most; the rest are counted in a notice. */
const MAX_PROBLEMS = 200;

/**
 * The call list. Reads: the client sheet (values), the Value column's number format (for the
 * currency) and the touch log (today's goal). Clients without an ID (new rows, copied rows) get
 * one first, under the document lock, so that every listed client can be logged.
 */
export function getCallList(input: CallListQuery = {}): CallList {
  const query: CallListQuery = callListQuery(input ?? {}, 'query');
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
  const list = buildCallList(cs.clients, query, {
    today,
    asOf: now().toISOString(),
    recencyMonths: settings.recencyMonths,
    problems: capped(cs.problems, notices),
    notices: [...cs.notices, ...notices],
    currency: settings.currency || valueCurrency(cs) || '$',
    goal: { done: countContactsOn(touches, today), target: settings.dailyGoal },
  });
  // Replies found in Gmail (app/gmailScan.ts): those cards first, marked, due or not.
  const byId = new Map(cs.clients.map((c) => [c.id, c] as const));
  return withReplyMarkers(list, touches, !query.offset && !query.search, (id) => {
    const client = byId.get(id);
    return client && !client.doNotContact ? toItem(client, today, settings.recencyMonths) : null;
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
export function showClientInSheet(input: string): void {
  const clientId = clientIdArgument(input, 'clientId').trim();
  const cs = readClientSheet();
  const row = cs.rowOf(clientId);
  if (row === null)
    throw new Error(`No client has the ID "${clientId}" in the client sheet. Reload the list.`);
  selectRow(cs, row);
}
