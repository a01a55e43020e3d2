// The order of the call list: priority (due first, round-robin over recency groups by value), days since contact, or value.
import { BUCKETS, type Bucket, type CallListItem, type SortMode } from '../shared/api';

type Rankable = Pick<
  CallListItem,
  'name' | 'value' | 'bucket' | 'due' | 'daysSinceContact' | 'nextDue'
> & {
  /** The name in lower case, precomputed by callers that sort thousands of clients. */
  nameKey?: string;
  /**
   * The sheet row, given by callers that rank without reading names (the call list): equal
   * clients then keep the sheet's order instead of the name's.
   */
  sheetOrder?: number;
};

const byValueThenName = (a: Rankable, b: Rankable): number =>
  valueDesc(a.value, b.value) || tieBreak(a, b);

function tieBreak(a: Rankable, b: Rankable): number {
  if (a.sheetOrder !== undefined && b.sheetOrder !== undefined) return a.sheetOrder - b.sheetOrder;
  return compareNames(a, b);
}

/**
 * Names compared ignoring case, without allocating: sorting 50,000 clients compares names hundreds of
 * thousands of times, and a lower-cased copy per comparison kept the garbage collector busy.
 */
function compareNames(a: Rankable, b: Rankable): number {
  if (a.nameKey !== undefined && b.nameKey !== undefined) {
    return a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0;
  }
  const x = a.name;
  const y = b.name;
  if (x === y) return 0;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    let p = x.charCodeAt(i);
    let q = y.charCodeAt(i);
    // Lower-casing beyond ASCII can change lengths or depend on context (final sigma).
    if (p > 127 || q > 127) return compareLower(x, y);
    if (p === q) continue;
    if (p >= 65 && p <= 90) p += 32;
    if (q >= 65 && q <= 90) q += 32;
    if (p !== q) return p - q;
  }
  return x.length - y.length;
}

function compareLower(x: string, y: string): number {
  const a = x.toLowerCase();
  const b = y.toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

function valueDesc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/** Collects items one at a time and gives back the first `limit` of them in the order asked. */
export interface Picker<T> {
  /** False when the item cannot be among the first `limit` (and is not kept). */
  add(item: T): boolean;
  /** How many items were added. */
  readonly count: number;
  take(): T[];
}

/**
 * Keeps only the best `limit` items, without sorting them all: the first page of 50,000 clients
 * needs the best few, and items that cannot make the page are dropped at once (garbage that never
 * outlives the young generation). A buffer of up to twice the limit is sorted and cut when full,
 * so the cost is about n log(limit) rather than n log(n).
 */
function firstInOrder<T>(compare: (a: T, b: T) => number, limit: number): Picker<T> {
  const buffer: T[] = [];
  let worst: T | undefined;
  let count = 0;
  return {
    add(item: T): boolean {
      count += 1;
      if (limit <= 0 || (worst !== undefined && compare(item, worst) >= 0)) return false;
      buffer.push(item);
      if (buffer.length >= limit * 2) {
        buffer.sort(compare);
        buffer.length = limit;
        worst = buffer[limit - 1];
      }
      return true;
    },
    get count(): number {
      return count;
    },
    take: () => buffer.sort(compare).slice(0, Math.max(0, limit)),
  };
}

/**
 * Priority (the playbook): clients due come first. Among them, round-robin over the recency groups,
 * longest-silent group first within each round, taking the most valuable remaining client of each
 * group; so the first rounds reach the best client of every group before anyone's second-best.
 * Clients not due follow, soonest Next Due first.
 */
function priorityPicker<T extends Rankable>(limit: number): Picker<T> {
  // The first `limit` clients of the round-robin come from the first `limit` of each group.
  const groups = new Map<Bucket, Picker<T>>(
    BUCKETS.map((b) => [b, firstInOrder<T>(byValueThenName, limit)]),
  );
  const later = firstInOrder<T>(
    (a, b) => dateAsc(a.nextDue, b.nextDue) || byValueThenName(a, b),
    limit,
  );
  let count = 0;
  return {
    add(item: T): boolean {
      count += 1;
      return (item.due ? groups.get(item.bucket)! : later).add(item);
    },
    get count(): number {
      return count;
    },
    take(): T[] {
      const queues = BUCKETS.map((b) => groups.get(b)!.take());
      const out: T[] = [];
      const longest = Math.max(0, ...queues.map((q) => q.length));
      for (let round = 0; round < longest && out.length < limit; round++) {
        for (const queue of queues) if (round < queue.length) out.push(queue[round]);
      }
      return out.concat(later.take()).slice(0, limit);
    },
  };
}

function dateAsc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function daysDesc(a: number | null, b: number | null): number {
  return valueDesc(a, b);
}

/** A picker for `mode`: add clients one by one, take the first `limit` in that order. */
export function orderPicker<T extends Rankable>(mode: SortMode, limit = Infinity): Picker<T> {
  if (mode === 'days') {
    return firstInOrder<T>(
      (a, b) => daysDesc(a.daysSinceContact, b.daysSinceContact) || byValueThenName(a, b),
      limit,
    );
  }
  if (mode === 'value') {
    return firstInOrder<T>(
      (a, b) =>
        valueDesc(a.value, b.value) ||
        daysDesc(a.daysSinceContact, b.daysSinceContact) ||
        tieBreak(a, b),
      limit,
    );
  }
  return priorityPicker<T>(limit);
}

/** The clients in `mode` order; only the first `limit` of them when a page is all that is needed. */
export function sortClients<T extends Rankable>(
  clients: readonly T[],
  mode: SortMode,
  limit = Infinity,
): T[] {
  const picker = orderPicker<T>(mode, limit);
  for (const c of clients) picker.add(c);
  return picker.take();
}

export function priorityOrder<T extends Rankable>(clients: readonly T[], limit = Infinity): T[] {
  return sortClients(clients, 'priority', limit);
}
