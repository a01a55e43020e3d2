// Templates that know who they are for: the follow-up goes to the client just called; a mismatch is a warning (issue 11, items 1-2).
import { mergeWorld, type MergeWorld } from './mailMergeSupport';
import { previewMerge } from '../../src/app/mailMerge';
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
