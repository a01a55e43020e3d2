// "Free merge storage": what the journal holds written back to the sheet and its space freed, and the store's size reported for the Emails tab.
import type { JournalRepair, MergeStorage } from '../shared/mergeApi';
import { MAX_BATCH } from '../shared/mergeApi';
import { RUN_MAX_MS } from '../core/merge/journal';
import {
  STORE_LIMIT_BYTES,
  freeBytes,
  runBudget,
  type JournalSnapshot,
} from '../core/merge/journalStore';
import { openJournal, type Journal } from '../services/mergeJournal';
import { now } from '../services/clock';
import { withMergeLock } from '../services/mergeLock';
import { openMergeContext } from './mergeContext';

const KB = 1024;

/** What a merge of MAX_BATCH clients with ordinary IDs and addresses needs in the journal. */
const TYPICAL_RUN = runBudget(
  { run: 'xxxxxxxxxxx', template: 'x'.repeat(60), mode: 'send', date: '2026-01-01', at: 0 },
  Array.from({ length: MAX_BATCH }, () => ({ clientId: 'C-00000', to: 'someone@example.com' })),
);

export function storageOf(snap: JournalSnapshot): MergeStorage {
  const free = freeBytes(snap);
  return {
    usedKB: Math.ceil(snap.storeBytes / KB),
    limitKB: STORE_LIMIT_BYTES / KB,
    journalKB: Math.ceil(snap.journalBytes / KB),
    freeKB: Math.floor(free / KB),
    low: free < TYPICAL_RUN,
  };
}

export function mergeStorage(journal: Journal): MergeStorage {
  return storageOf(journal.snapshot());
}

/**
 * Writes back every send the journal records (statuses, and touches never logged twice, through the
 * same path as any merge) and removes what no merge needs: every page, old-format entries, and the
 * records of runs over 7 minutes old. A run younger than that may still be sending in another
 * window, and its record is what keeps it from emailing a client twice: it stays, and is counted.
 */
export function repairMergeJournal(): JournalRepair {
  return withMergeLock(() => {
    // Read before the context writes anything back, to count what the repair wrote.
    const before = openJournal().snapshot();
    const ctx = openMergeContext();
    const after = ctx.journal.snapshot();
    const young = after.runs.filter((r) => now().getTime() - r.at < RUN_MAX_MS);
    const keptKB = Math.ceil(after.journalBytes / KB);
    const storage = storageOf(after);
    const written = before.entries.length;
    const otherKB = Math.max(0, storage.usedKB - keptKB);
    const freedKB = Math.max(0, Math.ceil((before.journalBytes - after.journalBytes) / KB));
    const parts = [
      written
        ? `${written} merge result${written === 1 ? '' : 's'} written to the sheet (statuses and touches).`
        : 'Every merge result was already in the sheet.',
      `Freed ${freedKB} KB; ${storage.freeKB} KB is free for merges.`,
    ];
    if (young.length)
      parts.push(`${keptKB} KB stays a few minutes for a merge that may still be sending.`);
    if (storage.low)
      parts.push(
        `${otherKB} KB of this spreadsheet's add-on storage is held by other data (another add-on, a script of this spreadsheet, or Reconnect's settings): Reconnect leaves it alone. Send to fewer clients at a time, or remove that data.`,
      );
    return {
      written,
      freedKB,
      storage,
      notices: ctx.notices,
      message: parts.join(' '),
    };
  });
}
