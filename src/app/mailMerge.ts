// The mail merge use cases: setup, preview, a test to me, and runMerge (send or draft, journaled, quota- and time-aware).
import type {
  MergeOutcome,
  MergePreview,
  MergeRequest,
  MergeResult,
  MergeSetup,
  TemplateSummary,
  TestEmailResult,
} from '../shared/mergeApi';
import { journalWriteBack, type JournalEntry } from '../core/merge/journal';
import type { PlannedEmail } from '../core/merge/plan';
import { WAITING_QUOTA, WAITING_TIME, errorStatus, sentStatus, skippedStatus } from '../core/merge/status';
import { now } from '../services/clock';
import { readClientSheet } from '../services/clientSheet';
import {
  createDraft,
  errorMessage,
  gmailAliases,
  isQuotaError,
  listDraftTemplates,
  remainingDailyQuota,
  sendEmail,
  type OutgoingEmail,
} from '../services/mailer';
import { clearEntries, writeEntry } from '../services/mergeJournal';
import { readTemplates } from '../services/templatesSheet';
import { openSidebar } from './sidebar';
import {
  blockOf,
  openMergeContext,
  planFor,
  resolveTemplate,
  skipsOf,
  summarize,
  withMergeLock,
  type MergeContext,
} from './mergeContext';
import { writeMergeBack } from './mergeWriteBack';

/** Menu: Send reconnect emails... */
export function openMailMerge(): void {
  openSidebar('emails');
}

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

/** The sidebar's templates, aliases and quota; writes back a stopped run's journal if there is one. */
export function getMergeSetup(): MergeSetup {
  return withMergeLock(() => {
    const ctx = openMergeContext();
    const read = readTemplates(ctx.cs.spreadsheet);
    if (read.created) ctx.notices.push('The Templates sheet was created with the built-in templates; edit them there.');
    const problems = [...read.problems];
    const templates: TemplateSummary[] = read.templates.map((t) => ({
      source: t.source,
      name: t.name,
      subject: t.subject,
      channel: t.channel,
      notes: t.notes,
    }));
    let aliases: string[] = [];
    try {
      for (const d of listDraftTemplates()) {
        templates.push({ source: 'draft', name: d.subject, subject: d.subject, channel: 'email', notes: 'Gmail draft' });
      }
      aliases = gmailAliases();
    } catch (error) {
      problems.push(`Gmail drafts and aliases could not be read: ${errorMessage(error)}`);
    }
    return {
      templates,
      problems,
      aliases,
      userEmail: ctx.userEmail,
      quota: remainingDailyQuota(),
      myName: ctx.settings.myName,
      recentDays: ctx.settings.recentDays,
      notices: ctx.notices,
    };
  });
}

/** Renders every email of the request and lists every skip with its reason. Sends nothing. */
export function previewMerge(request: MergeRequest): MergePreview {
  checkRequest(request);
  return withMergeLock(() => {
    const ctx = openMergeContext({ selection: request.recipients.kind === 'selected' });
    const template = resolveTemplate(ctx, request.template);
    const path = template.channel === 'letter' ? 'print' : undefined;
    const planned = planFor(ctx, template, request, path);
    const quota = request.mode === 'send' && path !== 'print' ? remainingDailyQuota() : Infinity;
    const emails = planned.plan.ready.map((r) => ({
      clientId: r.client.id,
      name: r.client.name,
      to: r.to,
      subject: r.email.subject,
      text: r.email.text,
      html: r.email.html,
      warning: r.warning,
    }));
    return {
      template: summarize(template),
      path: planned.path,
      emails,
      skips: skipsOf(planned.plan),
      blocked: blockOf(ctx, planned.plan),
      quota: Number.isFinite(quota) ? quota : -1,
      willWait: Number.isFinite(quota) ? Math.max(0, emails.length - quota) : 0,
      notices: [...ctx.notices, ...planned.notices],
    };
  });
}

