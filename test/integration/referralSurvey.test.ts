// The post-purchase survey email carries the survey link from Settings ({{Survey Link}}), or asks for a reply when none is set.
import { mergeWorld, type MergeWorld } from './mailMergeSupport';
import { previewMerge } from '../../src/app/mailMerge';
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
