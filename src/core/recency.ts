// Recency groups: which bucket a client falls in by whole calendar months of silence.
import type { Bucket } from '../shared/api';
import { monthsBetween, type CivilDate } from './dates';

/** Month thresholds between the groups: under 6 months, 6-12 months, 1-2 years, 2-3 years, 3+ years. */
export const DEFAULT_RECENCY_MONTHS: readonly number[] = [6, 12, 24, 36];

const ORDERED: readonly Bucket[] = ['under6m', '6to12m', '1to2y', '2to3y', '3yPlus'];

export function bucketOf(
  lastContact: CivilDate | null,
  today: CivilDate,
  thresholds: readonly number[] = DEFAULT_RECENCY_MONTHS,
): Bucket {
  if (!lastContact) return 'never';
  const months = monthsBetween(lastContact, today);
  for (let i = 0; i < thresholds.length; i++) {
    if (months < thresholds[i]) return ORDERED[i];
  }
  return '3yPlus';
}

/** Valid thresholds: four increasing whole numbers of months between 1 and 600. */
export function validRecencyMonths(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    value.every(
      (n, i) => Number.isInteger(n) && n >= 1 && n <= 600 && (i === 0 || n > value[i - 1]),
    )
  );
}
