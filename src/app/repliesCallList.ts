// The call list's reply hook: clients with an unanswered reply are marked "Replied: call them back" and come first, due or not.
import type { CallList, CallListItem } from '../shared/api';
import { replyMarkers, type ReplyTouch } from '../core/replies';

/**
 * Marks each client whose latest logged touch is a reply, and lists them first. A client who replied
 * was just emailed, so is usually not due: on the first page (no search) they are added whatever the
 * filter, since a reply is the warmest call to make.
 */
export function withReplyMarkers(
  list: CallList,
  touches: readonly ReplyTouch[],
  firstPage: boolean,
  itemOf: (clientId: string) => CallListItem | null,
): CallList {
  const markers = replyMarkers(touches);
  if (!markers.size) return list;
  const listed = new Set(list.items.map((i) => i.id));
  const extra = firstPage ? [...markers.keys()].filter((id) => !listed.has(id)).map(itemOf) : [];
  const added = extra.filter((i): i is CallListItem => i !== null);
  const items = [...list.items, ...added].map((item) => {
    const marker = markers.get(item.id);
    return marker ? { ...item, reply: marker } : item;
  });
  const replied = items
    .filter((i) => i.reply)
    .sort((a, b) => (a.reply!.date < b.reply!.date ? 1 : -1));
  return {
    ...list,
    total: list.total + added.length,
    items: [...replied, ...items.filter((i) => !i.reply)],
  };
}
