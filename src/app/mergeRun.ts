// runMerge: sending or drafting a planned batch in short locked chunks, each send journaled before it starts, within the quota, the time limit and the journal's room.
import type { MergeRequest, MergeResult } from '../shared/mergeApi';
import { takenByOthers, type JournalEntry } from '../core/merge/journal';
import { clientHash, roomProblem } from '../core/merge/journalStore';
import type { PlannedEmail } from '../core/merge/plan';
import {
  WAITING_BUSY,
  WAITING_GMAIL,
  WAITING_QUOTA,
  WAITING_STORAGE,
  WAITING_TIME,
  errorStatus,
  skippedStatus,
} from '../core/merge/status';
import { checkAlias, checkRequest, outgoing, summary } from './mergeRequest';

import { now } from '../services/clock';
import {
  createDraft,
  errorMessage,
  isGmailQuotaError,
  isQuotaError,
  remainingDailyQuota,
  sendEmail,
} from '../services/mailer';
import { isStorageFull, type JournalRun, type StoredEntry } from '../services/mergeJournal';
import { MERGE_BUSY, letOthersIn, withMergeLock } from '../services/mergeLock';
import { openClaims, type Claims } from '../services/scheduleStore';
import { journalKey } from '../core/scheduleClaims';
import {
  blockOf,
  openMergeContext,
  planFor,
  resolveTemplate,
  type ContextOptions,
  type MergeContext,
  type PlannedMerge,
} from './mergeContext';
import { finishRun } from './mergeWriteBack';

export { checkRequest, outgoing } from './mergeRequest';

/** Sends stop here so the write-back fits before Apps Script's 6-minute limit. */
export const SEND_BUDGET_MS = 4.5 * 60 * 1000;
/**
 * A chunk of sends holds the document lock at most this long or this many sends, then lets go: a
 * touch logged from the sidebar waits seconds, not the minutes a 100-email merge takes.
 */
export const CHUNK_MS = 5000;
export const CHUNK_SENDS = 10;

export interface RunOptions {
  /** Time-driven runs have no active spreadsheet: pass the one opened by ID. */
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Milliseconds of sending allowed from the start of the run. */
  budgetMs?: number;
  /** The clock, in ms (tests speed it up). */
  clock?: () => number;
  /** For a run without document properties (a time-driven one): its settings and journal. */
  settings?: ContextOptions['settings'];
  journal?: ContextOptions['journal'];
  /** The run's ID in the journal and the claims (the weekly run marks its own). */
  run?: string;
}

/** What one run carries from chunk to chunk. */
interface Sending {
  run: string;
  journal: JournalRun | null;
  mode: MergeRequest['mode'];
  entries: StoredEntry[];
  /** Client ID -> why it waits (quota, time, a busy spreadsheet). */
  waiting: Map<string, string>;
  /** Clients another merge reached between two of our chunks. */
  taken: Map<string, string>;
  stop: string | null;
}

/**
 * The merge itself, independent of any UI so a time trigger can call it. Planned under the lock,
 * then sent in chunks, each under the lock: before each send its intent is journaled ("sending"),
 * after it its result, so a run killed at any service call loses nothing and, resumed, never sends
 * the same template to the same client twice (an intent without a result is settled against Gmail's
 * Sent folder by the next merge: app/mergeReconcile.ts). Each chunk re-reads the journal, so two merges at once never both reach a client.
 * The sheet is written once at the end (or by the next merge or preview if this run dies first).
 */
