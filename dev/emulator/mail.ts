// Emulated MailApp and GmailApp: one outbox, drafts, aliases, and the daily recipient quota both services share.
import { gasError, type Kernel } from './kernel';
import {
  BODY_TOO_LARGE,
  FROM_NOT_ALIAS,
  GMAIL_SCOPE,
  garbleAstral,
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

export { GMAIL_SCOPE, QUOTA_EXCEEDED, SEND_MAIL_SCOPE, type OutboxEntry } from './mailMessage';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface MailControl {
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
  /** GmailApp supports Unicode only up to 5.1: astral characters (emoji) arrive as U+FFFD. */
  gmailUnicode51: boolean;
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
  let used = 0;
  let windowStartMs: number | null = null;
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
      rollWindow();
      return used;
    },
    quota: options.dailyQuota,
    setQuota(n: number) {
      control.quota = n;
    },
    gmailUnicode51: true,
    bodyLimitBytes: 200 * 1024,
    aliases: [...options.aliases],
    userEmail: options.userEmail,
    clear() {
      outbox.length = 0;
      used = 0;
      windowStartMs = null;
    },
  };

  // "Quotas are per user and reset 24 hours after the first request." (quotas page)
  function rollWindow(): void {
    if (windowStartMs !== null && kernel.clock.nowMs() >= windowStartMs + DAY_MS) {
      used = 0;
      windowStartMs = null;
    }
  }

  function remaining(): number {
    rollWindow();
    return Math.max(0, control.quota - used);
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
    if (recipients > remaining()) throw gasError(QUOTA_EXCEEDED);
    if (windowStartMs === null) windowStartMs = kernel.clock.nowMs();
    used += recipients;
  }

  function toMessage(
    via: 'MailApp' | 'GmailApp',
    to: unknown,
    subject: unknown,
    body: unknown,
    opts: Options = {},
  ): Message {
    const gmail = via === 'GmailApp';
    if (gmail && opts.from !== undefined) {
      const from = String(opts.from);
      if (from !== control.userEmail && !control.aliases.includes(from)) {
        // GmailApp docs: "from: the address that the email should be sent from, which must be one of
        // the values returned by getAliases()"; the refusal names only the option.
        throw gasError(FROM_NOT_ALIAS);
      }
    }
    const garble = (s: string) => (gmail && control.gmailUnicode51 ? garbleAstral(s) : s);
    return {
      to: to === undefined || to === null ? '' : String(to),
      cc: opts.cc ? String(opts.cc) : '',
      bcc: opts.bcc ? String(opts.bcc) : '',
      subject: garble(subject === undefined || subject === null ? '' : String(subject)),
      body: garble(body === undefined || body === null ? '' : String(body)),
      htmlBody: opts.htmlBody === undefined ? null : garble(String(opts.htmlBody)),
      name: opts.name === undefined ? null : String(opts.name),
      from: gmail && opts.from !== undefined ? String(opts.from) : control.userEmail,
      replyTo: opts.replyTo === undefined ? null : String(opts.replyTo),
      noReply: Boolean(opts.noReply),
      attachments: Array.isArray(opts.attachments) ? opts.attachments.length : 0,
    };
  }

  function record(
    message: Message,
    via: 'MailApp' | 'GmailApp',
    kind: 'sent' | 'draft',
  ): OutboxEntry {
    const entry: OutboxEntry = {
      ...message,
      kind,
      via,
      at: kernel.clock.now().toISOString(),
      id: newId(),
      draftId: kind === 'draft' ? `r-${nextId * 7919}` : null,
    };
    outbox.push(entry);
    return entry;
  }

  function send(message: Message, via: 'MailApp' | 'GmailApp'): OutboxEntry {
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
  }

  const mailImpl = {
    sendEmail(...args: unknown[]): void {
      guardMail('MailApp.sendEmail');
      if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
        const m = args[0] as Options & { to?: string; subject?: string; body?: string };
        send(toMessage('MailApp', m.to, m.subject, m.body, m), 'MailApp');
        return;
      }
      if (args.length === 4 && typeof args[3] === 'object' && args[3] !== null) {
        send(toMessage('MailApp', args[0], args[1], args[2], args[3] as Options), 'MailApp');
        return;
      }
      if (args.length === 4) {
        // sendEmail(to, replyTo, subject, body)
        const replyTo = String(args[1]);
        send(toMessage('MailApp', args[0], args[2], args[3], { replyTo }), 'MailApp');
        return;
      }
      if (args.length === 3) {
        send(toMessage('MailApp', args[0], args[1], args[2]), 'MailApp');
        return;
      }
      const types = args.map((a) => typeof a).join(',');
      throw gasError(
        `The parameters (${types}) don't match the method signature for MailApp.sendEmail.`,
      );
    },
    getRemainingDailyQuota(): number {
      guardMail('MailApp.getRemainingDailyQuota');
      return remaining();
    },
  };

  const messageObject = (entry: OutboxEntry) =>
    kernel.wrap<GoogleAppsScript.Gmail.GmailMessage>('GmailApp', 'GmailMessage', {
      getId: () => entry.id,
      getSubject: () => entry.subject,
      getBody: () => entry.htmlBody ?? entry.body,
      getPlainBody: () => entry.body,
      getTo: () => entry.to,
      getCc: () => entry.cc,
      getBcc: () => entry.bcc,
      getFrom: () => (entry.name ? `${entry.name} <${entry.from}>` : entry.from),
      getReplyTo: () => entry.replyTo ?? '',
      getDate: () => new Date(entry.at),
      isDraft: () => entry.kind === 'draft',
    });

  const draftObject = (entry: OutboxEntry): GoogleAppsScript.Gmail.GmailDraft => {
    const live = () => {
      if (!outbox.includes(entry) || entry.kind !== 'draft') {
        throw gasError('Draft not found or no longer a draft.');
      }
    };
    return kernel.wrap<GoogleAppsScript.Gmail.GmailDraft>('GmailApp', 'GmailDraft', {
      getId: () => entry.draftId,
      getMessageId: () => entry.id,
      getMessage: () => messageObject(entry),
      send() {
        guardGmail('GmailDraft.send');
        live();
        const recipients = validate(entry, 'GmailApp', true);
        charge(recipients);
        entry.kind = 'sent';
        entry.at = kernel.clock.now().toISOString();
        return messageObject(entry);
      },
      update(to: unknown, subject: unknown, body: unknown, opts?: Options) {
        guardGmail('GmailDraft.update');
        live();
        const message = toMessage('GmailApp', to, subject, body, opts);
        validate(message, 'GmailApp', false);
        Object.assign(entry, message, { at: kernel.clock.now().toISOString() });
        return draftObject(entry);
      },
      deleteDraft() {
        guardGmail('GmailDraft.deleteDraft');
        live();
        outbox.splice(outbox.indexOf(entry), 1);
      },
    });
  };

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
  };

  const MailApp = kernel.wrap<GoogleAppsScript.Mail.MailApp>('MailApp', 'MailApp', mailImpl);
  const GmailApp = kernel.wrap<GoogleAppsScript.Gmail.GmailApp>('GmailApp', 'GmailApp', gmailImpl);
  return { MailApp, GmailApp, control };
}
