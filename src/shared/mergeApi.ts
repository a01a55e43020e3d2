// The mail-merge part of the sidebar<->server contract: templates, preview, send, letters (JSON-safe payloads).
import type { Bucket } from './api';

/** Who gets the merge. The preview resolves any of these to client IDs; Send uses those IDs. */
export type RecipientSpec =
  /** The rows selected in the client sheet. */
  | { kind: 'selected' }
  /** The first `count` clients of the call list (priority order) who can get this template. */
  | { kind: 'top'; count: number }
  /** The first `count` of one recency group, in priority order. */
  | { kind: 'bucket'; bucket: Bucket; count: number }
  /**
   * Exactly these clients, in this order (what the preview showed). `skipped`: the clients the
   * preview skipped, so their rows get the reason too; none of them is sent to, whatever changed.
   */
  | { kind: 'clients'; ids: string[]; skipped?: string[] };

/** Most clients one merge handles; more than the daily quota of a consumer account (100). */
export const MAX_BATCH = 200;

export interface TemplateRef {
  /** A row of the Templates sheet (by Name), or a Gmail draft without recipients (by subject). */
  source: 'sheet' | 'draft';
  name: string;
}

export type MergeMode = 'send' | 'draft';

export interface MergeRequest {
  template: TemplateRef;
  recipients: RecipientSpec;
  mode: MergeMode;
  /** Sender name shown to recipients; "" for the account's default. */
  senderName?: string;
  replyTo?: string;
  /** A Gmail alias to send from; "" or absent for the user's own address. */
  from?: string;
  /**
   * A template sent on each client's cadence (the weekly batches' cadence template): a client who
   * got it before gets it again once due again, instead of "already sent".
   */
  repeatWhenDue?: boolean;
}

export interface TemplateSummary {
  source: 'sheet' | 'draft';
  name: string;
  subject: string;
  channel: 'email' | 'letter';
  notes: string;
  /** Who the template is for, in words ("Silent 6 months or more"); "Anyone" when it does not say. */
  audience?: string;
  /** A Gmail draft template's files (names), sent with every email of the merge. */
  files?: { attachments: string[]; inlineImages: string[] };
}

export interface MergeSetup {
  templates: TemplateSummary[];
  /** Problems reading the Templates sheet or the drafts, in words. */
  problems: string[];
  aliases: string[];
  userEmail: string;
  /** Email recipients left today (shared by every script and add-on of this user). */
  quota: number;
  myName: string;
  recentDays: number;
  /** What happened on the way: "Templates sheet created", a stopped run reconciled... */
  notices: string[];
  /** The document's add-on storage, where the merge journal lives (the tab offers to free it when low). */
  storage?: MergeStorage;
}

/** The document property store as the merge journal sees it. */
export interface MergeStorage {
  usedKB: number;
  limitKB: number;
  /** Held by Reconnect's merge journal. */
  journalKB: number;
  /** What a new merge's journal may use. */
  freeKB: number;
  /** Too little for a merge of MAX_BATCH clients: the Emails tab offers "Free merge storage". */
  low: boolean;
}

/** What "Free merge storage" did. */
export interface JournalRepair {
  /** Journal entries written back to the sheet (statuses and touches). */
  written: number;
  freedKB: number;
  storage: MergeStorage;
  notices: string[];
  message: string;
}

/** How the emails leave: MailApp (send from your address), GmailApp (drafts, or an alias), print (letters). */
export type SendPathName = 'MailApp' | 'GmailApp' | 'print';

export interface PreviewEmail {
  clientId: string;
  name: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  warning: string | null;
  /** The client is not who the template is for: shown in the preview, confirmed before sending. */
  audienceWarning?: string | null;
  /** A letter's postal address block, from the sheet's address columns; [] when it has none. */
  address?: string[];
}

export interface MergeSkip {
  clientId: string;
  name: string;
  email: string;
  reason: string;
}

export interface TemplateBlock {
  message: string;
  unknownTags: string[];
  availableTags: string[];
}

export interface MergePreview {
  template: TemplateSummary;
  path: SendPathName;
  emails: PreviewEmail[];
  skips: MergeSkip[];
  /** The template cannot be used: nothing will be sent until it is fixed. */
  blocked: TemplateBlock | null;
  quota: number;
  /** How many of `emails` would wait for tomorrow's quota if sent now. */
  willWait: number;
  notices: string[];
}

export interface MergeOutcome {
  clientId: string;
  name: string;
  to: string;
  /** The Merge Status written to the row ("Sent 2026-11-22: Reconnect apology", "Waiting: ..."). */
  status: string;
}

export interface MergeResult {
  mode: MergeMode;
  template: string;
  sent: number;
  drafted: number;
  failed: number;
  waiting: number;
  skipped: number;
  blocked: TemplateBlock | null;
  outcomes: MergeOutcome[];
  /** One sentence for the toast: "Sent 8 emails; 2 wait for tomorrow's quota." */
  message: string;
  notices: string[];
  quotaLeft: number;
}

export interface TestEmailResult {
  to: string;
  subject: string;
  message: string;
}

export interface LetterPage {
  clientId: string;
  name: string;
  text: string;
  /** The postal address block printed above the letter; [] when the sheet has no address columns. */
  address?: string[];
}

export interface LetterBatch {
  template: string;
  /** Today in the spreadsheet's time zone (printed at the top of each letter). */
  date: string;
  letters: LetterPage[];
  skips: MergeSkip[];
  blocked: TemplateBlock | null;
}

export interface LetterConfirmation {
  template: string;
  clientIds: string[];
}

export interface LetterConfirmResult {
  logged: number;
  message: string;
  skipped: MergeSkip[];
}

/** Server functions of the mail merge, merged into ServerApi. */
export interface MergeApi {
  getMergeSetup(): MergeSetup;
  previewMerge(request: MergeRequest): MergePreview;
  sendTestEmail(request: MergeRequest): TestEmailResult;
  runMailMerge(request: MergeRequest): MergeResult;
  /** Opens the letters dialog for a letter template. */
  openLetters(request: MergeRequest): void;
  /** Called by the letters dialog: the letters to print. */
  getLetterBatch(): LetterBatch;
  confirmLetters(confirmation: LetterConfirmation): LetterConfirmResult;
  /** Writes back what the merge journal holds, then frees its space (the Emails tab's "Free merge storage"). */
  repairMergeJournal(): JournalRepair;
}
