// The document lock as the mail merge takes it: short locked sections, so touches logged from the sidebar are never kept waiting long.

const LOCK_WAIT_MS = 30000;
/** A pause between two locked chunks of sends, long enough for a waiting writer to get in. */
const BETWEEN_CHUNKS_MS = 250;

export const MERGE_BUSY =
  'Another merge or update is running on this spreadsheet. Try again in a minute; nothing was sent.';

/**
 * Runs fn holding the document lock (every user of this spreadsheet), pending sheet writes flushed
 * before it is released. Throws MERGE_BUSY when the lock stays taken for 30 seconds.
 */
export function withMergeLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) return fn();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error(MERGE_BUSY);
  try {
    const result = fn();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

/** Lets another execution waiting for the lock take it before the merge's next chunk. */
export function letOthersIn(): void {
  Utilities.sleep(BETWEEN_CHUNKS_MS);
}
