// The send journal in document properties: each send's intent written before it (with the previous send's result), in pages that are removed once written back.
import type { JournalEntry, StoredEntry } from '../core/merge/journal';
import {
  PAGE_ENTRIES,
  PAGE_MAX_BYTES,
  clientHash,
  encodePage,
  encodeRun,
  entryBudget,
  pageKey,
  readSnapshot,
  runKey,
  type JournalSnapshot,
  type RunRecord,
} from '../core/merge/journalStore';
import type { LoggedTouch } from '../core/merge/skipRules';
import { readMergeTouchLog } from './touchSheet';
import type { CivilDates } from './civilDates';

export type { StoredEntry } from '../core/merge/journal';

export interface Journal {
  /** The whole journal and the store's size, in one call. */
  snapshot(): JournalSnapshot;
  /** Records a run before its first send (one write); throws the store's quota error when full. */
  start(record: Omit<RunRecord, 'written'>): JournalRun;
  /** Entries now in the sheet: their pages removed, their clients kept (hashed) on their run's record. */
  markWritten(entries: readonly StoredEntry[]): void;
  /** Removes properties no run needs any more. */
  clear(keys: readonly string[]): void;
}

export interface JournalRun {
  /**
   * Writes the page holding this entry (the intent), together with the result of the send before
   * it: one property write per email. Throws (nothing recorded) when the store is full.
   */
  record(entry: JournalEntry): StoredEntry;
  /** Writes the last result, if not written yet (at the end of each locked chunk). */
  flush(): void;
}

/** "You have exceeded the property storage quota..." (the 9 KB value or 500 KB store limit). */
export function isStorageFull(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /property storage quota/i.test(message);
}

/**
 * The journal of this spreadsheet, bound to one Properties object for the whole operation (one
 * getDocumentProperties call, not one per write). Document properties, not user properties: the
 * sheet is shared, and whoever runs next must see what the last run sent from it.
 */
export function openJournal(): Journal {
  const props = PropertiesService.getDocumentProperties();
  if (!props) throw new Error('Reconnect works inside a spreadsheet: open it from a Google Sheet.');
  const snapshot = () => readSnapshot(props.getProperties());
  return {
    snapshot,
    start(record) {
      props.setProperty(runKey(record.run), encodeRun({ ...record, written: [] }));
      return openRun(props, record.run);
    },
    markWritten(entries) {
      if (entries.length) markWritten(props, snapshot(), entries);
    },
    clear(keys) {
      for (const key of keys) props.deleteProperty(key);
    },
  };
}

function openRun(props: GoogleAppsScript.Properties.Properties, run: string): JournalRun {
  let page = 0;
  let entries: JournalEntry[] = [];
  let bytes = 0;
  let dirty = false;
  const write = () => {
    props.setProperty(pageKey(run, page), encodePage(entries));
    dirty = false;
  };
  return {
    record(entry) {
      const budget = entryBudget(entry.clientId, entry.to);
      const before = { page, entries, bytes, dirty };
      // A full page's unwritten result goes in the same call as the new page: one write per email.
      const values: Record<string, string> = {};
      if (entries.length && (entries.length >= PAGE_ENTRIES || bytes + budget > PAGE_MAX_BYTES)) {
        if (dirty) values[pageKey(run, page)] = encodePage(entries);
        page += 1;
        entries = [];
        bytes = 0;
      }
      entries.push(entry);
      try {
        if (Object.keys(values).length) {
          values[pageKey(run, page)] = encodePage(entries);
          props.setProperties(values);
          dirty = false;
        } else write();
      } catch (error) {
        if (before.page === page) entries.pop();
        else ({ page, entries, bytes, dirty } = before);
        throw error;
      }
      bytes += budget;
      // The caller sets the result on this same object; the next write (or flush) carries it.
      dirty = true;
      return { key: pageKey(run, page), entry };
    },
    flush() {
      if (dirty && entries.length) write();
    },
  };
}

/**
 * The clients of these entries go onto their runs' records (as hashes, for merges still sending),
 * then their pages go. A full store may refuse the record: the pages are removed anyway (that frees
 * space) and the record is tried once more; without it, a merge already planned learns of these
 * sends from the sheet when it next plans.
 */
function markWritten(
  props: GoogleAppsScript.Properties.Properties,
  snap: JournalSnapshot,
  entries: readonly StoredEntry[],
): void {
  const runs = new Map(snap.runs.map((r) => [r.run, r] as const));
  const records: Record<string, string> = {};
  for (const { entry } of entries) {
    const record = entry.run ? runs.get(entry.run) : undefined;
    if (!record || entry.state === 'failed') continue;
    const hash = clientHash(entry.clientId);
    if (!record.written.includes(hash)) record.written.push(hash);
    records[record.key] = encodeRun(record);
  }
  const pages = [...new Set(entries.map((s) => s.key))];
  const saveRecords = () => {
    if (Object.keys(records).length) props.setProperties(records);
  };
  try {
    saveRecords();
  } catch (error) {
    if (!isStorageFull(error)) throw error;
    for (const key of pages) props.deleteProperty(key);
    try {
      saveRecords();
    } catch (again) {
      if (!isStorageFull(again)) throw again;
    }
    return;
  }
  for (const key of pages) props.deleteProperty(key);
}

/**
 * The Touches log as the merge needs it (client, date, channel, Step), in one read by header
 * (services/touchSheet.ts, the log's one reader). The Step column names the template of each
 * merge touch: it is how "already sent this template" survives a cleared Merge Status cell.
 */
export function readMergeTouches(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  dates: CivilDates,
): LoggedTouch[] {
  return readMergeTouchLog(ss, dates);
}
