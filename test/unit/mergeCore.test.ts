// Unit tests of the pure mail-merge core: tags, rendering, templates, skip rules, planning, statuses and the journal.
import type { Client } from '../../src/core/clients';
import {
  parseSegments,
  tagKey,
  timeSinceWords,
  buildCatalog,
  checkTemplate,
} from '../../src/core/merge/tags';
import {
  compileTemplate,
  renderEmail,
  encodeAstralForHtml,
  escapeHtml,
  hasAstral,
} from '../../src/core/merge/render';
import {
  BUILT_IN_TEMPLATES,
  isReferralTemplate,
  parseTemplateRows,
  pickTemplate,
  templateSheetRows,
  type Template,
} from '../../src/core/merge/templates';
import { buildHistory, historyKey, skipReason } from '../../src/core/merge/skipRules';
import { choosePath, planMerge, tagValues, type PlanInput } from '../../src/core/merge/plan';
import { parseSentStatus, sentStatus } from '../../src/core/merge/status';
import { journalWriteBack, type JournalEntry } from '../../src/core/merge/journal';
import { STANDARD_HEADERS } from '../../src/core/columns';

const TODAY = '2026-11-25';

function client(over: Partial<Client> = {}): Client {
  return {
    id: 'C-1',
    row: 2,
    name: 'Ann Lee',
    firstName: 'Ann',
    lastName: '',
    company: 'Lee Dental',
    email: 'ann@example.com',
    phone: '',
    lastContact: '2023-11-01',
    value: 1200,
    cadence: '',
    nextDue: null,
    status: '',
    touches: 0,
    lastChannel: '',
    doNotContact: false,
    notes: '',
    mergeStatus: '',
    ...over,
  };
}

const HEADERS = [...STANDARD_HEADERS];
function displayRow(c: Client): string[] {
  const byHeader: Record<string, string> = {
    'Client ID': c.id,
    Name: c.name,
    'First Name': '',
    Company: c.company,
    Email: c.email,
    'Last Contact': c.lastContact ?? '',
    Value: c.value === null ? '' : `$${c.value.toFixed(2)}`,
    Status: c.status,
    Notes: c.notes,
    'Merge Status': c.mergeStatus,
  };
  return HEADERS.map((h) => byHeader[h] ?? '');
}

function template(over: Partial<Template> = {}): Template {
  return {
    name: 'Hello',
    subject: 'Hi {{First Name}}',
    body: 'Dear {{First Name|there}},\n\nValue {{Value}}.\n\n{{My Name}}',
    htmlBody: null,
    channel: 'email',
    notes: '',
    source: 'sheet',
    ...over,
  };
}

function plan(over: Partial<PlanInput> = {}) {
  return planMerge({
    template: template(),
    candidates: [client()],
    headers: HEADERS,
    displayRow,
    emailColumn: HEADERS.indexOf('Email'),
    today: TODAY,
    recentDays: 14,
    myName: 'Sam Rivera',
    history: new Map(),
    path: 'MailApp',
    ...over,
  });
}

