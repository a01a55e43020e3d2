// A daily quota as Apps Script counts it: a rolling window that starts with the first use and resets 24 hours later (quotas page).
import type { Clock } from './kernel';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * GmailApp calls that spend Gmail's own daily quota ("Gmail read/write (excluding send)": 20,000 a
 * day on a consumer account, quotas page): past it they throw "Service invoked too many times for one
 * day: gmail." (btoews/OctoGAS#7, #16). Sends spend the recipient quota instead.
 */
export const GMAIL_QUOTA_MEMBERS = new Set([
  'GmailApp.createDraft',
  'GmailApp.getDrafts',
  'GmailApp.getDraft',
  'GmailApp.getAliases',
  'GmailApp.search',
  'GmailApp.getMessagesForThreads',
  'GmailApp.getMessageById',
  'GmailApp.getThreadById',
  'GmailDraft.deleteDraft',
]);

export interface DailyCounter {
  /** Used in the current window (0 once the window is over). */
  used(): number;
  /** Counts `n` more, or returns false (nothing counted) when that would pass `limit`. */
  take(n: number, limit: number): boolean;
  reset(): void;
}

/** "Quotas are per user and reset 24 hours after the first request." (quotas page) */
export function dailyCounter(clock: Clock): DailyCounter {
  let used = 0;
  let start: number | null = null;
  const roll = () => {
    if (start !== null && clock.nowMs() >= start + DAY_MS) {
      used = 0;
      start = null;
    }
  };
  return {
    used() {
      roll();
      return used;
    },
    take(n, limit) {
      roll();
      if (used + n > limit) return false;
      if (start === null) start = clock.nowMs();
      used += n;
      return true;
    },
    reset() {
      used = 0;
      start = null;
    },
  };
}
