// Pins MailApp/GmailApp: the shared per-recipient daily quota and its message, drafts, aliases, limits, Unicode 5.1.
import { Clock, Kernel } from '../../dev/emulator/kernel';
import { createMail, QUOTA_EXCEEDED, GMAIL_SCOPE, SEND_MAIL_SCOPE } from '../../dev/emulator/mail';

function setup(quota = 100, aliases: string[] = ['team@example.com']) {
  const kernel = new Kernel(new Clock('2026-11-25T15:00:00Z'));
  const mail = createMail(kernel, { dailyQuota: quota, userEmail: 'owner@example.com', aliases });
  kernel.beginExecution('FULL');
  return { kernel, ...mail };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('MailApp.sendEmail', () => {
  it('accepts every documented overload and records the message', () => {
    const { MailApp, control } = setup();
    MailApp.sendEmail('a@x.com', 'S1', 'B1');
    MailApp.sendEmail('b@x.com', 'S2', 'B2', { htmlBody: '<b>B2</b>', name: 'Ann', cc: 'c@x.com' });
    MailApp.sendEmail({
      to: 'd@x.com',
      subject: 'S3',
      body: 'B3',
      replyTo: 'r@x.com',
      bcc: 'e@x.com',
    });
    MailApp.sendEmail('f@x.com', 'reply@x.com', 'S4', 'B4');
    const [one, two, three, four] = control.sent;
    expect(one).toMatchObject({
      kind: 'sent',
      via: 'MailApp',
      to: 'a@x.com',
      subject: 'S1',
      body: 'B1',
    });
    expect(two).toMatchObject({
      htmlBody: '<b>B2</b>',
      name: 'Ann',
      cc: 'c@x.com',
      from: 'owner@example.com',
    });
    expect(three).toMatchObject({ to: 'd@x.com', replyTo: 'r@x.com', bcc: 'e@x.com' });
    expect(four).toMatchObject({
      to: 'f@x.com',
      replyTo: 'reply@x.com',
      subject: 'S4',
      body: 'B4',
    });
    expect(one.at).toBe('2026-11-25T15:00:00.000Z');
  });

  it('counts recipients (to + cc + bcc), not messages (quotas page: "Email recipients per day")', () => {
    const { MailApp, control } = setup();
    MailApp.sendEmail('a@x.com, Bob <b@x.com>', 'S', 'B', { cc: 'c@x.com', bcc: 'd@x.com' });
    expect(control.used).toBe(4);
    expect(MailApp.getRemainingDailyQuota()).toBe(96);
  });

  it('throws the observed exception past the quota (dwyl/learn-to-send-email-via-google-script-html-no-server#376)', () => {
    const { MailApp, control } = setup(2);
    MailApp.sendEmail('a@x.com', 'S', 'B');
    MailApp.sendEmail('b@x.com', 'S', 'B');
    const error = thrown(() => MailApp.sendEmail('c@x.com', 'S', 'B'));
    expect(error.name).toBe('Exception');
    expect(error.message).toBe('Service invoked too many times for one day: email.');
    expect(control.sent).toHaveLength(2);
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
  });

  it('resets 24 hours after the first send, not at midnight (quotas page)', () => {
    const { kernel, MailApp } = setup(1);
    MailApp.sendEmail('a@x.com', 'S', 'B');
    kernel.clock.advance(23 * 3600_000);
    expect(() => MailApp.sendEmail('b@x.com', 'S', 'B')).toThrow(QUOTA_EXCEEDED);
    kernel.clock.advance(3600_000);
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => MailApp.sendEmail('b@x.com', 'S', 'B')).not.toThrow();
  });

  it('refuses more than 50 recipients per message and invalid addresses (quotas; troubleshooting page)', () => {
    const { MailApp, control } = setup(1000);
    const many = Array.from({ length: 51 }, (_, i) => `p${i}@x.com`).join(',');
    expect(() => MailApp.sendEmail(many, 'S', 'B')).toThrow(
      'Limit Exceeded: Email Recipients Per Message.',
    );
    // "Invalid email: john (line 5)" (troubleshooting page); the recipient is quoted as written,
    // display name included: "Invalid email: Judith Pin <> (line 92, file "Code")"
    // (amindeed/Gmail-AutoResponder raw_notes.md, errors reported over two years of runs).
    expect(() => MailApp.sendEmail('john', 'S', 'B')).toThrow('Invalid email: john');
    expect(() => MailApp.sendEmail('ok@x.com', 'S', 'B', { cc: 'bad@' })).toThrow(
      'Invalid email: bad@',
    );
    expect(() => MailApp.sendEmail('Judith Pin <>', 'S', 'B')).toThrow(
      'Invalid email: Judith Pin <>',
    );
    expect(control.used).toBe(0);
  });

  // Limit from the quotas page; text "Limit Exceeded: Email Body Size. (line 99, file "Code")"
  // (amindeed/Gmail-AutoResponder raw_notes.md).
  it('refuses a body over 200 KB on a consumer account (quotas page)', () => {
    const { MailApp, control } = setup();
    expect(() => MailApp.sendEmail('a@x.com', 'S', 'x'.repeat(200 * 1024 + 1))).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
    control.bodyLimitBytes = 400 * 1024;
    expect(() => MailApp.sendEmail('a@x.com', 'S', 'x'.repeat(200 * 1024 + 1))).not.toThrow();
  });
});

