// The claims log kept in the spreadsheet: which sends each run has claimed, read the same way by the sidebar's merge and by the weekly trigger, with or without a document lock.
import { RUN_MAX_MS, type JournalEntry } from './merge/journal';

/** A merge journal entry as the claims log keeps it: stamped when written, marked once in the sheet. */
export type LogEntry = JournalEntry & { written?: boolean };

/** The key of one send in the log: a client and a template. */
export function journalKey(clientId: string, template: string): string {
  return `reconnect.merge.${clientId}|${template.trim().toLowerCase()}`;
}

export function encodeEntry(entry: LogEntry): string {
  return JSON.stringify(entry);
}

/** Reads one logged entry; anything unreadable is dropped rather than trusted. */
export function decodeEntry(value: string): LogEntry | null {
  try {
    const e = JSON.parse(value) as Partial<LogEntry>;
    if (typeof e.clientId !== 'string' || typeof e.template !== 'string') return null;
    if (e.mode !== 'send' && e.mode !== 'draft') return null;
    if (e.state !== 'sending' && e.state !== 'done' && e.state !== 'failed') return null;
    if (typeof e.date !== 'string' || typeof e.to !== 'string') return null;
    if (e.at !== undefined && typeof e.at !== 'number') return null;
    return e as LogEntry;
  } catch {
    return null;
  }
}

/** A written entry old enough that no live run can still need it. */
export function isExpired(entry: LogEntry, nowMs: number): boolean {
  return entry.written === true && nowMs - (entry.at ?? 0) >= RUN_MAX_MS;
}

/**
 * A run that claimed sends and died never releases them: they are left alone this long (a week and
 * a day), long enough for its own journal to be written back by the next merge or batch.
 */
export const CLAIM_TTL_MS = 8 * 24 * 60 * 60 * 1000;

export type LogKind = 'claim' | 'entry' | 'release';

/** One row of the log, in sheet order (appended only; a prefix of dead rows is deleted). */
export interface LogRow {
  at: number;
  run: string;
  kind: LogKind;
  /** 'entry': the journal key. 'claim': the claimed journal keys, joined by newlines. */
  key: string;
  /** 'entry': the journal entry (encodeEntry). */
  json: string;
}

export function claimRow(run: string, keys: readonly string[], at: number): LogRow {
  return { at, run, kind: 'claim', key: keys.join('\n'), json: '' };
}

export function entryRow(key: string, entry: LogEntry, at: number): LogRow {
  return { at, run: entry.run ?? '', kind: 'entry', key, json: encodeEntry(entry) };
}

/** `dead`: the run is known to be over (a weekly run from an earlier day): its claims end at once. */
export function releaseRow(run: string, at: number, dead = false): LogRow {
  return { at, run, kind: 'release', key: '', json: dead ? 'dead' : '' };
}

/**
 * Weekly runs (their run IDs start with `prefix`) that claimed sends and never released them, and
 * are over (nothing written for RUN_MAX_MS): killed runs. Their journal entries are in this same
 * log, so the next weekly run writes them back; their claims can end.
 */
export function deadRuns(rows: readonly LogRow[], prefix: string, nowMs: number): string[] {
  const last = new Map<string, number>();
  const released = new Set<string>();
  for (const row of rows) {
    if (!row.run.startsWith(prefix)) continue;
    if (row.kind === 'release') released.add(row.run);
    last.set(row.run, Math.max(last.get(row.run) ?? 0, row.at));
  }
  return [...last]
    .filter(([run, at]) => !released.has(run) && nowMs - at >= RUN_MAX_MS)
    .map(([run]) => run);
}

interface Reading {
  released: Map<string, number>;
  /** Latest entry per key and run, with the index of its first row. */
  entries: Map<string, { first: number; key: string; run: string; entry: LogEntry }>;
}

function read(rows: readonly LogRow[]): Reading {
  const released = new Map<string, number>();
  const entries: Reading['entries'] = new Map();
  rows.forEach((row, i) => {
    if (row.kind === 'release')
      released.set(row.run, row.json === 'dead' ? Number.NEGATIVE_INFINITY : row.at);
    if (row.kind !== 'entry') return;
    const entry = decodeEntry(row.json);
    if (!entry) return;
    const id = `${row.key}\n${row.run}`;
    const seen = entries.get(id);
    entries.set(id, { first: seen?.first ?? i, key: row.key, run: row.run, entry });
  });
  return { released, entries };
}

function claimLive(row: LogRow, released: Map<string, number>, nowMs: number): boolean {
  if (nowMs - row.at >= CLAIM_TTL_MS) return false;
  const done = released.get(row.run);
  return done === undefined || nowMs - done < RUN_MAX_MS;
}

/**
 * The keys `run` must leave alone, and who holds them: for each key, the first live claim in the
 * log wins. A run appends its claim, then reads the log: whichever of two runs appended first
 * sees itself first and sends; the other sees the earlier claim and backs off. Live claims: a claim
 * row of a run not released (or released under RUN_MAX_MS ago), and a journal entry that took the
 * send (not failed) and is not yet expired.
 */
export function takenFrom(
  rows: readonly LogRow[],
  run: string,
  nowMs: number,
): Map<string, string> {
  const { released, entries } = read(rows);
  const holders: Array<{ index: number; key: string; run: string }> = [];
  rows.forEach((row, index) => {
    if (row.kind !== 'claim' || !claimLive(row, released, nowMs)) return;
    for (const key of row.key.split('\n')) if (key) holders.push({ index, key, run: row.run });
  });
  for (const e of entries.values()) {
    if (e.entry.state !== 'failed' && !isExpired(e.entry, nowMs))
      holders.push({ index: e.first, key: e.key, run: e.run });
  }
  holders.sort((a, b) => a.index - b.index);
  const first = new Map<string, string>();
  for (const h of holders) if (!first.has(h.key)) first.set(h.key, h.run);
  const taken = new Map<string, string>();
  for (const [key, holder] of first) if (holder !== run) taken.set(key, holder);
  return taken;
}

/** The journal entries in the log (latest per key), as the merge's journal reads them. */
export function journalEntries(rows: readonly LogRow[]): Array<{ key: string; entry: LogEntry }> {
  const latest = new Map<string, LogEntry>();
  for (const row of rows) {
    if (row.kind !== 'entry') continue;
    const entry = decodeEntry(row.json);
    if (entry) latest.set(row.key, entry);
  }
  return [...latest].map(([key, entry]) => ({ key, entry }));
}

/**
 * How many rows at the start of the log no run can need any more: released or expired claims, and
 * journal entries written to the sheet minutes ago. An entry not yet written stops the count (the
 * next run writes it back), as does anything recent.
 */
export function deadPrefix(rows: readonly LogRow[], nowMs: number): number {
  const { released, entries } = read(rows);
  let n = 0;
  for (const row of rows) {
    let dead: boolean;
    if (row.kind === 'claim') dead = !claimLive(row, released, nowMs);
    else if (row.kind === 'release') dead = nowMs - row.at >= RUN_MAX_MS;
    else {
      const latest = entries.get(`${row.key}\n${row.run}`);
      dead = !latest || isExpired(latest.entry, nowMs);
    }
    if (!dead) break;
    n += 1;
  }
  return n;
}
