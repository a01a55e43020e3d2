// Letters by post: the printable dialog's letters, then confirming which went out logs a letter touch each, never twice.
import { join } from 'node:path';
import { mergeWorld, type MergeWorld } from './mailMergeSupport';
import { confirmLetters, getLetterBatch, openLetters } from '../../src/app/letters';
import { previewMerge, runMailMerge } from '../../src/app/mailMerge';
import type { MergeRequest } from '../../src/shared/mergeApi';

const LETTER: MergeRequest = {
  template: { source: 'sheet', name: 'Letter from the heart' },
  recipients: { kind: 'top', count: 3 },
  mode: 'send',
};

let w: MergeWorld;
afterEach(() => w?.uninstall());

test('letters print one a page, and confirmed ones become letter touches with Last Contact today', () => {
  w = mergeWorld(
    [
      { name: 'Ann Lee', email: '', lastContact: '2022-03-10', value: 9000 },
      { name: 'Bo Chen', email: 'bo@example.com', lastContact: '2023-03-10', value: 8000 },
      {
        name: 'Cy Doe',
        email: 'cy@example.com',
        lastContact: '2023-03-10',
        value: 7000,
        doNotContact: true,
      },
    ],
    { htmlDir: join(__dirname, '../../dist') },
  );
  const preview = w.run(() => previewMerge(LETTER));
  expect(preview.path).toBe('print');
  expect(preview.emails.map((e) => e.name)).toEqual(['Ann Lee', 'Bo Chen']);

  w.run(() => openLetters(LETTER));
  expect(w.emu.ui.dialogs.at(-1)?.title).toBe('Print letters');
  const batch = w.run(() => getLetterBatch());
  expect(batch.template).toBe('Letter from the heart');
  expect(batch.date).toBe('2026-11-25');
  expect(batch.letters.map((l) => l.name)).toEqual(['Ann Lee', 'Bo Chen']);
  expect(batch.letters[0].text).toMatch(
    /^Dear Ann,\n\nI owe you an apology\. It has been over four years since/,
  );
  expect(batch.letters[0].text).not.toContain('{{');

  const done = w.run(() => confirmLetters({ template: batch.template, clientIds: ['C-00002'] }));
  expect(done.logged).toBe(1);
  const touches = w.touches();
  expect(touches.map((t) => [t['Client ID'], t.Channel, t.Outcome, t.Step])).toEqual([
    ['C-00002', 'letter', 'sent', 'Letter from the heart'],
  ]);
  expect(w.client('C-00002')['Merge Status']).toBe('Letter sent 2026-11-25: Letter from the heart');
  expect((w.client('C-00002')['Last Contact'] as Date).getTime()).toBeGreaterThan(
    new Date('2026-11-24').getTime(),
  );
  expect(w.emu.mail.outbox).toHaveLength(0);

  const twice = w.run(() => confirmLetters({ template: batch.template, clientIds: ['C-00002'] }));
  expect(twice.logged).toBe(0);
  expect(twice.skipped[0].reason).toBe('already logged on 2026-11-25');
  expect(w.touches()).toHaveLength(1);
});

test('a letter template is never emailed', () => {
  w = mergeWorld([
    { name: 'Ann Lee', email: 'ann@example.com', lastContact: '2022-03-10', value: 9000 },
  ]);
  expect(() => w.run(() => runMailMerge(LETTER))).toThrow('is a letter');
  expect(w.emu.mail.outbox).toHaveLength(0);
});
