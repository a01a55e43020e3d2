// getCallList and showClientInSheet: read the client sheet and the touch log once, let core rank, return a JSON-safe page.
import {
  BUCKETS,
  SORT_MODES,
  type CallList,
  type CallListQuery,
  type DataProblem,
} from '../shared/api';
import { MAX_LIMIT, buildCallList, currencyFromFormat } from '../core/callList';
import { num, object, oneOf, optional, text } from '../core/schema';
import { countContactsOn, lastTries } from '../core/touchLog';
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
  annotate(list, cs, lastTries(touches), query.search ?? '');
  return list;
}

const NO_VALUE_NOTICE =
  'No value column was found, so the list ranks by time since contact alone. To rank your most valuable clients first, choose the column that holds what each client is worth in Settings, under Your columns > Value.';

/** What the cards and the empty state say beyond the ranking: tries, the row's problems, Do Not Contact matches. */
function annotate(
  list: CallList,
  cs: ClientSheet,
  tries: ReturnType<typeof lastTries>,
  search: string,
): void {
  if (cs.columns.value === undefined) list.notices.push(NO_VALUE_NOTICE);
  const byRow = new Map<number, string[]>();
  for (const p of cs.problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p.message]);
  for (const item of list.items) {
    item.lastTry = tries.get(item.id) ?? null;
    item.problems = byRow.get(item.row) ?? [];
  }
  const needle = search.trim().toLowerCase();
  if (list.total > 0 || !needle) return;
  list.doNotContactMatches = cs.clients
    .filter((c) => c.doNotContact)
    .filter((c) => [c.name, c.company, c.email, c.id].some((f) => f.toLowerCase().includes(needle)))
    .slice(0, 5)
    .map((c) => c.name || c.id);
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