describe('merge tags', () => {
  test('keys ignore case, spaces and punctuation', () => {
    expect(tagKey('First Name')).toBe(tagKey('firstname'));
    expect(tagKey(' FIRST-name ')).toBe('firstname');
    expect(tagKey('Ville née')).toBe('villenée');
  });

  test('fallbacks are parsed after the bar', () => {
    const [seg] = parseSegments('{{ First Name | there }}');
    expect(seg).toEqual({
      kind: 'tag',
      raw: '{{ First Name | there }}',
      label: 'First Name',
      key: 'firstname',
      fallback: 'there',
    });
  });

  test('formatting inside a tag of an HTML draft is stripped before matching', () => {
    const segs = parseSegments('<p>Hi {{<b>First</b>&nbsp;Name}}</p>', true);
    expect(segs.filter((s) => s.kind === 'tag').map((s) => s.kind === 'tag' && s.key)).toEqual([
      'firstname',
    ]);
  });

  test('an unknown tag is named, with the available tags listed', () => {
    const problem = checkTemplate(
      [{ where: 'body', segments: parseSegments('Hi {{Frist Name}} {{Email}}') }],
      buildCatalog(HEADERS),
    );
    expect(problem?.unknownTags).toEqual(['{{Frist Name}}']);
    expect(problem?.message).toContain('{{Frist Name}}');
    expect(problem?.message).toContain('{{First Name}}');
    expect(problem?.message).toContain('{{Time Since Contact}}');
  });

  test('stray braces and empty tags stop the merge', () => {
    const catalog = buildCatalog(HEADERS);
    expect(
      checkTemplate([{ where: 'body', segments: parseSegments('Hi {{First Name') }], catalog)
        ?.message,
    ).toContain('unclosed');
    expect(
      checkTemplate([{ where: 'subject', segments: parseSegments('Hi {{}}') }], catalog)?.message,
    ).toContain('empty tag');
    expect(
      checkTemplate([{ where: 'body', segments: parseSegments('Hi {{First Name}}') }], catalog),
    ).toBeNull();
  });

  test('time since contact reads as words, as the call script says them (src/shared/timeWords.ts)', () => {
    expect(timeSinceWords('2023-11-01', TODAY)).toBe('about three years');
    expect(timeSinceWords('2026-03-20', TODAY)).toBe('about eight months');
    expect(timeSinceWords('2025-10-01', TODAY)).toBe('about a year');
    expect(timeSinceWords('2026-10-20', TODAY)).toBe('a few weeks');
    expect(timeSinceWords('2026-11-10', TODAY)).toBe('a few weeks');
    expect(timeSinceWords('2026-11-22', TODAY)).toBe('a few days');
    expect(timeSinceWords('2010-01-01', TODAY)).toBe('almost 17 years');
  });

  test('derived tags: first name from the Name column, months, my name', () => {
    const values = tagValues(client(), HEADERS, displayRow(client()), TODAY, 'Sam');
    expect(values.get('firstname')).toBe('Ann');
    expect(values.get('monthssincecontact')).toBe('36');
    expect(values.get('timesincecontact')).toBe('about three years');
    expect(values.get('myname')).toBe('Sam');
    expect(values.get('value')).toBe('$1200.00');
  });
});

describe('rendering', () => {
  const values = (entries: Record<string, string>) => new Map(Object.entries(entries));

  test('values are HTML-escaped in HTML, raw in the plain text, subject on one line', () => {
    const t = compileTemplate('About {{Company}}', 'Hello {{First Name}},\nline two\n\nNext');
    const r = renderEmail(
      t,
      values({ company: 'A\nB  & <C>', firstname: '<img src=x onerror=alert(1)>' }),
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.email.subject).toBe('About A B & <C>');
    expect(r.email.text).toBe('Hello <img src=x onerror=alert(1)>,\nline two\n\nNext');
    expect(r.email.html).toContain('Hello &lt;img src=x onerror=alert(1)&gt;,<br>line two</p><p');
    expect(r.email.html).not.toContain('<img');
  });

  test('an empty value without a fallback skips; with one, the fallback is used', () => {
    const t = compileTemplate('Hi', 'Hello {{First Name}}');
    expect(renderEmail(t, values({ firstname: '  ' }))).toEqual({
      ok: false,
      reason: 'First Name is empty (used by {{First Name}})',
    });
    const f = compileTemplate('Hi', 'Hello {{First Name|there}}');
    const r = renderEmail(f, values({}));
    expect(r.ok && r.email.text).toBe('Hello there');
  });

  test("a value containing '{{' is never expanded and never sent", () => {
    const t = compileTemplate('Hi', 'Note: {{Notes}} / {{Email}}');
    const r = renderEmail(t, values({ notes: 'see {{Email}}', email: 'a@b.co' }));
    expect(r).toEqual({ ok: false, reason: "the Notes value contains '{{' or '}}'" });
  });

  test('emoji and right-to-left text survive; astral characters can be encoded for GmailApp', () => {
    const t = compileTemplate('👋 {{First Name}}', 'שלום {{First Name}} 🎉');
    const r = renderEmail(t, values({ firstname: 'Zoë 😀' }));
    if (!r.ok) throw new Error(r.reason);
    expect(r.email.subject).toBe('👋 Zoë 😀');
    expect(r.email.text).toBe('שלום Zoë 😀 🎉');
    expect(hasAstral(r.email.text)).toBe(true);
    expect(encodeAstralForHtml(r.email.html)).toContain('&#128512;');
    expect(encodeAstralForHtml(r.email.html)).toContain('Zoë');
    expect(hasAstral(encodeAstralForHtml(r.email.html))).toBe(false);
  });

  test('a draft HTML body keeps its markup and escapes values', () => {
    const t = compileTemplate('Hi', 'Hi {{First Name}}', '<p><b>Hi</b> {{<i>First Name</i>}}</p>');
    const r = renderEmail(t, values({ firstname: 'A&B' }));
    expect(r.ok && r.email.html).toBe('<p><b>Hi</b> A&amp;B</p>');
  });

  test('escapeHtml covers quotes', () => {
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });
});

