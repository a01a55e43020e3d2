// Opening the sidebar on a chosen tab, and the Help dialog: the menu actions Open call list, Weekly batches, Settings and Help.
import { showDialogHtml, showSidebarPage } from '../services/ui';

/** The sidebar's tabs; the sidebar opens on the one named here. */
export type SidebarView = 'calls' | 'emails' | 'schedule' | 'settings';

const VIEWS: readonly SidebarView[] = ['calls', 'emails', 'schedule', 'settings'];

/**
 * Shows the sidebar (always 300 px wide in Sheets) on the given tab. The page is the built
 * dist/Sidebar.html served as a file, not a template, so nothing in its script is parsed as a
 * scriptlet; the first tab rides in a one-line script appended after it.
 */
export function openSidebar(view: SidebarView = 'calls'): void {
  const safeView = VIEWS.indexOf(view) >= 0 ? view : 'calls';
  showSidebarPage('Sidebar', 'Reconnect', `window.reconnectView=${JSON.stringify(safeView)};`);
}

/** Menu: Open call list. */
export function openCallList(): void {
  openSidebar('calls');
}

/** Menu: Weekly batches... (the schedule of the batches a time-driven trigger sends). */
export function openWeeklyBatches(): void {
  openSidebar('schedule');
}

/** Menu: Settings. */
export function openSettings(): void {
  openSidebar('settings');
}

/** The help text, in sections: [heading, paragraphs]. */
export const HELP: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    'What Reconnect does',
    [
      'Reconnect turns your client spreadsheet into a call list of past clients you have not spoken to in a while, longest-silent and most valuable first. You call, log how it went, and every touch is written back to your sheet.',
    ],
  ],
  [
    'Your columns',
    [
      'Reconnect reads a sheet called Clients (or the one you pick in Settings). It recognises common headers such as Name, Company, Email, Phone, Last Contact and Value, including the names other tools export. If it cannot find a column, map it in Settings.',
      'It only writes the columns it owns: Client ID, Last Contact, Cadence, Next Due, Status, Touches, Last Channel, Do Not Contact. Set up client sheet adds any that are missing, at the end, without touching yours. Every call, voicemail and email is also added to a Touches sheet.',
    ],
  ],
  [
    'How to work the list',
    [
      'A few calls a day beats a burst: the goal starts at five. Call first; if nobody answers, follow up with an email.',
      'On the first call, say you noticed how long it has been, own it and apologise, and promise to stay in touch. Ask for nothing: no sales, no referrals. Ask how often they would like to hear from you (every quarter, twice a year or once a year) and offer something useful.',
      'If they raise a problem, stop and listen. Tick "They raised a problem": the client goes into Recovery and Reconnect will not suggest any asks until it is solved.',
      'Each client then comes back to your list when their chosen rhythm says it is time.',
    ],
  ],
  [
    'Weekly batches',
    [
      "Weekly batches... lets Reconnect email the next clients on its own each week, at the day and hour you choose on the spreadsheet's clock, even when the spreadsheet is closed. The emails go from the Gmail of whoever saved the schedule, within their daily quota.",
      'Every batch goes through the same checks as the Emails tab, and each run that did something is written to the Activity sheet. Pause stops it at once; Resume carries on.',
    ],
  ],
  [
    'Your data',
    [
      'Your clients stay in your spreadsheet. Reconnect keeps its settings in this document and sends nothing to any other service; emails go out from your own Gmail only when you choose to send them.',
    ],
  ],
];

/** Menu: Help. Shown as a dialog built from constant text only. */
export function showHelp(): void {
  const body = HELP.map(
    ([heading, paragraphs]) =>
      `<h2>${escapeHtml(heading)}</h2>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}`,
  ).join('');
  const page =
    '<!doctype html><html><head><base target="_top"><style>' +
    'body{font:13px/1.5 Roboto,Arial,sans-serif;color:#202124;margin:0 4px}' +
    'h2{font-size:15px;margin:16px 0 4px}p{margin:0 0 8px}' +
    `</style></head><body>${body}</body></html>`;
  showDialogHtml(page, 'Reconnect help', 460, 520);
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
