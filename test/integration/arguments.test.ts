// Every global checks its argument before reading or writing: wrong types get a sentence naming the field, not a raw TypeError or an empty list.
import { getCallList, showClientInSheet } from '../../src/app/callList';
import { previewMerge, runMailMerge, sendTestEmail } from '../../src/app/mailMerge';
import { confirmLetters, openLetters } from '../../src/app/letters';
import { getSettingsChoices } from '../../src/app/settings';
import { InputError } from '../../src/core/schema';
import type { CallListQuery } from '../../src/shared/api';
import type { LetterConfirmation, MergeRequest } from '../../src/shared/mergeApi';
import { mergeWorld, type MergeWorld } from './mailMergeSupport';

let w: MergeWorld;
beforeEach(() => {
  w = mergeWorld([
    { name: 'Ann Lee', email: 'ann@example.com', lastContact: '2022-03-10', value: 9000 },
    { name: 'Bo Chen', email: 'bo@example.com', lastContact: '2023-03-10', value: 8000 },
  ]);
});
afterEach(() => w.uninstall());

/** Whatever a caller may send (google.script.run carries any JSON). */
const any = <T>(value: unknown) => value as T;

const REQUEST: MergeRequest = {
  template: { source: 'sheet', name: 'Reconnect apology' },
  recipients: { kind: 'top', count: 2 },
  mode: 'send',
};

function refused(fn: () => unknown, message: string | RegExp): void {
  let error: unknown = null;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).toMatch(message);
}

describe('getCallList', () => {
  it.each([
    [{ search: 5 }, 'query.search should be text, not the number 5.'],
    [{ sort: 'name' }, 'query.sort should be one of priority, days, value, not the text "name".'],
    [
      { bucket: 'old' },
      'query.bucket should be one of 3yPlus, 2to3y, 1to2y, 6to12m, under6m, never, due, all, not the text "old".',
    ],
    [{ offset: -1 }, 'query.offset should be at least 0, not -1.'],
    [{ limit: '25' }, 'query.limit should be a number, not the text "25".'],
    [{ constructor: 1 }, 'query has an unknown field "constructor"'],
    ['due', 'query should be an object, not the text "due".'],
  ])('%j is refused in words', (query, message) => {
    refused(() => w.run(() => getCallList(any<CallListQuery>(query))), message);
  });

  it('no query, or null, is the default list', () => {
    expect(w.run(() => getCallList()).total).toBe(2);
    expect(w.run(() => getCallList(any<CallListQuery>(null))).total).toBe(2);
  });
});

test('showClientInSheet wants a Client ID as text', () => {
  refused(() => w.run(() => showClientInSheet(any<string>(5))), 'clientId should be text');
  refused(() => w.run(() => showClientInSheet(' ')), 'clientId is empty.');
});

describe('the mail merge', () => {
  it.each([
    [
      { recipients: { kind: 'everyone' } },
      'request.recipients.kind should be one of selected, top, bucket, clients, not the text "everyone".',
    ],
    [
      { recipients: { kind: 'clients', ids: 'C-00001' } },
      'request.recipients.ids should be a list, not the text "C-00001".',
    ],
    [
      { recipients: { kind: 'clients', ids: [1] } },
      'request.recipients.ids[0] should be text, not the number 1.',
    ],
    [{ recipients: { kind: 'top', count: '2' } }, 'request.recipients.count should be a number'],
    [{ recipients: { kind: 'bucket', bucket: 'old', count: 2 } }, 'request.recipients.bucket'],
    [{ template: 'Reconnect apology' }, 'request.template should be an object'],
    [
      { template: { source: 'file', name: 'x' } },
      'request.template.source should be one of sheet, draft',
    ],
    [{ mode: 'spam' }, 'request.mode should be one of send, draft, not the text "spam".'],
    [{ replyTo: ['a@b.c'] }, 'request.replyTo should be text, not a list.'],
  ])('%j is refused before anything is read or sent', (change, message) => {
    const request = any<MergeRequest>({ ...REQUEST, ...change });
    for (const fn of [previewMerge, sendTestEmail, runMailMerge, openLetters]) {
      w.emu.kernel.resetCounts();
      refused(() => w.run(() => fn(request)), message);
      expect(w.emu.kernel.count('Range.getValues')).toBe(0);
    }
    expect(w.emu.mail.outbox).toHaveLength(0);
    expect(w.touches()).toEqual([]);
  });

  it('a good request still previews', () => {
    expect(w.run(() => previewMerge(REQUEST)).emails).toHaveLength(2);
  });
});

test('confirmLetters wants a template name and a list of Client IDs', () => {
  const bad: [unknown, string][] = [
    [
      { template: 'Letter from the heart', clientIds: 'C-00001' },
      'confirmation.clientIds should be a list',
    ],
    [{ template: 7, clientIds: [] }, 'confirmation.template should be text'],
    [null, 'confirmation should be an object'],
  ];
  for (const [value, message] of bad)
    refused(() => w.run(() => confirmLetters(any<LetterConfirmation>(value))), message);
  expect(w.touches()).toEqual([]);
});

test('getSettingsChoices wants a sheet name as text', () => {
  refused(
    () => w.run(() => getSettingsChoices(any({ clientSheet: 5 }))),
    'request.clientSheet should be text',
  );
});
