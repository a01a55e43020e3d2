// Pins how an imported CSV field is typed (dev/emulator/spreadsheet/importTyping.ts): each rule with its source.
import {
  importLocale,
  typeImportedField,
  typeImportedRows,
  type TypingOptions,
} from '../../dev/emulator/spreadsheet/importTyping';

const ZONE = 'America/New_York';
const us: TypingOptions = { locale: importLocale('en_US'), timeZone: ZONE, convert: true };
const gb: TypingOptions = {
  locale: importLocale('en_GB'),
  timeZone: 'Europe/London',
  convert: true,
};

describe('typing an imported field as Sheets does with "Convert text to numbers, dates, and formulas"', () => {
  // ValueInputOption USER_ENTERED: "parsed as if the user typed them into the UI"
  // (https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueInputOption).
  test('numbers, grouped numbers, percentages and booleans', () => {
    expect(typeImportedField('1200', us)).toEqual({ value: 1200 });
    expect(typeImportedField('-4.5', us)).toEqual({ value: -4.5 });
    expect(typeImportedField('1,200', us)).toEqual({ value: 1200, autoFormat: '#,##0' });
    expect(typeImportedField('12.5%', us)).toEqual({ value: 0.125, autoFormat: '0.00%' });
    expect(typeImportedField('true', us)).toEqual({ value: true });
    expect(typeImportedField('FALSE', us)).toEqual({ value: false });
  });

  test('currency: dollars in en_US, pounds in en_GB; the other symbol stays text', () => {
    expect(typeImportedField('$1,200.50', us)).toEqual({
      value: 1200.5,
      autoFormat: '"$"#,##0.00',
    });
    expect(typeImportedField('-$75', us)).toEqual({ value: -75, autoFormat: '"$"#,##0.00' });
    expect(typeImportedField('£1,200.50', gb)).toEqual({
      value: 1200.5,
      autoFormat: '"£"#,##0.00',
    });
    expect(typeImportedField('-£20', gb)).toEqual({ value: -20, autoFormat: '"£"#,##0.00' });
    expect(typeImportedField('£1,200', us)).toEqual({ value: '£1,200' });
    expect(typeImportedField('$1,200', gb)).toEqual({ value: '$1,200' });
  });

  // DATEVALUE: formats "can vary according to region and language settings"
  // (https://support.google.com/docs/answer/3093039); VALUE("7/20/1969") vs VALOR("20/07/1969")
  // (https://support.google.com/docs/answer/3094220).
  test('slash dates follow the locale: month first in en_US, day first in en_GB', () => {
    expect(typeImportedField('4/3/2024', us)).toEqual({
      value: new Date('2024-04-03T04:00:00Z'),
      autoFormat: 'm/d/yyyy',
    });
    expect(typeImportedField('4/3/2024', gb)).toEqual({
      value: new Date('2024-03-04T00:00:00Z'),
      autoFormat: 'dd/mm/yyyy',
    });
    expect(typeImportedField('13/3/2024', us)).toEqual({ value: '13/3/2024' });
    expect(typeImportedField('13/3/2024', gb).value).toEqual(new Date('2024-03-13T00:00:00Z'));
    expect(typeImportedField('3/13/2024', gb)).toEqual({ value: '3/13/2024' });
    expect(typeImportedField('31/4/2024', gb)).toEqual({ value: '31/4/2024' });
  });

  test('ISO dates are dates in every locale, midnight in the spreadsheet zone', () => {
    expect(typeImportedField('2024-03-04', gb)).toEqual({
      value: new Date('2024-03-04T00:00:00Z'),
      autoFormat: 'yyyy-mm-dd',
    });
    expect(typeImportedField('2024-07-04', us).value).toEqual(new Date('2024-07-04T04:00:00Z'));
  });

  test('a date with a time keeps the time and gets a date-time format', () => {
    expect(typeImportedField('14/3/2024 9:30', gb)).toEqual({
      value: new Date('2024-03-14T09:30:00Z'),
      autoFormat: 'dd/mm/yyyy h:mm:ss',
    });
  });

  // As typing "00123" does: the leading zeros go (USER_ENTERED rules, coerce.ts).
  test('leading zeros go when converting, and stay when the box is unchecked', () => {
    expect(typeImportedField('00123', us)).toEqual({ value: 123 });
    expect(typeImportedField('00123', { ...us, convert: false })).toEqual({ value: '00123' });
    expect(typeImportedField('1/2/2024', { ...us, convert: false })).toEqual({ value: '1/2/2024' });
  });

  // 15 significant digits: "will round any numbers that follow the 15th digit down to zero"
  // (Microsoft, "Keep leading zeros"; Sheets stores the same doubles).
  test('a long digit string keeps 15 significant digits', () => {
    expect(typeImportedField('4111111111111111', us)).toEqual({ value: 4111111111111110 });
    expect(typeImportedField('1234567890123456789', us).value).toBe(1.23456789012346e18);
    expect(typeImportedField('123456789012345', us)).toEqual({ value: 123456789012345 });
  });

  test('phone numbers with spaces or dashes, names and free text stay text as written', () => {
    for (const text of [
      '+44 20 7946 0958',
      '555-010-2301',
      '(555) 010-4420',
      ' Zoë Müller ',
      'n/a',
    ])
      expect(typeImportedField(text, us)).toEqual({ value: text });
  });

  test('a leading = is a formula, as the dialog name says', () => {
    expect(typeImportedField('=1+1', us)).toEqual({ value: '', formula: '=1+1' });
    expect(typeImportedField('=1+1', { ...us, convert: false })).toEqual({ value: '=1+1' });
  });

  test('whole rows keep their shape; formats and formulas line up with the values', () => {
    const table = typeImportedRows(
      [
        ['Name', 'Value'],
        ['', ''],
        ['Zoë', '$5'],
      ],
      us,
    );
    expect(table.values).toEqual([
      ['Name', 'Value'],
      ['', ''],
      ['Zoë', 5],
    ]);
    expect(table.formats).toEqual([
      ['', ''],
      ['', ''],
      ['', '"$"#,##0.00'],
    ]);
    expect(table.formulas).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
  });

  test('an unknown locale names the supported ones', () => {
    expect(() => importLocale('xx_YY')).toThrow(
      /Unknown locale "xx_YY": use one of en_US, en_CA, en_GB/,
    );
  });
});