describe('templates', () => {
  test('the built-ins cover the playbook and render on the standard sheet', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.name)).toEqual([
      'Reconnect apology',
      'Follow-up after a call',
      'Letter from the heart',
      'Referral reminder',
      'Post-purchase check-in',
      'Post-purchase survey',
    ]);
    for (const t of BUILT_IN_TEMPLATES) {
      const p = plan({ template: t, path: t.channel === 'letter' ? 'print' : 'MailApp' });
      expect(p.blocked).toBeNull();
      expect(p.ready).toHaveLength(1);
    }
    expect(BUILT_IN_TEMPLATES.find((t) => t.channel === 'letter')?.name).toBe(
      'Letter from the heart',
    );
  });

  test('the apology asks for nothing but how often to keep in touch', () => {
    const apology = BUILT_IN_TEMPLATES[0];
    expect(apology.body).toMatch(/how often/i);
    expect(apology.body).toMatch(/sorry/i);
    expect(apology.body).not.toMatch(/referr|discount|special offer|introduce/i);
    expect(isReferralTemplate(apology)).toBe(false);
    expect(isReferralTemplate(BUILT_IN_TEMPLATES[3])).toBe(true);
  });

  test('the sheet round-trips, and edited rows are read as the user left them', () => {
    const rows = templateSheetRows();
    rows[1][2] = 'My own words {{First Name}}';
    const read = parseTemplateRows(rows);
    expect(read.templates).toHaveLength(6);
    expect(read.templates[0].body).toBe('My own words {{First Name}}');
    expect(read.templates[2].channel).toBe('letter');
  });

  test('duplicate names and subjects are an error, never a guess', () => {
    const t = [template({ name: 'A', source: 'draft' }), template({ name: 'a ', source: 'draft' })];
    expect(() => pickTemplate(t, 'draft', 'A')).toThrow('2 Gmail drafts have the subject "A"');
    expect(() => pickTemplate(t, 'sheet', 'A')).toThrow('No template is named "A"');
  });

  test('a bad Channel is reported and read as Email', () => {
    const read = parseTemplateRows([
      ['Name', 'Subject', 'Body', 'Channel', 'Notes'],
      ['X', 's', 'b', 'fax', ''],
    ]);
    expect(read.templates[0].channel).toBe('email');
    expect(read.problems[0]).toContain('row 2');
  });
});

