// How the merge journal sits in the document's property store: short keys, one record per run, pages of compact entries, and its size known before the first send.
import type { CivilDate } from '../dates';
import type { MergeMode } from './plan';
import type { JournalEntry, StoredEntry } from './journal';

/**
 * Keys: `rcj.<run>` holds the run (template, mode, day, start) once; `rcj.<run>.<page>` holds up to
 * PAGE_ENTRIES sends as `[clientId, to, state, status?]`. The template name is never repeated per
 * entry. Runs before this format wrote one `reconnect.merge.<id>|<template>` property per send;
 * they are still read (and written back, then removed).
 */
export const JOURNAL_PREFIX = 'rcj.';
export const LEGACY_PREFIX = 'reconnect.merge.';

/** "Properties value size: 9 KB / val"; "total storage: 500 KB / property store" (quotas page). */
export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;
/** A page is closed before it could pass this, well under the 9 KB a value may hold. */
export const PAGE_MAX_BYTES = 8 * 1024;
export const PAGE_ENTRIES = 25;
/** All of the journal (every run's pages and records) stays under this. */
export const JOURNAL_CAP_BYTES = 100 * 1024;
/** Left free for the rest of Reconnect's document state (settings, undo records). */
export const STORE_RESERVE_BYTES = 16 * 1024;
/** A failure's status is clipped to this many bytes in the journal (the sheet gets it whole). */
export const STATUS_MAX_BYTES = 160;
/** Longest template name the run record takes (the record must stay one property). */
export const TEMPLATE_NAME_MAX = 2000;

export interface RunRecord {
  run: string;
  template: string;
  mode: MergeMode;
  date: CivilDate;
  /** When the run started (ms): no Apps Script run lives 7 minutes past it. */
  at: number;
  /** Hashes of the clients whose results are in the sheet (for merges still sending). */
  written: string[];
}

export interface JournalSnapshot {
  entries: StoredEntry[];
  runs: Array<RunRecord & { key: string }>;
  /** Keys of pages (or old entries) that are no longer readable, or already in the sheet. */
  stale: string[];
  /** Bytes used by the journal, and by the whole document store (keys and values, UTF-8). */
  journalBytes: number;
  storeBytes: number;
}

export function runKey(run: string): string {
  return `${JOURNAL_PREFIX}${run}`;
}

export function pageKey(run: string, page: number): string {
  return `${JOURNAL_PREFIX}${run}.${page.toString(36)}`;
}

