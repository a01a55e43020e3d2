// Pins what a time-driven run may and may not do: scopes for ScriptApp and openById, no Ui, the document context present or absent, inTimezone, concurrent executions.
import { createEmulator, installGlobals, type Emulator } from '../../dev/emulator';
import { GET_UI_CONTEXT } from '../../dev/emulator/spreadsheet';

const SCRIPTAPP = 'https://www.googleapis.com/auth/script.scriptapp';
const SHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const CURRENT = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

let emu: Emulator;
let uninstall: () => void;
afterEach(() => uninstall?.());

function setup(scopes: string[] | null = null): void {
  emu = createEmulator({ scopes });
  uninstall = installGlobals(emu);
}

describe('scopes a scheduled run needs', () => {
  // "Required permissions: https://www.googleapis.com/auth/script.scriptapp" when the manifest's
  // oauthScopes lack it (reference/apps-script-runtime.md 5.3; ScriptApp reference, Authorization).
  it('ScriptApp trigger calls are refused when the manifest lacks script.scriptapp', () => {
    setup([CURRENT]);
    emu.run(() => {
      expect(() => ScriptApp.getProjectTriggers()).toThrow(
        /Required permissions: .*script\.scriptapp/,
      );
      expect(() => ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(9).create()).toThrow(
        /script\.scriptapp/,
      );
    });
    expect(emu.triggers.triggers).toHaveLength(0);
  });

  it('ScriptApp works once the manifest declares script.scriptapp', () => {
    setup([CURRENT, SCRIPTAPP]);
    emu.run(() => {
      ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(9).create();
      expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    });
  });

  // openById needs the full spreadsheets scope: currentonly covers only the active document
  // (editor-scopes page; peterherrmann/BetterLog#29 reports the refusal).
  it('SpreadsheetApp.openById needs spreadsheets, not spreadsheets.currentonly', () => {
    setup([CURRENT]);
    const id = emu.sheets.active().getId();
    emu.run(() => {
      expect(() => SpreadsheetApp.openById(id)).toThrow(
        /Required permissions: .*auth\/spreadsheets$/,
      );
    });
    uninstall();
    setup([SHEETS]);
    emu.run(() => expect(SpreadsheetApp.openById(id).getId()).toBe(id));
  });
});

describe('a time-driven run', () => {
  const seen: Record<string, unknown>[] = [];
  function probe(): void {
    const record: Record<string, unknown> = {};
    try {
      SpreadsheetApp.getUi();
      record.ui = 'ok';
    } catch (error) {
      record.ui = (error as Error).message;
    }
    record.lock = LockService.getDocumentLock() === null ? null : 'lock';
    record.props = PropertiesService.getDocumentProperties() === null ? null : 'props';
    record.active = SpreadsheetApp.getActiveSpreadsheet() === null ? null : 'active';
    record.user = PropertiesService.getUserProperties() === null ? null : 'user';
    seen.push(record);
  }
  beforeEach(() => {
    seen.length = 0;
    setup();
    (emu.globals as Record<string, unknown>).probe = probe;
    emu.run(() => ScriptApp.newTrigger('probe').timeBased().everyDays(1).atHour(9).create());
  });

  // "Cannot call SpreadsheetApp.getUi() from this context." (LesterCovax/crypto-sheets#50).
  it('has no Ui: getUi throws, as it does not in a sidebar call', () => {
    emu.triggers.fire('probe');
    expect(seen[0].ui).toBe(GET_UI_CONTEXT);
    emu.run(probe);
    expect(seen[1].ui).toBe('ok');
  });

  // Document lock and properties are null outside a document's context (their reference pages); whether
  // an add-on's timed run has one is not documented, so the emulator runs it both ways.
  it('with the document context: document lock, properties and the active spreadsheet are there', () => {
    emu.triggers.triggerHasDocument = true;
    emu.triggers.fire('probe');
    expect(seen[0]).toMatchObject({ lock: 'lock', props: 'props', active: 'active', user: 'user' });
  });

  it('without it: document lock and properties are null, and there is no active spreadsheet', () => {
    emu.triggers.triggerHasDocument = false;
    emu.triggers.fire('probe');
    expect(seen[0]).toMatchObject({ lock: null, props: null, active: null, user: 'user' });
    // The next sidebar call is back in the document.
    emu.run(probe);
    expect(seen[1]).toMatchObject({ lock: 'lock', props: 'props', active: 'active' });
  });

  it('runUntil fires the daily trigger in the zone given by inTimezone, across a DST change', () => {
    emu.triggers.clear();
    emu.clock.set('2026-10-30T12:00:00Z');
    emu.run(() =>
      ScriptApp.newTrigger('probe')
        .timeBased()
        .everyDays(1)
        .atHour(9)
        .inTimezone('America/Chicago')
        .create(),
    );
    // Daylight saving ends in Chicago on Sunday 1 November 2026: 9 h local is 14:xx UTC on 30 and 31 October, 15:xx from 1 November.
    const ran = emu.triggers.runUntil(Date.parse('2026-11-03T23:00:00Z'));
    expect(ran.map((r) => r.at.getUTCHours())).toEqual([14, 14, 15, 15, 15]);
    expect(seen).toHaveLength(5);
  });

  it('a spreadsheet the user lost fails to open by ID', () => {
    const other = emu.sheets.create('Other');
    const id = other.getId();
    emu.sheets.remove(id);
    emu.run(() => expect(() => SpreadsheetApp.openById(id)).toThrow(/openById/));
  });
});

describe('two executions at once (Emulator.concurrently / interleave)', () => {
  it('the inner execution sees the outer one holding the document lock, and the outer keeps it', () => {
    setup();
    let inner: boolean | null = null;
    emu.run(() => {
      const lock = LockService.getDocumentLock()!;
      expect(lock.tryLock(1000)).toBe(true);
      emu.interleave({ method: 'Spreadsheet.getName' }, () => {
        emu.run(() => {
          inner = LockService.getDocumentLock()!.tryLock(100);
        });
      });
      SpreadsheetApp.getActiveSpreadsheet()!.getName();
      expect(lock.hasLock()).toBe(true);
    });
    expect(inner).toBe(false);
  });
});
