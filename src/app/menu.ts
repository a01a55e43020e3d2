// The add-on menu: built by onOpen in any auth mode, so it touches nothing but the Ui.

/** Menu items, in order; `null` is a separator. Each function name is a global exported by src/index.ts. */
export const MENU_ITEMS: ReadonlyArray<readonly [label: string, functionName: string] | null> = [
  ['Open call list', 'openCallList'],
  ['Send reconnect emails...', 'openMailMerge'],
  null,
  ['Set up client sheet', 'setupClientSheet'],
  ['Settings', 'openSettings'],
  ['Help', 'showHelp'],
];

/**
 * Runs when the spreadsheet opens, possibly in AuthMode.NONE (add-on installed but not yet used in
 * this file): it may only build the menu. No properties, no sheet reads.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item[0], item[1]);
  }
  menu.addToUi();
}

/** Runs right after installation (AuthMode.FULL): show the menu at once. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
