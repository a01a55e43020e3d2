// Pins the rest of GmailApp as the add-on meets it: Gmail's own daily quota, '☺' garbled, draft templates with inline images and attachments, search, threads, replies, drafts sent or deleted in Gmail.
import { Clock, Kernel } from '../../dev/emulator/kernel';
import { createMail, GMAIL_QUOTA_EXCEEDED } from '../../dev/emulator/mail';
import { parseQuery } from '../../dev/emulator/mailQuery';

function setup() {
  const kernel = new Kernel(new Clock('2026-11-25T15:00:00Z'));
  const mail = createMail(kernel, {
    dailyQuota: 100,
    userEmail: 'owner@example.com',
    aliases: ['team@example.com'],
  });
  kernel.beginExecution('FULL');
  return { kernel, ...mail };
}

describe("Gmail's own daily quota", () => {
  // "Service invoked too many times for one day: gmail." (btoews/OctoGAS#7, #16): GmailApp reads and
  // drafts spend a quota of their own, separate from the recipients quota (quotas page: "Gmail
  // read/write (excluding send)").
  it('createDraft, getDrafts, getAliases and search each spend it; past it they throw', () => {
    const { GmailApp, MailApp, control } = setup();
    control.gmailQuota = 4;
    GmailApp.createDraft('a@x.com', 'S', 'B');
    GmailApp.getDrafts();
    GmailApp.getAliases();
    GmailApp.search('in:sent');
    expect(control.gmailUsed).toBe(4);
    for (const call of [
      () => GmailApp.createDraft('b@x.com', 'S', 'B'),
      () => GmailApp.getDrafts(),
      () => GmailApp.getAliases(),
      () => GmailApp.search('in:sent'),
    ]) {
      expect(call).toThrow(GMAIL_QUOTA_EXCEEDED);
    }
    expect(control.drafts).toHaveLength(1);
    // The recipients quota is another counter: MailApp still sends.
    expect(() => MailApp.sendEmail('c@x.com', 'S', 'B')).not.toThrow();
  });

  it('comes back 24 hours after its first use', () => {
    const { kernel, GmailApp, control } = setup();
    control.gmailQuota = 1;
    GmailApp.getAliases();
    expect(() => GmailApp.getAliases()).toThrow(GMAIL_QUOTA_EXCEEDED);
    kernel.clock.advance(24 * 3600_000);
    expect(() => GmailApp.getAliases()).not.toThrow();
  });
});

describe('draft templates (googleworkspace/apps-script-samples solutions/automations/mail-merge)', () => {
  // The sample reads inline images with getAttachments({includeInlineImages: true,
  // includeAttachments: false}), attachments with {includeInlineImages: false}, and maps each
  // `<img src="cid:X" alt="name">` to the image of that name, then passes {attachments, inlineImages}.
  it('a draft keeps its inline images and attachments apart; a cid without an image is broken', () => {
    const { GmailApp, control } = setup();
    control.addDraft({
      subject: 'Spring news',
      body: 'Hello [image: logo.png]',
      htmlBody: '<p>Hello <img src="cid:ii_1" alt="logo.png"></p>',
      files: [
        { name: 'logo.png', contentType: 'image/png', cid: 'ii_1' },
        { name: 'brochure.pdf', contentType: 'application/pdf' },
      ],
    });
    const message = GmailApp.getDrafts()[0].getMessage();
    const inline = message.getAttachments({ includeInlineImages: true, includeAttachments: false });
    const regular = message.getAttachments({ includeInlineImages: false });
    expect(inline.map((a) => a.getName())).toEqual(['logo.png']);
    expect(regular.map((a) => a.getName())).toEqual(['brochure.pdf']);
    expect(message.getAttachments().map((a) => a.getName())).toEqual(['logo.png', 'brochure.pdf']);

    GmailApp.sendEmail('a@x.com', 'Spring news', 'Hello', {
      htmlBody: message.getBody(),
      attachments: regular.map((a) => a.copyBlob()),
      inlineImages: { ii_1: inline[0].copyBlob() },
    });
    const sent = control.sent[0];
    expect(sent.files.map((f) => [f.name, f.cid])).toEqual([
      ['brochure.pdf', null],
      ['logo.png', 'ii_1'],
    ]);
    expect(sent.missingImages).toEqual([]);
    GmailApp.sendEmail('b@x.com', 'Spring news', 'Hello', { htmlBody: message.getBody() });
    expect(control.sent[1].missingImages).toEqual(['ii_1']);
  });
});

