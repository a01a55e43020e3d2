// The order of the call list: priority (due first, round-robin over recency groups by value), days since contact, or value.
import { BUCKETS, type Bucket, type CallListItem, type SortMode } from '../shared/api';

type Rankable = Pick<
  CallListItem,
  'name' | 'value' | 'bucket' | 'due' | 'daysSinceContact' | 'nextDue'
> & {
  /** The name in lower case, precomputed by callers that sort thousands of clients. */
  nameKey?: string;
};

const byValueThenName = (a: Rankable, b: Rankable): number =>
  valueDesc(a.value, b.value) || compareNames(a, b);

function compareNames(a: Rankable, b: Rankable): number {
  const x = a.nameKey ?? a.name.toLowerCase();
  const y = b.nameKey ?? b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function valueDesc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/**
 * Priority (the playbook): clients due come first. Among them, round-robin over the recency groups,
 * longest-silent group first within each round, taking the most valuable remaining client of each
 * group; so the first rounds reach the best client of every group before anyone's second-best.
 * Clients not due follow, soonest Next Due first.
 */
export function priorityOrder<T extends Rankable>(clients: readonly T[]): T[] {
  const groups = new Map<Bucket, T[]>(BUCKETS.map((b) => [b, []]));
  const later: T[] = [];
  for (const c of clients) (c.due ? groups.get(c.bucket)! : later).push(c);
  const queues = BUCKETS.map((b) => groups.get(b)!.sort(byValueThenName));
  const out: T[] = [];
  const longest = Math.max(0, ...queues.map((q) => q.length));
  for (let round = 0; round < longest; round++) {
    for (const queue of queues) if (round < queue.length) out.push(queue[round]);
  }
  later.sort((a, b) => dateAsc(a.nextDue, b.nextDue) || byValueThenName(a, b));
  return out.concat(later);
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

export function sortClients<T extends Rankable>(clients: readonly T[], mode: SortMode): T[] {
  if (mode === 'days') {
    return [...clients].sort(
      (a, b) => daysDesc(a.daysSinceContact, b.daysSinceContact) || byValueThenName(a, b),
    );
  }
  if (mode === 'value') {
    return [...clients].sort(
      (a, b) =>
        valueDesc(a.value, b.value) ||
        daysDesc(a.daysSinceContact, b.daysSinceContact) ||
        compareNames(a, b),
    );
  }
  return priorityOrder(clients);
}
