// What a merge request says and what a run reports: the request and sender checks, each outgoing email, and the one-sentence summary.
import type { MergeRequest, MergeResult } from '../shared/mergeApi';
import type { PlannedEmail } from '../core/merge/plan';
import { senderProblem } from '../core/merge/sender';
import { WAITING_BUSY, WAITING_GMAIL, WAITING_QUOTA, WAITING_STORAGE } from '../core/merge/status';
import { gmailAliases, type OutgoingEmail } from '../services/mailer';
import type { MergeContext } from './mergeContext';

export function outgoing(
  request: MergeRequest,
  item: PlannedEmail,
  template?: { draftId?: string },
): OutgoingEmail {
  return {
    draftId: template?.draftId,
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
  // Sender name, reply-to and alias: once, before anything is planned or sent (core/merge/sender.ts).
  const sender = senderProblem(request);
  if (sender) throw new Error(sender);
}

/** An alias must be one of the user's verified "Send mail as" addresses. */
export function checkAlias(request: MergeRequest, ctx: MergeContext): void {
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

export function summary(r: MergeResult): string {
  const parts: string[] = [];
  if (r.mode === 'send') parts.push(`Sent ${plural(r.sent, 'email')}`);
  else parts.push(`Created ${plural(r.drafted, 'draft')} in Gmail`);
  const count = (status: string) => r.outcomes.filter((o) => o.status === status).length;
  const waitingQuota = count(WAITING_QUOTA);
  const waitingBusy = count(WAITING_BUSY);
  const waitingStorage = count(WAITING_STORAGE);
  const waitingGmail = count(WAITING_GMAIL);
  if (waitingGmail) parts.push(`${waitingGmail} wait for tomorrow's Gmail limit`);
  if (waitingStorage)
    parts.push(
      `${waitingStorage} wait: the spreadsheet's add-on storage is full (see the Emails tab)`,
    );
  if (waitingQuota) parts.push(`${waitingQuota} wait for tomorrow's email quota`);
  if (waitingBusy) parts.push(`${waitingBusy} wait: the spreadsheet was busy, run the merge again`);
  const waitingTime = r.waiting - waitingQuota - waitingBusy - waitingStorage - waitingGmail;
  if (waitingTime > 0) parts.push(`${waitingTime} wait for the next run (time limit)`);
  if (r.failed) parts.push(`${r.failed} failed (see Merge Status)`);
  if (r.skipped) parts.push(`${r.skipped} skipped`);
  return `${parts.join('; ')}.`;
}
