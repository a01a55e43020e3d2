// Pins the emulated SpreadsheetApp as a service: call counting, unimplemented members, auth modes, display formats across DST, validations, conditional formats, selection, toasts.
import { createEmulator, NotEmulatedError, type Emulator } from '../../dev/emulator/index';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

let emu: Emulator;
let app: App;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;

beforeEach(() => {
  emu = createEmulator({ spreadsheetTimeZone: 'America/New_York' });
  app = emu.globals.SpreadsheetApp as App;
  sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
  emu.kernel.resetCounts();
});

describe('the kernel sees every call', () => {
  test('one getValues counts Range.getValues once; control calls are not counted', () => {
    emu.sheets.setSheet('Sheet1', [['a', 1]]);
    sheet.getDataRange().getValues();
    emu.sheets.values('Sheet1');
    expect(emu.kernel.count('Range.getValues')).toBe(1);
    expect(emu.kernel.count('Sheet.getDataRange')).toBe(1);
    expect(emu.kernel.count('SpreadsheetApp')).toBe(2);
  });

  test('an unimplemented member throws NotEmulatedError naming it', () => {
    const range = sheet.getRange('A1');
    expect(() => range.getRichTextValues()).toThrow(NotEmulatedError);
    expect(() => range.getRichTextValues()).toThrow('Range.getRichTextValues');
    expect(() => app.getActive().getRangeByName('x')).toThrow('Spreadsheet.getRangeByName');
  });

  test('an injected fault fires on the chosen method', () => {
    emu.kernel.injectFault({ method: 'Range.setValues', message: 'Service Spreadsheets failed' });
    expect(() => sheet.getRange('A1').setValues([[1]])).toThrow('Service Spreadsheets failed');
    expect(sheet.getRange('A1').getValue()).toBe('');
  });
});

describe('auth modes', () => {
  // https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle (reference §5.2):
  // AuthMode.NONE has no document access; menus (getUi) are allowed.
  test('document access is refused in AuthMode.NONE, getUi is not', () => {
    emu.run(() => {
      // Observed wording and scope list: see test/emulator/kernel.test.ts (requireAuth).
      expect(() => app.getActiveSpreadsheet()).toThrow(
        'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets).',
      );
      expect(() => app.getActiveSheet()).toThrow('permission');
      // peterherrmann/BetterLog#29: "You do not have permission to call SpreadsheetApp.openById.
      // Required permissions: https://www.googleapis.com/auth/spreadsheets".
      expect(() => app.openById('spreadsheet-1')).toThrow(
        'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets.',
      );
      expect(app.getUi()).toBeDefined();
    }, 'NONE');
    expect(emu.run(() => app.getActive().getName(), 'LIMITED')).toBe('Reconnect demo');
  });
});

