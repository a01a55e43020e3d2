// What the benches print beside Node ms: modelled Apps Script seconds (dev/emulator/cost.ts), cells read and written, and each target met or not.
import type { Emulator } from '../dev/emulator';

export interface Modelled {
  /** Modelled Apps Script seconds of everything the operation called. */
  s: number;
  /** The same without the email sends (the merge target counts all but the sends). */
  sNoSends: number;
  cellsRead: number;
  cellsWritten: number;
  /** Modelled ms per method. */
  byMethod: [string, number][];
}

const SENDS = /^(GmailApp\.sendEmail|MailApp\.sendEmail|GmailDraft\.send)$/;

export function modelled(emu: Emulator): Modelled {
  const cost = emu.kernel.cost;
  let sends = 0;
  for (const [key, ms] of cost.byMethod) if (SENDS.test(key)) sends += ms;
  return {
    s: cost.ms / 1000,
    sNoSends: (cost.ms - sends) / 1000,
    cellsRead: cost.cellsRead,
    cellsWritten: cost.cellsWritten,
    byMethod: [...cost.byMethod],
  };
}

/** "met" / "NOT met" and the figure against its limit, for the targets table. */
export function verdict(label: string, value: number, limit: number, unit: string): string {
  const ok = value < limit;
  const shown =
    unit === 'cells' && value < 100 ? value.toFixed(3) : value.toFixed(unit === 'cells' ? 0 : 2);
  return `| ${label} | ${shown} ${unit} | < ${limit} ${unit} | ${ok ? 'met' : 'NOT met'} |`;
}
