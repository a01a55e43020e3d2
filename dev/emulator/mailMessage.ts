// What a mail is in the emulator: the outbox entry, the options MailApp/GmailApp accept, recipient parsing, and the documented limit texts.
import { gasError } from './kernel';

export const SEND_MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';
export const GMAIL_SCOPE = 'https://mail.google.com/';
export const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';
export const TOO_MANY_RECIPIENTS = 'Limit Exceeded: Email Recipients Per Message.';
export const BODY_TOO_LARGE = 'Limit Exceeded: Email Body Size.';
export const SUBJECT_TOO_LONG = 'Argument too large: subject';
export const FROM_NOT_ALIAS = 'Invalid argument: from';
// [unverified] wording for a send with no recipient at all.
export const NO_RECIPIENT = 'Failed to send email: no recipient';

/** A file carried by a message: an attachment, or an inline image (with its content ID). */
export interface MailFile {
  name: string;
  contentType: string;
  bytes: Buffer;
  /** The `cid:` the HTML body refers to it by; null for a regular attachment. */
  cid: string | null;
}

/** The exception once Gmail's own daily quota (reads and drafts, not sends) is used up. */
export const GMAIL_QUOTA_EXCEEDED = 'Service invoked too many times for one day: gmail.';

export interface OutboxEntry {
  /** `received`: a message from someone else (a client's reply), put there by the emulator's control. */
  kind: 'sent' | 'draft' | 'received';
  via: 'MailApp' | 'GmailApp';
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  from: string;
  replyTo: string | null;
  noReply: boolean;
  attachments: number;
  /** ISO instant from the emulator clock: sending time, or last draft update. */
  at: string;
  /** The message id (GmailMessage.getId); drafts also have draftId. */
  id: string;
  draftId: string | null;
  /** The conversation: a new message starts one (its id); a reply joins its original's. */
  threadId: string;
  /** Attachments and inline images, as the message carries them. */
  files: MailFile[];
  /** `cid:` references in the HTML body with no inline image behind them: broken images. */
  missingImages: string[];
}

export interface Message {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  from: string;
  replyTo: string | null;
  noReply: boolean;
  attachments: number;
}

export type Options = Partial<{
  cc: string;
  bcc: string;
  htmlBody: string;
  name: string;
  from: string;
  replyTo: string;
  noReply: boolean;
  attachments: unknown[];
  inlineImages: unknown;
}>;

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

/** Splits "a@x.com, Name <b@y.com>" into bare addresses; throws the documented message for a bad one. */
export function parseRecipients(list: string): string[] {
  if (!list) return [];
  return String(list)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const angle = /<([^>]*)>\s*$/.exec(part);
      const address = (angle ? angle[1] : part).trim();
      // The message quotes the recipient as written, display name included ("Invalid email: Judith Pin <>").
      if (!EMAIL.test(address)) throw gasError(`Invalid email: ${part}`);
      return address;
    });
}

/** Replaces each UTF-16 code unit of a character beyond the Basic Multilingual Plane with U+FFFD. */
export function garbleAstral(text: string): string {
  return text.replace(/[\uD800-\uDFFF]/g, '\uFFFD');
}

/**
 * What GmailApp does to text it sends or drafts. Reported: 'Gmail drafts with emojis like '☺' are
 * replaced with ������' (googleworkspace/solutions#99): U+263A is in the Basic Multilingual Plane and
 * in Unicode 1.1, so the damage is not limited to astral characters or to Unicode after 5.1. The
 * emulator takes the safe reading: every non-ASCII UTF-16 unit arrives as U+FFFD ('nonAscii');
 * 'astral' is the older, narrower model; 'none' turns it off.
 */
export type GmailGarble = 'nonAscii' | 'astral' | 'none';

export function garble(text: string, mode: GmailGarble): string {
  if (mode === 'astral') return garbleAstral(text);
  if (mode === 'nonAscii') return text.replace(/[\u0080-\uFFFF]/g, '\uFFFD');
  return text;
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
