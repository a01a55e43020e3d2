// What the Emails tab needs from Gmail (draft template subjects, aliases), kept in user properties so opening the tab does not call Gmail for each draft every time.
import { utf8Bytes } from '../core/merge/journalStore';

const KEY = 'rcg.setup';
/** Read again from Gmail after this long, or when the user asks (Refresh Gmail drafts). */
export const GMAIL_CACHE_MS = 30 * 60 * 1000;
/** The cached value stays under the 9 KB a property value may hold. */
const MAX_BYTES = 8 * 1024;

export interface GmailSetup {
  drafts: string[];
  aliases: string[];
  /** When it was read from Gmail (ms). */
  at: number;
  /** Draft subjects left out to stay small. */
  left: number;
}

function read(): GmailSetup | null {
  const value = PropertiesService.getUserProperties().getProperty(KEY);
  if (!value) return null;
  try {
    const o = JSON.parse(value) as Partial<GmailSetup>;
    if (!Array.isArray(o.drafts) || !Array.isArray(o.aliases) || typeof o.at !== 'number')
      return null;
    return {
      drafts: o.drafts.map(String),
      aliases: o.aliases.map(String),
      at: o.at,
      left: Number(o.left) || 0,
    };
  } catch {
    return null;
  }
}

/** The cached setup when fresh, else `load()` (from Gmail) stored for next time. */
export function gmailSetup(
  nowMs: number,
  refresh: boolean,
  load: () => { drafts: string[]; aliases: string[] },
): GmailSetup & { cached: boolean } {
  const cached = refresh ? null : read();
  if (cached && nowMs - cached.at < GMAIL_CACHE_MS && cached.at <= nowMs)
    return { ...cached, cached: true };
  const fresh = load();
  const value: GmailSetup = { drafts: [], aliases: fresh.aliases, at: nowMs, left: 0 };
  for (const subject of fresh.drafts) {
    const next = { ...value, drafts: [...value.drafts, subject] };
    if (utf8Bytes(JSON.stringify(next)) > MAX_BYTES) value.left += 1;
    else value.drafts = next.drafts;
  }
  PropertiesService.getUserProperties().setProperty(KEY, JSON.stringify(value));
  return { ...value, cached: false };
}

/** After a merge created drafts or a template changed in Gmail: the next load reads Gmail again. */
export function forgetGmailSetup(): void {
  PropertiesService.getUserProperties().deleteProperty(KEY);
}
