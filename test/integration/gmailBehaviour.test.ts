// The merge against Gmail as it really behaves: Gmail's own quota in draft mode, '☺' and emoji through drafts, a draft template's inline image and attachment.
import { manyClients, mergeWorld, type MergeWorld } from './mailMergeSupport';
import { getMergeSetup, previewMerge, runMailMerge } from '../../src/app/mailMerge';
import type { MergeRequest } from '../../src/shared/mergeApi';

let w: MergeWorld;
afterEach(() => w?.uninstall());

const drafts = (count: number, template: MergeRequest['template']): MergeRequest => ({
  template,
  recipients: { kind: 'top', count },
  mode: 'draft',
});
const APOLOGY = { source: 'sheet', name: 'Reconnect apology' } as const;

test("Gmail's own quota running out in draft mode: the rest of the batch waits, nothing fails", () => {
  w = mergeWorld(manyClients(6));
  // Opening the merge reads the drafts (getDrafts) and aliases; then 3 createDraft calls fit.
  const before = w.emu.mail.gmailUsed;
  w.emu.mail.gmailQuota = before + 3;
  const result = w.run(() => runMailMerge(drafts(6, APOLOGY)));
  expect(result.drafted).toBe(3);
  expect(result.failed).toBe(0);
  expect(result.waiting).toBe(3);
  expect(result.message).toContain("wait for tomorrow's Gmail limit");
  const statuses = w.clients().map((c) => String(c['Merge Status']));
  expect(statuses.filter((s) => s.startsWith('Draft created'))).toHaveLength(3);
  expect(statuses.filter((s) => s.startsWith("Waiting: Gmail's daily limit"))).toHaveLength(3);
  // The next day the same merge drafts the three that waited, and nobody twice.
  w.emu.clock.advance(24 * 3600_000);
  const next = w.run(() => runMailMerge(drafts(6, APOLOGY)));
  expect(next.drafted).toBe(3);
  const to = w.emu.mail.drafts.map((d) => d.to);
  expect(new Set(to).size).toBe(6);
});

test("'☺', accents and emoji reach a draft intact: the HTML part carries them as references", () => {
  w = mergeWorld([
    { name: 'Zoë ☺', email: 'zoe@example.com', lastContact: '2023-01-01', value: 9 },
  ]);
  w.run(() => previewMerge(drafts(1, APOLOGY)));
  const rows = w.emu.sheets.values('Templates');
  rows[1][1] = 'Hello {{Name}}';
  rows[1][2] = 'Hi {{Name}} 👋, café?';
  w.emu.sheets.setSheet('Templates', rows);
  // '☺' in the subject has no ASCII twin: that client is skipped with the reason, not garbled.
  const skipped = w.run(() => previewMerge(drafts(1, APOLOGY)));
  expect(skipped.skips[0].reason).toContain('☺');
  rows[1][1] = 'Hello, café';
  w.emu.sheets.setSheet('Templates', rows);
  const result = w.run(() => runMailMerge(drafts(1, APOLOGY)));
  expect(result.drafted).toBe(1);
  const draft = w.emu.mail.drafts[0];
  expect(draft.via).toBe('GmailApp');
  expect(draft.subject).toBe('Hello, cafe');
  expect(draft.htmlBody).toContain('Hi Zo&#235; &#9786; &#128075;, caf&#233;?');
  expect(draft.htmlBody).not.toContain('\uFFFD');
  expect(draft.body).toBe('Hi Zoe  , cafe?');
});

test('a draft template keeps its inline image and its attachment; the preview names them', () => {
  w = mergeWorld(manyClients(2));
  w.emu.mail.addDraft({
    subject: 'Spring news for {{First Name|you}}',
    body: 'Hello [image: logo.png]\n{{My Name}}',
    htmlBody: '<p>Hello <img src="cid:ii_logo" alt="logo.png" width="80"></p><p>{{My Name}}</p>',
    files: [
      { name: 'logo.png', contentType: 'image/png', cid: 'ii_logo', data: 'PNG' },
      { name: 'brochure.pdf', contentType: 'application/pdf', data: 'PDF' },
    ],
  });
  const template = { source: 'draft', name: 'Spring news for {{First Name|you}}' } as const;
  const preview = w.run(() => previewMerge({ ...drafts(2, template), mode: 'send' }));
  expect(preview.template.files).toEqual({
    attachments: ['brochure.pdf'],
    inlineImages: ['logo.png'],
  });
  const result = w.run(() => runMailMerge({ ...drafts(2, template), mode: 'send' }));
  expect(result.sent).toBe(2);
  for (const mail of w.emu.mail.sent) {
    expect(mail.missingImages).toEqual([]);
    expect(mail.files.map((f) => [f.name, f.cid, f.bytes.toString()])).toEqual([
      ['brochure.pdf', null, 'PDF'],
      ['logo.png', 'ii_logo', 'PNG'],
    ]);
  }
});

test('opening the Emails tab again reads no draft from Gmail; "Refresh Gmail drafts" does', () => {
  w = mergeWorld(manyClients(2));
  for (let i = 0; i < 20; i++) w.emu.mail.addDraft({ subject: `Template ${i}`, body: 'Hi' });
  const gmailCalls = () =>
    ['GmailApp.getDrafts', 'GmailDraft.getMessage', 'GmailApp.getAliases']
      .map((k) => w.emu.kernel.count(k))
      .reduce((a, b) => a + b, 0);
  const first = w.run(() => getMergeSetup());
  expect(first.templates.filter((t) => t.source === 'draft')).toHaveLength(20);
  const afterFirst = gmailCalls();
  expect(afterFirst).toBeGreaterThan(20);
  w.emu.mail.addDraft({ subject: 'Brand new', body: 'Hi' });
  const second = w.run(() => getMergeSetup());
  expect(gmailCalls()).toBe(afterFirst);
  expect(second.templates.filter((t) => t.source === 'draft')).toHaveLength(20);
  const refreshed = w.run(() => getMergeSetup({ refresh: 'gmail' }));
  expect(refreshed.templates.map((t) => t.name)).toContain('Brand new');
  expect(() => w.run(() => getMergeSetup({ refresh: 'all' } as never))).toThrow('refresh');
});
