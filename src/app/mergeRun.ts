// runMerge: sending or drafting a planned batch in short locked chunks, each send journaled before and after, within the quota and the time limit.
import type { MergeRequest, MergeResult } from '../shared/mergeApi';
import { journalKey, takenByOthers, type JournalEntry } from '../core/merge/journal';
import type { PlannedEmail } from '../core/merge/plan';
import {
  WAITING_BUSY,
  WAITING_QUOTA,
  WAITING_TIME,
  errorStatus,
  skippedStatus,
} from '../core/merge/status';
import { now } from '../services/clock';
import {
  createDraft,
  errorMessage,
  gmailAliases,
  isQuotaError,
  remainingDailyQuota,
  sendEmail,
  type OutgoingEmail,
} from '../services/mailer';
import type { StoredEntry } from '../services/mergeJournal';
import { MERGE_BUSY, letOthersIn, withMergeLock } from '../services/mergeLock';
import { openClaims, type Claims } from '../services/scheduleStore';
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
 * the same template to the same client twice (an intent without a result counts as sent,
 * "unconfirmed"). Each chunk re-reads the journal, so two merges at once never both reach a client.
 * The sheet is written once at the end (or by the next merge or preview if this run dies first).
 */
export function runMerge(request: MergeRequest, options: RunOptions = {}): MergeResult {
  checkRequest(request);
  const clock = options.clock ?? (() => now().getTime());
  const started = clock();
  const budget = options.budgetMs ?? SEND_BUDGET_MS;
  const prepared = withMergeLock(() => prepare(request, options));
  const { ctx, planned, result, quota } = prepared;
  if (result.blocked) return result;

  const sending: Sending = {
    run: options.run ?? `${now().getTime()}.${Math.random().toString(36).slice(2, 10)}`,
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
        const taken = takenByOthers(ctx.journal.read(), sending.run);
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
          const key = journalKey(item.client.id, planned.template.name);
          if (taken.has(key) || lost.has(key)) {
            sending.taken.set(item.client.id, skippedStatus('another merge sent it moments ago'));
            continue;
          }
          const stored = deliver(ctx, request, item, planned, sending.run);
          sending.entries.push(stored);
          tally(result, stored.entry, sending, item);
        }
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
): { ctx: MergeContext; planned: PlannedMerge; result: MergeResult; quota: number } {
  const ctx = openMergeContext({
    spreadsheet: options.spreadsheet,
    selection: request.recipients.kind === 'selected',
    settings: options.settings,
    journal: options.journal,
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
  return { ctx, planned, result, quota };
}

function tally(result: MergeResult, entry: JournalEntry, sending: Sending, item: PlannedEmail) {
  if (entry.state === 'done') {
    if (sending.mode === 'send') result.sent += 1;
    else result.drafted += 1;
  } else if (entry.status === WAITING_QUOTA) {
    // Another script used the quota since we read it: this one and the rest wait.
    sending.stop = WAITING_QUOTA;
    sending.waiting.set(item.client.id, WAITING_QUOTA);
  } else result.failed += 1;
}

/** One send or draft, journaled before and after. A kill between the two leaves "sending" behind. */
function deliver(
  ctx: MergeContext,
  request: MergeRequest,
  item: PlannedEmail,
  planned: PlannedMerge,
  run: string,
): StoredEntry {
  const entry: JournalEntry = {
    clientId: item.client.id,
    template: planned.template.name,
    mode: request.mode,
    state: 'sending',
    date: ctx.today,
    to: item.to,
    run,
    at: now().getTime(),
  };
  const key = ctx.journal.write(entry);
  try {
    if (request.mode === 'draft') createDraft(outgoing(request, item));
    else sendEmail(planned.path, outgoing(request, item));
    entry.state = 'done';
  } catch (error) {
    entry.state = 'failed';
    entry.status = isQuotaError(error) ? WAITING_QUOTA : errorStatus(errorMessage(error));
  }
  entry.at = now().getTime();
  ctx.journal.write(entry);
  return { key, entry };
}

export function outgoing(request: MergeRequest, item: PlannedEmail): OutgoingEmail {
  return {
    to: item.to,
    subject: item.email.subject,
    text: item.email.text,
    html: item.email.html,
    name: (request.senderName ?? '').trim(),
    replyTo: (request.replyTo ?? '').trim(),
    from: (request.from ?? '').trim(),
  };
}

export function checkRequest(request: MergeRequest): void {
  if (!request || typeof request !== 'object')
    throw new Error('Choose a template and recipients first.');
  if (request.mode !== 'send' && request.mode !== 'draft')
    throw new Error('Choose "Send now" or "Create drafts".');
  if (!request.recipients || typeof request.recipients !== 'object')
    throw new Error('Choose who gets the emails.');
}

/** An alias must be one of the user's verified "Send mail as" addresses. */
function checkAlias(request: MergeRequest, ctx: MergeContext): void {
  const from = (request.from ?? '').trim();
  if (!from || from.toLowerCase() === ctx.userEmail.toLowerCase()) return;
  const aliases = gmailAliases().map((a) => a.toLowerCase());
  if (!aliases.includes(from.toLowerCase())) {
    throw new Error(`${from} is not one of your Gmail "Send mail as" addresses; nothing was sent.`);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(r: MergeResult): string {
  const parts: string[] = [];
  if (r.mode === 'send') parts.push(`Sent ${plural(r.sent, 'email')}`);
  else parts.push(`Created ${plural(r.drafted, 'draft')} in Gmail`);
  const count = (status: string) => r.outcomes.filter((o) => o.status === status).length;
  const waitingQuota = count(WAITING_QUOTA);
  const waitingBusy = count(WAITING_BUSY);
  if (waitingQuota) parts.push(`${waitingQuota} wait for tomorrow's email quota`);
  if (waitingBusy) parts.push(`${waitingBusy} wait: the spreadsheet was busy, run the merge again`);
  const waitingTime = r.waiting - waitingQuota - waitingBusy;
  if (waitingTime > 0) parts.push(`${waitingTime} wait for the next run (time limit)`);
  if (r.failed) parts.push(`${r.failed} failed (see Merge Status)`);
  if (r.skipped) parts.push(`${r.skipped} skipped`);
  return `${parts.join('; ')}.`;
}
