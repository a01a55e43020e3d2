// Templates that know who they are for: the follow-up goes to the client just called; a mismatch is a warning (issue 11, items 1-2).
import { mergeWorld, type MergeWorld } from './mailMergeSupport';
import { getMergeSetup, previewMerge } from '../../src/app/mailMerge';
import type { MergeRequest } from '../../src/shared/mergeApi';

let w: MergeWorld;
afterEach(() => w?.uninstall());

const FOLLOW_UP: MergeRequest['template'] = { source: 'sheet', name: 'Follow-up after a call' };

describe('the follow-up after a call', () => {
  test('is not blocked for the client reached today', () => {
    w = mergeWorld([
      { id: 'C-1', name: 'Ann Lee', email: 'ann@example.com', lastContact: '2026-11-25' },
    ]);
    const preview = w.run(() =>
      previewMerge({
        template: FOLLOW_UP,
        recipients: { kind: 'clients', ids: ['C-1'] },
        mode: 'send',
      }),
    );
    expect(preview.skips).toEqual([]);
    expect(preview.emails.map((e) => e.to)).toEqual(['ann@example.com']);
  });
});

describe('{{Time Since Contact}} says the gap as the call script does', () => {
  test.each([
    ['2025-01-01', 'almost two years'],
    ['2022-01-01', 'almost five years'],
    ['2023-11-20', 'about three years'],
  ])('last contact %s: "%s"', (lastContact, words) => {
    w = mergeWorld([{ id: 'C-1', name: 'Ann Lee', email: 'ann@example.com', lastContact }]);
    const preview = w.run(() =>
      previewMerge({
        template: { source: 'sheet', name: 'Reconnect apology' },
        recipients: { kind: 'clients', ids: ['C-1'] },
        mode: 'send',
      }),
    );
    expect(preview.emails[0].text).toContain(`it has been ${words} since we were last in touch`);
  });
});

describe('templates that know their audience', () => {
  const clients = [
    { id: 'C-1', name: 'Ann Lee', email: 'ann@example.com', lastContact: '2022-01-10', value: 900 },
    { id: 'C-2', name: 'Bo Chen', email: 'bo@example.com', lastContact: '2021-05-05', value: 800 },
    { id: 'C-3', name: 'Cy Diaz', email: 'cy@example.com', lastContact: '2026-11-23', value: 10 },
  ];

  test('"Top of the call list" for the follow-up picks the client just reached, not the silent ones', () => {
    w = mergeWorld(clients);
    const preview = w.run(() =>
      previewMerge({ template: FOLLOW_UP, recipients: { kind: 'top', count: 10 }, mode: 'send' }),
    );
    expect(preview.emails.map((e) => e.name)).toEqual(['Cy Diaz']);
    expect(preview.template.audience).toBe('Reached in the last few days');
    expect(preview.notices.join(' ')).toMatch(/1 client was reached in the last 14 days/);
  });

  test('a follow-up chosen for a client silent four years is a warning on that email', () => {
    w = mergeWorld(clients);
    const preview = w.run(() =>
      previewMerge({
        template: FOLLOW_UP,
        recipients: { kind: 'clients', ids: ['C-1', 'C-3'] },
        mode: 'send',
      }),
    );
    const [ann, cy] = preview.emails;
    expect(ann.audienceWarning).toBe(
      'Ann Lee was last contacted almost five years ago: "Follow-up after a call" is for clients reached in the last few days.',
    );
    expect(cy.audienceWarning).toBeNull();
  });

  test('the apology chosen for a client reached recently is a warning too', () => {
    w = mergeWorld([
      { id: 'C-9', name: 'Di Fox', email: 'di@example.com', lastContact: '2026-08-01' },
    ]);
    const preview = w.run(() =>
      previewMerge({
        template: { source: 'sheet', name: 'Reconnect apology' },
        recipients: { kind: 'clients', ids: ['C-9'] },
        mode: 'send',
      }),
    );
    expect(preview.emails[0].audienceWarning).toMatch(
      /^Di Fox was last contacted about four months ago: "Reconnect apology" is for clients silent six months or more\.$/,
    );
  });
});

describe('a template of your own says who it is for in the Templates sheet', () => {
  test('the Audience column is read, and a word it does not know is a problem, read as Anyone', () => {
    w = mergeWorld([
      { id: 'C-1', name: 'Ann Lee', email: 'ann@example.com', lastContact: '2026-10-01' },
    ]);
    w.emu.sheets.setSheet('Templates', [
      ['Name', 'Subject', 'Body', 'Channel', 'Notes', 'Audience'],
      ['Spring hello', 'Hello', 'Hi {{First Name|there}}', 'Email', '', 'Silent 6 months or more'],
      ['Odd one', 'Hi', 'Hi', 'Email', '', 'whoever'],
    ]);
    const preview = w.run(() =>
      previewMerge({
        template: { source: 'sheet', name: 'Spring hello' },
        recipients: { kind: 'clients', ids: ['C-1'] },
        mode: 'send',
      }),
    );
    expect(preview.template.audience).toBe('Silent 6 months or more');
    expect(preview.emails[0].audienceWarning).toMatch(
      /^Ann Lee was last contacted about two months ago: "Spring hello" is for clients silent six months or more\.$/,
    );
    const setup = w.run(() => getMergeSetup());
    expect(setup.problems.join(' ')).toMatch(/Audience "whoever" is not one of/);
  });
});
