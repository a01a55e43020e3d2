// Pins the emulated Range values: Sheets types, USER_ENTERED writes, formulas vs text, dimension errors, extents, appendRow.
import { createEmulator, type Emulator } from '../../dev/emulator/index';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

let emu: Emulator;
let app: App;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;

beforeEach(() => {
  emu = createEmulator({ spreadsheetTimeZone: 'America/New_York' });
  app = emu.globals.SpreadsheetApp as App;
  sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
});

describe('getValues', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  // "The values may be of type Number, Boolean, Date, or String ... Empty cells are represented by an empty string"
  test('returns Number, Boolean, Date, String and "" for blanks', () => {
    const when = new Date('2026-03-14T16:00:00Z');
    emu.sheets.setSheet('Sheet1', [['Ana', 3, true, when]]);
    const values = sheet.getRange(1, 1, 2, 5).getValues();
    expect(values).toEqual([
      ['Ana', 3, true, when, ''],
      ['', '', '', '', ''],
    ]);
    expect(Object.prototype.toString.call(values[0][3])).toBe('[object Date]');
  });

  test('returns a copy: changing it (or its Dates) does not change the sheet', () => {
    emu.sheets.setSheet('Sheet1', [['Ana', new Date('2026-01-01T05:00:00Z')]]);
    const values = sheet.getRange('A1:B1').getValues();
    values[0][0] = 'Bo';
    (values[0][1] as Date).setTime(0);
    expect(emu.sheets.values('Sheet1')).toEqual([['Ana', new Date('2026-01-01T05:00:00Z')]]);
  });
});

describe('writing is USER_ENTERED', () => {
  // Reference §3.2 (range#setValue: "If it begins with '=' it is interpreted as a formula";
  // gas-fakes notes/oddities.md: setValues uses valueInputOption USER_ENTERED).
  test('strings that look like numbers, booleans and dates are converted', () => {
    sheet
      .getRange(1, 1, 1, 7)
      .setValues([['123', '-4.5', '1,200', 'TRUE', 'false', '2024-03-14', '3/15/2024']]);
    const [row] = sheet.getRange(1, 1, 1, 7).getValues();
    expect(row.slice(0, 5)).toEqual([123, -4.5, 1200, true, false]);
    // Midnight in the spreadsheet zone (New York, EDT from 10 March 2024).
    expect(row[5]).toEqual(new Date('2024-03-14T04:00:00Z'));
    expect(row[6]).toEqual(new Date('2024-03-15T04:00:00Z'));
    expect(sheet.getRange(1, 6, 1, 2).getDisplayValues()).toEqual([['2024-03-14', '3/15/2024']]);
    expect(sheet.getRange('C1').getDisplayValue()).toBe('1,200');
  });

  test('ordinary text, Date objects, numbers and null are stored as given', () => {
    const when = new Date('2026-11-25T15:00:00Z');
    sheet.getRange(1, 1, 1, 5).setValues([['Ana Lima', when, 7, null, undefined]]);
    expect(sheet.getRange(1, 1, 1, 5).getValues()).toEqual([['Ana Lima', when, 7, '', '']]);
  });

  test("a leading '=' makes a formula: getValues gives '' (not evaluated), getFormulas the text", () => {
    sheet.getRange('A1').setValue('=SUM(B1:B3)');
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(B1:B3)');
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(B1:B3)', '']]);
    // A formula cell is content for getLastRow.
    expect(sheet.getLastRow()).toBe(1);
  });

  // Reference §3.2: "prefix with an apostrophe ... getValues returns the text without it" and
  // "set the range's number format to plain text first, range.setNumberFormat('@')".
  test("an apostrophe keeps text (without the apostrophe); '@' cells keep the string exactly", () => {
    sheet.getRange('A1').setValue('\'=HYPERLINK("x")');
    sheet.getRange('B1').setNumberFormat('@').setValue('=1+1');
    sheet.getRange('C1').setNumberFormat('@').setValue('007');
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['=HYPERLINK("x")', '=1+1', '007']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '', '']]);
  });

  test('appendRow and setValue coerce the same way', () => {
    sheet.appendRow(['Ana', '42', '=A1', "'+1 555"]);
    sheet.getRange('E1').setValue('TRUE');
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['Ana', 42, '', '+1 555', true]]);
    expect(sheet.getRange('C1').getFormula()).toBe('=A1');
  });
});

describe('setValues dimensions', () => {
  // https://github.com/alpatania/sassafras/issues/8 (columns); rows analogue per reference §3.2.
  test('wrong number of rows', () => {
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });
  test('wrong number of columns, including a jagged row', () => {
    expect(() => sheet.getRange(1, 1, 1, 4).setValues([[1, 2, 3, 4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
      'The data has 1 but the range has 2.',
    );
  });
  test('errors are named Exception, as Apps Script renders them', () => {
    let caught: unknown;
    try {
      sheet.getRange(1, 1, 2, 2).setValues([[1, 2]]);
    } catch (e) {
      caught = e;
    }
    expect((caught as Error).name).toBe('Exception');
  });
});

describe('extents', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow() and reference §3.3.
  test('empty sheet: getLastRow/getLastColumn are 0 and getDataRange is A1', () => {
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  test('unchecked checkboxes (FALSE) count as content', () => {
    sheet.getRange('A1:B1').setValues([['Name', 'Done']]);
    sheet.getRange('C2:C5').insertCheckboxes();
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getRange('C2:C3').getValues()).toEqual([[false], [false]]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
  });

  test('clearContent empties cells so they stop counting', () => {
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.getRange('A3').clearContent();
    expect(sheet.getLastRow()).toBe(2);
  });

  // Reference §3.3: new sheet grid 1000 x 26; appendRow grows the grid.
  test('appendRow writes below the last row and grows the grid when full', () => {
    emu.sheets.setSheet('Sheet1', [['Header']]);
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.appendRow(['one']);
    sheet.appendRow(['two', 2, 3]);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getLastRow()).toBe(3);
    expect(emu.sheets.values('Sheet1')).toEqual([
      ['Header', '', ''],
      ['one', '', ''],
      ['two', 2, 3],
    ]);
    const wide = new Array(30).fill('x');
    sheet.appendRow(wide);
    expect(sheet.getMaxColumns()).toBe(30);
  });
});

describe('control.setSheet stores raw values', () => {
  test('no user-entered coercion: strings stay strings', () => {
    emu.sheets.setSheet('Clients', [['=A1', '123', 'TRUE']], { frozenRows: 1 });
    expect(emu.sheets.values('Clients')).toEqual([['=A1', '123', 'TRUE']]);
    expect(emu.sheets.formulas('Clients')).toEqual([['', '', '']]);
    expect(emu.sheets.frozenRows('Clients')).toBe(1);
    expect(emu.sheets.sheetNames()).toEqual(['Sheet1', 'Clients']);
  });
});

describe('number format of an untouched cell', () => {
  // [unverified] No Google page states it. Two public Apps Script projects (found by code search,
  // repositories not named by the index) treat '0.###############' as the sheet's automatic format
  // ("this.auto = '0.###############'"; "const DEFAULT_NUMBER_FORMAT = \"0.###############\"").
  test("is '0.###############', and a number in it displays as typed", () => {
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
    sheet.getRange('A1').setValue(2.5);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2.5');
  });
});
