// One client's history from the Touches log: the last few touches, the tries since the last real conversation, and the last outcome.
import type { ClientHistory, HistoryTouch } from '../shared/api';
import type { CivilDate } from './dates';

/** Touches a card shows at most. */
export const HISTORY_LENGTH = 5;

/** A conversation: someone was reached (a call, a meeting). */
const CONVERSATIONS = new Set(['reached', 'raised a problem']);
/** Tries that reached nobody. */
const ATTEMPTS = new Set(['no answer', 'voicemail', 'wrong number']);

interface LogRow {
  date: CivilDate | null;
  clientId: string;
  channel: string;
  outcome: string;
  notes: string;
  step: string;
}

/** The client's history from `rows` in log order (oldest first); dated rows only, newest first. */
export function clientHistory(
  rows: readonly LogRow[],
  clientId: string,
  length = HISTORY_LENGTH,
): ClientHistory {
  const own = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.clientId === clientId && r.date !== null)
    // Newest first; touches of one day in the order they were logged, the last on top.
    .sort((a, b) => (b.r.date! < a.r.date! ? -1 : b.r.date! > a.r.date! ? 1 : b.i - a.i))
    .map(({ r }) => r);
  let attempts = 0;
  let lastConversation: string | null = null;
  for (const r of own) {
    const outcome = r.outcome.trim().toLowerCase();
    if (CONVERSATIONS.has(outcome) || r.channel.trim().toLowerCase() === 'meeting') {
      lastConversation = r.date;
      break;
    }
    if (ATTEMPTS.has(outcome)) attempts += 1;
  }
  const touches: HistoryTouch[] = own.slice(0, length).map((r) => ({
    date: r.date!,
    channel: r.channel,
    outcome: r.outcome,
    notes: r.notes || r.step,
  }));
  return {
    clientId,
    touches,
    attempts,
    lastOutcome: own[0]?.outcome ?? '',
    lastConversation,
  };
}
