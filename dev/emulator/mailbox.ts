// The emulated Gmail mailbox: messages as GmailMessage/GmailThread/GmailDraft/GmailAttachment objects, search, and what the user or a client does from outside (a reply, a draft sent or deleted in Gmail).
import { gasError, type Kernel } from './kernel';
import { matches, parseQuery } from './mailQuery';
import type { MailFile, Options, OutboxEntry } from './mailMessage';

export interface MailboxDeps {
  kernel: Kernel;
  outbox: OutboxEntry[];
  userEmail(): string;
  newId(): string;
  /** Runs the GmailApp checks and charges the Gmail quota; `send` also counts recipients. */
  guard(member: string): void;
  sendDraft(entry: OutboxEntry): void;
  updateDraft(
    entry: OutboxEntry,
    to: unknown,
    subject: unknown,
    body: unknown,
    opts?: Options,
  ): void;
}

/** GmailApp.search: "max: the maximum number of threads to return" (at most 500 a call). */
export const SEARCH_MAX = 500;

export function createMailbox(deps: MailboxDeps) {
  const { kernel, outbox } = deps;

  const attachmentObject = (file: MailFile) =>
    kernel.wrap<GoogleAppsScript.Gmail.GmailAttachment>('GmailApp', 'GmailAttachment', {
      getName: () => file.name,
      getContentType: () => file.contentType,
      getSize: () => file.bytes.length,
      getBytes: () => [...file.bytes].map((b) => (b > 127 ? b - 256 : b)),
      getDataAsString: () => file.bytes.toString('utf8'),
      copyBlob: () => blobOf(file),
      getAs: () => blobOf(file),
      isGoogleType: () => false,
    });

  /** A plain blob (the kernel's Utilities blob is not reachable from here: the attachment copies itself). */
  const blobOf = (file: MailFile): GoogleAppsScript.Base.Blob =>
    kernel.wrap<GoogleAppsScript.Base.Blob>('Utilities', 'Blob', {
      getName: () => file.name,
      getContentType: () => file.contentType,
      getBytes: () => [...file.bytes].map((b) => (b > 127 ? b - 256 : b)),
      getDataAsString: () => file.bytes.toString('utf8'),
      copyBlob: () => blobOf(file),
      getBlob: () => blobOf(file),
      __mailFile: file,
    });

  const messageObject = (entry: OutboxEntry): GoogleAppsScript.Gmail.GmailMessage =>
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
      isInInbox: () => entry.kind === 'received',
      getThread: () => threadObject(entry.threadId),
      // GmailMessage.getAttachments({includeInlineImages, includeAttachments}): both default to true.
      getAttachments(options?: { includeInlineImages?: boolean; includeAttachments?: boolean }) {
        const inline = options?.includeInlineImages !== false;
        const regular = options?.includeAttachments !== false;
        return entry.files
          .filter((f) => (f.cid ? inline : regular))
          .map((f) => attachmentObject(f));
      },
    });

  const threadMessages = (threadId: string) =>
    outbox.filter((m) => m.threadId === threadId).sort((a, b) => a.at.localeCompare(b.at));

  const threadObject = (threadId: string): GoogleAppsScript.Gmail.GmailThread =>
    kernel.wrap<GoogleAppsScript.Gmail.GmailThread>('GmailApp', 'GmailThread', {
      getId: () => threadId,
      _threadId: threadId,
      getMessages: () => threadMessages(threadId).map(messageObject),
      getMessageCount: () => threadMessages(threadId).length,
      getFirstMessageSubject: () => threadMessages(threadId)[0]?.subject ?? '',
      getLastMessageDate: () => {
        const all = threadMessages(threadId);
        return new Date(all.length ? all[all.length - 1].at : 0);
      },
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
        deps.guard('GmailDraft.send');
        live();
        deps.sendDraft(entry);
        return messageObject(entry);
      },
      update(to: unknown, subject: unknown, body: unknown, opts?: Options) {
        deps.guard('GmailDraft.update');
        live();
        deps.updateDraft(entry, to, subject, body, opts);
        return draftObject(entry);
      },
      deleteDraft() {
        deps.guard('GmailDraft.deleteDraft');
        live();
        outbox.splice(outbox.indexOf(entry), 1);
      },
      _entry: entry,
    });
  };

  /** GmailApp.search: the threads with a message matching the query, newest activity first. */
  function search(
    query: string,
    start = 0,
    max = SEARCH_MAX,
  ): GoogleAppsScript.Gmail.GmailThread[] {
    if (max > SEARCH_MAX) throw gasError(`Argument max cannot exceed ${SEARCH_MAX}.`);
    const q = parseQuery(String(query));
    const me = deps.userEmail().toLowerCase();
    const last = new Map<string, string>();
    for (const m of outbox) {
      const searchable = { ...m, atMs: Date.parse(m.at) };
      if (!matches(q, searchable, me)) continue;
      const seen = last.get(m.threadId);
      if (!seen || seen < m.at) last.set(m.threadId, m.at);
    }
    const latest = (id: string) =>
      threadMessages(id).reduce((at, m) => (m.at > at ? m.at : at), '');
    return [...last.keys()]
      .sort((a, b) => latest(b).localeCompare(latest(a)))
      .slice(start, start + max)
      .map(threadObject);
  }

  /** The messages of threads without a call per thread (getMessagesForThreads is one call). */
  const messagesOf = (thread: unknown) =>
    threadMessages(String((thread as { _threadId?: string })._threadId)).map(messageObject);

  return { messageObject, draftObject, threadObject, search, blobOf, messagesOf };
}

/** The mail file a blob carries, whatever made it (the emulator's Utilities blob, or an attachment's copy). */
export function fileOfBlob(blob: unknown, cid: string | null): MailFile {
  const b = blob as Partial<GoogleAppsScript.Base.Blob> & { __mailFile?: MailFile };
  if (b && b.__mailFile) return { ...b.__mailFile, cid };
  const name = typeof b?.getName === 'function' ? String(b.getName() ?? '') : '';
  const contentType =
    typeof b?.getContentType === 'function' ? String(b.getContentType() ?? '') : '';
  const bytes =
    typeof b?.getBytes === 'function'
      ? Buffer.from(b.getBytes().map((x) => x & 255))
      : Buffer.alloc(0);
  return { name, contentType, bytes, cid };
}

/** `cid:` references of an HTML body, in order. */
export function cidReferences(html: string | null): string[] {
  if (!html) return [];
  return [...html.matchAll(/src\s*=\s*["']cid:([^"']+)["']/gi)].map((m) => m[1]);
}
