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
import { lastTries } from '../core/touchLog';
import { MAX_SLICES } from '../core/slices';
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
  cardTries,
  confirmedBy,
  contactsToday,
  loadRankIndex,
  rebuild,
  todaysGoal,
  touchTail,
  type LoadedIndex,
  type TouchTail,
} from './callListIndex';
import type { CivilDates } from '../services/civilDates';
import { referralFollowUps, withReferralFollowUps, type FollowUps } from './referralFollowUps';
import { withReplies } from './repliesCallList';
import { publish } from '../services/listCache';

/** The call list's query: an unknown sort or group is refused with the valid ones, not answered with an empty list. */
export const callListQuery = object({
  sort: optional(oneOf(SORT_MODES)),
  bucket: optional(oneOf([...BUCKETS, 'due', 'all'] as const)),
  search: optional(text({ max: 200 })),
  offset: optional(num({ integer: true, min: 0, max: 1_000_000 })),
  // The sidebar's refresh asks for every card on screen; core serves at most MAX_LIMIT a page.
  limit: optional(num({ integer: true, min: 1, max: 100 * MAX_LIMIT })),
  slices: optional(num({ integer: true, min: 2, max: MAX_SLICES })),
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
  const search = Boolean(query.search?.trim());
  const loaded = loadRankIndex(settings, spreadsheet, search, { slices: query.slices });
  return callListOf(query, settings, loaded);
}

/** The page of a checked query, from the index as loaded (see getCallList). */
export function callListOf(query: CallListQuery, settings: Settings, first: LoadedIndex): CallList {
  let loaded = first;
  const { spreadsheet } = first.opened;
  for (;;) {
    if (missingOrRepeatedIds(loaded.index.clients))
      return listAfterIds(query, settings, spreadsheet);
    // Referral reminders, post-sale steps and ask advice (issue 13): one hook around the build.
    const hook = referralFollowUps({
      clients: loaded.index.clients,
      spreadsheet: loaded.opened.spreadsheet,
      dates: loaded.opened.dates,
      settings,
    });
    const { list, page } = rankedPage(query, settings, loaded, hook);
    const rows = list.items.map((i) => i.row);
    if (!loaded.fromCache || confirmedBy(loaded.index.clients, page.clients, rows)) {
      const shown = withPage(list, page, loaded, settings, hook);
      const annotated = annotate(
        shown,
        {
          valueColumn: loaded.opened.recognition.columns.value !== undefined,
          problems: page.problems,
          clients: loaded.index.clients,
          tries: () => cardTries(loaded, () => recentTries(loaded.tail)),
        },
        query.search ?? '',
      );
      const { opened, index } = loaded;
      // Replies found in Gmail (app/gmailScan.ts): those cards first, marked, due or not.
      const withTheirReplies = withReplies(hook.decorate(annotated), query, {
        spreadsheet: opened.spreadsheet,
        dates: opened.dates,
        recencyMonths: settings.recencyMonths,
        clientsFor: (ids) =>
          readRows(
            opened,
            index.clients.filter((c) => ids.has(c.id)).map((c) => c.row),
          ).clients,
      });
      publish(loaded.cached);
      return withTheirReplies;
    }
    loaded = rebuild(loaded.opened, loaded.cached, loaded.tail);
  }
}

function rankedPage(
  query: CallListQuery,
  settings: Settings,
  loaded: LoadedIndex,
  hook: FollowUps,
): { list: CallList; page: { clients: Client[]; problems: DataProblem[] } } {
  const { opened, index } = loaded;
  const list = buildCallList(
    hook.mark(index.clients),
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
  hook: FollowUps,
): CallList {
  const byRow = new Map(hook.mark(page.clients).map((c) => [c.row, c]));
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
  const tail = touchTail(cs.spreadsheet, cs.dates);
  const list = withReferralFollowUps(cs, (clients) =>
    annotate(
      buildCallList(
        clients,
        query,
        listContext(settings, cs.spreadsheet, {
          dates: cs.dates,
          problems: cs.problems,
          notices: [...cs.notices, ...notices],
          currency: () => valueCurrency(cs.sheet, cs.columns, cs.clients),
          goal: () => contactsToday(tail, cs.dates.today),
        }),
      ),
      {
        valueColumn: cs.columns.value !== undefined,
        problems: cs.problems,
        clients: cs.clients,
        tries: () => recentTries(tail),
      },
      query.search ?? '',
    ),
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

interface Annotations {
  /** The sheet has a Value column (else the list says it ranks by time alone). */
  valueColumn: boolean;
  /** Data problems of the rows whose cards are shown. */
  problems: readonly DataProblem[];
  /** The clients a search looked through (for "Do Not Contact" matches). */
  clients: readonly Client[];
  /** Each client's last try, from the recent end of the Touches log (read when asked). */
  tries: () => ReturnType<typeof lastTries>;
}

/** Last tries from the recent end of the Touches log (one read). */
function recentTries(tail: TouchTail): ReturnType<typeof lastTries> {
  return lastTries(tail(RECENT_TRY_ROWS));
}

/**
 * How far back the list looks for each card's last try: the recent end only (about 800 cells), so
 * a cached list stays cheap; the card's full history is read when it is expanded (getClientHistory).
 */
const RECENT_TRY_ROWS = 100;

const NO_VALUE_NOTICE =
  'No value column was found, so the list ranks by time since contact alone. To rank your most valuable clients first, choose the column that holds what each client is worth in Settings, under Your columns > Value.';

/** What the cards and the empty state say beyond the ranking: tries, the row's problems, Do Not Contact matches. */
function annotate(list: CallList, from: Annotations, search: string): CallList {
  if (!from.valueColumn) list.notices.push(NO_VALUE_NOTICE);
  const tries = from.tries();
  const byRow = new Map<number, string[]>();
  for (const p of from.problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p.message]);
  for (const item of list.items) {
    item.lastTry = tries.get(item.id) ?? null;
    item.problems = byRow.get(item.row) ?? [];
  }
  const needle = search.trim().toLowerCase();
  if (list.total > 0 || !needle) return list;
  list.doNotContactMatches = from.clients
    .filter((c) => c.doNotContact)
    .filter((c) => [c.name, c.company, c.email, c.id].some((f) => f.toLowerCase().includes(needle)))
    .slice(0, 5)
    .map((c) => c.name || c.id);
  return list;
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
