// Pins the emulated Sheet grid: getRange overloads and their errors, sheets by name, row/column insertion and deletion, sort, widths, hiding, frozen rows.
import { createEmulator, type Emulator } from '../../dev/emulator/index';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

let emu: Emulator;
let app: App;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;

beforeEach(() => {
  emu = createEmulator();
  app = emu.globals.SpreadsheetApp as App;
  sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
});

describe('getRange overloads', () => {
  test('(a1), (row, col), (row, col, numRows), (row, col, numRows, numCols)', () => {
    expect(sheet.getRange('B2:C4').getA1Notation()).toBe('B2:C4');
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    const r = sheet.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 3, 4, 5]);
    expect([r.getLastRow(), r.getLastColumn()]).toEqual([5, 7]);
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
    expect(r.offset(1, 1, 1, 1).getA1Notation()).toBe('D3');
    expect(r.getSheet().getName()).toBe('Sheet1');
  });

  // https://github.com/davepar/gcalendarsync/issues/55 (column), analogous row text (reference §3.2);
  // https://github.com/Elijas/auto-youtube-subscription-playlist-2/issues/99 (rows at least 1);
  // https://github.com/diegomanuel/binance-to-google-sheets/issues/19 (outside the dimensions).
  test.each([
    [[0, 1], 'The starting row of the range is too small.'],
    [[1, 0], 'The starting column of the range is too small.'],
    [[1, 1, 0, 1], 'The number of rows in the range must be at least 1.'],
    [[1, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
    [[1000, 1, 2, 1], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[1, 27], 'The coordinates of the range are outside the dimensions of the sheet.'],
  ])('getRange(%j) throws %s', (args, message) => {
    const getRange = sheet.getRange as (...a: number[]) => unknown;
    expect(() => getRange.apply(sheet, args as number[])).toThrow(message);
  });

  test('an empty header-only sheet: getRange(2, 1, getLastRow() - 1, n) is the documented pitfall', () => {
    // Reference §7 item 7.
    emu.sheets.setSheet('Sheet1', [['Name']]);
    expect(() => sheet.getRange(2, 1, sheet.getLastRow() - 1, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
  });

  // "Range not found (line 373, file "Code")" (jamietr1/google-docs-writing-tracker#18, from a range
  // lookup by name; the bad-A1 case itself is [unverified]). The type list is rendered as observed in
  // "The parameters (number,number,number,null) don't match ... Sheet.getRange" (public project notes
  // found by code search); how an undefined argument is rendered is [unverified].
  test('bad A1 notation and bad argument types', () => {
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => (sheet.getRange as (...a: unknown[]) => unknown)(1, undefined)).toThrow(
      "The parameters (number,undefined) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  test("Spreadsheet.getRange('Sheet!A1') finds the sheet by name", () => {
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet('My clients');
    expect(ss.getRange("'My clients'!A1:B2").getSheet().getName()).toBe('My clients');
  });
});

describe('sheets', () => {
  test('insertSheet, getSheetByName (null when absent), indexes, deleteSheet', () => {
    const ss = app.getActiveSpreadsheet();
    expect(ss.getSheetByName('Touches')).toBeNull();
    const touches = ss.insertSheet('Touches');
    const first = ss.insertSheet('Settings', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Settings', 'Sheet1', 'Touches']);
    expect([first.getIndex(), touches.getIndex()]).toEqual([1, 3]);
    expect([touches.getMaxRows(), touches.getMaxColumns()]).toEqual([1000, 26]);
    expect(ss.getSheetByName('Touches')!.getSheetId()).toBe(touches.getSheetId());
    ss.deleteSheet(first);
    expect(emu.sheets.sheetNames()).toEqual(['Sheet1', 'Touches']);
  });

  // "Invalid requests[0].deleteSheet: You can't remove all the sheets in a document."
  // (googleapis/google-api-php-client#1293, the Sheets backend); Apps Script scripts guard against
  // "Exception: You can't remove all the sheets in a document." (public code found by code search).
  test('deleting the last sheet throws', () => {
    const ss = app.getActiveSpreadsheet();
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
    expect(emu.sheets.sheetNames()).toEqual(['Sheet1']);
  });

  // The Sheets backend's text, quoted from a Sheets API error by public code: 'Invalid
  // requests[0].addSheet: A sheet with the name "X" already exists. Please enter another name.'
  // That insertSheet shows the same sentence is [unverified].
  test('a duplicate name throws', () => {
    expect(() => app.getActiveSpreadsheet().insertSheet('Sheet1')).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
  });

  // Text in execution logs users quote for a wrong or inaccessible id, e.g. "Error opening
  // spreadsheet: { [Exception: Unexpected error while getting the method or property openById on
  // object SpreadsheetApp.] name: 'Exception' }" (public repositories found by code search; no issue
  // thread found).
  test('openById: known id opens it, unknown id throws', () => {
    emu.sheets.create('Other book', { id: 'other-1' });
    expect(app.openById('other-1').getName()).toBe('Other book');
    expect(app.openById('spreadsheet-1').getName()).toBe('Reconnect demo');
    expect(() => app.openById('missing')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  test('spreadsheet identity and time zone', () => {
    const ss = app.getActive();
    expect([ss.getId(), ss.getName(), ss.getSpreadsheetTimeZone()]).toEqual([
      'spreadsheet-1',
      'Reconnect demo',
      'America/New_York',
    ]);
    expect(ss.getUrl()).toContain('spreadsheet-1');
    ss.setSpreadsheetTimeZone('Europe/Paris');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
  });
});

describe('rows and columns', () => {
  beforeEach(() => {
    emu.sheets.setSheet('Sheet1', [
      ['Name', 'Email', 'Last touch'],
      ['Ana', 'ana@x.com', 3],
      ['Bo', 'bo@x.com', 1],
    ]);
    sheet.getRange('C2:C3').setNumberFormat('0.00');
  });

  test('insertColumnAfter shifts values and formats right', () => {
    sheet.insertColumnAfter(1);
    expect(emu.sheets.values('Sheet1')).toEqual([
      ['Name', '', 'Email', 'Last touch'],
      ['Ana', '', 'ana@x.com', 3],
      ['Bo', '', 'bo@x.com', 1],
    ]);
    expect(sheet.getRange('D2').getNumberFormat()).toBe('0.00');
    expect(sheet.getRange('D2').getDisplayValue()).toBe('3.00');
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.insertColumnBefore(1);
    sheet.insertColumnsAfter(5, 2);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['', 'Name', '', 'Email', 'Last touch']]);
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1').getValue()).toBe('Name');
  });

  test('row insertion and deletion move rows with their formats', () => {
    sheet.insertRowBefore(2);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getLastRow()).toBe(6);
    sheet.deleteRows(2, 3);
    sheet.insertRowAfter(3);
    expect(emu.sheets.values('Sheet1')).toEqual([
      ['Name', 'Email', 'Last touch'],
      ['Ana', 'ana@x.com', 3],
      ['Bo', 'bo@x.com', 1],
    ]);
    sheet.deleteRow(2);
    expect(sheet.getRange('C2').getDisplayValue()).toBe('1.00');
    // "Execution failed: Those columns are out of bounds." (mogsdad/SheetConverter#20, a column past
    // the grid); the rows text is its analogue.
    expect(() => sheet.deleteRows(0, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.getColumnWidth(27)).toThrow('Those columns are out of bounds.');
  });

  // "Sorry, it is not possible to delete all non-frozen rows. (line 26, file "Archive_Log")"
  // (amindeed/Gmail-AutoResponder raw_notes.md); same rule in the Sheets UI and API
  // (theoephraim/node-google-spreadsheet#186: "you must keep a non-frozen row").
  test('deleting every non-frozen row throws', () => {
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    sheet.deleteRows(2, 998);
    expect(sheet.getMaxRows()).toBe(2);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#sort(Integer,Boolean)
  test('sort keeps each row together and leaves the frozen header', () => {
    sheet.setFrozenRows(1);
    sheet.getRange('A3').setNote('VIP');
    sheet.sort(3);
    expect(emu.sheets.values('Sheet1')).toEqual([
      ['Name', 'Email', 'Last touch'],
      ['Bo', 'bo@x.com', 1],
      ['Ana', 'ana@x.com', 3],
    ]);
    expect(sheet.getRange('A2').getNote()).toBe('VIP');
    emu.sheets.sortSheet('Sheet1', 1, false);
    expect(sheet.getRange('A2:A3').getValues()).toEqual([['Bo'], ['Ana']]);
    expect(sheet.getFrozenRows()).toBe(1);
  });

  test('Range.sort sorts only the range, blanks last', () => {
    sheet.getRange('A4').setValue('');
    sheet.getRange('A2:B4').sort({ column: 1, ascending: false });
    expect(sheet.getRange('A2:C4').getValues()).toEqual([
      ['Bo', 'bo@x.com', 3],
      ['Ana', 'ana@x.com', 1],
      ['', '', ''],
    ]);
  });

  test('widths and hidden columns', () => {
    expect(sheet.getColumnWidth(2)).toBe(100);
    sheet.setColumnWidth(2, 240);
    sheet.setColumnWidths(3, 2, 80);
    sheet.hideColumns(4, 2);
    expect([sheet.getColumnWidth(2), sheet.getColumnWidth(4)]).toEqual([240, 80]);
    expect([sheet.isColumnHiddenByUser(4), sheet.isColumnHiddenByUser(3)]).toEqual([true, false]);
    sheet.insertColumnBefore(1);
    expect(emu.sheets.hiddenColumns('Sheet1')).toEqual([5, 6]);
    expect(emu.sheets.columnWidth('Sheet1', 3)).toBe(240);
    sheet.showColumns(5);
    expect(sheet.isColumnHiddenByUser(5)).toBe(false);
    sheet.autoResizeColumns(1, 3);
  });
});
