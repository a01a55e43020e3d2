// Loading a client export (CSV, .xlsx) into the emulated spreadsheet as Sheets would, saving every sheet back to .xlsx, and the errors a bad file gives.
import ExcelJS from 'exceljs';
import { createEmulator, type Emulator } from '../../dev/emulator';
import { readWorkbookBytes, type ImportOptions } from '../../dev/preview/importFile';
import { putWorkbook } from '../../dev/preview/openFile';
import { workbookBytes } from '../../dev/preview/exportFile';

const ZONE = 'America/New_York';
const US: ImportOptions = { timeZone: ZONE };
const GB: ImportOptions = { timeZone: ZONE, locale: 'en_GB' };

const CSV = [
  '\uFEFF  Name ,Company, Email ,Last Contact,Value,Client ID,Do Not Contact,Score,Notes',
  'Zoë Müller,Müller GmbH,zoe@mueller.example,4/3/2024,"$1,200.50",00123,FALSE,12%,"Met at the fair, wants a quote"',
  '',
  'José Núñez,Núñez & Hijos,jose@nunez.example,2023-11-02,$95,4111111111111111,TRUE,,"Said ""call me in spring"""',
  '李娜,Li Trading,li@litrading.example,13/12/2022,n/a,C-7,no,=1+1,"two',
  'lines"',
  '',
].join('\r\n');

function loaded(book: Awaited<ReturnType<typeof readWorkbookBytes>>, locale = 'en_US'): Emulator {
  const emu = createEmulator({ spreadsheetTimeZone: ZONE });
  putWorkbook(emu, book, locale);
  return emu;
}

function cells(emu: Emulator, sheet: string) {
  return {
    values: emu.sheets.values(sheet),
    formats: emu.sheets.numberFormats(sheet),
    formulas: emu.sheets.formulas(sheet),
  };
}

