// The mail merge against the emulator: templates, preview and skips, send and drafts, write-back, aliases and emoji, quota, test email.
import { mergeWorld, type MergeWorld, type SeedClient } from './mailMergeSupport';
import {
  getMergeSetup,
  previewMerge,
  runMailMerge,
  runMerge,
  sendTestEmail,
} from '../../src/app/mailMerge';
import type { MergeRequest } from '../../src/shared/mergeApi';

const APOLOGY: MergeRequest['template'] = { source: 'sheet', name: 'Reconnect apology' };
const top = (count: number): MergeRequest['recipients'] => ({ kind: 'top', count });
const send = (over: Partial<MergeRequest> = {}): MergeRequest => ({
  template: APOLOGY,
  recipients: top(10),
  mode: 'send',
  ...over,
});

const BASE: SeedClient[] = [
  { name: 'Ann Lee', email: 'ann@example.com', lastContact: '2023-03-10', value: 9000 },
  { name: 'Bob Ray', email: 'bob@', lastContact: '2022-05-01', value: 8000 },
  {
    name: 'Cy Doe',
    email: 'cy@example.com',
    lastContact: '2024-01-20',
    value: 7000,
    doNotContact: true,
  },
  { name: 'Di Fox', email: 'ann@example.com', lastContact: '2021-07-07', value: 6000 },
  { name: 'Ed Kim', email: 'ed@example.com', lastContact: '2026-11-20', value: 5000 },
  {
    name: 'Flo Bay',
    email: 'flo@example.com',
    lastContact: '2025-02-02',
    value: 4000,
    status: 'Recovery',
  },
  { name: 'Gus Orr', email: '', lastContact: '2020-01-01', value: 3000 },
];

let w: MergeWorld;
afterEach(() => w?.uninstall());

describe('sending the reconnect apology', () => {
  test('creates the Templates sheet, sends through MailApp, writes statuses, touches and Last Contact', () => {
    w = mergeWorld(BASE);
    const setup = w.run(() => getMergeSetup());
    expect(setup.templates.map((t) => t.name)).toContain('Reconnect apology');
    expect(setup.quota).toBe(100);
    expect(w.emu.sheets.sheetNames()).toContain('Templates');

    const result = w.run(() => runMailMerge(send()));
    expect(result.sent).toBe(2);
    const sent = w.emu.mail.outbox;
    expect(sent.map((m) => [m.to, m.via, m.kind])).toEqual([
      ['ann@example.com', 'MailApp', 'sent'],
      ['flo@example.com', 'MailApp', 'sent'],
    ]);
    expect(sent[0].subject).toBe('It has been too long');
    expect(sent[0].body).toContain('Hi Ann,');
    expect(sent[0].body).toContain('it has been over three years since');
    expect(sent[0].body).not.toContain('{{');
    expect(sent[0].htmlBody).toContain('Hi Ann,');
    expect(sent[0].body.endsWith('Warm regards,\nSam Carter')).toBe(true);

    expect(w.client('C-00001')['Merge Status']).toBe('Sent 2026-11-25: Reconnect apology');
    const lastContact = w.client('C-00001')['Last Contact'] as Date;
    expect(w.emu.sheets.displayValues('Clients')[1][6]).not.toBe('');
    expect(Object.prototype.toString.call(lastContact)).toBe('[object Date]');
    const touches = w.touches();
    expect(touches.map((t) => [t['Client ID'], t.Channel, t.Outcome, t.Step])).toEqual([
      ['C-00001', 'email', 'sent', 'Reconnect apology'],
      ['C-00006', 'email', 'sent', 'Reconnect apology'],
    ]);
    expect(w.client('C-00002')['Merge Status']).toBe("Skipped: invalid email 'bob@'");
    expect(w.client('C-00004')['Merge Status']).toBe(
      'Skipped: same email as Ann Lee earlier in this batch',
    );
    expect(w.client('C-00007')['Merge Status']).toBe('Skipped: no email address');
    expect(result.message).toContain('Sent 2 emails');
  });
});