describe('GmailApp', () => {
  it('shares the recipient quota with MailApp (jackjonesfashion/wiz#117; reference 1.1)', () => {
    const { MailApp, GmailApp, control } = setup(3);
    GmailApp.sendEmail('a@x.com', 'S', 'B', { cc: 'b@x.com' });
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    MailApp.sendEmail('c@x.com', 'S', 'B');
    expect(() => GmailApp.sendEmail('d@x.com', 'S', 'B')).toThrow(QUOTA_EXCEEDED);
    expect(control.sent.map((m) => m.via)).toEqual(['GmailApp', 'MailApp']);
  });

  it('drafts cost nothing until sent; a sent draft leaves the drafts list', () => {
    const { MailApp, GmailApp, control } = setup(1);
    const draft = GmailApp.createDraft('a@x.com', 'Hello', 'Body', {
      htmlBody: '<p>Body</p>',
      name: 'Ann',
    });
    GmailApp.createDraft('b@x.com', 'Two', 'Body');
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(control.drafts).toHaveLength(2);
    expect(GmailApp.getDrafts().map((d) => d.getMessage().getSubject())).toEqual(['Hello', 'Two']);
    const message = draft.getMessage();
    expect(message.getTo()).toBe('a@x.com');
    expect(message.getBody()).toBe('<p>Body</p>');
    expect(message.getPlainBody()).toBe('Body');
    expect(message.getFrom()).toBe('Ann <owner@example.com>');
    expect(GmailApp.getDraft(draft.getId()).getMessage().getId()).toBe(message.getId());
    draft.send();
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(control.drafts.map((d) => d.subject)).toEqual(['Two']);
    expect(control.sent.map((d) => d.subject)).toEqual(['Hello']);
    expect(() => GmailApp.getDrafts()[0].send()).toThrow(QUOTA_EXCEEDED);
    expect(control.drafts).toHaveLength(1);
  });

  it('updates and deletes drafts', () => {
    const { GmailApp, control } = setup();
    const draft = GmailApp.createDraft('a@x.com', 'Old', 'Body');
    draft.update('b@x.com', 'New', 'Body 2');
    expect(control.drafts[0]).toMatchObject({ to: 'b@x.com', subject: 'New', body: 'Body 2' });
    draft.deleteDraft();
    expect(control.drafts).toEqual([]);
    expect(control.outbox).toEqual([]);
  });

  it('from must be one of getAliases() (GmailApp reference)', () => {
    const { GmailApp, control } = setup();
    expect(GmailApp.getAliases()).toEqual(['team@example.com']);
    GmailApp.sendEmail('a@x.com', 'S', 'B', {
      from: 'team@example.com',
      name: 'Team',
      replyTo: 'r@x.com',
    });
    expect(control.sent[0]).toMatchObject({
      from: 'team@example.com',
      name: 'Team',
      replyTo: 'r@x.com',
    });
    // A from that is not a "Send mail as" alias: 'GmailApp.sendEmail({from: ...}) throws "Invalid
    // argument: from" when the alias isn't set up' (comment in a public Apps Script project found by
    // code search; no issue thread found) [weakly verified].
    expect(() => GmailApp.sendEmail('a@x.com', 'S', 'B', { from: 'ceo@other.com' })).toThrow(
      /^Invalid argument: from$/,
    );
    expect(control.sent).toHaveLength(1);
  });

  // Limit from the GmailApp.sendEmail reference; text "Argument too large: subject (line 97, file
  // "Code")" (amindeed/Gmail-AutoResponder raw_notes.md).
  it('refuses a subject over 250 characters (GmailApp.sendEmail reference)', () => {
    const { GmailApp, MailApp } = setup();
    expect(() => GmailApp.sendEmail('a@x.com', 's'.repeat(251), 'B')).toThrow(
      'Argument too large: subject',
    );
    expect(() => GmailApp.sendEmail('a@x.com', 's'.repeat(250), 'B')).not.toThrow();
    expect(() => MailApp.sendEmail('a@x.com', 's'.repeat(251), 'B')).not.toThrow();
  });

  it('garbles emoji and other non-ASCII in GmailApp but not MailApp (googleworkspace/solutions #99, #169, #170, #196)', () => {
    const { GmailApp, MailApp, control } = setup();
    const wave = '\u{1F44B}';
    MailApp.sendEmail('a@x.com', `Hi ${wave}`, `Body ${wave}`);
    GmailApp.sendEmail('a@x.com', `Hi ${wave}`, `Body ${wave}`, {
      htmlBody: `<p>${wave} &#128075;</p>`,
    });
    GmailApp.createDraft('a@x.com', `Hi ${wave}`, `Body ${wave}`);
    const [viaMail, viaGmail, draft] = control.outbox;
    expect(viaMail.subject).toBe('Hi \u{1F44B}');
    expect(Buffer.from(viaMail.body, 'utf8').toString('hex')).toBe(
      Buffer.from('Body 👋').toString('hex'),
    );
    // One U+FFFD per UTF-16 code unit of the astral character.
    expect(viaGmail.subject).toBe('Hi \uFFFD\uFFFD');
    expect(viaGmail.body).toBe('Body \uFFFD\uFFFD');
    // A numeric character reference is ASCII, so it survives; the raw emoji does not.
    expect(viaGmail.htmlBody).toBe('<p>\uFFFD\uFFFD &#128075;</p>');
    expect(draft.subject).toBe('Hi \uFFFD\uFFFD');
    // '☺' (U+263A) is in the BMP and was garbled too (solutions#99): every non-ASCII unit is at risk.
    GmailApp.sendEmail('a@x.com', 'Café 東京 \u263A', 'ok');
    expect(control.sent[2].subject).toBe('Caf\uFFFD \uFFFD\uFFFD \uFFFD');
    control.gmailGarble = 'none';
    GmailApp.sendEmail('a@x.com', `Hi ${wave}`, 'B');
    expect(control.sent[3].subject).toBe(`Hi ${wave}`);
  });
});