describe('a CSV export', () => {
  test('en_US: each cell typed as Sheets types it (header spaces, blank row, non-ASCII kept)', async () => {
    const book = await readWorkbookBytes('clients.csv', Buffer.from(CSV, 'utf8'), US);
    expect(book.clientSheet).toBe('clients');
    const emu = loaded(book);
    expect(emu.sheets.sheetNames()).toEqual(['clients']);
    const { values, formats, formulas } = cells(emu, 'clients');
    expect(values[0]).toEqual([
      '  Name ',
      'Company',
      ' Email ',
      'Last Contact',
      'Value',
      'Client ID',
      'Do Not Contact',
      'Score',
      'Notes',
    ]);
    expect(values[1]).toEqual([
      'Zoë Müller',
      'Müller GmbH',
      'zoe@mueller.example',
      new Date('2024-04-03T04:00:00Z'),
      1200.5,
      123,
      false,
      0.12,
      'Met at the fair, wants a quote',
    ]);
    expect(values[2]).toEqual(['', '', '', '', '', '', '', '', '']);
    expect(values[3]).toEqual([
      'José Núñez',
      'Núñez & Hijos',
      'jose@nunez.example',
      new Date('2023-11-02T04:00:00Z'),
      95,
      4111111111111110,
      true,
      '',
      'Said "call me in spring"',
    ]);
    expect(values[4]).toEqual([
      '李娜',
      'Li Trading',
      'li@litrading.example',
      '13/12/2022',
      'n/a',
      'C-7',
      'no',
      '',
      'two\nlines',
    ]);
    expect(formats[1].slice(3, 8)).toEqual([
      'm/d/yyyy',
      '"$"#,##0.00',
      '0.###############',
      '0.###############',
      '0%',
    ]);
    expect(formats[3][3]).toBe('yyyy-mm-dd');
    expect(formulas[4][7]).toBe('=1+1');
    expect(emu.sheets.displayValues('clients')[1].slice(3, 5)).toEqual(['4/3/2024', '$1,200.50']);
    expect(values).toHaveLength(5);
  });

  test('en_GB: day-first dates, so 4/3/2024 is 4 March and 13/12/2022 a date', async () => {
    const emu = loaded(
      await readWorkbookBytes('clients.csv', Buffer.from(CSV, 'utf8'), GB),
      'en_GB',
    );
    const values = emu.sheets.values('clients');
    expect(values[1][3]).toEqual(new Date('2024-03-04T05:00:00Z'));
    expect(values[4][3]).toEqual(new Date('2022-12-13T05:00:00Z'));
    // A dollar amount is not a number in a pound locale.
    expect(values[1][4]).toBe('$1,200.50');
    expect(emu.sheets.displayValues('clients')[1][3]).toBe('04/03/2024');
  });

  test('--keep-text: every field stays as written, leading zeros included', async () => {
    const book = await readWorkbookBytes('c.csv', Buffer.from(CSV, 'utf8'), {
      ...US,
      convert: false,
    });
    const values = loaded(book).sheets.values('c');
    expect(values[1].slice(3, 7)).toEqual(['4/3/2024', '$1,200.50', '00123', 'FALSE']);
  });

  test('semicolon-separated, Windows-1252 and UTF-16 tab-separated files (as Excel saves them) load', async () => {
    const latin1 = Buffer.from('Name;Value\nRenée;5\n', 'latin1');
    const book = await readWorkbookBytes('x.csv', latin1, US);
    expect(book.sheets[0].values).toEqual([
      ['Name', 'Value'],
      ['Renée', 5],
    ]);
    // Excel's "Unicode Text": UTF-16 with a BOM, tab-separated.
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Name\tValue\r\n李娜\t7\r\n', 'utf16le'),
    ]);
    const unicode = await readWorkbookBytes('x.txt', utf16, US);
    expect(unicode.sheets[0].values).toEqual([
      ['Name', 'Value'],
      ['李娜', 7],
    ]);
  });

  test('a quote that is never closed: the error names the line where it opens', async () => {
    const bad = 'Name,Notes\nAnn,fine\nBen,"never closed\nCara,ok\nDan,ok\n';
    await expect(readWorkbookBytes('clients.csv', Buffer.from(bad), US)).rejects.toThrow(
      /^clients\.csv, line 3: a field opens with a quote/,
    );
  });

  test('an empty file, an xlsx named .csv, an .xls file: each says what to do', async () => {
    await expect(readWorkbookBytes('e.csv', Buffer.from('\n\n'), US)).rejects.toThrow(
      /e\.csv is empty/,
    );
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    await expect(readWorkbookBytes('z.csv', zip, US)).rejects.toThrow(/name it \.xlsx/);
    await expect(readWorkbookBytes('old.xls', Buffer.from('x'), US)).rejects.toThrow(
      /save it as \.xlsx/,
    );
    await expect(
      readWorkbookBytes('c.csv', Buffer.from('a'), { ...US, locale: 'fr_XX' }),
    ).rejects.toThrow(/Unknown locale "fr_XX"/);
  });
});

