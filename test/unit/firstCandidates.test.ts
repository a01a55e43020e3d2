// core/merge/firstCandidates: plans on about 1.5 × the limit first, doubles while short, stops at the end of the list or when told to give up.
import { planOnFirst } from '../../src/core/merge/firstCandidates';

const order = Array.from({ length: 100 }, (_, i) => i);

test('limit 10: the first 20 candidates, then 40 and 80 while every other one is skipped, then all', () => {
  const sizes: number[] = [];
  const plan = planOnFirst(
    order,
    10,
    (first) => {
      sizes.push(first.length);
      return first.filter((n) => n % 8 === 0);
    },
    (ready) => ready.length >= 10,
  );
  expect(sizes).toEqual([20, 40, 80]);
  expect(plan).toHaveLength(10);
});

test('enough at once: one plan; no limit: the whole list once; a short list: once', () => {
  const sizes: number[] = [];
  const record = (first: readonly number[]) => (sizes.push(first.length), first);
  planOnFirst(order, 10, record, () => true);
  planOnFirst(order, undefined, record, () => false);
  planOnFirst(order.slice(0, 7), 10, record, () => false);
  expect(sizes).toEqual([20, 100, 7]);
});

test('never satisfied: stops once every candidate was in; null gives up at once', () => {
  const sizes: number[] = [];
  planOnFirst(
    order,
    1,
    (first) => (sizes.push(first.length), first),
    () => false,
  );
  expect(sizes).toEqual([6, 12, 24, 48, 96, 100]);
  expect(
    planOnFirst(
      order,
      10,
      () => null,
      () => false,
    ),
  ).toBeNull();
});
