// The call list: each client as a JSON-safe item (days, words, bucket, due), filtered, searched, ranked and paged.
import {
  BUCKETS,
  type Bucket,
  type CallList,
  type CallListItem,
  type CallListQuery,
  type DataProblem,
  type GoalProgress,
  type SortMode,
} from '../shared/api';
import type { Client } from './clients';
import { daysBetween, sinceWords, type CivilDate } from './dates';
import { nextDueFor, parseCadence } from './cadence';
import { bucketOf } from './recency';
import { orderPicker } from './priority';

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 500;

/**
 * Due: a client on a cadence is due once its Next Due has come (the Next Due cell wins when it holds
 * a date, so a recall date typed by the user counts); a client with no cadence is due once silent
 * for 6 months; a client with no contact recorded is due.
 */
export function toItem(
  client: Client,
  today: CivilDate,
  recencyMonths?: readonly number[],
): CallListItem {
  return itemFrom(client, timing(client, today, recencyMonths));
}

/** What a client's dates mean today; shared by every client with the same dates and cadence. */
interface Timing {
  nextDue: CivilDate | null;
  due: boolean;
  days: number | null;
  bucket: Bucket;
  /** The bucket's position in BUCKETS (the chips' counts are tallied by it). */
  bucketIndex: number;
  words: string;
}

function timing(client: Client, today: CivilDate, recencyMonths?: readonly number[]): Timing {
  const span = parseCadence(client.cadence) ?? null;
  const nextDue = client.nextDue ?? nextDueFor(client.lastContact, span);
  const bucket = bucketOf(client.lastContact, today, recencyMonths);
  return {
    nextDue,
    // A next try set after no answer counts for a client never reached too.
    due: nextDue !== null ? nextDue <= today : client.lastContact === null,
    days: client.lastContact === null ? null : daysBetween(client.lastContact, today),
    bucket,
    bucketIndex: BUCKETS.indexOf(bucket),
    words: sinceWords(client.lastContact, today),
  };
}

function itemFrom(client: Client, t: Timing): CallListItem {
  return {
    id: client.id,
    name: client.name,
    firstName: client.firstName,
    company: client.company,
    email: client.email,
    phone: client.phone,
    lastContact: client.lastContact,
    daysSinceContact: t.days,
    sinceWords: t.words,
    value: client.value,
    bucket: t.bucket,
    cadence: client.cadence,
    nextDue: t.nextDue,
    due: t.due,
    status: client.status,
    recovery: client.status.trim().toLowerCase() === 'recovery',
    touches: client.touches,
    lastChannel: client.lastChannel,
    notes: client.notes,
    row: client.row,
  };
}

/** A client reduced to what ranking needs; full items are built for the page only. */
interface Ranked {
  client: Client;
  timing: Timing;
  name: string;
  value: number | null;
  bucket: Bucket;
  due: boolean;
  daysSinceContact: number | null;
  nextDue: string | null;
  sheetOrder: number;
}

function ranked(client: Client, t: Timing): Ranked {
  return {
    client,
    timing: t,
    name: client.name,
    value: client.value,
    bucket: t.bucket,
    due: t.due,
    daysSinceContact: t.days,
    nextDue: t.nextDue,
    sheetOrder: client.row,
  };
}

function refill(r: Ranked, client: Client, t: Timing): void {
  r.client = client;
  r.timing = t;
  r.name = client.name;
  r.value = client.value;
  r.bucket = t.bucket;
  r.due = t.due;
  r.daysSinceContact = t.days;
  r.nextDue = t.nextDue;
  r.sheetOrder = client.row;
}

/**
 * Timings by Next Due and cadence, then by Last Contact. Most clients have neither Next Due nor
 * cadence (one inner map for all of them), and no key is made per client but for a Next Due.
 */
class TimingMemo {
  /** Clients with neither Next Due nor cadence. */
  private plain = new Map<string | null, Timing>();
  private byCadence = new Map<string, Map<string | null, Timing>>();
  private byNextDue = new Map<string, Map<string | null, Timing>>();
  constructor(
    private today: CivilDate,
    private recencyMonths?: readonly number[],
  ) {}

