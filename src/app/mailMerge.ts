// The mail merge use cases the sidebar calls: setup, preview, a test to me, and Send / Create drafts (runMerge in mergeRun.ts).
import type {
  MergePreview,
  MergeRequest,
  MergeResult,
  MergeSetup,
  TemplateSummary,
  TestEmailResult,
} from '../shared/mergeApi';
import {
  errorMessage,
  gmailAliases,
  listDraftTemplates,
  remainingDailyQuota,
  sendEmail,
} from '../services/mailer';
import { readTemplates } from '../services/templatesSheet';
import { openSidebar } from './sidebar';
import {
  blockOf,
  openMergeContext,
  planFor,
  resolveTemplate,
  skipsOf,
  summarize,
} from './mergeContext';
import { withMergeLock } from '../services/mergeLock';
import { mergeStorage } from './mergeRepair';
import { checkRequest, outgoing, runMerge } from './mergeRun';
import { checkMergeRequest } from './mergeInput';
import { declinedPermission } from '../shared/permissions';
import { object, oneOf, optional } from '../core/schema';
import { gmailSetup } from '../services/gmailCache';
import { now } from '../services/clock';

export { runMerge, type RunOptions } from './mergeRun';

/** Menu: Send reconnect emails... */
export function openMailMerge(): void {
  openSidebar('emails');
}

const setupOptions = object({ refresh: optional(oneOf(['gmail'] as const)) });

/**
 * The sidebar's templates, aliases and quota; writes back a stopped run's journal if there is one.
 * Gmail's draft templates and aliases come from a 30-minute cache (services/gmailCache.ts): opening
 * the tab does not read every draft each time; `{refresh: 'gmail'}` reads Gmail again.
 */
export function getMergeSetup(options?: { refresh?: 'gmail' }): MergeSetup {
  const { refresh } = setupOptions(options ?? {}, 'The setup request');
  return withMergeLock(() => {
    const ctx = openMergeContext({ lean: true });
    const read = readTemplates(ctx.cs.spreadsheet);
    if (read.created)
      ctx.notices.push(
        'The Templates sheet was created with the built-in templates; edit them there.',
      );
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
      const gmail = gmailSetup(now().getTime(), refresh === 'gmail', () => ({
        drafts: listDraftTemplates().map((d) => d.subject),
        aliases: gmailAliases(),
      }));
      for (const subject of gmail.drafts) {
        templates.push({
          source: 'draft',
          name: subject,
          subject,
          channel: 'email',
          notes: 'Gmail draft',
        });
      }
      if (gmail.left) problems.push(`${gmail.left} more Gmail draft templates are not listed.`);
      aliases = gmail.aliases;
    } catch (error) {
      const message = errorMessage(error);
      problems.push(
        declinedPermission(message, 'Using Gmail drafts as templates and sending from an alias') ??
          `Gmail drafts and aliases could not be read: ${message}`,
      );
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
      storage: mergeStorage(ctx.journal),
    };
  });
}

/** Renders every email of the request and lists every skip with its reason. Sends nothing. */
export function previewMerge(input: MergeRequest): MergePreview {
  const request = checkMergeRequest(input);
  checkRequest(request);
  return withMergeLock(() => {
    const ctx = openMergeContext({ selection: request.recipients.kind === 'selected', lean: true });
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
      audienceWarning: r.audienceWarning,
      address: r.address,
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
export function sendTestEmail(input: MergeRequest): TestEmailResult {
  const request = checkMergeRequest(input);
  checkRequest(request);
  return withMergeLock(() => {
    const ctx = openMergeContext({ selection: request.recipients.kind === 'selected', lean: true });
    const template = resolveTemplate(ctx, request.template);
    const planned = planFor(ctx, template, { ...request, mode: 'send' });
    const block = blockOf(ctx, planned.plan);
    if (block) throw new Error(block.message);
    const first = planned.plan.ready[0];
    if (!first)
      throw new Error(
        'No client in this selection can get this email; see the reasons in the preview.',
      );
    if (remainingDailyQuota() < 1)
      throw new Error("Today's email quota is used up; the test can go out tomorrow.");
    const subject = `[Test] ${first.email.subject}`;
    sendEmail(planned.path, { ...outgoing(request, first, template), to: ctx.userEmail, subject });
    return {
      to: ctx.userEmail,
      subject,
      message: `Test sent to ${ctx.userEmail} (as ${first.client.name} would get it).`,
    };
  });
}

/** The sidebar's Send / Create drafts. */
export function runMailMerge(request: MergeRequest): MergeResult {
  return runMerge(checkMergeRequest(request));
}
