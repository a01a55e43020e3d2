// A stopped merge's journal written back when a merge context opens: unconfirmed sends settled against Gmail, statuses and touches into the sheet (never twice), and what happened said in notices.
import { entryKind, journalWriteBack, RUN_MAX_MS } from '../core/merge/journal';
import { mergeByRow } from '../services/clientIndex';
import type { StoredEntry } from '../services/mergeJournal';
import { leftoverSheet } from './mergeLean';
import type { MergeContext } from './mergeContext';
import { writeMergeBack } from './mergeWriteBack';
import { pendingHistory, settleUnconfirmed } from './mergeReconcile';
import { rememberDraftEntries } from './gmailDrafts';

/** Unwritten entries: unconfirmed sends settled, statuses and touches into the sheet (never twice), then their pages removed. */
export function reconcileLeftovers(ctx: MergeContext, all: StoredEntry[], nowMs: number): void {
  const wasOpen = all.filter((s) => s.entry.state === 'sending').length;
  const settled = settleUnconfirmed(all, nowMs);
  ctx.pending = pendingHistory(settled.pending);
  noteSettled(ctx, settled, wasOpen);
  const leftovers = settled.ready;
  if (!leftovers.length) return;
  const entries = leftovers.map((s) => s.entry);
  const back = journalWriteBack(
    entries,
    ctx.log ? ctx.log.of(entries.map((e) => e.clientId)) : ctx.touches,
  );
  const cs = leftoverSheet(ctx, entries);
  writeMergeBack(cs, { touches: back.touches, statuses: back.statuses }, ctx.userEmail);
  if (ctx.lean) ctx.lean.index.clients = mergeByRow(ctx.lean.index.clients, cs.clients);
  for (const t of back.touches) {
    const touch = { clientId: t.clientId, date: t.date, channel: t.channel, step: t.step };
    if (ctx.log) ctx.log.add(touch);
    else ctx.touches.push(touch);
  }
  rememberDraftEntries(entries, nowMs);
  ctx.journal.markWritten(leftovers.filter((s) => !settled.keepPages.has(s.key)));
  // A live run never leaves an intent ("sending") outside its locked chunk, and none lives 7 minutes.
  const stopped = wasOpen > 0 || entries.some((e) => nowMs - (e.at ?? 0) >= RUN_MAX_MS);
  if (!stopped) {
    // Between two chunks of a live run, or a run killed between two sends: both are possible here.
    ctx.notices.push(
      `Another merge on this spreadsheet (still sending, or stopped) had reached ${entries.length} client${entries.length === 1 ? '' : 's'}; ${entries.length === 1 ? 'that result is' : 'those results are'} now in the sheet.`,
    );
    return;
  }
  const unconfirmed = entries.filter((e) => {
    const kind = entryKind(e);
    return kind === 'unconfirmed' || kind === 'draftUnconfirmed';
  }).length;
  ctx.notices.push(
    `A previous merge stopped before it finished; its ${entries.length} result${entries.length === 1 ? ' is' : 's are'} now in the sheet.` +
      (unconfirmed
        ? ` ${unconfirmed} email${unconfirmed === 1 ? '' : 's'} may or may not have gone out (marked "unconfirmed"); they will not be sent again.`
        : ''),
  );
}

function noteSettled(
  ctx: MergeContext,
  settled: ReturnType<typeof settleUnconfirmed>,
  wasOpen: number,
): void {
  if (!wasOpen) return;
  if (settled.problem) {
    ctx.notices.push(
      `Gmail's Sent folder could not be checked (${settled.problem}), so an email that may have gone out stays "unconfirmed" and is not sent again.`,
    );
  }
  if (settled.found)
    ctx.notices.push(
      `${settled.found} email${settled.found === 1 ? '' : 's'} of a stopped merge ${settled.found === 1 ? 'was' : 'were'} found in your Sent folder: marked Sent.`,
    );
  if (settled.notSent)
    ctx.notices.push(
      `${settled.notSent} email${settled.notSent === 1 ? '' : 's'} of a stopped merge never left (not in your Sent folder): ${settled.notSent === 1 ? 'that client is' : 'those clients are'} offered again.`,
    );
  if (settled.pending.length)
    ctx.notices.push(
      'A stopped merge may still have one email on its way: that client is left out until Gmail shows whether it went (a few minutes).',
    );
}