describe('signature, the previewed batch, the recent-contact window', () => {
  test('without a name to sign with, the merge stops with one message, never signing with an address', () => {
    w = mergeWorld(BASE, { myName: '' });
    const blocked = w.run(() => previewMerge(send()));
    expect(blocked.blocked?.message).toMatch(
      /signed with \{\{My Name\}\}, and your name is not set/,
    );
    expect(blocked.emails).toEqual([]);
    const result = w.run(() => runMailMerge(send()));
    expect(result.sent).toBe(0);
    expect(w.emu.mail.outbox).toHaveLength(0);
    // The name typed for this merge signs it.
    const named = w.run(() => previewMerge(send({ senderName: 'Dr Jo Park' })));
    expect(named.blocked).toBeNull();
    expect(named.emails[0].text.endsWith('Warm regards,\nDr Jo Park')).toBe(true);
  });

  test('the clients the preview skipped get their reason on the row, and are never sent to', () => {
    w = mergeWorld(BASE);
    const preview = w.run(() => previewMerge(send()));
    expect(preview.skips.length).toBeGreaterThan(0);
    // Between preview and send, the user fixes Bob's address: he was not in the confirmed batch.
    const bobRow = w.clients().findIndex((c) => c.Name === 'Bob Ray') + 2;
    w.run(() =>
      SpreadsheetApp.getActive()
        .getSheetByName('Clients')!
        .getRange(bobRow, 5)
        .setValue('bob@example.com'),
    );
    const result = w.run(() =>
      runMailMerge(
        send({
          recipients: {
            kind: 'clients',
            ids: preview.emails.map((e) => e.clientId),
            skipped: preview.skips.map((s) => s.clientId),
          },
        }),
      ),
    );
    expect(w.emu.mail.sent.map((m) => m.to)).toEqual(preview.emails.map((e) => e.to));
    expect(result.skipped).toBe(preview.skips.length);
    expect(w.client('C-00002')['Merge Status']).toBe(
      'Skipped: not in the batch you previewed; preview again to include it',
    );
    expect(w.client('C-00007')['Merge Status']).toBe('Skipped: no email address');
  });

  test('"contacted in the last N days" follows the setting', () => {
    w = mergeWorld(BASE);
    w.run(() =>
      PropertiesService.getDocumentProperties().setProperty(
        'reconnect.settings',
        JSON.stringify({ myName: 'Sam Carter', recentDays: 3 }),
      ),
    );
    const ids = ['C-00005'];
    const three = w.run(() => previewMerge(send({ recipients: { kind: 'clients', ids } })));
    expect(three.emails.map((e) => e.name)).toEqual(['Ed Kim']);
    w.run(() =>
      PropertiesService.getDocumentProperties().setProperty(
        'reconnect.settings',
        JSON.stringify({ myName: 'Sam Carter', recentDays: 14 }),
      ),
    );
    const fourteen = w.run(() => previewMerge(send({ recipients: { kind: 'clients', ids } })));
    expect(fourteen.skips.map((s) => s.reason)).toEqual([
      'contacted 5 days ago (less than 14 days)',
    ]);
  });
});