describe('skip rules', () => {
  const ctx = { template: template(), today: TODAY, recentDays: 14, history: new Map() };

  test('each rule gives its reason', () => {
    expect(skipReason(client({ doNotContact: true }), '', ctx)).toBe('Do Not Contact');
    expect(skipReason(client({ email: '' }), '', ctx)).toBe('no email address');
    expect(skipReason(client({ email: '' }), 'bob@', ctx)).toBe("invalid email 'bob@'");
    expect(skipReason(client({ lastContact: '2026-11-20' }), '', ctx)).toBe(
      'contacted 5 days ago (less than 14 days)',
    );
    expect(skipReason(client({ lastContact: TODAY }), '', ctx)).toBe(
      'contacted today (less than 14 days)',
    );
    expect(skipReason(client({ lastContact: '2026-11-11' }), '', ctx)).toBeNull();
    const referral = { ...ctx, template: template({ name: 'Referral reminder' }) };
    expect(skipReason(client({ status: 'Recovery' }), '', referral)).toContain('in Recovery');
    expect(skipReason(client({ status: 'Recovery' }), '', ctx)).toBeNull();
  });

  test('already sent comes from the touch log, the merge status or the journal', () => {
    const fromTouch = buildHistory(
      [{ clientId: 'C-1', date: '2026-01-02', channel: 'email', step: 'hello' }],
      [],
      [],
    );
    expect(skipReason(client(), '', { ...ctx, history: fromTouch })).toBe(
      'already sent "Hello" on 2026-01-02',
    );
    const fromStatus = buildHistory(
      [],
      [{ id: 'C-1', mergeStatus: 'Draft created 2026-11-01: Hello' }],
      [],
    );
    expect(skipReason(client(), '', { ...ctx, history: fromStatus })).toContain(
      'a draft of "Hello" was created on 2026-11-01',
    );
    const fromJournal = buildHistory(
      [],
      [],
      [{ clientId: 'C-1', template: 'Hello', kind: 'unconfirmed', date: TODAY }],
    );
    expect(skipReason(client(), '', { ...ctx, history: fromJournal })).toContain('unconfirmed');
    const callOnly = buildHistory(
      [{ clientId: 'C-1', date: '2026-01-02', channel: 'call', step: 'Hello' }],
      [],
      [],
    );
    expect(skipReason(client(), '', { ...ctx, history: callOnly })).toBeNull();
  });

  test('a duplicate email in the batch is skipped after the first', () => {
    const p = plan({
      candidates: [client(), client({ id: 'C-2', name: 'Bo', email: 'ANN@example.com' })],
    });
    expect(p.ready.map((r) => r.client.id)).toEqual(['C-1']);
    expect(p.skipped[0].reason).toBe('same email as Ann Lee earlier in this batch');
  });

  test('a limit serves the top N that can get it, listing skips met on the way', () => {
    const clients = [
      client({ id: 'A', doNotContact: true }),
      client({ id: 'B', email: 'b@x.co' }),
      client({ id: 'C', email: 'c@x.co' }),
      client({ id: 'D', email: 'd@x.co' }),
    ];
    const p = plan({ candidates: clients, limit: 2 });
    expect(p.ready.map((r) => r.client.id)).toEqual(['B', 'C']);
    expect(p.skipped.map((s) => s.client.id)).toEqual(['A']);
  });
});

describe('planning and paths', () => {
  test('MailApp unless drafts or an alias', () => {
    expect(choosePath('send', null, 'me@x.co')).toBe('MailApp');
    expect(choosePath('send', 'ME@x.co', 'me@x.co')).toBe('MailApp');
    expect(choosePath('send', 'alias@x.co', 'me@x.co')).toBe('GmailApp');
    expect(choosePath('draft', null, 'me@x.co')).toBe('GmailApp');
  });

  test('an unknown tag blocks the whole plan', () => {
    const p = plan({ template: template({ body: '{{Nickname}}' }) });
    expect(p.blocked?.message).toContain('{{Nickname}}');
    expect(p.ready).toHaveLength(0);
  });

  test('on GmailApp, emoji go to HTML references, a subject emoji blocks or skips', () => {
    const emoji = template({ body: 'Hi {{First Name}} 👋' });
    const p = plan({ template: emoji, path: 'GmailApp' });
    expect(p.ready[0].email.html).toContain('&#128075;');
    expect(p.ready[0].email.text).toBe('Hi Ann ');
    expect(p.ready[0].warning).toContain('plain-text');
    expect(
      plan({ template: template({ subject: '👋 hi' }), path: 'GmailApp' }).blocked?.message,
    ).toContain('emoji');
    const valueEmoji = plan({
      candidates: [client({ name: 'Ann 😀', firstName: 'Ann 😀' })],
      path: 'GmailApp',
    });
    expect(valueEmoji.skipped[0].reason).toContain('emoji');
    const mail = plan({ template: template({ subject: '👋 hi' }), path: 'MailApp' });
    expect(mail.ready[0].email.subject).toBe('👋 hi');
  });

  test('letters need no email but keep the other rules', () => {
    const letter = template({ channel: 'letter' });
    const p = plan({
      template: letter,
      path: 'print',
      candidates: [client({ email: '' }), client({ id: 'C-2', doNotContact: true })],
    });
    expect(p.ready).toHaveLength(1);
    expect(p.skipped[0].reason).toBe('Do Not Contact');
  });
});