/** UTF-8 length without TextEncoder (absent in Apps Script). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A short, stable hash of a Client ID (FNV-1a, 32 bits, base 36): a collision only skips a client. */
export function clientHash(clientId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < clientId.length; i++) {
    h ^= clientId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function encodeRun(r: RunRecord): string {
  const out: Record<string, unknown> = { t: r.template, m: r.mode, d: r.date, a: r.at };
  if (r.written.length) out.w = r.written.join(' ');
  return JSON.stringify(out);
}

function decodeRun(key: string, value: string): (RunRecord & { key: string }) | null {
  try {
    const o = JSON.parse(value) as Record<string, unknown>;
    if (typeof o.t !== 'string' || (o.m !== 'send' && o.m !== 'draft')) return null;
    if (typeof o.d !== 'string' || typeof o.a !== 'number') return null;
    const written = typeof o.w === 'string' && o.w ? o.w.split(' ') : [];
    const run = key.slice(JOURNAL_PREFIX.length);
    return { key, run, template: o.t, mode: o.m, date: o.d, at: o.a, written };
  } catch {
    return null;
  }
}

/** Clips a status so it takes at most STATUS_MAX_BYTES once in JSON. */
export function clipStatus(status: string): string {
  let s = status;
  while (s && utf8Bytes(JSON.stringify(s)) > STATUS_MAX_BYTES) s = s.slice(0, -8);
  return s;
}

function entryTuple(e: JournalEntry): unknown[] {
  if (e.state === 'failed') return [e.clientId, e.to, 'f', clipStatus(e.status ?? '')];
  if (e.state === 'sending' && e.subjectHash) return [e.clientId, e.to, 's', e.subjectHash];
  if (e.state === 'done' && e.draftId) return [e.clientId, e.to, 'd', e.draftId, e.messageId ?? ''];
  return [e.clientId, e.to, e.state === 'done' ? 'd' : 's'];
}

export function encodePage(entries: readonly JournalEntry[]): string {
  return JSON.stringify(entries.map(entryTuple));
}

function decodePage(value: string, run: RunRecord): JournalEntry[] | null {
  try {
    const rows = JSON.parse(value) as unknown;
    if (!Array.isArray(rows)) return null;
    const out: JournalEntry[] = [];
    for (const row of rows) {
      if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') continue;
      const state = row[2] === 'd' ? 'done' : row[2] === 'f' ? 'failed' : 'sending';
      const entry: JournalEntry = {
        clientId: row[0],
        template: run.template,
        mode: run.mode,
        state,
        date: run.date,
        to: row[1],
        run: run.run,
        at: run.at,
      };
      if (state === 'failed' && typeof row[3] === 'string') entry.status = row[3];
      if (state === 'sending' && typeof row[3] === 'string') entry.subjectHash = row[3];
      if (state === 'done' && typeof row[3] === 'string' && typeof row[4] === 'string') {
        entry.draftId = row[3];
        entry.messageId = row[4];
      }
      out.push(entry);
    }
    return out;
  } catch {
    return null;
  }
}

/** An entry of the format before pages (one JSON object per send). */
function decodeLegacy(value: string): (JournalEntry & { written?: boolean }) | null {
  try {
    const e = JSON.parse(value) as Partial<JournalEntry & { written: boolean }>;
    if (typeof e.clientId !== 'string' || typeof e.template !== 'string') return null;
    if (e.mode !== 'send' && e.mode !== 'draft') return null;
    if (e.state !== 'sending' && e.state !== 'done' && e.state !== 'failed') return null;
    if (typeof e.date !== 'string' || typeof e.to !== 'string') return null;
    if (e.at !== undefined && typeof e.at !== 'number') return null;
    return e as JournalEntry & { written?: boolean };
  } catch {
    return null;
  }
}

/** Reads the journal out of every property of the document store (one getProperties call). */
export function readSnapshot(all: Record<string, string>): JournalSnapshot {
  const snap: JournalSnapshot = {
    entries: [],
    runs: [],
    stale: [],
    journalBytes: 0,
    storeBytes: 0,
  };
  const pages: Array<[string, string]> = [];
  for (const key of Object.keys(all)) {
    const bytes = utf8Bytes(key) + utf8Bytes(all[key]);
    snap.storeBytes += bytes;
    if (key.startsWith(LEGACY_PREFIX)) {
      snap.journalBytes += bytes;
      const e = decodeLegacy(all[key]);
      if (!e || e.written) snap.stale.push(key);
      else snap.entries.push({ key, entry: stripWritten(e) });
    } else if (key.startsWith(JOURNAL_PREFIX)) {
      snap.journalBytes += bytes;
      const rest = key.slice(JOURNAL_PREFIX.length);
      if (rest.includes('.')) pages.push([key, all[key]]);
      else {
        const run = decodeRun(key, all[key]);
        if (run) snap.runs.push(run);
        else snap.stale.push(key);
      }
    }
  }
  const byRun = new Map(snap.runs.map((r) => [r.run, r] as const));
  for (const [key, value] of pages) {
    const run = byRun.get(key.slice(JOURNAL_PREFIX.length).split('.')[0]);
    const entries = run ? decodePage(value, run) : null;
    if (!entries) snap.stale.push(key);
    else for (const entry of entries) snap.entries.push({ key, entry });
  }
  return snap;
}

function stripWritten(e: JournalEntry & { written?: boolean }): JournalEntry {
  const copy = { ...e };
  delete copy.written;
  return copy;
}

/**
 * Keys no run can need any more: unreadable data, old entries already in the sheet, and the record of
 * a run that started over 7 minutes ago and has no page left (pages are removed once written back).
 */
export function expiredKeys(snap: JournalSnapshot, nowMs: number, runMaxMs: number): string[] {
  const withPages = new Set(snap.entries.map((s) => s.entry.run));
  const old = snap.runs.filter((r) => nowMs - r.at >= runMaxMs && !withPages.has(r.run));
  return [...snap.stale, ...old.map((r) => r.key)];
}

/** The most one entry can take in a page, whatever its outcome (comma and page share included). */
export function entryBudget(clientId: string, to: string): number {
  return utf8Bytes(JSON.stringify([clientId, to, 'f'])) + STATUS_MAX_BYTES + 2;
}

/** The bytes a run of these sends can ever take: its record, and each entry as if alone in a page. */
export function runBudget(
  record: Omit<RunRecord, 'written'>,
  sends: ReadonlyArray<{ clientId: string; to: string }>,
): number {
  const recordBytes =
    utf8Bytes(runKey(record.run)) +
    utf8Bytes(encodeRun({ ...record, written: [] })) +
    sends.length * 8;
  const pageOverhead = utf8Bytes(pageKey(record.run, 1295)) + 2;
  let total = recordBytes;
  for (const s of sends) total += entryBudget(s.clientId, s.to) + pageOverhead;
  return total;
}

/** Bytes this run may still use: within the journal's cap, and leaving the store its reserve. */
export function freeBytes(snap: Pick<JournalSnapshot, 'journalBytes' | 'storeBytes'>): number {
  const journal = JOURNAL_CAP_BYTES - snap.journalBytes;
  const store = STORE_LIMIT_BYTES - STORE_RESERVE_BYTES - snap.storeBytes;
  return Math.max(0, Math.min(journal, store));
}

function kb(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Before the first send: a clear refusal when the journal of this run could not fit (so a merge
 * never stops half-way on a full store), or null. `sends` in the order they would go.
 */
export function roomProblem(
  snap: Pick<JournalSnapshot, 'journalBytes' | 'storeBytes'>,
  record: Omit<RunRecord, 'written'>,
  sends: ReadonlyArray<{ clientId: string; to: string }>,
): string | null {
  if (record.template.length > TEMPLATE_NAME_MAX) {
    return `The template name is ${record.template.length.toLocaleString()} characters long; the merge journal takes names up to ${TEMPLATE_NAME_MAX.toLocaleString()}. Shorten it in the Templates sheet. Nothing was sent.`;
  }
  const tooLong = sends.find((s) => entryBudget(s.clientId, s.to) > PAGE_MAX_BYTES / 2);
  if (tooLong) {
    return `The Client ID "${tooLong.clientId.slice(0, 40)}…" is too long for the merge journal; use IDs under 1,000 characters. Nothing was sent.`;
  }
  const need = runBudget(record, sends);
  const free = freeBytes(snap);
  if (need <= free) return null;
  let fits = 0;
  while (fits < sends.length && runBudget(record, sends.slice(0, fits + 1)) <= free) fits++;
  const used = `${kb(snap.storeBytes)} of ${kb(STORE_LIMIT_BYTES)} used, ${kb(snap.journalBytes)} of it by the merge journal`;
  const fewer = fits > 0 ? `send to ${fits} client${fits === 1 ? '' : 's'} at a time, or ` : '';
  return (
    `The merge journal would need ${kb(need)}; this spreadsheet's add-on storage has ${kb(free)} free for it (${used}). ` +
    `Nothing was sent. To go on, ${fewer}use "Free merge storage" in the Emails tab; what it cannot free belongs to another add-on or script of this spreadsheet.`
  );
}