describe('preview', () => {
  test('shows each rendered email and every skip with its reason, and sends nothing', () => {
    w = mergeWorld(BASE);
    const ids = ['C-00001', 'C-00002', 'C-00003', 'C-00004', 'C-00005', 'C-00006', 'C-00007'];
    const preview = w.run(() => previewMerge(send({ recipients: { kind: 'clients', ids } })));
    expect(preview.path).toBe('MailApp');
    expect(preview.emails.map((e) => e.name)).toEqual(['Ann Lee', 'Flo Bay']);
    expect(preview.emails[0].html).toContain('Hi Ann,');
    expect(preview.skips.map((s) => [s.name, s.reason])).toEqual([
      ['Bob Ray', "invalid email 'bob@'"],
      ['Cy Doe', 'Do Not Contact'],
      ['Di Fox', 'same email as Ann Lee earlier in this batch'],
      ['Ed Kim', expect.stringMatching(/^contacted 5 days ago \(less than \d+ days\)$/)],
      ['Gus Orr', 'no email address'],
    ]);
    expect(preview.quota).toBe(100);
    expect(w.emu.mail.outbox).toHaveLength(0);
    expect(w.touches()).toHaveLength(0);
  });

  test('a referral template is never sent to a client in Recovery; sent twice, nothing repeats', () => {
    w = mergeWorld(BASE);
    const referral = send({
      template: { source: 'sheet', name: 'Referral reminder' },
      recipients: { kind: 'clients', ids: ['C-00001', 'C-00006'] },
    });
    const first = w.run(() => runMailMerge(referral));
    expect(first.sent).toBe(1);
    expect(w.client('C-00006')['Merge Status']).toBe(
      'Skipped: in Recovery: no referral asks while a problem is open',
    );
    w.emu.clock.advance(40 * 86400000);
    const again = w.run(() => previewMerge(referral));
    expect(again.emails).toHaveLength(0);
    expect(again.skips[0].reason).toBe('already sent "Referral reminder" on 2026-11-25');
  });

  test('a tag that matches nothing stops the merge before any send, listing the available tags', () => {
    w = mergeWorld(BASE);
    w.run(() => getMergeSetup());
    const rows = w.emu.sheets.values('Templates');
    rows[1][2] = 'Hi {{Frist Name}}, about {{Company}}';
    w.emu.sheets.setSheet('Templates', rows);
    const preview = w.run(() => previewMerge(send()));
    expect(preview.blocked?.unknownTags).toEqual(['{{Frist Name}}']);
    expect(preview.blocked?.availableTags).toContain('{{First Name}}');
    expect(preview.blocked?.message).toContain('{{Frist Name}}');
    const result = w.run(() => runMailMerge(send()));
    expect(result.blocked).not.toBeNull();
    expect(result.sent).toBe(0);
    expect(w.emu.mail.outbox).toHaveLength(0);
  });

  test("the user's edits to the Templates sheet are never overwritten, deleted rows stay deleted", () => {
    w = mergeWorld(BASE);
    w.run(() => getMergeSetup());
    const rows = w.emu.sheets.values('Templates');
    rows[1][1] = 'My own subject';
    w.emu.sheets.setSheet(
      'Templates',
      rows.filter((_, i) => i !== 2),
    );
    const setup = w.run(() => getMergeSetup());
    expect(setup.templates.filter((t) => t.source === 'sheet')).toHaveLength(5);
    expect(w.emu.sheets.values('Templates')[1][1]).toBe('My own subject');
    w.run(() => runMailMerge(send({ recipients: top(1) })));
    expect(w.emu.mail.outbox[0].subject).toBe('My own subject');
  });

  test('the rows selected in the sheet', () => {
    w = mergeWorld(BASE);
    w.emu.sheets.setSelection('Clients', 'A2:B2');
    w.emu.sheets.setSelection('Clients', 'A2:P2');
    const preview = w.run(() => previewMerge(send({ recipients: { kind: 'selected' } })));
    expect(preview.emails.map((e) => e.name)).toEqual(['Ann Lee']);
    w.emu.sheets.setSelection('Templates', 'A1');
    expect(() => w.run(() => previewMerge(send({ recipients: { kind: 'selected' } })))).toThrow(
      'No client rows are selected',
    );
  });

  test('selected rows hidden by a filter are left out, and the preview says so', () => {
    // Users of Google's sample asked for this (googleworkspace/solutions PR #126, peers.md section 1.1).
    w = mergeWorld(BASE);
    w.emu.sheets.setSelection('Clients', 'A2:P6');
    w.emu.sheets.filterRows('Clients', [3, 4, 5]);
    const preview = w.run(() => previewMerge(send({ recipients: { kind: 'selected' } })));
    const names = [...preview.emails, ...preview.skips].map((e) => e.name).sort();
    expect(names).toEqual(['Ann Lee', 'Ed Kim']);
    expect(preview.notices.join(' ')).toContain('3 selected rows are hidden by the sheet');
  });

  test('a recency group, most valuable first', () => {
    w = mergeWorld(BASE);
    const preview = w.run(() =>
      previewMerge(send({ recipients: { kind: 'bucket', bucket: '3yPlus', count: 5 } })),
    );
    expect(preview.emails.map((e) => e.name)).toEqual(['Ann Lee']);
    expect(preview.skips.map((s) => s.name)).toEqual(['Bob Ray', 'Di Fox', 'Gus Orr']);
  });
});

