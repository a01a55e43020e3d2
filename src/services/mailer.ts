// Gmail and MailApp for the merge: send, create drafts, the daily quota, aliases, the user's address, drafts as templates.
import type { Template } from '../core/merge/templates';
import type { SendPath } from '../core/merge/plan';

export interface OutgoingEmail {
  to: string;
  subject: string;
  /** The plain-text alternative. */
  text: string;
  html: string;
  /** Sender name shown to the recipient; "" for the account's default. */
  name: string;
  replyTo: string;
  /** A verified Gmail alias, or "" for the account's own address (GmailApp path only). */
  from: string;
  /** The Gmail draft template it came from: its attachments and inline images go with it. */
  draftId?: string;
}

interface DraftFiles {
  attachments: GoogleAppsScript.Base.BlobSource[];
  inlineImages: Record<string, GoogleAppsScript.Base.BlobSource>;
}

/** The files of the draft templates read in this execution, by draft ID (blobs never leave services/). */
const draftFiles = new Map<string, DraftFiles>();

/** The attachments and inline images of the email's draft template, as GmailApp/MailApp options. */
function withFiles(options: GoogleAppsScript.Gmail.GmailAdvancedOptions, email: OutgoingEmail) {
  const files = email.draftId ? draftFiles.get(email.draftId) : undefined;
  if (!files) return;
  if (files.attachments.length) options.attachments = files.attachments;
  if (Object.keys(files.inlineImages).length) options.inlineImages = files.inlineImages;
}

/**
 * Which service carries a message (core/merge/plan.ts choosePath decides):
 * - MailApp.sendEmail for "send now" from the user's own address: it keeps emoji and all of Unicode
 *   intact (GmailApp does not: googleworkspace/solutions#99, #169, #170, #196) and needs only the
 *   script.send_mail scope.
 * - GmailApp.sendEmail when the user picked an alias (MailApp has no `from` option), with emoji in
 *   the HTML part as numeric references (done by core before it gets here).
 * - GmailApp.createDraft for drafts, which MailApp cannot make; same encoding.
 */
export function sendEmail(path: SendPath, email: OutgoingEmail): void {
  const options: GoogleAppsScript.Gmail.GmailAdvancedOptions = { htmlBody: email.html };
  if (email.name) options.name = email.name;
  if (email.replyTo) options.replyTo = email.replyTo;
  withFiles(options, email);
  if (path === 'MailApp') {
    MailApp.sendEmail({ to: email.to, subject: email.subject, body: email.text, ...options });
    return;
  }
  if (email.from) options.from = email.from;
  GmailApp.sendEmail(email.to, email.subject, email.text, options);
}

/** Creates the draft; its IDs let a later scan see it sent from Gmail (or deleted). */
export function createDraft(email: OutgoingEmail): { draftId: string; messageId: string } {
  const options: GoogleAppsScript.Gmail.GmailAdvancedOptions = { htmlBody: email.html };
  if (email.name) options.name = email.name;
  if (email.replyTo) options.replyTo = email.replyTo;
  if (email.from) options.from = email.from;
  withFiles(options, email);
  const draft = GmailApp.createDraft(email.to, email.subject, email.text, options);
  return { draftId: draft.getId(), messageId: draft.getMessageId() };
}

/** Recipients left today; shared by MailApp and GmailApp (there is no GmailApp equivalent). */
export function remainingDailyQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** The documented message when the daily recipient quota runs out mid-batch. */
export function isQuotaError(error: unknown): boolean {
  return /too many times for one day: email/i.test(errorMessage(error));
}

/**
 * Gmail's own daily quota (createDraft, getDrafts, getAliases, search...), separate from the
 * recipients quota: "Service invoked too many times for one day: gmail." (btoews/OctoGAS#7).
 */
export function isGmailQuotaError(error: unknown): boolean {
  return /too many times for one day: gmail/i.test(errorMessage(error));
}

export function errorMessage(error: unknown): string {
  // Errors thrown by services may come from another realm: read the message, do not use instanceof.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** The address the add-on runs as: where a test email goes. */
export function userEmail(): string {
  return Session.getEffectiveUser().getEmail();
}

/** The IDs of the user's drafts still in Gmail (one call). */
export function liveDraftIds(): Set<string> {
  return new Set(GmailApp.getDrafts().map((d) => d.getId()));
}

/** The user's verified "Send mail as" aliases. */
export function gmailAliases(): string[] {
  return GmailApp.getAliases();
}

export interface DraftSummary {
  subject: string;
}

/**
 * Gmail drafts that can serve as templates: those without recipients. Drafts that have a recipient
 * are real emails in progress, including the ones this merge creates, so they are left out.
 */
export function listDraftTemplates(): DraftSummary[] {
  const out: DraftSummary[] = [];
  for (const draft of GmailApp.getDrafts()) {
    const message = draft.getMessage();
    if (message.getTo().trim() !== '') continue;
    out.push({ subject: message.getSubject() });
  }
  return out;
}

/** The draft templates whose subject matches (more than one is the caller's error to report). */
export function readDraftTemplates(subject: string): Template[] {
  const wanted = subject.trim().toLowerCase();
  const out: Template[] = [];
  for (const draft of GmailApp.getDrafts()) {
    const message = draft.getMessage();
    if (message.getTo().trim() !== '') continue;
    const draftSubject = message.getSubject();
    if (draftSubject.trim().toLowerCase() !== wanted) continue;
    const htmlBody = message.getBody();
    const files = readDraftFiles(message, htmlBody);
    draftFiles.set(draft.getId(), files);
    out.push({
      name: draftSubject,
      subject: draftSubject,
      body: message.getPlainBody(),
      htmlBody,
      channel: 'email',
      notes: '',
      source: 'draft',
      draftId: draft.getId(),
      files: {
        attachments: files.attachments.map((b) => b.getBlob().getName() ?? ''),
        inlineImages: Object.values(files.inlineImages).map((b) => b.getBlob().getName() ?? ''),
      },
    });
  }
  return out;
}

/**
 * As Google's mail-merge sample does (apps-script-samples solutions/automations/mail-merge): inline
 * images from getAttachments({includeInlineImages: true, includeAttachments: false}), each matched
 * to its `<img src="cid:..." alt="name">` by name (in order when there is no alt), and the regular
 * attachments from getAttachments({includeInlineImages: false}). Without them a `cid:` image is broken.
 */
function readDraftFiles(message: GoogleAppsScript.Gmail.GmailMessage, html: string): DraftFiles {
  const images = message.getAttachments({ includeInlineImages: true, includeAttachments: false });
  const attachments = message.getAttachments({ includeInlineImages: false });
  const byName = new Map(images.map((i) => [i.getName(), i] as const));
  const inlineImages: Record<string, GoogleAppsScript.Base.BlobSource> = {};
  const tags = html.match(/<img\b[^>]*>/gi) ?? [];
  let next = 0;
  for (const tag of tags) {
    const cid = /src\s*=\s*["']cid:([^"']+)["']/i.exec(tag)?.[1];
    if (!cid) continue;
    const alt = /alt\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    const image = (alt !== undefined && byName.get(alt)) || images[next];
    next += 1;
    if (image) inlineImages[cid] = image.copyBlob();
  }
  return { attachments: attachments.map((a) => a.copyBlob()), inlineImages };
}
