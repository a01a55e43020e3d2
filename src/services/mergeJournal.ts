// The send journal in document properties: one small property per send, written before and after it, so a killed run loses nothing.
import {
  JOURNAL_PREFIX,
  decodeEntry,
  encodeEntry,
  journalKey,
  type JournalEntry,
} from '../core/merge/journal';
import type { LoggedTouch } from '../core/merge/skipRules';
import { readMergeTouchLog } from './touchSheet';
import type { CivilDates } from './civilDates';

export interface StoredEntry {
  key: string;
  entry: JournalEntry;
}

export interface Journal {
  /** Every entry left in the journal, in one call. */
  read(): StoredEntry[];
  /** Writes one entry durably (a properties write is committed when the call returns); returns its key. */
  write(entry: JournalEntry): string;
  /** Marks entries as being in the sheet, in one call; they stay a few minutes for runs still sending. */
  markWritten(entries: readonly StoredEntry[]): void;
  /** Removes entries no run needs any more. */
  clear(keys: readonly string[]): void;
}

/**
 * The journal of this spreadsheet, bound to one Properties object for the whole operation (one
 * getDocumentProperties call, not one per write). Document properties, not user properties: the
 * sheet is shared, and whoever runs next must see what the last run sent from it.
 */
export function openJournal(): Journal {
  const props = PropertiesService.getDocumentProperties();
  if (!props) throw new Error('Reconnect works inside a spreadsheet: open it from a Google Sheet.');
  return {
    read() {
      const all = props.getProperties();
      const out: StoredEntry[] = [];
      for (const key of Object.keys(all)) {
        if (!key.startsWith(JOURNAL_PREFIX)) continue;
        const entry = decodeEntry(all[key]);
        if (entry) out.push({ key, entry });
      }
      return out;
    },
    write(entry) {
      const key = journalKey(entry.clientId, entry.template);
      props.setProperty(key, encodeEntry(entry));
      return key;
    },
    markWritten(entries) {
      if (!entries.length) return;
      const batch: Record<string, string> = {};
      for (const { key, entry } of entries) batch[key] = encodeEntry({ ...entry, written: true });
      props.setProperties(batch);
    },
    clear(keys) {
      for (const key of keys) props.deleteProperty(key);
    },
  };
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