describe('drafts', () => {
  test('drafts go through GmailApp, are not touches, and are not created twice', () => {
    w = mergeWorld(BASE);
    const result = w.run(() => runMailMerge(send({ mode: 'draft' })));
    expect(result.drafted).toBe(2);
    expect(w.emu.mail.drafts.map((d) => [d.to, d.via])).toEqual([
      ['ann@example.com', 'GmailApp'],
      ['flo@example.com', 'GmailApp'],
    ]);
    expect(w.emu.mail.sent).toHaveLength(0);
    expect(w.client('C-00001')['Merge Status']).toBe('Draft created 2026-11-25: Reconnect apology');
    expect(w.touches()).toHaveLength(0);
    expect((w.client('C-00001')['Last Contact'] as Date).toISOString()).toBe(
      '2023-03-10T12:00:00.000Z',
    );
    const again = w.run(() => runMailMerge(send({ mode: 'draft' })));
    expect(again.drafted).toBe(0);
    expect(w.emu.mail.drafts).toHaveLength(2);
    const preview = w.run(() => previewMerge(send()));
    expect(preview.skips.find((s) => s.name === 'Ann Lee')?.reason).toBe(
      'a draft of "Reconnect apology" was created on 2026-11-25 (see Gmail Drafts)',
    );
  });

  test('a Gmail draft without recipients is a template, picked by subject; duplicates are an error', () => {
    w = mergeWorld(BASE);
    w.run(() =>
      GmailApp.createDraft('', 'Hello {{First Name}}', 'Hi {{First Name|there}}', {
        htmlBody: '<p>Hi <b>{{First&nbsp;Name}}</b></p>',
      }),
    );
    w.run(() => GmailApp.createDraft('someone@example.com', 'Not a template', 'x'));
    const setup = w.run(() => getMergeSetup());
    expect(setup.templates.filter((t) => t.source === 'draft').map((t) => t.name)).toEqual([
      'Hello {{First Name}}',
    ]);
    const result = w.run(() =>
      runMailMerge(
        send({ template: { source: 'draft', name: 'Hello {{First Name}}' }, recipients: top(1) }),
      ),
    );
    expect(result.sent).toBe(1);
    const mail = w.emu.mail.sent[0];
    expect(mail.subject).toBe('Hello Ann');
    expect(mail.htmlBody).toBe('<p>Hi <b>Ann</b></p>');
    w.run(() => GmailApp.createDraft('', 'Hello {{First Name}}', 'other'));
    expect(() =>
      w.run(() =>
        previewMerge(send({ template: { source: 'draft', name: 'Hello {{First Name}}' } })),
      ),
    ).toThrow('2 Gmail drafts have the subject');
  });
});

