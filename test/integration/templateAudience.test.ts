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