/** Sends the first email of the request to the user, subject prefixed [Test]. Counts one recipient. */
export function sendTestEmail(request: MergeRequest): TestEmailResult {
  checkRequest(request);
  return withMergeLock(() => {
    const ctx = openMergeContext({ selection: request.recipients.kind === 'selected' });
    const template = resolveTemplate(ctx, request.template);
    const planned = planFor(ctx, template, { ...request, mode: 'send' });
    const block = blockOf(ctx, planned.plan);
    if (block) throw new Error(block.message);
    const first = planned.plan.ready[0];
    if (!first) throw new Error('No client in this selection can get this email; see the reasons in the preview.');
    if (remainingDailyQuota() < 1) throw new Error("Today's email quota is used up; the test can go out tomorrow.");
    const subject = `[Test] ${first.email.subject}`;
    sendEmail(planned.path, { ...outgoing(request, first), to: ctx.userEmail, subject });
    return { to: ctx.userEmail, subject, message: `Test sent to ${ctx.userEmail} (as ${first.client.name} would get it).` };
  });
}

/** The sidebar's Send / Create drafts. */
export function runMailMerge(request: MergeRequest): MergeResult {
  return runMerge(request);
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
      throw new Error(`"${template.name}" is a letter: use "Print letters" to print it and log the ones you post.`);
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
      const entry = deliver(request, item, template.name, ctx.today, planned.path);
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
    result.quotaLeft = request.mode === 'send' ? Math.max(0, quota - result.sent) : remainingDailyQuota();
    result.message = summary(result);
    return result;
  });
}

/** One send or draft, journaled before and after. A kill between the two leaves "sending" behind. */
function deliver(
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
  const key = writeEntry(entry);
  try {
    if (request.mode === 'draft') createDraft(outgoing(request, item));
    else sendEmail(path, outgoing(request, item));
    entry.state = 'done';
  } catch (error) {
    entry.state = 'failed';
    entry.status = isQuotaError(error) ? WAITING_QUOTA : errorStatus(errorMessage(error));
  }
  writeEntry(entry);
  return { key, entry };
}

function outgoing(request: MergeRequest, item: PlannedEmail): OutgoingEmail {
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
  const cs = readClientSheet({ settings: ctx.settings, spreadsheet: options.spreadsheet ?? ctx.cs.spreadsheet });
  const back = journalWriteBack(
    entries.map((e) => e.entry),
    ctx.touches,
  );
  const soft = new Map<string, string>(waiting);
  for (const s of skipped) if (s.client.id) soft.set(s.client.id, skippedStatus(s.reason));
  const missing = writeMergeBack(cs, { touches: back.touches, statuses: back.statuses, softStatuses: soft }, ctx.userEmail);
  clearEntries(entries.map((e) => e.key));
  if (missing.length) {
    result.notices.push(`${missing.length} client row(s) were deleted during the merge; their results are listed here only.`);
  }
  const statusOf = new Map<string, string>([...soft, ...back.statuses]);
  for (const t of back.touches) statusOf.set(t.clientId, t.mergeStatus);
  for (const e of entries) {
    if (!statusOf.has(e.entry.clientId)) {
      statusOf.set(e.entry.clientId, sentStatus(e.entry.mode === 'draft' ? 'draft' : 'sent', e.entry.date, e.entry.template));
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

function checkRequest(request: MergeRequest): void {
  if (!request || typeof request !== 'object') throw new Error('Choose a template and recipients first.');
  if (request.mode !== 'send' && request.mode !== 'draft') throw new Error('Choose "Send now" or "Create drafts".');
  if (!request.recipients || typeof request.recipients !== 'object') throw new Error('Choose who gets the emails.');
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
  if (r.waiting - waitingQuota > 0) parts.push(`${r.waiting - waitingQuota} wait for the next run (time limit)`);
  if (r.failed) parts.push(`${r.failed} failed (see Merge Status)`);
  if (r.skipped) parts.push(`${r.skipped} skipped`);
  return `${parts.join('; ')}.`;
}