/** A workbook as a firm's Excel file would have it: a client sheet and two more. */
async function excelFile(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const clients = book.addWorksheet('Clients');
  clients.addRow([' Name ', 'Last Contact', 'Value', 'Client ID', 'Active', 'Notes']);
  clients.addRow(['Søren Ørsted', new Date(Date.UTC(2024, 2, 4)), 1200.5, '00123', true, 'ok']);
  clients.addRow([]);
  clients.addRow([
    'Ngozi Okafor',
    new Date(Date.UTC(2021, 10, 30, 9, 15)),
    80,
    '4111111111111111',
    false,
    { richText: [{ text: 'bold ' }, { text: 'part' }] },
  ]);
  clients.getCell('B2').numFmt = 'dd/mm/yyyy';
  clients.getCell('B4').numFmt = 'yyyy-mm-dd hh:mm';
  clients.getCell('C2').numFmt = '"£"#,##0.00';
  clients.getCell('C4').value = { formula: 'C2/15', result: 80.03 };
  clients.getCell('C4').numFmt = '"£"#,##0.00';
  clients.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  const touches = book.addWorksheet('Touches');
  touches.addRow(['When', 'Client ID', 'Kind']);
  touches.addRow([new Date(Date.UTC(2025, 0, 2)), '00123', 'Call']);
  book.addWorksheet('Notes (2025)').addRow(['free text', 42]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('an .xlsx workbook', () => {
  test('every sheet loads as it is; the first is the client sheet; types and formats kept', async () => {
    const book = await readWorkbookBytes('firm.xlsx', await excelFile(), US);
    expect(book.clientSheet).toBe('Clients');
    const emu = loaded(book);
    expect(emu.sheets.sheetNames()).toEqual(['Clients', 'Touches', 'Notes (2025)']);
    expect(emu.sheets.frozenRows('Clients')).toBe(1);
    const { values, formats, formulas } = cells(emu, 'Clients');
    expect(values[1]).toEqual([
      'Søren Ørsted',
      new Date('2024-03-04T05:00:00Z'),
      1200.5,
      '00123',
      true,
      'ok',
    ]);
    expect(values[2]).toEqual(['', '', '', '', '', '']);
    expect(values[3]).toEqual([
      'Ngozi Okafor',
      new Date('2021-11-30T14:15:00Z'),
      80.03,
      '4111111111111111',
      false,
      'bold part',
    ]);
    expect(formats[1].slice(1, 3)).toEqual(['dd/mm/yyyy', '"£"#,##0.00']);
    expect(formulas[3][2]).toBe('=C2/15');
    expect(emu.sheets.displayValues('Clients')[1].slice(1, 3)).toEqual(['04/03/2024', '£1,200.50']);
    expect(emu.sheets.values('Touches')[1]).toEqual([
      new Date('2025-01-02T05:00:00Z'),
      '00123',
      'Call',
    ]);
  });

  test('--sheet picks the client sheet; a missing one lists the sheets there are', async () => {
    const bytes = await excelFile();
    const book = await readWorkbookBytes('firm.xlsx', bytes, { ...US, sheet: 'Touches' });
    expect(book.clientSheet).toBe('Touches');
    await expect(
      readWorkbookBytes('firm.xlsx', bytes, { ...US, sheet: 'Klients' }),
    ).rejects.toThrow(
      'firm.xlsx has no sheet named "Klients"; its sheets are "Clients", "Touches", "Notes (2025)".',
    );
    await expect(
      readWorkbookBytes('firm.xlsx', Buffer.from('PK\u0003\u0004junk'), US),
    ).rejects.toThrow(/firm\.xlsx cannot be read as an Excel workbook/);
  });
});

describe('--save writes every sheet back', () => {
  test('load -> save -> load gives the same cells, formats, formulas and frozen rows', async () => {
    for (const [name, bytes, options] of [
      ['firm.xlsx', await excelFile(), US],
      ['clients.csv', Buffer.from(CSV, 'utf8'), GB],
    ] as const) {
      const first = loaded(await readWorkbookBytes(name, bytes, options));
      const saved = await workbookBytes(first);
      const second = loaded(await readWorkbookBytes('saved.xlsx', saved, options));
      expect(second.sheets.sheetNames()).toEqual(first.sheets.sheetNames());
      for (const sheet of first.sheets.sheetNames()) {
        expect(cells(second, sheet)).toEqual(cells(first, sheet));
        expect(second.sheets.displayValues(sheet)).toEqual(first.sheets.displayValues(sheet));
        expect(second.sheets.frozenRows(sheet)).toBe(first.sheets.frozenRows(sheet));
      }
    }
  });

  test('dates and currency carry number formats Excel shows; text that looks like a number stays text', async () => {
    const emu = loaded(await readWorkbookBytes('clients.csv', Buffer.from(CSV, 'utf8'), US));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookBytes(emu)) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('clients')!;
    expect(ws.getCell('D2').value).toEqual(new Date(Date.UTC(2024, 3, 3)));
    expect(ws.getCell('D2').numFmt).toBe('m/d/yyyy');
    expect(ws.getCell('E2').numFmt).toBe('"$"#,##0.00');
    expect(ws.getCell('F5').value).toBe('C-7');
    expect(ws.getCell('D5').type).toBe(ExcelJS.ValueType.String);
  });
});
