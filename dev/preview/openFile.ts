// Opening a client export in the preview: the file's sheets become the spreadsheet, and the add-on is told which sheet holds the clients, through its own saveSettings.
import type { Emulator } from '../emulator';
import type { VmAddon } from '../emulator/vm';
import { replaceSheets } from '../emulator/spreadsheet/loadSheets';
import type { ImportedWorkbook } from './importFile';

/** Puts the imported sheets in the emulator's spreadsheet (before or after the add-on is loaded). */
export function putWorkbook(emulator: Emulator, book: ImportedWorkbook, locale: string): void {
  replaceSheets(emulator.sheets, book.sheets, {
    name: book.name,
    active: book.clientSheet,
    locale,
  });
}

/** What the person sees after a file is opened. */
export function openedSummary(book: ImportedWorkbook): string {
  const client = book.sheets.find((s) => s.name === book.clientSheet);
  const rows = client ? Math.max(0, client.values.length - 1) : 0;
  const others = book.sheets.filter((s) => s.name !== book.clientSheet).map((s) => `"${s.name}"`);
  return (
    `Opened ${book.name}: "${book.clientSheet}" is the client sheet (${rows} rows below the header)` +
    (others.length ? `; also ${others.join(', ')}.` : '.')
  );
}

/**
 * Tells the add-on which sheet holds the clients, as a user would in Settings (its saveSettings
 * global, in a full-auth run). The default sheet name needs no setting.
 */
export function pointAddonAtClients(addon: VmAddon, book: ImportedWorkbook): void {
  addon.call('saveSettings', [{ clientSheet: book.clientSheet }], 'FULL');
}

/**
 * A file dropped on the page replaces the spreadsheet: as when another spreadsheet is opened, the
 * add-on's document state (settings, undo, merge journal) starts empty, the sidebar and dialogs
 * close, and the add-on's menu is built again by onOpen.
 */
export function reopenWith(
  emulator: Emulator,
  addon: VmAddon,
  book: ImportedWorkbook,
  locale: string,
): void {
  putWorkbook(emulator, book, locale);
  emulator.properties.clear('document');
  // Another spreadsheet has its own document cache (the call list's index lives there).
  emulator.cache.clear('document');
  emulator.ui.sidebar = null;
  addon.call('onOpen', [{ authMode: 'LIMITED' }], 'LIMITED');
  pointAddonAtClients(addon, book);
}
