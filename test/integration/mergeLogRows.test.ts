// The lean Touches log (services/mergeLogRows.ts) answers as the whole log read at opening would, for every client asked about, whatever its cells hold.
import { createEmulator, installGlobals, type Emulator } from '../../dev/emulator';
import { readMergeLog } from '../../src/services/mergeTouches';
import { openLeanLog } from '../../src/services/mergeLogRows';
import { spreadsheetCivilDates } from '../../src/services/civilDates';
import type { LoggedTouch } from '../../src/core/merge/skipRules';
import { TOUCH_HEADERS } from '../../src/core/touchLog';

let emu: Emulator;
let uninstall: () => void;
afterEach(() => uninstall?.());

const HEADER = [...TOUCH_HEADERS];

/** A log with the cells people type: dates as text, IDs as numbers, steps with odd case and spaces, blanks. */
function messyLog(n: number, header: readonly string[] = HEADER): unknown[][] {
  const rows: unknown[][] = [[...header]];
  const steps = [
    'Reconnect apology',
    ' reconnect APOLOGY ',
    'Checking in',
    '',
    'Reconnect apology2',
  ];
  for (let i = 0; i < n; i++) {
    const id =
      i % 17 === 0 ? '' : i % 13 === 0 ? 4000 + (i % 7) : `C-${String(i % 41).padStart(5, '0')}`;
    rows.push([
      i % 5 === 0
        ? `2022-03-${String(1 + (i % 28)).padStart(2, '0')}`
        : new Date(Date.UTC(2021, 0, 1 + i, 12)),
      i % 11 === 0 ? `  ${id}  ` : id,
      `Client ${i}`,
      i % 3 === 0 ? 'email' : i % 3 === 1 ? 'call' : ' Letter ',
      i % 4 === 0 ? 'replied' : i % 4 === 1 ? ' Replied' : 'sent',
      '',
      steps[i % steps.length],
      'me@example.com',
      i % 9 === 0 ? '' : `T-${i}`,
    ]);
  }
  return rows;
}

function open(rows: unknown[][]): void {
  emu = createEmulator({ now: '2026-11-25T15:00:00Z' });
  emu.sheets.setSheet('Touches', rows, { frozenRows: 1 });
  uninstall = installGlobals(emu);
}

/** Compares the lean log's answers with the whole log's; returns how many touches of `ids` there are. */
function compare(ids: string[], templates: string[]): number {
  return emu.run(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const dates = spreadsheetCivilDates(ss);
    const whole = readMergeLog(ss, dates);
    const lean = openLeanLog(ss, dates);
    expect(lean.mark.lastRow).toBe(whole.mark.lastRow);
    expect([...lean.mark.ids].sort()).toEqual([...whole.mark.ids].sort());
    const wanted = new Set(ids);
    expect(lean.of(ids)).toEqual(whole.touches.filter((t) => wanted.has(t.clientId)));
    for (const template of templates) {
      const key = template.trim().toLowerCase();
      expect(lean.withStep(template)).toEqual(
        whole.touches.filter((t) => t.step.trim().toLowerCase() === key),
      );
    }
    // Asked again after more rows were read: the same answers (rows are read once).
    expect(lean.of(ids.slice(0, 2))).toEqual(
      whole.touches.filter((t) => ids.slice(0, 2).includes(t.clientId)),
    );
    // A touch this operation appended: seen by every answer, and the rows appended are not read.
    const added: LoggedTouch = {
      clientId: ids[0],
      date: '2026-11-25',
      channel: 'email',
      step: 'Reconnect apology',
    };
    ss.getSheetByName('Touches')?.appendRow(['2026-11-25', ids[0], '', 'email', 'sent']);
    lean.add(added);
    expect(lean.of([ids[0]])).toEqual([
      ...whole.touches.filter((t) => t.clientId === ids[0]),
      added,
    ]);
    expect(lean.all()).toEqual([...whole.touches, added]);
    return whole.touches.filter((t) => wanted.has(t.clientId)).length;
  });
}

describe('the lean log against the whole log', () => {
  const ids = ['C-00001', 'C-00003', '4003', 'C-00040', 'C-00099'];
  const templates = ['Reconnect apology', 'checking in ', 'Nothing like it'];

  test('a messy log in the add-on layout', () => {
    open(messyLog(700));
    expect(compare(ids, templates)).toBeGreaterThan(40);
  });

  test('columns in another order, under other names the log recognises', () => {
    const rows = messyLog(300).map((r) => [r[6], r[8], r[4], r[0], r[3], r[1]]);
    rows[0] = ['Step', 'Touch ID', 'Outcome', 'Date', 'Channel', 'Client ID'];
    open(rows);
    compare(ids, templates);
  });

  test('a log with the header only, and a log with no Client ID column', () => {
    open([HEADER]);
    compare(ids, templates);
    uninstall();
    open(messyLog(50).map((r) => r.filter((_, i) => i !== 1)));
    compare(ids, templates);
  });
});

describe('many rows of one template', () => {
  test('read in one pass, not one call per row: never more than the whole log read', () => {
    const rows = messyLog(3000);
    open(rows);
    emu.run(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const dates = spreadsheetCivilDates(ss);
      const whole = readMergeLog(ss, dates);
      emu.kernel.resetCounts();
      const lean = openLeanLog(ss, dates);
      const found = lean.withStep('Reconnect apology');
      expect(found).toEqual(
        whole.touches.filter((t) => t.step.trim().toLowerCase() === 'reconnect apology'),
      );
      expect(found.length).toBeGreaterThan(1000);
      // Read run by run: about 600 reads here. The old full read: 4 reads and 15,000 cells.
      expect(emu.kernel.snapshot()['Range.getValues']).toBeLessThanOrEqual(6);
      expect(emu.kernel.cost.cellsRead).toBeLessThanOrEqual(3000 * 6 + 100);
    });
  });
});
