// The Sheets user interface: the add-on menu, the sidebar, dialogs and alerts (the only code that calls Ui and HtmlService).

/** A menu entry: [label, global function name], or null for a separator. */
export type MenuEntry = readonly [label: string, functionName: string] | null;

/** Builds the add-on menu under Extensions. Safe in AuthMode.NONE: it touches nothing but the Ui. */
export function showAddonMenu(entries: ReadonlyArray<MenuEntry>): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const entry of entries) {
    if (entry === null) menu.addSeparator();
    else menu.addItem(entry[0], entry[1]);
  }
  menu.addToUi();
}

/**
 * Shows a built page of dist/ as the sidebar (always 300 px wide in Sheets). Pages are served as
 * files, not templates, so nothing in their scripts is parsed as a scriptlet; `startScript` is a
 * one-line script appended after the page (constant code, never cell data).
 */
export function showSidebarPage(file: string, title: string, startScript?: string): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  if (startScript) html.append(`<script>${startScript}</script>`);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Shows a built page of dist/ in a modal dialog. */
export function showDialogPage(file: string, title: string, width: number, height: number): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

/** Shows HTML made by the add-on (already escaped by the caller) in a modal dialog. */
export function showDialogHtml(page: string, title: string, width: number, height: number): void {
  const html = HtmlService.createHtmlOutput(page).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

/** An alert with one OK button. */
export function showMessage(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}
