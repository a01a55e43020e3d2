// What happens to the emulated mailbox from outside the script: the user's own draft templates, a draft sent or deleted in Gmail, a client's reply.
import {
  parseRecipients,
  type MailFile,
  type Message,
  type Options,
  type OutboxEntry,
} from './mailMessage';

/** A file a test or the preview puts in a draft template. */
export interface FileSeed {
  name: string;
  contentType?: string;
  data?: string;
  /** For an inline image: the content ID its `<img src="cid:...">` uses. */
  cid?: string;
}

type Built = Message & { files: MailFile[]; missingImages: string[] };

interface OutsideDeps {
  outbox: OutboxEntry[];
  userEmail(): string;
  now(): string;
  newId(): string;
  record(message: Built, via: 'MailApp' | 'GmailApp', kind: OutboxEntry['kind']): OutboxEntry;
  message(
    via: 'MailApp' | 'GmailApp',
    to: unknown,
    subject: unknown,
    body: unknown,
    opts?: Options,
  ): Built;
}

export function outsideActions(deps: OutsideDeps) {
  const { outbox } = deps;
  return {
    /** A draft made by the user in Gmail's editor (a template has no recipient); nothing is garbled. */
    addDraft(d: {
      to?: string;
      subject: string;
      body: string;
      htmlBody?: string;
      files?: FileSeed[];
    }): OutboxEntry {
      const files: MailFile[] = (d.files ?? []).map((f) => ({
        name: f.name,
        contentType: f.contentType ?? 'application/octet-stream',
        bytes: Buffer.from(f.data ?? f.name, 'utf8'),
        cid: f.cid ?? null,
      }));
      const message = deps.message('MailApp', d.to ?? '', d.subject, d.body, {});
      message.htmlBody = d.htmlBody ?? null;
      return deps.record({ ...message, files, missingImages: [] }, 'GmailApp', 'draft');
    },

    /** A client answers the latest message sent to `address`: same thread, "Re: " subject, now. */
    simulateReply(address: string, body: string, opts: { from?: string } = {}): OutboxEntry {
      const wanted = address.toLowerCase();
      const original = [...outbox]
        .reverse()
        .find(
          (m) => m.kind === 'sent' && parseRecipients(m.to).some((a) => a.toLowerCase() === wanted),
        );
      if (!original) throw new Error(`No email was sent to ${address}.`);
      const message = deps.message('MailApp', deps.userEmail(), `Re: ${original.subject}`, body);
      message.from = opts.from ?? address;
      const entry = deps.record(message, 'MailApp', 'received');
      entry.threadId = original.threadId;
      return entry;
    },

    /** The user sends a draft from Gmail: a sent message with a new message ID, in the same thread. */
    userSendsDraft(draftId: string): OutboxEntry {
      const entry = outbox.find((m) => m.kind === 'draft' && m.draftId === draftId);
      if (!entry) throw new Error(`No draft ${draftId}.`);
      entry.kind = 'sent';
      entry.id = deps.newId();
      entry.at = deps.now();
      return entry;
    },

    /** The user deletes a draft in Gmail. */
    userDeletesDraft(draftId: string): void {
      const i = outbox.findIndex((m) => m.kind === 'draft' && m.draftId === draftId);
      if (i < 0) throw new Error(`No draft ${draftId}.`);
      outbox.splice(i, 1);
    },
  };
}
