// The emulated SpreadsheetApp: workbooks in memory behind counted, fault-injectable proxies, and the uncounted control tests and the preview use.
import { gasError, type AuthModeName, type Kernel } from '../kernel';
import { wrap, refOf, sheetOf, type Ctx } from './context';
import { SheetModel, SpreadsheetModel, type RangeRef } from './model';
import { RangeImpl } from './rangeStyle';
import {
  BooleanCriteria,
  DataValidationCriteria,
  Dimension,
  Direction,
  WrapStrategy,
  conditionalBuilder,
  validationBuilder,
} from './rules';
import { SheetImpl } from './sheet';
import { SpreadsheetImpl, activeBoxes, rangeList, selectionObject } from './spreadsheet';
import { createControl, type SpreadsheetControl } from './control';

export type { SpreadsheetControl } from './control';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Modes in which a script may read the document (not NONE: onOpen there may only build menus). */
const DOCUMENT_MODES: AuthModeName[] = ['LIMITED', 'FULL', 'CUSTOM_FUNCTION'];
// The scopes Apps Script names in its permission errors for these calls (test/emulator/kernel.test.ts).
const SCOPES_CURRENT = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/spreadsheets',
];
const SCOPES_ANY = ['https://www.googleapis.com/auth/spreadsheets'];
export const GET_UI_CONTEXT = 'Cannot call SpreadsheetApp.getUi() from this context.';

export interface Workbooks {
  list: SpreadsheetModel[];
  active: SpreadsheetModel;
  nextId: number;
  defaultTimeZone: string;
}

