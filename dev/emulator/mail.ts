// Emulated MailApp and GmailApp: one outbox, drafts, aliases, and the daily recipient quota both services share.
import { gasError, type Kernel } from './kernel';
import { cidReferences, createMailbox, fileOfBlob } from './mailbox';
import { outsideActions } from './mailOutside';
import { dailyCounter, GMAIL_QUOTA_MEMBERS } from './mailQuota';
import { mailAppImpl } from './mailApp';
import {
  BODY_TOO_LARGE,
  FROM_NOT_ALIAS,
  GMAIL_QUOTA_EXCEEDED,
  GMAIL_SCOPE,
  garble,
  type GmailGarble,
  type MailFile,
  NO_RECIPIENT,
  parseRecipients,
  QUOTA_EXCEEDED,
  SEND_MAIL_SCOPE,
  SUBJECT_TOO_LONG,
  TOO_MANY_RECIPIENTS,
  utf8Bytes,
  type Message,
  type Options,
  type OutboxEntry,
} from './mailMessage';

export type { FileSeed } from './mailOutside';
export {
  GMAIL_QUOTA_EXCEEDED,
  GMAIL_SCOPE,
  QUOTA_EXCEEDED,
  SEND_MAIL_SCOPE,
  type OutboxEntry,
} from './mailMessage';

/** The emulator's handle on the mail services; the outside world's actions come from mailOutside.ts. */
export interface MailControl extends ReturnType<typeof outsideActions> {
  /** Every sent message and every live draft, oldest first. */
  readonly outbox: OutboxEntry[];
  /** Sent messages only. */
  readonly sent: OutboxEntry[];
  /** Live drafts (a sent or deleted draft leaves this list). */
  readonly drafts: OutboxEntry[];
  /** Recipients counted against the daily quota in the current 24-hour window. */
  readonly used: number;
  quota: number;
  setQuota(n: number): void;
  /** What GmailApp does to non-ASCII text it sends or drafts (mailMessage.ts garble). */
  gmailGarble: GmailGarble;
  /** Gmail's own daily quota (calls of GMAIL_QUOTA_MEMBERS), and what is used of it. */
  gmailQuota: number;
  readonly gmailUsed: number;
  /** Body limit in bytes: 200 KB on a consumer account, 400 KB on Workspace. */
  bodyLimitBytes: number;
  aliases: string[];
  userEmail: string;
  clear(): void;
}

interface MailOptions {
  dailyQuota: number;
  userEmail: string;
  aliases: string[];
}