export function runMerge(request: MergeRequest, options: RunOptions = {}): MergeResult {
  checkRequest(request);
  const clock = options.clock ?? (() => now().getTime());
  const started = clock();
  const budget = options.budgetMs ?? SEND_BUDGET_MS;
  const run =
    options.run ?? `${now().getTime().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const prepared = withMergeLock(() => prepare(request, options, run));
  const { ctx, planned, result, quota, journal } = prepared;
  if (result.blocked) return result;

  const sending: Sending = {
    run,
    journal,
    mode: request.mode,
    entries: [],
    waiting: new Map(),
    taken: new Map(),
    stop: null,
  };
  const ready = planned.plan.ready;
  // Weekly batches: when a trigger may be sending from this spreadsheet, each chunk is claimed there.
  const claims = openClaims(ctx.cs.spreadsheet, sending.run);
  let next = 0;
  while (next < ready.length && !sending.stop) {
    if (next > 0) letOthersIn();
    try {
      next = withMergeLock(() => {
        const taken = takenByOthers(
          ctx.journal.snapshot(),
          sending.run,
          planned.template.name,
          clientHash,
        );
        const lost = claimChunk(claims, ready.slice(next, next + CHUNK_SENDS), planned);
        const chunkStart = clock();
        let i = next;
        for (let n = 0; i < ready.length && n < CHUNK_SENDS; i++, n++) {
          if (n > 0 && clock() - chunkStart >= CHUNK_MS) break;
          if (!sending.stop && request.mode === 'send' && result.sent >= quota)
            sending.stop = WAITING_QUOTA;
          if (!sending.stop && clock() - started >= budget) sending.stop = WAITING_TIME;
          if (sending.stop) break;
          const item = ready[i];
          if (
            taken(item.client.id) ||
            lost.has(journalKey(item.client.id, planned.template.name))
          ) {
            sending.taken.set(item.client.id, skippedStatus('another merge sent it moments ago'));
            continue;
          }
          const stored = deliver(ctx, request, item, planned, sending);
          if (!stored) break;
          sending.entries.push(stored);
          tally(result, stored.entry, sending, item);
        }
        flushResults(sending);
        return i;
      });
    } catch (error) {
      if (errorMessage(error) !== MERGE_BUSY) throw error;
      sending.stop = WAITING_BUSY;
    }
  }
  for (const item of ready.slice(next)) {
    if (!sending.waiting.has(item.client.id)) {
      sending.waiting.set(item.client.id, sending.stop ?? WAITING_TIME);
    }
  }
  result.waiting = sending.waiting.size;
  result.skipped += sending.taken.size;
  try {
    withMergeLock(() =>
      finishRun(ctx, options.spreadsheet, planned.plan, sending.entries, result, {
        soft: new Map([...sending.waiting, ...sending.taken]),
      }),
    );
    claims?.release();
  } catch (error) {
    if (errorMessage(error) !== MERGE_BUSY) throw error;
    result.notices.push(
      'The spreadsheet stayed busy, so the statuses of this merge are not in the sheet yet: the next merge or preview writes them.',
    );
  }
  result.quotaLeft =
    request.mode === 'send' ? Math.max(0, quota - result.sent) : remainingDailyQuota();
  result.message = summary(result);
  return result;
}

/**
 * Claims a chunk's sends in the spreadsheet and re-reads the claims just before sending them: the
 * keys another run (the weekly trigger, maybe without the document lock) claimed first.
 */
function claimChunk(
  claims: Claims | null,
  chunk: readonly PlannedEmail[],
  planned: PlannedMerge,
): ReadonlyMap<string, string> {
  if (!claims) return new Map();
  return claims.claim(chunk.map((item) => journalKey(item.client.id, planned.template.name)));
}

/** Under the lock: the context opened, the template resolved and checked, the batch planned. */
function prepare(
  request: MergeRequest,
  options: RunOptions,
  run: string,
): {
  ctx: MergeContext;
  planned: PlannedMerge;
  result: MergeResult;
  quota: number;
  journal: JournalRun | null;
} {
  const ctx = openMergeContext({
    spreadsheet: options.spreadsheet,
    selection: request.recipients.kind === 'selected',
    settings: options.settings,
    journal: options.journal,
    lean: true,
  });
  const template = resolveTemplate(ctx, request.template);
  if (template.channel === 'letter') {
    throw new Error(
      `"${template.name}" is a letter: use "Print letters" to print it and log the ones you post.`,
    );
  }
  checkAlias(request, ctx);
  const planned = planFor(ctx, template, request);
  const block = blockOf(ctx, planned.plan);
  const result: MergeResult = {
    mode: request.mode,
    template: template.name,
    sent: 0,
    drafted: 0,
    failed: 0,
    waiting: 0,
    skipped: block ? 0 : planned.plan.skipped.length,
    blocked: block,
    outcomes: [],
    message: block ? 'Nothing was sent: the template needs fixing first.' : '',
    notices: [...ctx.notices, ...planned.notices],
    quotaLeft: 0,
  };
  const quota =
    !block && request.mode === 'send' ? remainingDailyQuota() : Number.POSITIVE_INFINITY;
  const journal = block ? null : startJournal(ctx, request, planned, run);
  return { ctx, planned, result, quota, journal };
}

/**
 * Before the first send: the room this run's journal could ever need is checked against the store
 * (a clear refusal, nothing sent, rather than a full store half-way), then the run is recorded.
 */
function startJournal(
  ctx: MergeContext,
  request: MergeRequest,
  planned: PlannedMerge,
  run: string,
): JournalRun | null {
  if (!planned.plan.ready.length) return null;
  const record = {
    run,
    template: planned.template.name,
    mode: request.mode,
    date: ctx.today,
    at: now().getTime(),
  };
  const sends = planned.plan.ready.map((r) => ({ clientId: r.client.id, to: r.to }));
  const problem = roomProblem(ctx.journal.snapshot(), record, sends);
  if (problem) throw new Error(problem);
  try {
    return ctx.journal.start(record);
  } catch (error) {
    if (!isStorageFull(error)) throw error;
    throw new Error(
      `${errorMessage(error)} The merge journal could not be started, so nothing was sent: use "Free merge storage" in the Emails tab.`,
    );
  }
}

/** The chunk's last result into the journal; a full store leaves it in memory (written back at the end). */
function flushResults(sending: Sending): void {
  try {
    sending.journal?.flush();
  } catch (error) {
    if (!isStorageFull(error)) throw error;
  }
}

function tally(result: MergeResult, entry: JournalEntry, sending: Sending, item: PlannedEmail) {
  if (entry.state === 'done') {
    if (sending.mode === 'send') result.sent += 1;
    else result.drafted += 1;
  } else if (entry.status === WAITING_QUOTA || entry.status === WAITING_GMAIL) {
    // Another script used the quota since we read it (or Gmail's own ran out): the rest wait.
    sending.stop = entry.status;
    sending.waiting.set(item.client.id, entry.status);
  } else result.failed += 1;
}

/**
 * One send or draft, its intent journaled first (with the previous result). A kill after the intent
 * leaves "sending" behind. A full store stops the run before this send (null): nothing went out.
 */
function deliver(
  ctx: MergeContext,
  request: MergeRequest,
  item: PlannedEmail,
  planned: PlannedMerge,
  sending: Sending,
): StoredEntry | null {
  const email = outgoing(request, item, planned.template);
  const entry: JournalEntry = {
    clientId: item.client.id,
    template: planned.template.name,
    mode: request.mode,
    state: 'sending',
    date: ctx.today,
    to: item.to,
    run: sending.run,
    // Kept with the intent: a killed send is known again in the Sent folder by its subject.
    subjectHash: clientHash(email.subject),
  };
  let stored: StoredEntry;
  try {
    stored = (sending.journal as JournalRun).record(entry);
  } catch (error) {
    if (!isStorageFull(error)) throw error;
    sending.stop = WAITING_STORAGE;
    return null;
  }
  try {
    if (request.mode === 'draft') Object.assign(entry, createDraft(email));
    else sendEmail(planned.path, email);
    entry.state = 'done';
  } catch (error) {
    entry.state = 'failed';
    entry.status = isQuotaError(error)
      ? WAITING_QUOTA
      : isGmailQuotaError(error)
        ? WAITING_GMAIL
        : errorStatus(errorMessage(error));
  }
  return stored;
}
