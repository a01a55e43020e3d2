// getCallList and showClientInSheet: read what ranking needs, let core rank, read the page's rows, return a JSON-safe page.
import {
  BUCKETS,
  SORT_MODES,
  type CallList,
  type CallListQuery,
  type DataProblem,
  type Settings,
} from '../shared/api';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
import {
  MAX_LIMIT,
  buildCallList,
  currencyFromFormat,
  toItem,
  type CallListContext,
} from '../core/callList';
import type { Client } from '../core/clients';
import type { ColumnMap } from '../core/columns';
import { num, object, oneOf, optional, text } from '../core/schema';
import { now } from '../services/clock';
import { withDocumentLock } from '../services/lock';
import { loadSettings } from '../services/settings';
import {
  activeSpreadsheet,
  idUpdates,
  readClientSheet,
  selectRow,
  writeOwnedCells,
} from '../services/clientSheet';
import { missingOrRepeatedIds, readRows } from '../services/clientIndex';
import {
  confirmedBy,
  contactsToday,
  loadRankIndex,
  rebuild,
  todaysGoal,
  type LoadedIndex,
} from './callListIndex';
import type { CivilDates } from '../services/civilDates';
import { withReplies } from './repliesCallList';

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

/** Problems shown in the sidebar at most; the rest are counted in a notice. */
const MAX_PROBLEMS = 200;

/**
 * The call list. Ranks from the ranking columns of every client (cached between executions while
 * nothing changed, app/callListIndex.ts), then reads whole rows only for the clients on the page;
 * when those rows disagree with a cached index, the index is read again and the list ranked anew.
 * When some client has no ID (new rows, copied rows), the whole sheet is read under the document
 * lock and the IDs written first, so that every listed client can be logged.
 */
export function getCallList(input: CallListQuery = {}): CallList {
  const query: CallListQuery = callListQuery(input ?? {}, 'query');
  const settings = loadSettings();
  const spreadsheet = activeSpreadsheet();
  let loaded = loadRankIndex(settings, spreadsheet, Boolean(query.search?.trim()));
  for (;;) {
    if (missingOrRepeatedIds(loaded.index.clients))
      return listAfterIds(query, settings, spreadsheet);
    const { list, page } = rankedPage(query, settings, loaded);
    const rows = list.items.map((i) => i.row);
    if (!loaded.fromCache || confirmedBy(loaded.index.clients, page.clients, rows)) {
      const { opened, index } = loaded;
      // Replies found in Gmail (app/gmailScan.ts): those cards first, marked, due or not.
      return withReplies(withPage(list, page, loaded, settings), query, {
        spreadsheet: opened.spreadsheet,
        dates: opened.dates,
        recencyMonths: settings.recencyMonths,
        clientsFor: (ids) =>
          readRows(
            opened,
            index.clients.filter((c) => ids.has(c.id)).map((c) => c.row),
          ).clients,
      });
    }
    loaded = rebuild(loaded.opened, loaded.cached);
  }
}

function rankedPage(
  query: CallListQuery,
  settings: Settings,
  loaded: LoadedIndex,
): { list: CallList; page: { clients: Client[]; problems: DataProblem[] } } {
  const { opened, index } = loaded;
  const list = buildCallList(
    index.clients,
    query,
    listContext(settings, opened.spreadsheet, {
      dates: opened.dates,
      // The problems of the page's rows are known once its rows are read (below).
      problems: [],
      notices: [...opened.recognition.notices],
      currency: () => valueCurrency(opened.sheet, opened.recognition.columns, index.clients),
      goal: () => todaysGoal(loaded),
    }),
  );
  return {
    list,
    page: readRows(
      opened,
      list.items.map((i) => i.row),
    ),
  };
}

/** The page's items from their whole rows; problems: the ranking columns' for all, all for the page. */
function withPage(
  list: CallList,
  page: { clients: Client[]; problems: DataProblem[] },
  loaded: LoadedIndex,
  settings: Settings,
): CallList {
  const byRow = new Map(page.clients.map((c) => [c.row, c]));
  const today = loaded.opened.dates.today;
  list.items = list.items.map((item) => {
    const client = byRow.get(item.row);
    return client ? toItem(client, today, settings.recencyMonths) : item;
  });
  const shown = new Set(byRow.keys());
  list.problems = capped(
    [...loaded.index.problems.filter((p) => !shown.has(p.row)), ...page.problems].sort(
      (a, b) => a.row - b.row,
    ),
    list.notices,
  );
  return list;
}

/** The whole sheet, read again under the lock, gets its missing or repeated IDs; then the list. */
function listAfterIds(
  query: CallListQuery,
  settings: Settings,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): CallList {
  const notices: string[] = [];
  const cs = withDocumentLock(() => {
    const fresh = readClientSheet({ settings, spreadsheet });
    const ids = idUpdates(fresh);
    writeOwnedCells(fresh, ids.updates);
    notices.push(...ids.notices);
    return fresh;
  });
  const list = buildCallList(
    cs.clients,
    query,
    listContext(settings, cs.spreadsheet, {
      dates: cs.dates,
      problems: cs.problems,
      notices: [...cs.notices, ...notices],
      currency: () => valueCurrency(cs.sheet, cs.columns, cs.clients),
      goal: () => contactsToday(cs.spreadsheet, cs.dates),
    }),
  );
  return withReplies(list, query, {
    spreadsheet: cs.spreadsheet,
    dates: cs.dates,
    recencyMonths: settings.recencyMonths,
    clientsFor: (ids) => cs.clients.filter((c) => ids.has(c.id)),
  });
}

interface ListSources {
  dates: CivilDates;
  problems: DataProblem[];
  notices: string[];
  currency: () => string;
  /** Today's contacts (the goal's progress). */
  goal: () => number;
}

function listContext(
  settings: Settings,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  from: ListSources,
): CallListContext {
  const today = from.dates.today;
  return {
    today,
    asOf: now().toISOString(),
    recencyMonths: settings.recencyMonths,
    problems: capped(from.problems, from.notices),
    notices: from.notices,
    currency: settings.currency || from.currency() || '$',
    goal: { done: from.goal(), target: settings.dailyGoal },
  };
}

function capped(problems: DataProblem[], notices: string[]): DataProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  notices.push(
    `${problems.length - MAX_PROBLEMS} more data problems are not shown; fix the first ones and reload.`,
  );
  return problems.slice(0, MAX_PROBLEMS);
}

/** The currency from the number format of the first client's Value cell. */
function valueCurrency(sheet: Sheet, columns: ColumnMap, clients: readonly Client[]): string {
  const first = clients[0];
  const c = columns.value;
  if (!first || c === undefined) return '';
  return currencyFromFormat(sheet.getRange(first.row, c + 1).getNumberFormat());
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
