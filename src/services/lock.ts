// The document lock around every read-modify-write of the client sheet and the touch log.

const WAIT_MS = 30000;

/**
 * Runs fn holding the document lock (all users of this spreadsheet), so two people logging touches
 * at once never overwrite each other's counts. Pending writes are flushed before the lock is released.
 */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) return fn();
  try {
    lock.waitLock(WAIT_MS);
  } catch {
    throw new Error(
      'Someone else is updating the client sheet right now. Please try again in a few seconds.',
    );
  }
  try {
    const result = fn();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