describe('statuses and the journal', () => {
  test('statuses read back', () => {
    expect(sentStatus('sent', '2026-11-22', 'Reconnect apology')).toBe(
      'Sent 2026-11-22: Reconnect apology',
    );
    expect(parseSentStatus('Sent (unconfirmed) 2026-11-22: A: b')).toEqual({
      kind: 'unconfirmed',
      date: '2026-11-22',
      template: 'A: b',
    });
    expect(parseSentStatus('Draft created (unconfirmed) 2026-11-22: X')?.kind).toBe(
      'draftUnconfirmed',
    );
    expect(parseSentStatus("Skipped: invalid email 'bob@'")).toBeNull();
  });

  const entry = (over: Partial<JournalEntry>): JournalEntry => ({
    clientId: 'C-1',
    template: 'Hello',
    mode: 'send',
    state: 'done',
    date: TODAY,
    to: 'ann@example.com',
    ...over,
  });

  test('write-back: sends log touches, unconfirmed too; drafts and failures only a status', () => {
    const wb = journalWriteBack(
      [
        entry({}),
        entry({ clientId: 'C-2', state: 'sending' }),
        entry({ clientId: 'C-3', mode: 'draft' }),
        entry({ clientId: 'C-4', state: 'failed', status: 'Error: Invalid email: x' }),
      ],
      [],
    );
    expect(wb.touches.map((t) => [t.clientId, t.mergeStatus])).toEqual([
      ['C-1', `Sent ${TODAY}: Hello`],
      ['C-2', `Sent (unconfirmed) ${TODAY}: Hello`],
    ]);
    expect(wb.touches[1].notes).toContain('will not be resent');
    expect([...wb.statuses]).toEqual([
      ['C-3', `Draft created ${TODAY}: Hello`],
      ['C-4', 'Error: Invalid email: x'],
    ]);
  });

  test('a replayed entry whose touch is already logged logs no second touch', () => {
    const wb = journalWriteBack(
      [entry({})],
      [{ clientId: 'C-1', date: TODAY, channel: 'email', step: 'hello' }],
    );
    expect(wb.touches).toHaveLength(0);
    expect(wb.statuses.get('C-1')).toBe(`Sent ${TODAY}: Hello`);
    expect(historyKey('C-1', ' Hello ')).toBe(historyKey('C-1', 'hello'));
  });
});

describe('shared addresses', () => {
  test('an address that already got the template (as another client) does not get it again', () => {
    const ann = client();
    const di = client({ id: 'C-2', name: 'Di Fox' });
    const history = buildHistory(
      [{ clientId: 'C-1', date: '2026-11-01', channel: 'email', step: 'Hello' }],
      [],
      [],
    );
    const p = plan({ candidates: [ann, di], history, allClients: [ann, di] });
    expect(p.ready).toHaveLength(0);
    expect(p.skipped.map((s) => s.reason)).toEqual([
      'already sent "Hello" on 2026-11-01',
      'Ann Lee at the same email already got "Hello"',
    ]);
  });
});
