// The week planned lean: every client from the call list's ranking index plus the few columns the week's counts, order and summary use; whole rows only for the candidates the plan examines.
import type { Schedule } from '../shared/scheduleApi';
import type { Client } from '../core/clients';
import type { ClientField } from '../core/columns';
import { pickForAudience } from '../core/merge/audience';
import { planOnFirst } from '../core/merge/firstCandidates';
import type { MergePlan } from '../core/merge/plan';
import { buildHistory, type SendHistory } from '../core/merge/skipRules';
import type { Template } from '../core/merge/templates';
import { readFieldColumns } from '../services/mergeRows';
import type { MergeContext } from './mergeContext';
import { readConfirmed, toFull, type LeanState } from './mergeLean';
import { planWeek, type WeekData, type WeekPlan } from './weeklyPlan';

/**
 * Read for every client beyond the index: the name (the order's tie-break, the summary), the email
 * (campaign progress, shared addresses), the phone (the summary's calls), Status (Recovery stops a
 * referral ask) and Merge Status (the send history); the ID to check each row against the index.
 */
const WEEK_FIELDS: readonly ClientField[] = [
  'id',
  'name',
  'email',
  'phone',
  'status',
  'mergeStatus',
];

/** What a name falls back to when the Name cell is blank: read only when some row needs it. */
const NAME_PARTS: readonly ClientField[] = ['firstName', 'lastName', 'company'];

/** More rows than this take their name from elsewhere: those columns are read for every row. */
const ROWS_FOR_NAMES = 200;

/** What a client of the week takes from the columns read (beyond the index). */
const COPIED = [
  'name',
  'firstName',
  'lastName',
  'company',
  'email',
  'phone',
  'status',
  'mergeStatus',
] as const;

/** What its row read whole must agree on (the name parts may not have been read). */
const CHECKED = ['name', 'email', 'phone', 'status', 'mergeStatus'] as const;

/** A row read whole no longer agrees with what was read of every client: plan on the whole sheet. */
class Disagrees extends Error {}

/**
 * The week's plan, on a lean context when it has one (ctx.lean): the same decisions as on the whole
 * sheet, which is read instead (the context turns full) when a row read disagrees with the index.
 * Returns the clients planned on (every client, with the fields the run's summary uses).
 */
export function planWeekLean(
  ctx: MergeContext,
  schedule: Schedule,
  taken: ReadonlyMap<string, string> = new Map(),
): { week: WeekPlan; clients: readonly Client[] } {
  if (ctx.lean) {
    const data = leanData(ctx, ctx.lean);
    try {
      if (data) return { week: planWeek(ctx, schedule, taken, data), clients: data.clients };
    } catch (error) {
      if (!(error instanceof Disagrees)) throw error;
    }
    toFull(ctx);
  }
  return { week: planWeek(ctx, schedule, taken), clients: ctx.cs.clients };
}

/** Every client from the index and WEEK_FIELDS (one call a column); null when a row disagrees. */
function leanData(ctx: MergeContext, lean: LeanState): WeekData | null {
  const { index } = lean;
  const read = named(ctx, lean);
  if (!read) return null;
  const indexed = new Map(index.clients.map((c) => [c.row, c] as const));
  for (const [row, c] of read) if (indexed.get(row)?.id !== c.id) return null;
  const clients = index.clients.map((c): Client => {
    const f = read.get(c.row);
    const out: Client = { ...c };
    for (const k of COPIED) out[k] = f?.[k] ?? '';
    return out;
  });
  const log = ctx.log;
  if (!log) return null;
  const histories = new Map<string, SendHistory>();
  const historyOf = (template: Template): SendHistory => {
    const key = template.name.trim().toLowerCase();
    let history = histories.get(key);
    if (!history) {
      // Only this template's touches: the history of any other template is never asked here.
      history = buildHistory(log.withStep(template.name), clients, []);
      histories.set(key, history);
    }
    return history;
  };
  const shown = emailShown(lean);
  return {
    clients,
    rawEmail: (c) => (shown ? String(shown[c.row - 2]?.[0] ?? '') : c.email),
    historyOf,
    displayRow: (c) => ctx.cs.display?.[c.row - 2] ?? [],
    whole: (template, candidates, limit, run) =>
      wholeRows(ctx, lean, template, candidates, limit, run),
  };
}