describe('sender, alias and characters', () => {
  const EMOJI: SeedClient[] = [
    { name: 'Zoë 😀 שרה', email: 'zoe@example.com', lastContact: '2023-01-01', value: 10 },
  ];

  test('MailApp keeps emoji and non-ASCII byte for byte, with sender name and reply-to', () => {
    w = mergeWorld(EMOJI);
    w.run(() => getMergeSetup());
    const rows = w.emu.sheets.values('Templates');
    rows[1][1] = 'Hello {{First Name}} 👋';
    w.emu.sheets.setSheet('Templates', rows);
    w.run(() => runMailMerge(send({ senderName: 'Sam Rivera', replyTo: 'sam@example.com' })));
    const mail = w.emu.mail.sent[0];
    expect(mail.via).toBe('MailApp');
    expect(Buffer.from(mail.subject, 'utf8').toString('hex')).toBe(
      Buffer.from('Hello Zoë 👋', 'utf8').toString('hex'),
    );
    expect(mail.subject).toBe('Hello Zoë 👋');
    expect(mail.name).toBe('Sam Rivera');
    expect(mail.replyTo).toBe('sam@example.com');
    expect(mail.body).toContain('Hi Zoë,');
  });

  test('an alias sends through GmailApp with emoji as HTML references; a subject emoji is refused up front', () => {
    w = mergeWorld(EMOJI, { aliases: ['team@example.com'] });
    w.run(() => getMergeSetup());
    const rows = w.emu.sheets.values('Templates');
    rows[1][2] = 'Hi {{Name}} 👋';
    w.emu.sheets.setSheet('Templates', rows);
    const result = w.run(() => runMailMerge(send({ from: 'team@example.com' })));
    expect(result.sent).toBe(1);
    const mail = w.emu.mail.sent[0];
    expect(mail.via).toBe('GmailApp');
    expect(mail.from).toBe('team@example.com');
    // Every non-ASCII character as a numeric reference: GmailApp garbles even 'ë' and Hebrew.
    expect(mail.htmlBody).toContain('Hi Zo&#235; &#128512; &#1513;&#1512;&#1492; &#128075;');
    expect(mail.htmlBody).not.toContain('\uFFFD');
    expect(mail.body).not.toContain('\uFFFD');
    expect(() => w.run(() => runMailMerge(send({ from: 'stranger@example.com' })))).toThrow(
      'not one of your Gmail',
    );
    rows[1][1] = '👋 Hello';
    w.emu.sheets.setSheet('Templates', rows);
    const preview = w.run(() =>
      previewMerge(send({ from: 'team@example.com', template: APOLOGY })),
    );
    expect(preview.blocked?.message).toContain('emoji');
  });

  test('malicious and odd cell values: HTML, braces, right-to-left text, a 5,000-character note', () => {
    const longNote = 'n'.repeat(5000);
    w = mergeWorld([
      {
        name: '<img src=x onerror=alert(1)>',
        email: 'x@example.com',
        lastContact: '2023-01-01',
        value: 50,
        notes: 'fine',
      },
      {
        name: 'Bad Braces',
        email: 'b@example.com',
        lastContact: '2023-01-01',
        value: 40,
        notes: 'see {{Email}}',
      },
      {
        name: 'مريم',
        email: 'm@example.com',
        lastContact: '2023-01-01',
        value: 30,
        notes: longNote,
      },
      {
        name: '=HYPERLINK("x")',
        email: 'h@example.com',
        lastContact: '2023-01-01',
        value: 20,
        notes: 'ok',
      },
    ]);
    w.run(() => getMergeSetup());
    const rows = w.emu.sheets.values('Templates');
    rows[1][2] = 'Hi {{Name}}, note: {{Notes}}';
    w.emu.sheets.setSheet('Templates', rows);
    const result = w.run(() => runMailMerge(send()));
    expect(result.sent).toBe(3);
    const [xss, rtl, formula] = w.emu.mail.sent;
    expect(xss.htmlBody).toContain('Hi &lt;img src=x onerror=alert(1)&gt;');
    expect(xss.htmlBody).not.toContain('<img');
    expect(xss.body).toContain('Hi <img src=x onerror=alert(1)>');
    expect(rtl.body).toContain(`Hi مريم, note: ${longNote}`);
    expect(formula.body).toContain('Hi =HYPERLINK("x")');
    expect(w.client('C-00002')['Merge Status']).toBe(
      "Skipped: the Notes value contains '{{' or '}}'",
    );
    expect(
      w.emu.mail.sent.some((m) => m.body.includes('{{') || (m.htmlBody ?? '').includes('{{')),
    ).toBe(false);
    const names = w.touches().map((t) => t.Client);
    expect(names).toContain('=HYPERLINK("x")');
  });

  test('an empty value without a fallback skips that client with a reason', () => {
    w = mergeWorld([
      { name: 'No Company', email: 'n@example.com', lastContact: '2023-01-01', value: 1 },
    ]);
    w.run(() => getMergeSetup());
    const rows = w.emu.sheets.values('Templates');
    rows[1][2] = 'About {{Company}}';
    w.emu.sheets.setSheet('Templates', rows);
    const preview = w.run(() => previewMerge(send()));
    expect(preview.skips[0].reason).toBe('Company is empty (used by {{Company}})');
  });
});

