// The call list's reply hook: clients with an unanswered reply are marked "Replied: call them back" and come first.
import type { CallList } from '../shared/api';
import { replyMarkers, type ReplyTouch } from '../core/replies';

/** Marks each listed client whose latest logged touch is a reply, and lists them first (stable). */
export function withReplyMarkers(list: CallList, touches: readonly ReplyTouch[]): CallList {
  const markers = replyMarkers(touches);
  if (!markers.size) return list;
  const items = list.items.map((item) => {
    const marker = markers.get(item.id);
    return marker ? { ...item, reply: marker } : item;
  });
  const replied = items.filter((i) => i.reply);
  return { ...list, items: [...replied, ...items.filter((i) => !i.reply)] };
}
