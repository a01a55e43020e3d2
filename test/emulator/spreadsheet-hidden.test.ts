// Hidden rows and the sheet's filter, as Sheet.hideRows / isRowHiddenByUser / isRowHiddenByFilter / getFilter document them.
import { createEmulator, installGlobals } from '../../dev/emulator';

// Source: https://developers.google.com/apps-script/reference/spreadsheet/sheet#isRowHiddenByFilter(Integer)
// ("Returns whether the given row is hidden by a filter (not a filter view)"), #isRowHiddenByUser(Integer),
// #hideRows(Integer,Integer), #getFilter() ("Returns the filter in this sheet, or null if there is no filter").
describe('hidden rows and filters', () => {
  let uninstall: () => void;
  const emu = createEmulator();
  beforeAll(() => {
    uninstall = installGlobals(emu);
    emu.sheets.setSheet('Clients', [['Name'], ['Ann'], ['Bob'], ['Cy'], ['Di']]);
  });
  afterAll(() => uninstall());

  const sheet = () => SpreadsheetApp.getActive().getSheetByName('Clients')!;

  it('has no filter until one is set, and hides no row', () => {
    expect(sheet().getFilter()).toBeNull();
    expect(sheet().isRowHiddenByFilter(3)).toBe(false);
    expect(sheet().isRowHiddenByUser(3)).toBe(false);
  });

  it('tells rows hidden by the user from rows hidden by the filter', () => {
    sheet().hideRows(2);
    emu.sheets.filterRows('Clients', [4]);
    expect(sheet().isRowHiddenByUser(2)).toBe(true);
    expect(sheet().isRowHiddenByFilter(2)).toBe(false);
    expect(sheet().isRowHiddenByFilter(4)).toBe(true);
    expect(sheet().getFilter()!.getRange().getA1Notation()).toBe('A1:A5');
  });

  it('moves hidden rows with inserted rows, and clears filter-hidden rows when the filter goes', () => {
    sheet().insertRowBefore(2);
    expect(sheet().isRowHiddenByUser(3)).toBe(true);
    expect(sheet().isRowHiddenByFilter(5)).toBe(true);
    sheet().getFilter()!.remove();
    expect(sheet().getFilter()).toBeNull();
    expect(sheet().isRowHiddenByFilter(5)).toBe(false);
    sheet().showRows(3);
    expect(sheet().isRowHiddenByUser(3)).toBe(false);
  });

  it('counts the calls like any other', () => {
    emu.kernel.resetCounts();
    sheet().isRowHiddenByFilter(2);
    expect(emu.kernel.count('Sheet.isRowHiddenByFilter')).toBe(1);
  });
});
