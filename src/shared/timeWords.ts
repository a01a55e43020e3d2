// Time since the last contact in words, one module for the call script and the {{Time Since Contact}} tag: "about eight months", "almost five years".
import { NUMBER_WORDS } from './words';

const DAYS_PER_MONTH = 365.25 / 12;

function count(n: number, unit: string): string {
  const word = NUMBER_WORDS[n] ?? n.toLocaleString('en-US');
  return n === 1 ? `a ${unit}` : `${word} ${unit}s`;
}

/**
 * The gap as one says it, rounded softly (playbook 2: do not dwell on it): "a few days", "a few
 * weeks", "about eight months", "over a year", "almost five years". From a number of days, so the
 * sidebar (which has days) and the merge (which has dates) say the same words; "" when unknown.
 */
export function timeInWords(days: number | null): string {
  if (days === null || !Number.isFinite(days) || days < 0) return '';
  if (days < 7) return 'a few days';
  const exact = days / DAYS_PER_MONTH;
  if (exact < 1.5) return 'a few weeks';
  if (exact < 10.5) return `about ${count(Math.round(exact), 'month')}`;
  // Whole months, as the card counts them (a year of 365 days is 12, not 11.99).
  const months = Math.floor(exact + 0.05);
  const years = Math.floor(months / 12);
  const extra = months % 12;
  if (extra >= 9) return `almost ${count(years + 1, 'year')}`;
  if (extra >= 3) return `over ${count(years, 'year')}`;
  return `about ${count(years, 'year')}`;
}
