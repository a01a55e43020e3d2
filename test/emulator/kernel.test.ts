// Pins the kernel: call counts, fault injection (k-th call, n-th call of a method, kill), NotEmulatedError, permission errors.
import {
  AUTH_HELP,
  Kernel,
  NotEmulatedError,
  EXCEEDED_TIME,
  Clock,
} from '../../dev/emulator/kernel';
import { createProperties } from '../../dev/emulator/properties';
import { createUtilities } from '../../dev/emulator/utilities';

function setup() {
  const kernel = new Kernel(new Clock('2026-11-25T15:00:00Z'));
  const { PropertiesService } = createProperties(kernel);
  const { Utilities } = createUtilities(kernel);
  kernel.beginExecution('FULL');
  return { kernel, PropertiesService, Utilities };
}

describe('call counts', () => {
  it('counts each call per Class.method and per service family', () => {
    const { kernel, PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('a', '1');
    props.getProperty('a');
    props.getProperty('b');
    expect(kernel.count('Properties.getProperty')).toBe(2);
    expect(kernel.count('PropertiesService.getScriptProperties')).toBe(1);
    expect(kernel.count('PropertiesService')).toBe(4);
    expect(kernel.snapshot()).toEqual({
      'Properties.getProperty': 2,
      'Properties.setProperty': 1,
      'PropertiesService.getScriptProperties': 1,
    });
  });

  it('does not count reading an enum', () => {
    const { kernel, Utilities } = setup();
    expect(String(Utilities.DigestAlgorithm.SHA_256)).toBe('SHA_256');
    expect(kernel.count()).toBe(0);
  });
});

describe('fault injection', () => {
  it('fires on the k-th service call of the execution, once', () => {
    const { kernel, Utilities } = setup();
    kernel.injectFault({ atCall: 3, message: 'Server error occurred, please try again.' });
    Utilities.getUuid();
    Utilities.getUuid();
    expect(() => Utilities.getUuid()).toThrow('Server error occurred, please try again.');
    expect(() => Utilities.getUuid()).not.toThrow();
  });

  it('fires on the n-th call of one method, with the Exception name Apps Script uses', () => {
    const { kernel, PropertiesService } = setup();
    const props = PropertiesService.getUserProperties();
    kernel.injectFault({ method: 'Properties.setProperty', nth: 2, message: 'boom' });
    props.setProperty('a', '1');
    let caught: Error | null = null;
    try {
      props.setProperty('b', '2');
    } catch (error) {
      caught = error as Error;
    }
    expect(caught?.name).toBe('Exception');
    expect(caught?.message).toBe('boom');
    // The faulted call did not happen.
    expect(props.getProperty('b')).toBeNull();
  });

  it('a kill cannot be caught away: every later call rethrows it until the execution ends', () => {
    // "Exceeded maximum execution time" kills the run (ttsukagoshi/mail-merge-for-gmail#62).
    const { kernel, Utilities } = setup();
    kernel.injectFault({ atCall: 2, message: EXCEEDED_TIME, kill: true });
    Utilities.getUuid();
    expect(() => Utilities.getUuid()).toThrow(EXCEEDED_TIME);
    expect(kernel.killed).toBe(true);
    expect(() => Utilities.getUuid()).toThrow(EXCEEDED_TIME);
    expect(() => Utilities.sleep(1)).toThrow(EXCEEDED_TIME);
    kernel.endExecution();
    kernel.beginExecution();
    expect(() => Utilities.getUuid()).not.toThrow();
  });
});

describe('members the emulator lacks', () => {
  it('throw NotEmulatedError naming Class.member instead of returning undefined', () => {
    const { Utilities } = setup();
    const loose = Utilities as unknown as Record<string, () => unknown>;
    expect(() => loose.unzip()).toThrow(NotEmulatedError);
    expect(() => loose.parseCsv).toThrow('Utilities.parseCsv is not implemented in dev/emulator');
  });
});

describe('auth modes and scopes', () => {
  const CURRENT = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
  const SHEETS = 'https://www.googleapis.com/auth/spreadsheets';
  const SEND_MAIL = 'https://www.googleapis.com/auth/script.send_mail';

  // A manifest whose explicit oauthScopes lack the call's scope: "Exception: Specified permissions
  // are not sufficient to call ScriptApp.getProjectTriggers. Required permissions:
  // https://www.googleapis.com/auth/script.scriptapp" (GeorgeDoors888/GB-Power-Market-JJ,
  // FIX_APPS_SCRIPT_PERMISSIONS.md; fixed there by adding the scope to oauthScopes).
  it('requireScope: a manifest without the scope gets "Specified permissions are not sufficient"', () => {
    const { kernel } = setup();
    kernel.scopes = [CURRENT];
    expect(() => kernel.requireScope('MailApp.sendEmail', [SEND_MAIL])).toThrow(
      `Specified permissions are not sufficient to call MailApp.sendEmail. Required permissions: ${SEND_MAIL}`,
    );
    expect(() => kernel.requireScope('SpreadsheetApp.getActive', [CURRENT, SHEETS])).not.toThrow();
  });

  // A run whose authorization does not cover the call (simple trigger, AuthMode NONE/LIMITED):
  // "Exception: You do not have permission to call Ui.showSidebar. Required permissions:
  // https://www.googleapis.com/auth/script.container.ui" (oshliaer/google-apps-script-snippets#18,
  // from onOpen); ScriptApp.getProjectTriggers in onOpen
  // (boilermaker-ben/Google-Sheets-NFL-Pick-Ems-and-Survivor-Pool#16); SpreadsheetApp.openById in
  // onEdit (peterherrmann/BetterLog#29). Current runs append ". For more information, see
  // https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is" and list
  // alternatives as "(https://www.googleapis.com/auth/spreadsheets.currentonly ||
  // https://www.googleapis.com/auth/spreadsheets)" (execution logs quoted in public repositories, found
  // by code search, 2025).
  it('requireAuth: the observed "You do not have permission to call" text', () => {
    const { kernel } = setup();
    kernel.beginExecution('NONE');
    expect(() => kernel.requireAuth('SpreadsheetApp.openById', ['FULL'], [SHEETS])).toThrow(
      `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${SHEETS}. For more information, see ${AUTH_HELP}`,
    );
    expect(() =>
      kernel.requireAuth('SpreadsheetApp.getActiveSpreadsheet', ['FULL'], [CURRENT, SHEETS]),
    ).toThrow(
      `You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (${CURRENT} || ${SHEETS}).`,
    );
    expect(() => kernel.requireAuth('PropertiesService.getUserProperties', ['FULL'])).toThrow(
      /^You do not have permission to call PropertiesService\.getUserProperties\.$/,
    );
    kernel.beginExecution('FULL');
    expect(() => kernel.requireAuth('SpreadsheetApp.openById', ['FULL'], [SHEETS])).not.toThrow();
  });
});
