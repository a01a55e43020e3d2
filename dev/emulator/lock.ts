// Emulated LockService: document, script and user locks, another process holding them, release at execution end.
import { gasError, type Kernel } from './kernel';

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export type LockKind = 'document' | 'script' | 'user';

interface LockState {
  /** This execution holds it. */
  mine: boolean;
  /** Another process holds it until this instant (Infinity: until told otherwise). */
  otherUntilMs: number | null;
}

export interface LockControl {
  /** Simulates another execution holding the lock, until an instant (ms) or until release(). */
  holdByOther(kind: LockKind, untilMs?: number): void;
  /** Ends another process's hold. */
  releaseOther(kind: LockKind): void;
  /** Who holds each lock now. */
  state(kind: LockKind): 'free' | 'mine' | 'other';
  /** Every tryLock/waitLock outcome, for assertions. */
  readonly history: Array<{
    kind: LockKind;
    method: 'tryLock' | 'waitLock';
    acquired: boolean;
    at: string;
  }>;
  /** getDocumentLock() returns null when the script is not bound to a document. */
  documentBound: boolean;
  /**
   * While another execution runs in the middle of this one (Emulator.concurrently), the locks this
   * one holds are held by "another process"; the returned function gives them back.
   */
  suspendMine(): () => void;
}

export function createLocks(kernel: Kernel) {
  const locks: Record<LockKind, LockState> = {
    document: { mine: false, otherUntilMs: null },
    script: { mine: false, otherUntilMs: null },
    user: { mine: false, otherUntilMs: null },
  };
  const history: LockControl['history'] = [];

  const heldByOther = (kind: LockKind): boolean => {
    const until = locks[kind].otherUntilMs;
    if (until === null) return false;
    if (kernel.clock.nowMs() >= until) {
      locks[kind].otherUntilMs = null;
      return false;
    }
    return true;
  };

  // "Locks are released automatically when the execution ends" (lock reference).
  kernel.onExecutionEnd(() => {
    for (const state of Object.values(locks)) state.mine = false;
  });

  const control: LockControl = {
    holdByOther(kind, untilMs) {
      locks[kind].otherUntilMs = untilMs ?? Number.POSITIVE_INFINITY;
    },
    releaseOther(kind) {
      locks[kind].otherUntilMs = null;
    },
    state(kind) {
      if (locks[kind].mine) return 'mine';
      return heldByOther(kind) ? 'other' : 'free';
    },
    history,
    documentBound: true,
    suspendMine() {
      const held = (Object.keys(locks) as LockKind[]).filter((k) => locks[k].mine);
      const before = new Map(held.map((k) => [k, locks[k].otherUntilMs] as const));
      for (const k of held) {
        locks[k].mine = false;
        locks[k].otherUntilMs = Number.POSITIVE_INFINITY;
      }
      return () => {
        for (const k of held) {
          locks[k].mine = true;
          locks[k].otherUntilMs = before.get(k) ?? null;
        }
      };
    },
  };

  /** Waits up to timeoutMs of emulated time; true when acquired. Waiting advances the clock. */
  function acquire(kind: LockKind, timeoutMs: number, method: 'tryLock' | 'waitLock'): boolean {
    const state = locks[kind];
    let acquired = true;
    if (!state.mine && heldByOther(kind)) {
      const until = state.otherUntilMs as number;
      const deadline = kernel.clock.nowMs() + Math.max(0, Number(timeoutMs) || 0);
      if (until <= deadline) {
        kernel.clock.advance(until - kernel.clock.nowMs());
        state.otherUntilMs = null;
      } else {
        kernel.clock.advance(deadline - kernel.clock.nowMs());
        acquired = false;
      }
    }
    if (acquired) state.mine = true;
    history.push({ kind, method, acquired, at: kernel.clock.now().toISOString() });
    return acquired;
  }

  function makeLock(kind: LockKind): GoogleAppsScript.Lock.Lock {
    return kernel.wrap<GoogleAppsScript.Lock.Lock>('LockService', 'Lock', {
      tryLock(timeoutInMillis: number) {
        return acquire(kind, timeoutInMillis, 'tryLock');
      },
      waitLock(timeoutInMillis: number) {
        if (!acquire(kind, timeoutInMillis, 'waitLock')) throw gasError(LOCK_TIMEOUT);
      },
      hasLock() {
        return locks[kind].mine;
      },
      releaseLock() {
        locks[kind].mine = false;
      },
    });
  }

  const LockService = kernel.wrap<GoogleAppsScript.Lock.LockService>('LockService', 'LockService', {
    getDocumentLock() {
      // "null if the method is called from a script that is not bound to a document" (Lock reference);
      // a time-driven run may lack the document's context too (kernel.context.document).
      return control.documentBound && kernel.context.document ? makeLock('document') : null;
    },
    getScriptLock() {
      return makeLock('script');
    },
    getUserLock() {
      return makeLock('user');
    },
  });
  return { LockService, control };
}