/** The Email column as displayed (one call), or null when the sheet has none. */
function emailShown(lean: LeanState): string[][] | null {
  const { opened } = lean;
  const column = opened.recognition.columns.email;
  if (column === undefined) return null;
  const n = opened.lastRow - 1;
  if (n < 1) return [];
  return opened.sheet.getRange(2, column + 1, n, 1).getDisplayValues() as string[][];
}

/**
 * planMerge on the first candidates read whole (about limit × 1.5), more when skips leave it
 * short. The audience is picked on the whole list first, as planMerge would (its notice too): on
 * that order, planning the first k stops where planning all of them would.
 */
function wholeRows(
  ctx: MergeContext,
  lean: LeanState,
  template: Template,
  candidates: readonly Client[],
  limit: number,
  run: (whole: readonly Client[]) => MergePlan,
): MergePlan {
  const picked = pickForAudience(template, candidates, {
    today: ctx.today,
    recentDays: ctx.settings.recentDays,
  });
  const plan = planOnFirst(
    picked.clients,
    limit,
    (first) => {
      const whole = readConfirmed(
        ctx.cs,
        lean,
        first.map((c) => c.row),
        true,
      );
      if (!whole || !agree(first, whole)) throw new Disagrees();
      const planned = run(whole);
      planned.notices = picked.notice ? [picked.notice] : [];
      return planned;
    },
    (p) => !!p.blocked || p.ready.length >= limit,
  );
  return plan!;
}

/** The rows read whole hold what the columns read of the same clients. */
function agree(known: readonly Client[], whole: readonly Client[]): boolean {
  return (
    known.length === whole.length &&
    known.every((c, i) => c.id === whole[i].id && CHECKED.every((k) => c[k] === whole[i][k]))
  );
}

/**
 * WEEK_FIELDS of every client by row, with each name as the whole row gives it: a blank Name (the
 * name then comes from the email) or a row blank in those columns may take its name from First and
 * Last Name or Company, read for those rows (whole), or for every row when many. Null when a row
 * read whole disagrees with the index.
 */
function named(ctx: MergeContext, lean: LeanState): Map<number, Client> | null {
  const { opened, index } = lean;
  // No Name column: every name comes from elsewhere.
  const noName = opened.recognition.columns.name === undefined;
  const read = byRow(
    readFieldColumns(opened, noName ? [...WEEK_FIELDS, ...NAME_PARTS] : WEEK_FIELDS),
  );
  if (noName) return read;
  const rows = index.clients
    .filter((c) => {
      const f = read.get(c.row);
      return !f || !f.name || f.name === f.email;
    })
    .map((c) => c.row);
  if (rows.length > ROWS_FOR_NAMES) {
    // (Their IDs were read with WEEK_FIELDS, unless every other of those cells is blank.)
    const ids = new Map(index.clients.map((c) => [c.row, c.id] as const));
    for (const n of readFieldColumns(opened, ['name', 'email', ...NAME_PARTS])) {
      const f = read.get(n.row);
      const { name, firstName, lastName, company } = n;
      read.set(
        n.row,
        f ? { ...f, name, firstName, lastName, company } : { ...n, id: ids.get(n.row) ?? '' },
      );
    }
    return read;
  }
  const whole = readConfirmed(ctx.cs, lean, rows, true);
  if (!whole) return null;
  for (const c of whole) read.set(c.row, c);
  return read;
}

function byRow(clients: readonly Client[]): Map<number, Client> {
  return new Map(clients.map((c) => [c.row, c] as const));
}