export function createMail(kernel: Kernel, options: MailOptions) {
  const outbox: OutboxEntry[] = [];
  const recipientsUsed = dailyCounter(kernel.clock);
  const gmailUsed = dailyCounter(kernel.clock);
  let nextId = 1;

  const control: MailControl = {
    get outbox() {
      return outbox;
    },
    get sent() {
      return outbox.filter((m) => m.kind === 'sent');
    },
    get drafts() {
      return outbox.filter((m) => m.kind === 'draft');
    },
    get used() {
      return recipientsUsed.used();
    },
    quota: options.dailyQuota,
    setQuota(n: number) {
      control.quota = n;
    },
    gmailGarble: 'nonAscii',
    gmailQuota: 20000,
    get gmailUsed() {
      return gmailUsed.used();
    },
    bodyLimitBytes: 200 * 1024,
    aliases: [...options.aliases],
    userEmail: options.userEmail,
    clear() {
      outbox.length = 0;
      recipientsUsed.reset();
      gmailUsed.reset();
    },
    // What the user does in Gmail, and a client's reply (mailOutside.ts).
    ...outsideActions({
      outbox,
      userEmail: () => control.userEmail,
      now: () => kernel.clock.now().toISOString(),
      newId,
      record,
      message: toMessage,
    }),
  };

  function chargeGmail(member: string): void {
    if (!GMAIL_QUOTA_MEMBERS.has(member)) return;
    if (!gmailUsed.take(1, control.gmailQuota)) throw gasError(GMAIL_QUOTA_EXCEEDED);
  }

  function remaining(): number {
    return Math.max(0, control.quota - recipientsUsed.used());
  }

  function newId(): string {
    const n = nextId++;
    return (0x18c0000000000 + n).toString(16);
  }

  function validate(message: Message, via: 'MailApp' | 'GmailApp', sending: boolean): number {
    const recipients = [
      ...parseRecipients(message.to),
      ...parseRecipients(message.cc),
      ...parseRecipients(message.bcc),
    ];
    if (message.replyTo) parseRecipients(message.replyTo);
    if (sending && recipients.length === 0) throw gasError(NO_RECIPIENT);
    if (recipients.length > 50) throw gasError(TOO_MANY_RECIPIENTS);
    if (via === 'GmailApp' && message.subject.length > 250) throw gasError(SUBJECT_TOO_LONG);
    if (utf8Bytes(message.body) + utf8Bytes(message.htmlBody ?? '') > control.bodyLimitBytes) {
      throw gasError(BODY_TOO_LARGE);
    }
    if (message.attachments > 250) throw gasError('Limit exceeded: Email Attachments Per Message.');
    return recipients.length;
  }

  function charge(recipients: number): void {
    if (!recipientsUsed.take(recipients, control.quota)) throw gasError(QUOTA_EXCEEDED);
  }

  function toMessage(
    via: 'MailApp' | 'GmailApp',
    to: unknown,
    subject: unknown,
    body: unknown,
    opts: Options = {},
  ): Message & { files: MailFile[]; missingImages: string[] } {
    const gmail = via === 'GmailApp';
    if (gmail && opts.from !== undefined) {
      const from = String(opts.from);
      if (from !== control.userEmail && !control.aliases.includes(from)) {
        // GmailApp docs: "from: the address that the email should be sent from, which must be one of
        // the values returned by getAliases()"; the refusal names only the option.
        throw gasError(FROM_NOT_ALIAS);
      }
    }
    const damage = (s: string) => (gmail ? garble(s, control.gmailGarble) : s);
    const files = filesOf(opts);
    const htmlBody = opts.htmlBody === undefined ? null : damage(String(opts.htmlBody));
    const inline = new Set(files.filter((f) => f.cid).map((f) => f.cid));
    return {
      to: to === undefined || to === null ? '' : String(to),
      cc: opts.cc ? String(opts.cc) : '',
      bcc: opts.bcc ? String(opts.bcc) : '',
      subject: damage(subject === undefined || subject === null ? '' : String(subject)),
      body: damage(body === undefined || body === null ? '' : String(body)),
      htmlBody,
      name: opts.name === undefined ? null : String(opts.name),
      from: gmail && opts.from !== undefined ? String(opts.from) : control.userEmail,
      replyTo: opts.replyTo === undefined ? null : String(opts.replyTo),
      noReply: Boolean(opts.noReply),
      attachments: Array.isArray(opts.attachments) ? opts.attachments.length : 0,
      files,
      missingImages: cidReferences(htmlBody).filter((cid) => !inline.has(cid)),
    };
  }

  /** options.attachments (blobs) and options.inlineImages ({cid: blob}), as the message keeps them. */
  function filesOf(opts: Options): MailFile[] {
    const files: MailFile[] = [];
    if (Array.isArray(opts.attachments))
      for (const b of opts.attachments) files.push(fileOfBlob(b, null));
    const inline = opts.inlineImages;
    if (inline && typeof inline === 'object') {
      for (const [cid, b] of Object.entries(inline as Record<string, unknown>)) {
        files.push(fileOfBlob(b, cid));
      }
    }
    return files;
  }

  function record(
    message: Message & { files: MailFile[]; missingImages: string[] },
    via: 'MailApp' | 'GmailApp',
    kind: OutboxEntry['kind'],
  ): OutboxEntry {
    const id = newId();
    const entry: OutboxEntry = {
      ...message,
      kind,
      via,
      at: kernel.clock.now().toISOString(),
      id,
      draftId: kind === 'draft' ? `r-${nextId * 7919}` : null,
      threadId: id,
    };
    outbox.push(entry);
    return entry;
  }

  function send(
    message: Message & { files: MailFile[]; missingImages: string[] },
    via: 'MailApp' | 'GmailApp',
  ): OutboxEntry {
    const recipients = validate(message, via, true);
    charge(recipients);
    return record(message, via, 'sent');
  }

  function guardMail(member: string): void {
    kernel.requireAuth(member, ['FULL'], [SEND_MAIL_SCOPE]);
    kernel.requireScope(member, [SEND_MAIL_SCOPE]);
  }
  function guardGmail(member: string): void {
    kernel.requireAuth(member, ['FULL'], [GMAIL_SCOPE]);
    kernel.requireScope(member, [GMAIL_SCOPE]);
    chargeGmail(member);
  }

  const mailbox = createMailbox({
    kernel,
    outbox,
    userEmail: () => control.userEmail,
    newId,
    guard: guardGmail,
    updateDraft(entry, to, subject, body, opts) {
      const message = toMessage('GmailApp', to, subject, body, opts);
      validate(message, 'GmailApp', false);
      Object.assign(entry, message, { at: kernel.clock.now().toISOString() });
    },
    sendDraft(entry) {
      const recipients = validate(entry, 'GmailApp', true);
      charge(recipients);
      entry.kind = 'sent';
      entry.at = kernel.clock.now().toISOString();
    },
  });
  const { messageObject, draftObject } = mailbox;

  const mailImpl = mailAppImpl({
    guard: guardMail,
    sendMessage: (to, subject, text, opts) =>
      send(toMessage('MailApp', to, subject, text, opts), 'MailApp'),
    remaining,
  });

  const gmailImpl = {
    sendEmail(to: unknown, subject: unknown, body: unknown, opts?: Options) {
      guardGmail('GmailApp.sendEmail');
      send(toMessage('GmailApp', to, subject, body, opts), 'GmailApp');
      return GmailApp;
    },
    createDraft(to: unknown, subject: unknown, body: unknown, opts?: Options) {
      guardGmail('GmailApp.createDraft');
      const message = toMessage('GmailApp', to, subject, body, opts);
      validate(message, 'GmailApp', false);
      return draftObject(record(message, 'GmailApp', 'draft'));
    },
    getDrafts() {
      guardGmail('GmailApp.getDrafts');
      return control.drafts.map(draftObject);
    },
    getDraft(id: string) {
      guardGmail('GmailApp.getDraft');
      const entry = control.drafts.find((d) => d.draftId === id);
      if (!entry) throw gasError(`Invalid argument: id`);
      return draftObject(entry);
    },
    getAliases() {
      guardGmail('GmailApp.getAliases');
      return [...control.aliases];
    },
    getMessageById(id: string) {
      guardGmail('GmailApp.getMessageById');
      const entry = outbox.find((m) => m.id === id);
      return entry ? messageObject(entry) : null;
    },
    getThreadById(id: string) {
      guardGmail('GmailApp.getThreadById');
      return outbox.some((m) => m.threadId === id) ? mailbox.threadObject(id) : null;
    },
    // One call for the messages of many threads (GmailApp reference: getMessagesForThreads).
    getMessagesForThreads(threads: GoogleAppsScript.Gmail.GmailThread[]) {
      guardGmail('GmailApp.getMessagesForThreads');
      return threads.map((t) => mailbox.messagesOf(t));
    },
    search(query: unknown, start?: unknown, max?: unknown) {
      guardGmail('GmailApp.search');
      return mailbox.search(
        String(query),
        start === undefined ? 0 : Number(start),
        max === undefined ? undefined : Number(max),
      );
    },
  };

  const MailApp = kernel.wrap<GoogleAppsScript.Mail.MailApp>('MailApp', 'MailApp', mailImpl);
  const GmailApp = kernel.wrap<GoogleAppsScript.Gmail.GmailApp>('GmailApp', 'GmailApp', gmailImpl);
  return { MailApp, GmailApp, control };
}
