// runMerge: sending or drafting a planned batch, each send journaled before and after, within the quota and the time limit, then one write-back.
import type { MergeOutcome, MergeRequest, MergeResult } from '../shared/mergeApi';
import { journalWriteBack, type JournalEntry } from '../core/merge/journal';
import type { PlannedEmail } from '../core/merge/plan';
import {
  WAITING_QUOTA,
  WAITING_TIME,
  errorStatus,
  sentStatus,
  skippedStatus,
} from '../core/merge/status';
import { now } from '../services/clock';
import { readClientSheet } from '../services/clientSheet';
import {
  createDraft,
  errorMessage,
  gmailAliases,
  isQuotaError,
  remainingDailyQuota,
  sendEmail,
  type OutgoingEmail,
} from '../services/mailer';
import type { Journal } from '../services/mergeJournal';
import {
  openMergeContext,
  planFor,
  resolveTemplate,
  blockOf,
  withMergeLock,
  type MergeContext,
} from './mergeContext';
import { writeMergeBack } from './mergeWriteBack';

/** Sends stop here so the write-back fits before Apps Script's 6-minute limit. */
export const SEND_BUDGET_MS = 4.5 * 60 * 1000;

export interface RunOptions {
  /** Time-driven runs have no active spreadsheet: pass the one opened by ID. */
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Milliseconds of sending allowed from the start of the run. */
  budgetMs?: number;
  /** The clock, in ms (tests speed it up). */
  clock?: () => number;
}

/**
 * The merge itself, independent of any UI so a time trigger can call it. Each send is journaled
 * in document properties before it starts ("sending") and after it returns ("done"/"failed"), so a
 * run killed at any service call loses nothing and, resumed, never sends the same template to the
 * same client twice: an intent without a result is treated as sent ("unconfirmed"). The sheet is
 * written once at the end (and by the next run if this one dies first).
 */
export function runMerge(request: MergeRequest, options: RunOptions = {}): MergeResult {
  checkRequest(request);
  const clock = options.clock ?? (() => now().getTime());
  const started = clock();
  const budget = options.budgetMs ?? SEND_BUDGET_MS;
  return withMergeLock(() => {
    const ctx = openMergeContext({
      spreadsheet: options.spreadsheet,
      selection: request.recipients.kind === 'selected',
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
      skipped: planned.plan.skipped.length,
      blocked: block,
      outcomes: [],
      message: '',
      notices: [...ctx.notices, ...planned.notices],
      quotaLeft: 0,
    };
    if (block) {
      result.message = 'Nothing was sent: the template needs fixing first.';
      result.skipped = 0;
      return result;
    }
    const quota = request.mode === 'send' ? remainingDailyQuota() : Number.POSITIVE_INFINITY;
    const entries: { key: string; entry: JournalEntry }[] = [];
    const waiting = new Map<string, string>();
    let stop: string | null = null;
    for (const item of planned.plan.ready) {
      if (!stop && request.mode === 'send' && result.sent >= quota) stop = WAITING_QUOTA;
      if (!stop && clock() - started >= budget) stop = WAITING_TIME;
      if (stop) {
        waiting.set(item.client.id, stop);
        continue;
      }
      const entry = deliver(ctx.journal, request, item, template.name, ctx.today, planned.path);
      entries.push(entry);
      if (entry.entry.state === 'done') {
        if (request.mode === 'send') result.sent += 1;
        else result.drafted += 1;
      } else if (entry.entry.status === WAITING_QUOTA) {
        // Another script used the quota since we read it: this one and the rest wait.
        stop = WAITING_QUOTA;
        waiting.set(item.client.id, stop);
      } else result.failed += 1;
    }
    result.waiting = waiting.size;
    finish(ctx, options, entries, planned.plan.skipped, waiting, result, planned.plan.ready);
    result.quotaLeft =
      request.mode === 'send' ? Math.max(0, quota - result.sent) : remainingDailyQuota();
    result.message = summary(result);
    return result;
  });
}

/** One send or draft, journaled before and after. A kill between the two leaves "sending" behind. */
function deliver(
  journal: Journal,
  request: MergeRequest,
  item: PlannedEmail,
  templateName: string,
  today: string,
  path: ReturnType<typeof planFor>['path'],
): { key: string; entry: JournalEntry } {
  const entry: JournalEntry = {
    clientId: item.client.id,
    template: templateName,
    mode: request.mode,
    state: 'sending',
    date: today,
    to: item.to,
  };
  const key = journal.write(entry);
  try {
    if (request.mode === 'draft') createDraft(outgoing(request, item));
    else sendEmail(path, outgoing(request, item));
    entry.state = 'done';
  } catch (error) {
    entry.state = 'failed';
    entry.status = isQuotaError(error) ? WAITING_QUOTA : errorStatus(errorMessage(error));
  }
  journal.write(entry);
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

/** The one write-back of the run: the sheet re-read now (rows may have moved), then the journal cleared. */
function finish(
  ctx: MergeContext,
  options: RunOptions,
  entries: { key: string; entry: JournalEntry }[],
  skipped: ReturnType<typeof planFor>['plan']['skipped'],
  waiting: Map<string, string>,
  result: MergeResult,
  ready: PlannedEmail[],
): void {
  const cs = readClientSheet({
    settings: ctx.settings,
    spreadsheet: options.spreadsheet ?? ctx.cs.spreadsheet,
  });
  const back = journalWriteBack(
    entries.map((e) => e.entry),
    ctx.touches,
  );
  const soft = new Map<string, string>(waiting);
  for (const s of skipped) if (s.client.id) soft.set(s.client.id, skippedStatus(s.reason));
  const missing = writeMergeBack(
    cs,
    { touches: back.touches, statuses: back.statuses, softStatuses: soft },
    ctx.userEmail,
  );
  ctx.journal.clear(entries.map((e) => e.key));
  if (missing.length) {
    result.notices.push(
      `${missing.length} client row(s) were deleted during the merge; their results are listed here only.`,
    );
  }
  const statusOf = new Map<string, string>([...soft, ...back.statuses]);
  for (const t of back.touches) statusOf.set(t.clientId, t.mergeStatus);
  for (const e of entries) {
    if (!statusOf.has(e.entry.clientId)) {
      statusOf.set(
        e.entry.clientId,
        sentStatus(e.entry.mode === 'draft' ? 'draft' : 'sent', e.entry.date, e.entry.template),
      );
    }
  }
  const outcome = (client: PlannedEmail['client'], to: string): MergeOutcome => ({
    clientId: client.id,
    name: client.name,
    to,
    status: statusOf.get(client.id) ?? '',
  });
  result.outcomes = [
    ...ready.map((r) => outcome(r.client, r.to)),
    ...skipped.map((s) => outcome(s.client, s.client.email)),
  ];
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
  const waitingQuota = r.outcomes.filter((o) => o.status === WAITING_QUOTA).length;
  if (waitingQuota) parts.push(`${waitingQuota} wait for tomorrow's email quota`);
  if (r.waiting - waitingQuota > 0)
    parts.push(`${r.waiting - waitingQuota} wait for the next run (time limit)`);
  if (r.failed) parts.push(`${r.failed} failed (see Merge Status)`);
  if (r.skipped) parts.push(`${r.skipped} skipped`);
  return `${parts.join('; ')}.`;
}
