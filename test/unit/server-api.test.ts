// The sidebar's typed contract matches the globals: every ServerApi function is exported by src/index.ts with the same signature.
import * as globals from '../../src/index';
import type { ServerApi } from '../../src/shared/api';

// Compile-time half (`npm run check`): a missing export or a changed signature fails to type-check.
const exported: ServerApi = globals;

// Listing every key as a Record forces this list to follow ServerApi (a new or removed key fails to compile).
const CONTRACT: Record<keyof ServerApi, true> = {
  getCallList: true,
  logTouch: true,
  undoLastTouch: true,
  showClientInSheet: true,
  getSettings: true,
  saveSettings: true,
  getMergeSetup: true,
  previewMerge: true,
  sendTestEmail: true,
  runMailMerge: true,
  openLetters: true,
  getLetterBatch: true,
  confirmLetters: true,
  getSchedule: true,
  saveSchedule: true,
};

describe('the sidebar-server contract', () => {
  it.each(Object.keys(CONTRACT))('%s is a global function', (name) => {
    expect(typeof (exported as unknown as Record<string, unknown>)[name]).toBe('function');
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
