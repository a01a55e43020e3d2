// Shared helpers for the client-database integration tests: an emulator with globals installed, sheet builders, read counts.
import { createEmulator, installGlobals, type Emulator } from '../../dev/emulator';

/** A Date cell at noon UTC: the same calendar day in New York (the emulator's default zone). */
export const day = (ymd: string): Date => new Date(`${ymd}T12:00:00Z`);

export const HEADERS = [
  'Client ID',
  'Name',
  'First Name',
  'Company',
  'Email',
  'Phone',
  'Last Contact',
  'Value',
  'Cadence',
  'Next Due',
  'Status',
  'Touches',
  'Last Channel',
  'Do Not Contact',
  'Notes',
];

export function useEmulator(options: Parameters<typeof createEmulator>[0] = {}): { emu: Emulator } {
  const holder = {} as { emu: Emulator };
  let uninstall: () => void = () => undefined;
  beforeEach(() => {
    holder.emu = createEmulator(options);
    uninstall = installGlobals(holder.emu);
  });
  afterEach(() => uninstall());
  return holder;
}

/** Spreadsheet reads: value, display value and format reads of ranges. */
export function reads(emu: Emulator): number {
  return [
    'Range.getValues',
    'Range.getDisplayValues',
    'Range.getNumberFormat',
    'Range.getNumberFormats',
    'Range.getFormulas',
    'Range.getValue',
  ]
    .map((k) => emu.kernel.count(k))
    .reduce((a, b) => a + b, 0);
}

/** Spreadsheet writes: value writes, row deletions and sheet-shape changes. */
export function writes(emu: Emulator): number {
  return [
    'Range.setValues',
    'Range.setValue',
    'Sheet.appendRow',
    'Sheet.deleteRow',
    'Sheet.insertRowsAfter',
    'Sheet.insertColumnsAfter',
    'Range.setNumberFormat',
  ]
    .map((k) => emu.kernel.count(k))
    .reduce((a, b) => a + b, 0);
}

/** A tidy client row in the standard layout. */
export function row(
  id: string,
  name: string,
  last: Date | string,
  value: number | string,
  extra: Partial<Record<string, unknown>> = {},
): unknown[] {
  const r: unknown[] = [
    id,
    name,
    name.split(' ')[0],
    '',
    `${name.split(' ')[0].toLowerCase()}@example.com`,
    '',
    last,
    value,
    '',
    '',
    '',
    '',
    '',
    false,
    '',
  ];
  for (const [k, v] of Object.entries(extra)) r[HEADERS.indexOf(k)] = v;
  return r;
}

/** Two clients for the referral tests: Zoe Adams (C-1, reached lately) and Abe Brown (C-2, long ago). */
export function seedReferrers(emu: Emulator): void {
  emu.sheets.setSheet(
    'Clients',
    [
      HEADERS,
      row('C-1', 'Zoe Adams', day('2026-10-01'), 300, { Status: 'Reconnected', Touches: 3 }),
      row('C-2', 'Abe Brown', day('2023-01-15'), 900),
    ],
    { frozenRows: 1 },
  );
}
