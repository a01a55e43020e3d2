// Fixtures for the mail-merge integration tests and bench: an emulator with a client sheet in the standard layout.
import {
  createEmulator,
  installGlobals,
  type Emulator,
  type EmulatorOptions,
} from '../../dev/emulator';
import { STANDARD_HEADERS } from '../../src/core/columns';

export const HEADERS = [...STANDARD_HEADERS];
const col = (header: string) => HEADERS.indexOf(header);

export interface SeedClient {
  id?: string;
  name: string;
  email?: string;
  /** yyyy-MM-dd, written as a Date cell at noon UTC (the same calendar day in New York). */
  lastContact?: string | null;
  value?: number | string;
  status?: string;
  doNotContact?: boolean;
  notes?: string;
  mergeStatus?: string;
  firstName?: string;
  company?: string;
}

export function clientRow(c: SeedClient, i: number): unknown[] {
  const row: unknown[] = HEADERS.map(() => '');
  row[col('Client ID')] = c.id ?? `C-${String(i + 1).padStart(5, '0')}`;
  row[col('Name')] = c.name;
  row[col('First Name')] = c.firstName ?? '';
  row[col('Company')] = c.company ?? '';
  row[col('Email')] = c.email ?? '';
  row[col('Last Contact')] = c.lastContact ? new Date(`${c.lastContact}T12:00:00Z`) : '';
  row[col('Value')] = c.value ?? '';
  row[col('Status')] = c.status ?? '';
  row[col('Touches')] = 0;
  row[col('Do Not Contact')] = c.doNotContact ?? false;
  row[col('Notes')] = c.notes ?? '';
  row[col('Merge Status')] = c.mergeStatus ?? '';
  return row;
}

export interface MergeWorld {
  emu: Emulator;
  uninstall: () => void;
  /** Runs fn as one execution (a google.script.run call). */
  run<T>(fn: () => T): T;
  clients(): Record<string, unknown>[];
  client(id: string): Record<string, unknown>;
  touches(): Record<string, unknown>[];
}

/** The name the user saved in Settings; it signs every built-in template ({{My Name}}). */
export const MY_NAME = 'Sam Carter';

export function mergeWorld(
  clients: SeedClient[],
  options: EmulatorOptions & { myName?: string } = {},
): MergeWorld {
  const { myName = MY_NAME, ...emulatorOptions } = options;
  const emu = createEmulator({ now: '2026-11-25T15:00:00Z', ...emulatorOptions });
  emu.sheets.setSheet('Clients', [HEADERS, ...clients.map(clientRow)], { frozenRows: 1 });
  const uninstall = installGlobals(emu);
  if (myName) {
    emu.run(() =>
      PropertiesService.getDocumentProperties().setProperty(
        'reconnect.settings',
        JSON.stringify({ myName }),
      ),
    );
  }
  const asRecords = (values: unknown[][]) => {
    const [header, ...rows] = values;
    return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
  };
  return {
    emu,
    uninstall,
    run: (fn) => emu.run(fn),
    clients: () => asRecords(emu.sheets.values('Clients')),
    client(id) {
      const found = asRecords(emu.sheets.values('Clients')).find((r) => r['Client ID'] === id);
      if (!found) throw new Error(`no client ${id}`);
      return found;
    },
    touches: () =>
      emu.sheets.sheetNames().includes('Touches') ? asRecords(emu.sheets.values('Touches')) : [],
  };
}

/** n clients, all silent for years, all with distinct valid emails, the most valuable first. */
export function manyClients(n: number): SeedClient[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `Client ${i + 1}`,
    email: `client${i + 1}@example.com`,
    lastContact: `20${String(10 + (i % 13)).padStart(2, '0')}-0${1 + (i % 9)}-15`,
    value: 100000 - i,
  }));
}

/** Runs `between` once, the first time the merge pauses between two chunks (its Utilities.sleep). */
export function duringFirstPause(between: () => void): void {
  const utilities = globalThis.Utilities;
  let done = false;
  globalThis.Utilities = new Proxy(utilities, {
    get(target, prop, receiver) {
      if (prop !== 'sleep') return Reflect.get(target, prop, receiver);
      return (ms: number) => {
        target.sleep(ms);
        if (done) return;
        done = true;
        between();
      };
    },
  });
}