describe('display values', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues() and
  // reference §3.4: dates are shown in the spreadsheet time zone.
  test('number formats', () => {
    sheet
      .getRange('A1:H1')
      .setValues([[1234.5, 1234.5, 1234.5, 1234.5, 1234.5, 0.256, 42, 'text']]);
    sheet
      .getRange('A1:H1')
      .setNumberFormats([['0', '#,##0', '#,##0.00', '$#,##0.00', '"$"#,##0', '0.0%', '@', '@']]);
    expect(sheet.getRange('A1:H1').getDisplayValues()).toEqual([
      ['1235', '1,235', '1,234.50', '$1,234.50', '$1,235', '25.6%', '42', 'text'],
    ]);
    sheet.getRange('A2:C2').setValues([[-5, 3.25, true]]);
    sheet.getRange('A2').setNumberFormat('$#,##0.00');
    expect(sheet.getRange('A2:C2').getDisplayValues()).toEqual([['-$5.00', '3.25', 'TRUE']]);
  });

  test('date formats in a non-UTC zone, across the DST change', () => {
    // 2026-03-08 is the US spring-forward day: 04:30Z is 23:30 EST on 7 March; 12:00Z is 08:00 EDT.
    const before = new Date('2026-03-08T04:30:00Z');
    const after = new Date('2026-03-08T12:00:00Z');
    emu.sheets.setSheet('Sheet1', [[before, after, before, after]]);
    sheet
      .getRange('A1:D1')
      .setNumberFormats([['yyyy-mm-dd', 'yyyy-mm-dd', 'mmm d, yyyy h:mm AM/PM', 'm/d/yyyy hh:mm']]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([
      ['2026-03-07', '2026-03-08', 'Mar 7, 2026 11:30 PM', '3/8/2026 08:00'],
    ]);
    emu.sheets.setTimeZone('Asia/Tokyo');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-03-08');
  });

  test('typed dates are midnight in the spreadsheet zone on both sides of DST', () => {
    sheet.getRange('A1:B1').setValues([['2026-03-07', '2026-03-09']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([
      [new Date('2026-03-07T05:00:00Z'), new Date('2026-03-09T04:00:00Z')],
    ]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('yyyy-mm-dd');
  });
});

describe('data validation', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
  test('list, checkbox and date rules are stored and readable', () => {
    const list = app
      .newDataValidation()
      .requireValueInList(['Hot', 'Warm'], true)
      .setAllowInvalid(false)
      .setHelpText('Pick one')
      .build();
    sheet.getRange('A2:A3').setDataValidation(list);
    const read = sheet.getRange('A3').getDataValidation()!;
    expect(read.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(read.getCriteriaValues()).toEqual([['Hot', 'Warm'], true]);
    expect([read.getAllowInvalid(), read.getHelpText()]).toEqual([false, 'Pick one']);
    const copy = read.copy().requireDate().build();
    expect(copy.getCriteriaType()).toBe(app.DataValidationCriteria.DATE_IS_VALID_DATE);
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
    sheet.getRange('A2:A3').clearDataValidations();
    expect(sheet.getRange('A2:A3').getDataValidations()).toEqual([[null], [null]]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#insertCheckboxes()
  test('insertCheckboxes sets FALSE and a checkbox rule; check and uncheck flip them', () => {
    const boxes = sheet.getRange('B1:B2').insertCheckboxes();
    expect(sheet.getRange('B1').getDataValidation()!.getCriteriaType()).toBe(
      app.DataValidationCriteria.CHECKBOX,
    );
    expect(boxes.isChecked()).toBe(false);
    sheet.getRange('B1').check();
    expect(boxes.getValues()).toEqual([[true], [false]]);
    expect(boxes.isChecked()).toBeNull();
    boxes.uncheck();
    expect(boxes.getDisplayValues()).toEqual([['FALSE'], ['FALSE']]);
  });
});

describe('conditional format rules', () => {
  test('built rules are stored per sheet and readable', () => {
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2>30')
      .setBackground('#fce8e6')
      .setFontColor('#a50e0e')
      .setRanges([sheet.getRange('A2:F')])
      .build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
    const [read] = sheet.getConditionalFormatRules();
    expect(read.getBooleanCondition()!.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    expect(read.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$C2>30']);
    expect(read.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:F1000']);
    expect(emu.sheets.conditionalRules('Sheet1')[0].background).toBe('#fce8e6');
  });
});

describe('selection and toasts', () => {
  test('what the script selects is what the control reports', () => {
    const ss = app.getActive();
    const other = ss.insertSheet('Touches');
    other.getRange('A5:C5').activate();
    expect(emu.sheets.selection()).toMatchObject({
      sheet: 'Touches',
      a1: 'A5:C5',
      row: 5,
      numRows: 1,
    });
    ss.setActiveSheet(sheet);
    sheet.setActiveSelection('B2');
    expect(emu.sheets.selection()!.a1).toBe('B2');
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
  });

  test('what the user selects is what the script reads', () => {
    emu.sheets.setSelection('Sheet1', 3, 1, 4, 2);
    expect(app.getActiveRange().getA1Notation()).toBe('A3:B6');
    expect(app.getSelection().getActiveRange()!.getA1Notation()).toBe('A3:B6');
    expect(
      app
        .getActiveRangeList()
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A3:B6']);
    expect(app.getActiveSheet().getName()).toBe('Sheet1');
  });

  test('toasts are recorded', () => {
    app.getActive().toast('12 clients imported', 'Reconnect', 5);
    expect(emu.sheets.toasts).toEqual([
      { message: '12 clients imported', title: 'Reconnect', timeoutSeconds: 5 },
    ]);
  });

  test('notes and formatting calls exist and record', () => {
    sheet
      .getRange('A1:B1')
      .setFontWeight('bold')
      .setBackground('#eeeeee')
      .setWrap(true)
      .setHorizontalAlignment('center')
      .setFontStyle('italic')
      .setFontColor('#333333');
    sheet.getRange('A1').setNote('Header');
    expect(emu.sheets.cell('Sheet1', 'A1')).toMatchObject({
      note: 'Header',
      style: { fontWeight: 'bold', background: '#eeeeee' },
    });
    expect(sheet.getRange('A1').getNote()).toBe('Header');
    app.flush();
  });
});
