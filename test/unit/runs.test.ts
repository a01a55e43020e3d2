// core/runs: the one way rows and columns are grouped into reads and writes.
import { runs } from '../../src/core/runs';

test('adjacent values only by default; unsorted and repeated values are sorted and counted once', () => {
  expect(runs([5, 3, 4, 4, 9, 10, 1])).toEqual([
    [1, 1],
    [3, 5],
    [9, 10],
  ]);
  expect(runs([])).toEqual([]);
});

test('a larger step reads through short gaps, only where every skipped value may be bridged', () => {
  expect(runs([2, 6, 11], 4)).toEqual([
    [2, 6],
    [11, 11],
  ]);
  expect(runs([2, 6, 8], 4, (v) => v !== 4)).toEqual([
    [2, 2],
    [6, 8],
  ]);
});
