// core/slices: how many slices a first read takes, and slices that cover every row exactly once.
import { MAX_SLICES, SPLIT_FROM_ROWS, sliceRows, slicesFor } from '../../src/core/slices';

test('small sheets are read in one go; large ones in up to 6 slices', () => {
  expect(slicesFor(0)).toBe(1);
  expect(slicesFor(SPLIT_FROM_ROWS - 1)).toBe(1);
  expect(slicesFor(SPLIT_FROM_ROWS)).toBe(4);
  expect(slicesFor(6_000)).toBe(5);
  expect(slicesFor(10_000)).toBe(MAX_SLICES);
  expect(slicesFor(50_000)).toBe(MAX_SLICES);
});

test.each([
  [10_001, 6],
  [5_001, 4],
  [50_001, 6],
  [7, 3],
  [2, 2],
])(
  'a sheet whose last row is %i in %i slices: every data row once, in order',
  (lastRow, slices) => {
    const covered: number[] = [];
    for (let s = 0; s < slices; s++) {
      const { first, last } = sliceRows(lastRow, s, slices);
      for (let r = first; r <= last; r++) covered.push(r);
    }
    expect(covered).toEqual(Array.from({ length: lastRow - 1 }, (_, i) => i + 2));
  },
);
