// Pins LockService: tryLock/waitLock against another process, the timeout message, release at execution end.
import { Clock, Kernel } from '../../dev/emulator/kernel';
import { createLocks, LOCK_TIMEOUT } from '../../dev/emulator/lock';

function setup() {
  const kernel = new Kernel(new Clock('2026-11-25T15:00:00Z'));
  const { LockService, control } = createLocks(kernel);
  kernel.beginExecution('FULL');
  return { kernel, LockService, control };
}

describe('Lock', () => {
  it('is not held until tryLock/waitLock, then hasLock until released (lock reference)', () => {
    const { LockService } = setup();
    const lock = LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    // "no effect if the lock has already been acquired"
    expect(lock.tryLock(0)).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('tryLock returns false after the timeout when another process holds it, advancing the clock', () => {
    const { kernel, LockService, control } = setup();
    control.holdByOther('script');
    const before = kernel.clock.nowMs();
    expect(LockService.getScriptLock().tryLock(5000)).toBe(false);
    expect(kernel.clock.nowMs() - before).toBe(5000);
    expect(LockService.getScriptLock().hasLock()).toBe(false);
  });

  it('waitLock throws the real timeout message (issue reports; lock reference)', () => {
    const { LockService, control } = setup();
    control.holdByOther('document');
    let caught: Error | null = null;
    try {
      LockService.getDocumentLock().waitLock(30000);
    } catch (error) {
      caught = error as Error;
    }
    expect(caught?.message).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(caught?.message).toBe(LOCK_TIMEOUT);
    expect(caught?.name).toBe('Exception');
  });

  it('gets the lock when the other process lets go within the timeout, at that instant', () => {
    const { kernel, LockService, control } = setup();
    const start = kernel.clock.nowMs();
    control.holdByOther('document', start + 2000);
    LockService.getDocumentLock().waitLock(30000);
    expect(kernel.clock.nowMs()).toBe(start + 2000);
    expect(control.state('document')).toBe('mine');
  });

  it('locks are independent: a held script lock does not block the user lock', () => {
    const { LockService, control } = setup();
    control.holdByOther('script');
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
  });

  it('is released automatically when the execution ends (lock reference)', () => {
    const { kernel, LockService, control } = setup();
    expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(control.state('document')).toBe('mine');
    kernel.endExecution();
    expect(control.state('document')).toBe('free');
    kernel.beginExecution('FULL');
    expect(LockService.getDocumentLock().hasLock()).toBe(false);
  });

  it('counts lock calls', () => {
    const { kernel, LockService } = setup();
    LockService.getDocumentLock().tryLock(10);
    expect(kernel.count('Lock.tryLock')).toBe(1);
    expect(kernel.count('LockService.getDocumentLock')).toBe(1);
  });
});
