// Numbers (sheet rows or columns) as [first, last] runs, each run read or written in one call.

/**
 * The distinct values, sorted, as [first, last] runs. A value joins the run before it when it is
 * at most `maxStep` past the run's end (1: adjacent only; 4: up to 3 values skipped, read through
 * because a call costs more than a few rows of cells) and every skipped value is `bridgeable`.
 */
export function runs(
  values: readonly number[],
  maxStep = 1,
  bridgeable: (value: number) => boolean = () => true,
): [number, number][] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const value of sorted) {
    const last = out[out.length - 1];
    let join = last !== undefined && value - last[1] <= maxStep;
    for (let v = (last?.[1] ?? value) + 1; join && v < value; v++) join = bridgeable(v);
    if (join) last[1] = value;
    else out.push([value, value]);
  }
  return out;
}
