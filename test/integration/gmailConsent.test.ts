// Granular consent: without the Gmail permission, Gmail features say which permission and how to grant it; the rest keeps working.
import { manyClients, mergeWorld, type MergeWorld } from './mailMergeSupport';
import { getMergeSetup, runMailMerge } from '../../src/app/mailMerge';
import { scanGmail } from '../../src/app/gmailScan';
import { getCallList } from '../../src/app/callList';
import { GMAIL_SCOPE } from '../../dev/emulator/mail';
import { declinedPermission, isMultipleAccountsError } from '../../src/shared/permissions';

let w: MergeWorld;
afterEach(() => w?.uninstall());

const ALL_BUT_GMAIL = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/userinfo.email',
];

test('Gmail declined: the scan and the Emails tab name the permission; sending and the call list work', () => {
  w = mergeWorld(manyClients(3));
  w.emu.kernel.scopes = ALL_BUT_GMAIL;
  const sent = w.run(() =>
    runMailMerge({
      template: { source: 'sheet', name: 'Reconnect apology' },
      recipients: { kind: 'top', count: 3 },
      mode: 'send',
    }),
  );
  expect(sent.sent).toBe(3);
  const scan = w.run(() => scanGmail());
  expect(scan.problem).toContain(
    'Finding replies in Gmail needs the permission "Read, compose, send',
  );
  expect(scan.problem).toContain('tick that permission');
  const setup = w.run(() => getMergeSetup());
  expect(setup.problems.join(' ')).toContain(
    'Using Gmail drafts as templates and sending from an alias needs the permission',
  );
  expect(w.run(() => getCallList({ bucket: 'all' })).items).toHaveLength(3);
});

test('the texts Apps Script uses are recognised (reference 11; Google issue tracker 69270374)', () => {
  expect(
    declinedPermission(
      `You do not have permission to call GmailApp.search. Required permissions: ${GMAIL_SCOPE}`,
      'X',
    ),
  ).toContain('X needs the permission');
  expect(declinedPermission('Lock timeout', 'X')).toBeNull();
  expect(
    isMultipleAccountsError(
      "ScriptError: We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.",
    ),
  ).toBe(true);
  expect(isMultipleAccountsError('Authorization is required to perform that action.')).toBe(true);
  expect(isMultipleAccountsError('Lock timeout')).toBe(false);
});