describe('authorization', () => {
  it('needs script.send_mail for MailApp and mail.google.com for GmailApp (reference 5.3)', () => {
    const { kernel, MailApp, GmailApp } = setup();
    kernel.scopes = [SEND_MAIL_SCOPE];
    expect(() => MailApp.sendEmail('a@x.com', 'S', 'B')).not.toThrow();
    expect(() => GmailApp.createDraft('a@x.com', 'S', 'B')).toThrow(
      `Specified permissions are not sufficient to call GmailApp.createDraft. Required permissions: ${GMAIL_SCOPE}`,
    );
    kernel.scopes = [GMAIL_SCOPE];
    expect(() => MailApp.getRemainingDailyQuota()).toThrow(
      `Required permissions: ${SEND_MAIL_SCOPE}`,
    );
  });

  it('is refused in AuthMode NONE and LIMITED', () => {
    const { kernel, MailApp, GmailApp } = setup();
    for (const mode of ['NONE', 'LIMITED'] as const) {
      kernel.beginExecution(mode);
      expect(() => MailApp.sendEmail('a@x.com', 'S', 'B')).toThrow(/permission/);
      expect(() => GmailApp.getAliases()).toThrow(/permission/);
    }
  });

  it('counts calls per method', () => {
    const { kernel, MailApp, GmailApp } = setup();
    MailApp.sendEmail('a@x.com', 'S', 'B');
    GmailApp.createDraft('a@x.com', 'S', 'B');
    expect(kernel.count('MailApp.sendEmail')).toBe(1);
    expect(kernel.count('GmailApp.createDraft')).toBe(1);
  });
});
