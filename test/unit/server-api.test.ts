// The sidebar's server API type is derived from the exports of src/index.ts: every call the sidebar makes names a real global, with its real argument types.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as globals from '../../src/index';
import type { CallListQuery, ServerApi, SettingsUpdate } from '../../src/shared/api';
import type { MergeApi, MergeRequest } from '../../src/shared/mergeApi';

// ---- Compile-time half (`npm run check` type-checks this file) ----
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(value: T) => value;

// One edit: every exported global is in ServerApi, and nothing else is.
assertType<Equal<keyof ServerApi, keyof typeof globals>>(true);
// The argument types are the globals' own, not `any`.
assertType<Equal<Parameters<ServerApi['getCallList']>, [query?: CallListQuery]>>(true);
assertType<Equal<Parameters<ServerApi['saveSettings']>[0], SettingsUpdate>>(true);
assertType<Equal<Parameters<ServerApi['previewMerge']>[0], MergeRequest>>(true);
// The older hand-written merge contract still holds.
const merge: MergeApi = globals;
void merge;

// @ts-expect-error a misspelt server function does not exist
type Misspelt = ServerApi['getCalList'];
// @ts-expect-error a wrong argument does not compile
const wrongSort: Parameters<ServerApi['getCallList']> = [{ sort: 'name' }];
void wrongSort;
export type { Misspelt };

// ---- Run-time half ----
function sidebarSources(dir = join(__dirname, '../../sidebar')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sidebarSources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );
}

/** Server names the sidebar calls or probes, by their string literal (`has` is untyped). */
const CALLED = [
  ...new Set(
    sidebarSources().flatMap((source) =>
      [...source.matchAll(/\.(?:call|has)\(\s*'([A-Za-z_$][\w$]*)'/g)].map((m) => m[1]),
    ),
  ),
].sort();

describe('the sidebar-server contract', () => {
  it('finds the calls of every view (the scan itself works)', () => {
    expect(CALLED).toEqual(
      expect.arrayContaining(['getCallList', 'logTouch', 'previewMerge', 'confirmLetters']),
    );
  });

  it.each(CALLED)('%s, called by the sidebar, is a global function', (name) => {
    expect(typeof (globals as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports functions only (Apps Script globals)', () => {
    for (const [name, value] of Object.entries(globals)) {
      expect([name, typeof value]).toEqual([name, 'function']);
    }
  });

  it('keeps server-only entry points out of reach of private helpers (no trailing underscore)', () => {
    for (const name of Object.keys(globals)) expect(name.endsWith('_')).toBe(false);
  });
});