describe('quota, time and the test email', () => {
  test('a batch larger than the quota sends what fits; the rest wait, and go out after the quota resets', () => {
    w = mergeWorld(
      Array.from({ length: 5 }, (_, i) => ({
        name: `P${i}`,
        email: `p${i}@example.com`,
        lastContact: '2022-01-01',
        value: 100 - i,
      })),
    );
    w.emu.mail.setQuota(3);
    const first = w.run(() => runMailMerge(send()));
    expect(first.sent).toBe(3);
    expect(first.waiting).toBe(2);
    expect(first.message).toContain("2 wait for tomorrow's email quota");
    expect(w.client('C-00004')['Merge Status']).toBe('Waiting: daily email quota reached');
    expect(w.emu.mail.sent).toHaveLength(3);
    w.emu.clock.advance(24 * 3600 * 1000 + 1000);
    const second = w.run(() => runMailMerge(send()));
    expect(second.sent).toBe(2);
    expect(new Set(w.emu.mail.sent.map((m) => m.to)).size).toBe(5);
    expect(w.client('C-00004')['Merge Status']).toBe('Sent 2026-11-26: Reconnect apology');
  });

  test('the quota running out mid-batch (another script used it) stops cleanly', () => {
    w = mergeWorld(
      Array.from({ length: 4 }, (_, i) => ({
        name: `P${i}`,
        email: `p${i}@example.com`,
        lastContact: '2022-01-01',
        value: 100 - i,
      })),
    );
    w.emu.kernel.injectFault({
      method: 'MailApp.sendEmail',
      nth: 2,
      message: 'Service invoked too many times for one day: email.',
    });
    const result = w.run(() => runMailMerge(send()));
    expect(result.sent).toBe(1);
    expect(result.waiting).toBe(3);
    expect(w.clients().map((c) => c['Merge Status'])).toEqual([
      'Sent 2026-11-25: Reconnect apology',
      'Waiting: daily email quota reached',
      'Waiting: daily email quota reached',
      'Waiting: daily email quota reached',
    ]);
  });

  test('a send that fails is reported as an error on the row and the batch goes on', () => {
    w = mergeWorld(
      Array.from({ length: 3 }, (_, i) => ({
        name: `P${i}`,
        email: `p${i}@example.com`,
        lastContact: '2022-01-01',
        value: 100 - i,
      })),
    );
    w.emu.kernel.injectFault({
      method: 'MailApp.sendEmail',
      nth: 2,
      message: 'Server error occurred, please try again.',
    });
    const result = w.run(() => runMailMerge(send()));
    expect(result.sent).toBe(2);
    expect(result.failed).toBe(1);
    expect(w.client('C-00002')['Merge Status']).toBe(
      'Error: Server error occurred, please try again.',
    );
  });

  test('the run stops before the time limit and reports the rest as waiting', () => {
    w = mergeWorld(
      Array.from({ length: 5 }, (_, i) => ({
        name: `P${i}`,
        email: `p${i}@example.com`,
        lastContact: '2022-01-01',
        value: 100 - i,
      })),
    );
    // Each email takes 100 ms on this clock: the budget of 250 ms is spent after the third.
    const clock = () => w.emu.mail.sent.length * 100;
    const result = w.run(() => runMerge(send(), { budgetMs: 250, clock }));
    expect(result.sent).toBe(3);
    expect(result.waiting).toBe(2);
    expect(w.client('C-00005')['Merge Status']).toBe(
      'Waiting: time limit reached, run the merge again',
    );
  });

  test('"Send a test to me" goes to the user with [Test], counts one recipient, writes nothing', () => {
    w = mergeWorld(BASE);
    const test = w.run(() => sendTestEmail(send()));
    expect(test.to).toBe('owner@example.com');
    const mail = w.emu.mail.sent[0];
    expect([mail.to, mail.subject]).toEqual(['owner@example.com', '[Test] It has been too long']);
    expect(mail.body).toContain('Hi Ann,');
    expect(w.emu.mail.used).toBe(1);
    expect(w.touches()).toHaveLength(0);
    expect(w.client('C-00001')['Merge Status']).toBe('');
  });
});
