// The weekly batches' pure parts: the calendar (week keys, due work, next run, expected end) and the claims log (first claim wins, releases, dead prefix).
import {
  batchWeekOf,
  dueWork,
  expectedDoneWeek,
  firstPendingBatch,
  nextRunDay,
  weekdayOf,
} from '../../src/core/schedule';
import {
  CLAIM_TTL_MS,
  claimRow,
  deadPrefix,
  deadRuns,
  entryRow,
  releaseRow,
  journalKey,
  takenFrom,
  type LogEntry,
} from '../../src/core/scheduleClaims';
import { RUN_MAX_MS } from '../../src/core/merge/journal';

describe('the calendar', () => {
  it('weekdays: 2026-11-30 is a Monday, 2026-11-29 a Sunday', () => {
    expect(weekdayOf('2026-11-30')).toBe(0);
    expect(weekdayOf('2026-11-29')).toBe(6);
  });

  it('a week is named by its batch day, the latest chosen weekday on or before today', () => {
    expect(batchWeekOf('2026-11-30', 'MONDAY')).toBe('2026-11-30');
    expect(batchWeekOf('2026-12-06', 'MONDAY')).toBe('2026-11-30');
    expect(batchWeekOf('2026-12-02', 'THURSDAY')).toBe('2026-11-26');
    // Across a year's end.
    expect(batchWeekOf('2027-01-02', 'WEDNESDAY')).toBe('2026-12-30');
  });

  it('due work: the batch on its day, carry-over until done, nothing once done or before the start', () => {
    expect(dueWork('2026-11-30', 'MONDAY', null, '2026-11-29')).toBe('batch');
    expect(
      dueWork('2026-12-01', 'MONDAY', { week: '2026-11-30', complete: false }, '2026-11-29'),
    ).toBe('carry');
    expect(
      dueWork('2026-12-01', 'MONDAY', { week: '2026-11-30', complete: true }, '2026-11-29'),
    ).toBe('none');
    // Saved on Wednesday: Monday's batch is not sent late.
    expect(dueWork('2026-12-03', 'MONDAY', null, '2026-12-02')).toBe('none');
    // A new week starts a new batch even if the last one left work (its clients are still first).
    expect(
      dueWork('2026-12-07', 'MONDAY', { week: '2026-11-30', complete: false }, '2026-11-29'),
    ).toBe('batch');
  });

  it('the next run and the expected end of the campaign', () => {
    const s = { day: 'MONDAY' as const, hour: 9 };
    expect(nextRunDay('2026-11-29', 10, s, null, '2026-11-29')).toBe('2026-11-30');
    expect(nextRunDay('2026-11-30', 8, s, null, '2026-11-29')).toBe('2026-11-30');
    expect(
      nextRunDay('2026-11-30', 12, s, { week: '2026-11-30', complete: false }, '2026-11-29'),
    ).toBe('2026-12-01');
    expect(
      nextRunDay('2026-11-30', 12, s, { week: '2026-11-30', complete: true }, '2026-11-29'),
    ).toBe('2026-12-07');
    expect(expectedDoneWeek(51, 10, '2026-11-30')).toBe('2027-01-04');
    expect(expectedDoneWeek(10, 10, '2026-11-30')).toBe('2026-11-30');
    expect(expectedDoneWeek(0, 10, '2026-11-30')).toBeNull();
    expect(
      firstPendingBatch(
        '2026-12-01',
        'MONDAY',
        { week: '2026-11-30', complete: true },
        '2026-11-29',
      ),
    ).toBe('2026-12-07');
    expect(
      firstPendingBatch(
        '2026-12-01',
        'MONDAY',
        { week: '2026-11-30', complete: false },
        '2026-11-29',
      ),
    ).toBe('2026-11-30');
  });
});

describe('the claims log', () => {
  const T = 1_800_000_000_000;
  const k = (id: string) => journalKey(id, 'Reconnect apology');
  const entry = (id: string, run: string, patch: Partial<LogEntry> = {}): LogEntry => ({
    clientId: id,
    template: 'Reconnect apology',
    mode: 'send',
    state: 'sending',
    date: '2026-11-30',
    to: `${id}@example.com`,
    run,
    at: T,
    ...patch,
  });

  it('the first claim wins: whichever run appended first sends, the other backs off', () => {
    const rows = [claimRow('A', [k('1'), k('2')], T), claimRow('B', [k('2'), k('3')], T + 1)];
    expect([...takenFrom(rows, 'A', T + 2)]).toEqual([[k('3'), 'B']]);
    expect([...takenFrom(rows, 'B', T + 2).keys()]).toEqual([k('1'), k('2')]);
  });

  it('a released claim ends RUN_MAX_MS after the release; a dead run is released at once', () => {
    const rows = [claimRow('A', [k('1')], T), releaseRow('A', T + 1000)];
    expect(takenFrom(rows, 'B', T + 2000).has(k('1'))).toBe(true);
    expect(takenFrom(rows, 'B', T + 1000 + RUN_MAX_MS).has(k('1'))).toBe(false);
    const killed = [claimRow('weekly.A', [k('1')], T), releaseRow('weekly.A', T + 1000, true)];
    expect(takenFrom(killed, 'B', T + 2000).has(k('1'))).toBe(false);
  });

  it('an unreleased claim (a merge that died) holds for eight days, then lapses', () => {
    const rows = [claimRow('A', [k('1')], T)];
    expect(takenFrom(rows, 'B', T + CLAIM_TTL_MS - 1).has(k('1'))).toBe(true);
    expect(takenFrom(rows, 'B', T + CLAIM_TTL_MS).has(k('1'))).toBe(false);
  });

  it('journal entries claim too until written and old; failed attempts claim nothing', () => {
    const rows = [
      entryRow(k('1'), entry('1', 'W'), T),
      entryRow(k('2'), entry('2', 'W', { state: 'failed' }), T),
      entryRow(k('3'), entry('3', 'W', { state: 'done', written: true, at: T }), T),
    ];
    const taken = takenFrom(rows, 'B', T + RUN_MAX_MS);
    expect([...taken.keys()]).toEqual([k('1')]);
  });

  it('dead runs are weekly runs silent for RUN_MAX_MS and never released; the dead prefix can go', () => {
    const rows = [
      claimRow('weekly.old', [k('1')], T),
      entryRow(k('1'), entry('1', 'weekly.old', { state: 'done', written: true }), T),
      claimRow('sidebar', [k('2')], T + RUN_MAX_MS),
    ];
    expect(deadRuns(rows, 'weekly.', T + RUN_MAX_MS)).toEqual(['weekly.old']);
    expect(deadRuns(rows, 'weekly.', T + 10)).toEqual([]);
    const released = [...rows, releaseRow('weekly.old', T + RUN_MAX_MS, true)];
    // The first two rows no run needs; the sidebar's live claim stops the count.
    expect(deadPrefix(released, T + RUN_MAX_MS)).toBe(2);
  });
});
