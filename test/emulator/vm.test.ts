// Pins the loader: dist/Code.js in a fresh vm scope per execution with only Apps Script globals (V8 runtime guide).
import { createEmulator } from '../../dev/emulator';
import { FORBIDDEN_GLOBALS, loadBundle } from '../../dev/emulator/vm';

const SCRIPT = `
var executions = 0;
executions += 1;
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open call list', 'openCallList').addToUi();
}
function openCallList() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>list</p>').setTitle('Reconnect'));
}
function countExecutions() { executions += 1; return executions; }
function today() { return new Date(); }
function isDate(v) { return v instanceof Date; }
function probe(name) {
  try { eval(name); return 'present'; } catch (e) { return e.name; }
}
function saveSetting(value) { PropertiesService.getUserProperties().setProperty('k', value); }
function helper_() { return 1; }
`;

describe('loadBundle', () => {
  it('lists the top-level functions the script declares, and nothing of the environment', () => {
    const addon = loadBundle(createEmulator(), SCRIPT);
    expect(addon.globalFunctions().sort()).toEqual(
      [
        'countExecutions',
        'helper_',
        'isDate',
        'onOpen',
        'openCallList',
        'probe',
        'saveSetting',
        'today',
      ].sort(),
    );
  });

  it.each([...FORBIDDEN_GLOBALS])('%s is a ReferenceError inside the script', (name) => {
    const addon = loadBundle(createEmulator(), SCRIPT);
    expect(addon.call('probe', [name])).toBe('ReferenceError');
  });

  it('has the Apps Script globals and the JavaScript built-ins', () => {
    const addon = loadBundle(createEmulator(), SCRIPT);
    for (const name of [
      'SpreadsheetApp',
      'MailApp',
      'GmailApp',
      'PropertiesService',
      'Utilities',
      'Logger',
      'console',
      'JSON',
      'Intl',
      'Math',
    ]) {
      expect(addon.call('probe', [name])).toBe('present');
    }
  });

  it('re-runs the top-level code in a fresh scope for every execution (editor-auth-lifecycle)', () => {
    const addon = loadBundle(createEmulator(), SCRIPT);
    expect(addon.call('countExecutions', [])).toBe(2);
    expect(addon.call('countExecutions', [])).toBe(2);
  });

  it('new Date() inside the script is the emulator clock, and Dates are the emulator realm', () => {
    const emu = createEmulator({ now: '2027-01-02T03:04:05Z' });
    const addon = loadBundle(emu, SCRIPT);
    const value = addon.call('today', []) as Date;
    expect(value.toISOString()).toBe('2027-01-02T03:04:05.000Z');
    expect(value instanceof Date).toBe(true);
    expect(addon.call('isDate', [new Date()])).toBe(true);
  });

  it('runs each call as one execution in its auth mode: onOpen menu in NONE, sidebar refused in LIMITED', () => {
    const emu = createEmulator();
    const addon = loadBundle(emu, SCRIPT);
    addon.call('onOpen', [{ authMode: 'NONE' }], 'NONE');
    expect(emu.ui.addonMenu?.map((item) => item.functionName)).toEqual(['openCallList']);
    expect(() => addon.call('openCallList', [], 'LIMITED')).toThrow(/AuthMode.LIMITED/);
    expect(() => addon.call('saveSetting', ['x'], 'NONE')).toThrow(/permission/);
    addon.call('openCallList', []);
    expect(emu.ui.sidebar?.title).toBe('Reconnect');
  });

  it("refuses an unknown or private function name with Apps Script's message", () => {
    const addon = loadBundle(createEmulator(), SCRIPT);
    expect(() => addon.call('nope', [])).toThrow('Script function not found: nope');
    expect(() => addon.call('helper_', [])).toThrow(/Script function not found: helper_ .*private/);
  });

  it('top-level code touching a service NONE forbids fails at load, as it would break onOpen', () => {
    const bad = `var props = PropertiesService.getScriptProperties(); function onOpen() {}`;
    expect(() => loadBundle(createEmulator(), bad)).toThrow(/permission/);
  });

  it("time-driven triggers fire the script's handler through the loader", () => {
    const emu = createEmulator();
    const addon = loadBundle(
      emu,
      `${SCRIPT}
      function install() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
      function tick(e) { PropertiesService.getUserProperties().setProperty('last', String(e.triggerUid)); }`,
    );
    addon.call('install', []);
    emu.triggers.runUntil(emu.clock.nowMs() + 2 * 3600_000);
    expect(emu.properties.get('user', 'last')).toBe(emu.triggers.triggers[0].id);
  });
});
