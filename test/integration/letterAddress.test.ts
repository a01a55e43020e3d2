// Letters with a postal address block when the client sheet has address columns (issue 11): the preview and the printed letters show the address, not the email.
import { join } from 'node:path';
import { HEADERS, clientRow, mergeWorld, type MergeWorld } from './mailMergeSupport';
import { getLetterBatch, openLetters } from '../../src/app/letters';
import { previewMerge } from '../../src/app/mailMerge';
import type { MergeRequest } from '../../src/shared/mergeApi';

const LETTER: MergeRequest = {
  template: { source: 'sheet', name: 'Letter from the heart' },
  recipients: { kind: 'clients', ids: ['C-1', 'C-2'] },
  mode: 'send',
};

let w: MergeWorld;
afterEach(() => w?.uninstall());

const ADDRESS = ['Street Address', 'Address Line 2', 'City', 'State', 'ZIP', 'Country'];

test('each letter carries its client address block, lines as the sheet shows them', () => {
  w = mergeWorld([], { htmlDir: join(__dirname, '../../dist') });
  const rows = [
    { id: 'C-1', name: 'Ann Lee', lastContact: '2022-03-10', value: 9000 },
    { id: 'C-2', name: 'Bo Chen', lastContact: '2022-04-10', value: 8000 },
  ].map(clientRow);
  w.emu.sheets.setSheet(
    'Clients',
    [
      [...HEADERS, ...ADDRESS],
      [...rows[0], '12 Elm Street', 'Apt 4', 'Springfield', 'IL', '00123', 'USA'],
      [...rows[1], '9 Quay Road', '', 'Cork', '', 'T12 X2Y3', ''],
    ],
    { frozenRows: 1 },
  );
  const preview = w.run(() => previewMerge(LETTER));
  expect(preview.emails.map((e) => e.address)).toEqual([
    ['Ann Lee', '12 Elm Street', 'Apt 4', 'Springfield, IL 00123', 'USA'],
    ['Bo Chen', '9 Quay Road', 'Cork T12 X2Y3'],
  ]);
  w.run(() => openLetters(LETTER));
  const batch = w.run(() => getLetterBatch());
  expect(batch.letters[0].address).toEqual(preview.emails[0].address);
});

test('no address columns: no address block', () => {
  w = mergeWorld([{ id: 'C-1', name: 'Ann Lee', lastContact: '2022-03-10' }]);
  const preview = w.run(() =>
    previewMerge({ ...LETTER, recipients: { kind: 'clients', ids: ['C-1'] } }),
  );
  expect(preview.emails[0].address).toEqual([]);
});