  of(client: Client): Timing {
    const plain = client.nextDue === null && client.cadence === '';
    const byDate = plain ? this.plain : this.byPair(client.nextDue, client.cadence);
    let t = byDate.get(client.lastContact);
    if (t === undefined) {
      t = timing(client, this.today, this.recencyMonths);
      byDate.set(client.lastContact, t);
    }
    return t;
  }

  private byPair(nextDue: string | null, cadence: string): Map<string | null, Timing> {
    const memo = nextDue === null ? this.byCadence : this.byNextDue;
    // A date holds no '|': the key names one (Next Due, cadence) pair.
    const key = nextDue === null ? cadence : `${nextDue}|${cadence}`;
    let byDate = memo.get(key);
    if (byDate === undefined) memo.set(key, (byDate = new Map()));
    return byDate;
  }
}

export function emptyCounts(): Record<Bucket, number> {
  return Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;
}

export interface CallListContext {
  today: CivilDate;
  asOf: string;
  recencyMonths?: readonly number[];
  problems: DataProblem[];
  notices: string[];
  currency: string;
  goal: GoalProgress;
}

/**
 * Filter (bucket: 'due' by default, 'all', or one recency group of the due clients, matching the
 * chips' counts), then search (name, company, email, phone, ID, notes), then sort and page. Do Not
 * Contact clients are never listed.
 */
export function buildCallList(
  clients: readonly Client[],
  query: CallListQuery,
  ctx: CallListContext,
): CallList {
  // Tallied by position: a count kept under 6 different keys was a slow keyed store per client.
  const tally: number[] = BUCKETS.map(() => 0);
  const bucket = query.bucket ?? 'due';
  const needle = (query.search ?? '').trim().toLowerCase();
  const sort: SortMode = query.sort === 'days' || query.sort === 'value' ? query.sort : 'priority';
  const offset = Math.max(0, Math.floor(Number(query.offset) || 0));
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(Number(query.limit) || DEFAULT_LIMIT)));
  const picked = orderPicker<Ranked>(sort, offset + limit);
  // A sheet has far fewer distinct (date, cadence) pairs than clients: compute each meaning once.
  const timings = new TimingMemo(ctx.today, ctx.recencyMonths);
  // One candidate, refilled until the picker keeps it: most clients cannot make the page, and
  // 50,000 objects made only to be dropped kept the garbage collector busy.
  let candidate: Ranked | null = null;
  for (const client of clients) {
    if (client.doNotContact) continue;
    const t = timings.of(client);
    if (t.due) tally[t.bucketIndex] += 1;
    if (bucket === 'due' && !t.due) continue;
    if (bucket !== 'due' && bucket !== 'all' && (!t.due || t.bucket !== bucket)) continue;
    if (needle && !matches(client, needle)) continue;
    if (candidate === null) candidate = ranked(client, t);
    else refill(candidate, client, t);
    if (picked.add(candidate)) candidate = null;
  }
  const counts = emptyCounts();
  BUCKETS.forEach((b, i) => (counts[b] = tally[i]));
  const page = picked
    .take()
    .slice(offset)
    .map((r) => itemFrom(r.client, r.timing));
  return {
    items: page,
    total: picked.count,
    counts,
    asOf: ctx.asOf,
    today: ctx.today,
    problems: ctx.problems,
    notices: ctx.notices,
    currency: ctx.currency,
    goal: ctx.goal,
  };
}

function matches(client: Client, needle: string): boolean {
  return [client.name, client.company, client.email, client.phone, client.id, client.notes].some(
    (f) => f.toLowerCase().includes(needle),
  );
}

const SYMBOLS = ['$', '€', '£', '¥', '₹', '₩', '₪', '₺', 'R$', 'CHF', 'kr', 'zł'];

/** The currency of a number format like '"$"#,##0.00', '[$€-407]#,##0' or '#,##0 [$EUR]'; '' when none. */
export function currencyFromFormat(format: string): string {
  const bracket = /\[\$([^\]-]*)/.exec(format);
  if (bracket && bracket[1]) return bracket[1];
  const quoted = /"([^"]+)"/.exec(format);
  if (quoted && /[^\s\d#,.0]/.test(quoted[1])) return quoted[1].trim();
  for (const s of SYMBOLS) if (format.includes(s)) return s;
  return '';
}
