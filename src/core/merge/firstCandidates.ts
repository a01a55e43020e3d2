// Planning on the first candidates of an ordered list: about 1.5 × the limit read and planned, doubled while skips leave the plan short.

/**
 * Calls `plan` on the first candidates of `order` (limit × 1.5 + 5, or all without a limit), then on
 * twice as many, until `enough` says the plan is complete or every candidate is in. On that order,
 * planning the first k stops where planning all of them would. `plan` returns null to give up (a
 * row no longer matches what the order was built from): the result is then null.
 */
export function planOnFirst<T, P>(
  order: readonly T[],
  limit: number | undefined,
  plan: (first: readonly T[]) => P | null,
  enough: (planned: P) => boolean,
): P | null {
  let k = limit === undefined ? order.length : Math.min(order.length, limit + (limit >> 1) + 5);
  for (;;) {
    const planned = plan(order.slice(0, k));
    if (planned === null || k >= order.length || enough(planned)) return planned;
    k = Math.min(order.length, k * 2);
  }
}