export function createSpreadsheetApp(
  kernel: Kernel,
  deps: { ui: () => GoogleAppsScript.Base.Ui; timeZone: string },
): { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp; control: SpreadsheetControl } {
  const first = new SpreadsheetModel('spreadsheet-1', 'Reconnect demo', deps.timeZone);
  first.sheets.push(new SheetModel('Sheet1', 0));
  const books: Workbooks = {
    list: [first],
    active: first,
    nextId: 2,
    defaultTimeZone: deps.timeZone,
  };

  const sheetObjects = new WeakMap<SheetModel, GoogleAppsScript.Spreadsheet.Sheet>();
  const bookObjects = new WeakMap<SpreadsheetModel, Spreadsheet>();
  const lastOwner = new WeakMap<SheetModel, SpreadsheetModel>();

  const ctx: Ctx = {
    kernel,
    range: (ref: RangeRef) => wrap(ctx, 'Range', new RangeImpl(ctx, ref)),
    sheet(model) {
      const known = sheetObjects.get(model);
      if (known) return known;
      const made = wrap<GoogleAppsScript.Spreadsheet.Sheet>(
        ctx,
        'Sheet',
        new SheetImpl(ctx, model),
      );
      sheetObjects.set(model, made);
      return made;
    },
    spreadsheet(model) {
      const known = bookObjects.get(model);
      if (known) return known;
      const made = wrap<Spreadsheet>(ctx, 'Spreadsheet', new SpreadsheetImpl(ctx, model));
      bookObjects.set(model, made);
      return made;
    },
    owner(sheet) {
      for (const wb of books.list) {
        if (wb.sheets.includes(sheet)) {
          lastOwner.set(sheet, wb);
          return wb;
        }
      }
      const known = lastOwner.get(sheet);
      if (known) return known;
      throw gasError('The sheet has been deleted.');
    },
  };

  const documentAccess = (member: string): SpreadsheetModel => {
    kernel.requireAuth(`SpreadsheetApp.${member}`, DOCUMENT_MODES, SCOPES_CURRENT);
    kernel.requireScope(`SpreadsheetApp.${member}`, SCOPES_CURRENT);
    return books.active;
  };

  const openById = (id: string): Spreadsheet => {
    kernel.requireAuth('SpreadsheetApp.openById', DOCUMENT_MODES, SCOPES_ANY);
    kernel.requireScope('SpreadsheetApp.openById', SCOPES_ANY);
    const wb = books.list.find((b) => b.id === id);
    // Observed in users' execution logs for an unknown or inaccessible id (no issue thread found).
    if (!wb)
      throw gasError(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return ctx.spreadsheet(wb);
  };

  const app = {
    DataValidationCriteria,
    BooleanCriteria,
    WrapStrategy,
    Dimension,
    Direction,
    // A run without the document's context (a time-driven run may be one) has no active spreadsheet:
    // "getActiveSpreadsheet() is null in timed runs" (mogsdad/SheetConverter#2); open it by ID instead.
    getActiveSpreadsheet: () => {
      const wb = documentAccess('getActiveSpreadsheet');
      return kernel.context.document ? ctx.spreadsheet(wb) : null;
    },
    getActive: () => {
      const wb = documentAccess('getActive');
      return kernel.context.document ? ctx.spreadsheet(wb) : null;
    },
    openById,
    openByUrl: (url: string) => {
      const m = /\/d\/([^/]+)/.exec(url);
      if (!m) throw gasError('Invalid argument: url');
      return openById(m[1]);
    },
    setActiveSpreadsheet: (spreadsheet: unknown) => {
      const wb = (spreadsheet as { _workbook?: SpreadsheetModel } | null)?._workbook;
      if (!wb) throw gasError('Invalid argument: newActiveSpreadsheet');
      books.active = wb;
    },
    getActiveSheet: () => ctx.sheet(documentAccess('getActiveSheet').active()),
    setActiveSheet: (sheet: unknown) => {
      const wb = documentAccess('setActiveSheet');
      const model = sheetOf(sheet, 'SpreadsheetApp.setActiveSheet');
      wb.activeSheet = model;
      if (wb.selection?.sheet !== model) wb.selection = null;
      return ctx.sheet(model);
    },
    getActiveRange: () => {
      const { sheet, boxes } = activeBoxes(documentAccess('getActiveRange'));
      return ctx.range({ sheet, box: boxes[boxes.length - 1] });
    },
    getActiveRangeList: () => {
      const wb = documentAccess('getActiveRangeList');
      const { sheet, boxes } = activeBoxes(wb);
      return rangeList(
        ctx,
        wb,
        boxes.map((box) => ctx.range({ sheet, box })),
      );
    },
    setActiveRange: (range: unknown) => {
      const ref = refOf(range, 'SpreadsheetApp.setActiveRange');
      const wb = ctx.owner(ref.sheet);
      wb.activeSheet = ref.sheet;
      wb.selection = { sheet: ref.sheet, boxes: [{ ...ref.box }] };
      return ctx.range(ref);
    },
    getCurrentCell: () => {
      const { sheet, boxes } = activeBoxes(documentAccess('getCurrentCell'));
      const b = boxes[boxes.length - 1];
      return ctx.range({ sheet, box: { row: b.row, col: b.col, numRows: 1, numCols: 1 } });
    },
    getSelection: () => selectionObject(ctx, documentAccess('getSelection')),
    getUi: () => {
      // A trigger has no user interface: "Cannot call SpreadsheetApp.getUi() from this context."
      // (LesterCovax/crypto-sheets#50; wording quoted in many public reports, not on an official page).
      if (kernel.context.trigger) throw gasError(GET_UI_CONTEXT);
      return deps.ui();
    },
    flush: () => undefined,
    newDataValidation: () => validationBuilder(ctx),
    newConditionalFormatRule: () => conditionalBuilder(ctx),
    create: (name: string) => {
      kernel.requireAuth('SpreadsheetApp.create', DOCUMENT_MODES, SCOPES_ANY);
      kernel.requireScope('SpreadsheetApp.create', SCOPES_ANY);
      return ctx.spreadsheet(control._create(name));
    },
  };

  const control = createControl(ctx, books);
  const SpreadsheetApp = wrap<GoogleAppsScript.Spreadsheet.SpreadsheetApp>(
    ctx,
    'SpreadsheetApp',
    app,
  );
  return { SpreadsheetApp, control };
}
