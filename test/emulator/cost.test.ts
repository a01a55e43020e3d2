// Pins the cost model: each published figure, cells read and written per call, the flush of a read after a write, and the reset.
import { createEmulator, type Emulator } from '../../dev/emulator';
import { COST } from '../../dev/emulator/cost';

type G = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  GmailApp: GoogleAppsScript.Gmail.GmailApp;
};

function setup(
  rows = 1000,
  cols = 10,
): { emu: Emulator; g: G; sheet: GoogleAppsScript.Spreadsheet.Sheet } {
  const emu = createEmulator();
  const grid = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => `r${r}c${c}`),
  );
  emu.sheets.setSheet('Data', grid);
  const g = emu.globals as unknown as G;
  emu.kernel.beginExecution('FULL');
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!;
  emu.kernel.resetCounts();
  return { emu, g, sheet };
}

describe('published figures', () => {
  it('a cell read costs about 31 µs: 240,000 cells in 7.4 s (qiita.com/shi-suzuki)', () => {
    expect(COST.readCellMs * 240000).toBeCloseTo(7400, 6);
    expect(COST.readCellMs).toBeGreaterThan(0.03);
    expect(COST.readCellMs).toBeLessThan(0.032);
  });
  it('a cached spreadsheet call about 1.5 ms, getLastRow about 160 ms (bugbugnow.net)', () => {
    expect(COST.spreadsheetCallMs).toBeCloseTo(1.532, 3);
    expect(COST.sheetExtentMs).toBeCloseTo(160.4, 1);
  });
  it('a read after a write about 230 ms (gas.excelspeedup.com: 100 rounds in 24,123 ms)', () => {
    expect(COST.flushMs + 6 * COST.spreadsheetCallMs).toBeCloseTo(241.23, 2);
  });
  it('properties 30 / 62 ms, cache 20 / 93 ms, a send 1.2 s', () => {
    expect([COST.propertyReadMs, COST.propertyWriteMs]).toEqual([30, 62]);
    expect([COST.cacheReadMs, COST.cacheWriteMs]).toEqual([20, 93]);
    expect(COST.sendMs).toBe(1200);
  });
});

describe('the meter', () => {
  it('charges a batched read per cell, plus its calls', () => {
    const { emu, sheet } = setup();
    const values = sheet.getRange(1, 1, 1000, 10).getValues();
    expect(values).toHaveLength(1000);
    expect(emu.kernel.cellsRead).toBe(10000);
    expect(emu.kernel.cellsWritten).toBe(0);
    const expected = 2 * COST.spreadsheetCallMs + 10000 * COST.readCellMs;
    expect(emu.kernel.modelledMs).toBeCloseTo(expected, 6);
  });

  it('counts a column read as one cell a row, and a single getValue as one cell', () => {
    const { emu, sheet } = setup();
    sheet.getRange(2, 3, 500, 1).getValues();
    sheet.getRange(7, 2).getValue();
    expect(emu.kernel.cellsRead).toBe(501);
  });

  it('counts cells written by setValues, setValue on a box and appendRow', () => {
    const { emu, sheet } = setup();
    sheet.getRange(1, 1, 3, 4).setValues([
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ]);
    sheet.getRange(1, 1, 2, 2).setValue('x');
    sheet.appendRow(['a', 'b', 'c']);
    expect(emu.kernel.cellsWritten).toBe(12 + 4 + 3);
    expect(emu.kernel.cellsRead).toBe(0);
  });

  it('makes a read after a write pay the flush once; reading first and writing last does not', () => {
    const interleaved = setup();
    interleaved.sheet.getRange(1, 1).setValue('x');
    interleaved.sheet.getRange(1, 2).getValue();
    interleaved.sheet.getRange(1, 3).getValue();
    const batched = setup();
    batched.sheet.getRange(1, 2).getValue();
    batched.sheet.getRange(1, 3).getValue();
    batched.sheet.getRange(1, 1).setValue('x');
    const difference = interleaved.emu.kernel.modelledMs - batched.emu.kernel.modelledMs;
    expect(difference).toBeCloseTo(COST.flushMs, 6);
  });

  it('charges getLastRow as a server round trip', () => {
    const { emu, sheet } = setup();
    sheet.getLastRow();
    expect(emu.kernel.modelledMs).toBeCloseTo(COST.sheetExtentMs, 6);
  });

  it('charges property reads and writes and email sends their figures', () => {
    const { emu, g } = setup();
    const props = g.PropertiesService.getUserProperties();
    emu.kernel.resetCounts();
    props.setProperty('a', '1');
    props.getProperty('a');
    expect(emu.kernel.modelledMs).toBe(92);
    emu.kernel.resetCounts();
    g.GmailApp.sendEmail('ann@example.com', 'Hi', 'Hello');
    expect(emu.kernel.modelledMs).toBe(1200);
  });

  it('resets with the call counts', () => {
    const { emu, sheet } = setup();
    sheet.getRange(1, 1, 10, 10).getValues();
    sheet.getRange(1, 1).setValue(1);
    expect(emu.kernel.modelledMs).toBeGreaterThan(0);
    emu.kernel.resetCounts();
    expect([emu.kernel.modelledMs, emu.kernel.cellsRead, emu.kernel.cellsWritten]).toEqual([
      0, 0, 0,
    ]);
  });
});
