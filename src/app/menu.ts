// The add-on menu: built by onOpen in any auth mode, so it touches nothing but the Ui.
import { showAddonMenu, type MenuEntry } from '../services/ui';

/** Menu items, in order; `null` is a separator. Each function name is a global exported by src/index.ts. */
export const MENU_ITEMS: ReadonlyArray<MenuEntry> = [
  ['Open call list', 'openCallList'],
  ['Send reconnect emails...', 'openMailMerge'],
  ['Weekly batches...', 'openWeeklyBatches'],
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
  showAddonMenu(MENU_ITEMS);
}

/** Runs right after installation (AuthMode.FULL): show the menu at once. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
