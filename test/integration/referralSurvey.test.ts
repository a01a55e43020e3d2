// The post-sale survey and referral reminder emails: the survey link from Settings ({{Survey Link}}), the incentive of the latest promise ({{Referral Incentive}}), and plain fallbacks.
import { mergeWorld, type MergeWorld } from './mailMergeSupport';
import { previewMerge } from '../../src/app/mailMerge';
import { recordReferral } from '../../src/app/referrals';
import type { MergeRequest } from '../../src/shared/mergeApi';

const survey = (): MergeRequest => ({
  template: { source: 'sheet', name: 'Post-purchase survey' },
  recipients: { kind: 'top', count: 5 },
  mode: 'send',
});

let w: MergeWorld;
afterEach(() => w?.uninstall());

const seed = [{ name: 'Ann Lee', email: 'ann@example.com', lastContact: '2025-01-01', value: 900 }];

test('with a survey link in Settings, the survey email links to it', () => {
  w = mergeWorld(seed);
  w.run(() =>
    PropertiesService.getDocumentProperties().setProperty(
      'reconnect.settings',
      JSON.stringify({ myName: 'Sam Carter', surveyLink: 'https://forms.gle/abc123' }),
    ),
  );
  const preview = w.run(() => previewMerge(survey()));
  expect(preview.blocked).toBeNull();
  expect(preview.emails[0].text).toContain('The quickest way to answer: https://forms.gle/abc123');
});

test('without one, the email asks for a reply instead (never an empty link)', () => {
  w = mergeWorld(seed);
  const preview = w.run(() => previewMerge(survey()));
  expect(preview.emails[0].text).toContain('The quickest way to answer: a reply to this email');
  expect(preview.emails[0].text).not.toContain('{{');
});

test('the referral reminder restates the incentive of the client’s latest promise', () => {
  w = mergeWorld([
    ...seed,
    { name: 'Bo Ray', email: 'bo@example.com', lastContact: '2025-02-01', value: 800 },
  ]);
  // Promised on a call three weeks ago (a touch today would skip her as recently contacted).
  w.emu.clock.set('2026-11-01T15:00:00Z');
  w.run(() => {
    recordReferral({
      clientId: 'C-00001',
      kind: 'promised',
      incentive: 'a $50 gift card for both',
    });
  });
  w.emu.clock.set('2026-11-25T15:00:00Z');
  const preview = w.run(() =>
    previewMerge({
      template: { source: 'sheet', name: 'Referral reminder' },
      recipients: { kind: 'clients', ids: ['C-00001', 'C-00002'] },
      mode: 'send',
    }),
  );
  const [ann, bo] = preview.emails;
  expect(ann.text).toContain(
    'What I offered still stands, for you and for anyone you introduce: a $50 gift card for both.',
  );
  expect(bo.text).toContain('for anyone you introduce: a thank-you from us.');
});