describe('search, threads and replies', () => {
  it('finds a client reply by from:(a OR b) after:<epoch seconds>, in the thread of the send', () => {
    const { kernel, GmailApp, MailApp, control } = setup();
    MailApp.sendEmail('ann@x.com', 'Hello Ann', 'B');
    MailApp.sendEmail('bob@x.com', 'Hello Bob', 'B');
    const sentAt = Math.floor(kernel.clock.nowMs() / 1000);
    kernel.clock.advance(3600_000);
    control.simulateReply('ann@x.com', 'Lovely to hear from you!\nCall me Tuesday.');
    const threads = GmailApp.search(`from:(ann@x.com OR bob@x.com) after:${sentAt}`);
    expect(threads).toHaveLength(1);
    const messages = threads[0].getMessages();
    expect(messages.map((m) => m.getSubject())).toEqual(['Hello Ann', 'Re: Hello Ann']);
    const reply = messages[1];
    expect(reply.getFrom()).toBe('ann@x.com');
    expect(reply.getPlainBody()).toContain('Call me Tuesday');
    expect(reply.getDate().toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(reply.getThread().getId()).toBe(messages[0].getId());
    // The Sent folder holds our two sends, not the reply.
    expect(GmailApp.search('in:sent to:(ann@x.com OR bob@x.com)')).toHaveLength(2);
    expect(GmailApp.search('in:sent from:ann@x.com')).toHaveLength(0);
  });

  // Gmail API filtering guide: dates "are interpreted as midnight on that date in the PST timezone";
  // seconds give an exact instant.
  it('reads after:yyyy/mm/dd as midnight PST', () => {
    expect(parseQuery('after:2026/11/25').afterMs).toBe(Date.parse('2026-11-25T08:00:00Z'));
    expect(parseQuery('after:1764082800').afterMs).toBe(1764082800000);
    expect(parseQuery('from:(a@x.com OR b@x.com) in:sent').from).toEqual([['a@x.com', 'b@x.com']]);
  });

  it('a draft sent from Gmail keeps its thread, gets a new message ID; a deleted one is gone', () => {
    const { GmailApp, control } = setup();
    const one = GmailApp.createDraft('ann@x.com', 'Hi', 'B');
    const two = GmailApp.createDraft('bob@x.com', 'Hi', 'B');
    const messageId = one.getMessageId();
    control.userSendsDraft(one.getId());
    control.userDeletesDraft(two.getId());
    expect(GmailApp.getDrafts()).toHaveLength(0);
    const [thread] = GmailApp.search('in:sent to:ann@x.com');
    expect(thread.getId()).toBe(messageId);
    expect(thread.getMessages()[0].getId()).not.toBe(messageId);
    // Drafts show only when asked for.
    GmailApp.createDraft('cy@x.com', 'Hi', 'B');
    expect(GmailApp.search('to:cy@x.com')).toHaveLength(0);
    expect(GmailApp.search('in:drafts to:cy@x.com')).toHaveLength(1);
  });

  it('refuses more than 500 threads a call and an over-long query', () => {
    const { GmailApp } = setup();
    expect(() => GmailApp.search('in:sent', 0, 501)).toThrow('cannot exceed 500');
    expect(() => GmailApp.search(`from:(${'a@x.com OR '.repeat(200)}b@x.com)`)).toThrow(
      'Invalid argument: query',
    );
  });
});
