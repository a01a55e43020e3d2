// The call list's reply hook: clients with an unanswered reply are marked "Replied: call them back" and come first, due or not.
import type { CallList, CallListItem, CallListQuery } from '../shared/api';
import type { Client } from '../core/clients';
import { toItem } from '../core/callList';
import { replyMarkers, type ReplyTouch } from '../core/replies';
import type { CivilDates } from '../services/civilDates';
import { hasOpenReplies, setOpenReplies } from '../services/gmailSearch';
import { readTouches } from '../services/touchSheet';

/** More rows than a few weeks of touches: a reply older than that is no longer "just in". */
const REPLY_TOUCH_ROWS = 2000;

export interface ReplySource {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  dates: CivilDates;
  recencyMonths: readonly number[];
  /** Whole clients for these IDs (the replied clients not on the page). */
  clientsFor(ids: ReadonlySet<string>): Client[];
}

/**
 * Only while a scan has logged a reply nobody answered yet (a flag in document properties): the
 * Touches log's tail is read, and the replied clients are marked and listed first.
 */
export function withReplies(list: CallList, query: CallListQuery, source: ReplySource): CallList {
  if (!hasOpenReplies()) return list;
  const { touches } = readTouches(source.spreadsheet, source.dates, {
    lastRows: REPLY_TOUCH_ROWS,
  });
  const firstPage = !query.offset && !query.search?.trim();
  const marked = withReplyMarkers(list, touches, firstPage, (ids) =>
    source
      .clientsFor(ids)
      .filter((c) => !c.doNotContact)
      .map((c) => toItem(c, source.dates.today, source.recencyMonths)),
  );
  if (!replyMarkers(touches).size) setOpenReplies(false);
  return marked;
}

/**
 * Marks each client whose latest logged touch is a reply, and lists them first. A client who replied
 * was just emailed, so is usually not due: on the first page (no search) they are added whatever the
 * filter, since a reply is the warmest call to make.
 */
export function withReplyMarkers(
  list: CallList,
  touches: readonly ReplyTouch[],
  firstPage: boolean,
  itemsFor: (ids: ReadonlySet<string>) => CallListItem[],
): CallList {
  const markers = replyMarkers(touches);
  if (!markers.size) return list;
  const listed = new Set(list.items.map((i) => i.id));
  const missing = new Set([...markers.keys()].filter((id) => !listed.has(id)));
  const added = firstPage && missing.size ? itemsFor(missing) : [];
  const items = [...list.items, ...added].map((item) => {
    const marker = markers.get(item.id);
    return marker ? { ...item, reply: marker } : item;
  });
  const replied = items
    .filter((i) => i.reply)
    .sort((a, b) => ((a.reply?.date ?? '') < (b.reply?.date ?? '') ? 1 : -1));
  return {
    ...list,
    total: list.total + added.length,
    items: [...replied, ...items.filter((i) => !i.reply)],
  };
}
