// The shipped bundle, as Apps Script sees it: dist/Code.js run in a vm with only the emulated globals.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { createEmulator, type Emulator } from '../../dev/emulator';
import { loadBundle } from '../../dev/emulator/vm';

const root = join(__dirname, '..', '..');
let code = '';

/** The export names of src/index.ts, read the way the build reads them. */
function exportsOfIndex(): string[] {
  const result = esbuild.buildSync({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    platform: 'neutral',
    logLevel: 'silent',
  });
  return [...Object.values(result.metafile!.outputs)[0].exports].sort();
}

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'esbuild.config.js')], { cwd: root, stdio: 'pipe' });
  code = readFileSync(join(root, 'dist/Code.js'), 'utf8');
});

describe('dist/', () => {
  it('holds Code.js, Sidebar.html and the manifest with explicit scopes', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'dist/appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes.length).toBeGreaterThan(0);
    const sidebar = readFileSync(join(root, 'dist/Sidebar.html'), 'utf8');
    expect(sidebar).toContain('<script>');
    expect(sidebar).not.toContain('<!-- SCRIPT -->');
    // A template would parse `<?` inside the script; the page is served as plain HTML.
    expect(sidebar.startsWith('<!DOCTYPE html>') || sidebar.startsWith('<!doctype html>')).toBe(
      true,
    );
  });

  it('declares exactly the exports of src/index.ts as global functions', () => {
    const emu = createEmulator({ htmlDir: join(root, 'dist') });
    const addon = loadBundle(emu, code);
    const names = exportsOfIndex();
    expect(names).toContain('onOpen');
    expect(addon.globalFunctions().sort()).toEqual(names);
  });

  it('uses none of the globals Apps Script lacks', () => {
    // The vm context has no setTimeout, URL, TextEncoder...: loading and running onOpen would throw.
    for (const banned of ['setTimeout(', 'new URL(', 'new TextEncoder', 'structuredClone(']) {
      expect(code).not.toContain(banned);
    }
  });
});

describe('onOpen in AuthMode.NONE', () => {
  let emu: Emulator;
  beforeEach(() => {
    emu = createEmulator({ htmlDir: join(root, 'dist') });
  });

  it('builds the add-on menu and touches no properties and no sheet', () => {
    const addon = loadBundle(emu, code);
    emu.kernel.resetCounts();
    addon.call('onOpen', [{ authMode: 'NONE' }], 'NONE');
    const labels = emu.ui.menus.flatMap((menu) => menu.items.map((item) => item.label));
    expect(labels).toContain('Open call list');
    expect(labels).toContain('Set up client sheet');
    const touched = Object.keys(emu.kernel.snapshot()).filter(
      (key) =>
        !key.startsWith('SpreadsheetApp.getUi') &&
        !key.startsWith('Ui.') &&
        !key.startsWith('Menu.'),
    );
    expect(touched).toEqual([]);
  });

  it('names a global function for every menu item', () => {
    const addon = loadBundle(emu, code);
    addon.call('onOpen', [{ authMode: 'NONE' }], 'NONE');
    const globals = new Set(addon.globalFunctions());
    const handlers = emu.ui.menus.flatMap((menu) =>
      menu.items.filter((item) => item.type === 'item').map((item) => item.functionName),
    );
    expect(handlers.length).toBeGreaterThan(2);
    for (const handler of handlers) expect(globals.has(handler)).toBe(true);
  });
});

describe('a real flow through the globals', () => {
  it('sets up the client sheet, lists who is due and logs a call', () => {
    const emu = createEmulator({ htmlDir: join(root, 'dist'), now: '2026-11-25T15:00:00Z' });
    emu.sheets.setSheet('Clients', [
      ['Name', 'Email', 'Last Contact', 'Value'],
      ['Ann Lee', 'ann@example.com', new Date('2023-01-10T05:00:00Z'), 5000],
      ['Bob Ray', 'bob@example.com', new Date('2026-10-01T04:00:00Z'), 900],
    ]);
    const addon = loadBundle(emu, code);
    emu.ui.answer('OK');
    addon.call('setupClientSheet', []);
    const list = addon.call('getCallList', [{ sort: 'priority' }]) as {
      items: Array<{ id: string; name: string }>;
    };
    expect(list.items.map((item) => item.name)).toEqual(['Ann Lee']);
    const result = addon.call('logTouch', [
      { clientId: list.items[0].id, channel: 'call', outcome: 'reached', cadence: 'Quarterly' },
    ]) as { item: { lastContact: string; cadence: string } };
    expect(result.item.lastContact).toBe('2026-11-25');
    const touches = emu.sheets.values('Touches');
    expect(touches).toHaveLength(2);
    expect(touches[1][1]).toBe(list.items[0].id);
  });
});
