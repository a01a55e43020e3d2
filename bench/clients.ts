// Bench: getCallList (first page) and logTouch on client sheets of 100 to 50,000 rows in the emulator: service calls per method and milliseconds.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createEmulator, installGlobals, type Emulator } from '../dev/emulator';
import { getCallList } from '../src/app/callList';
import { logTouch } from '../src/app/touches';
import { STANDARD_HEADERS } from '../src/core/clients';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000,50000').split(',').map(Number);
const RUNS = 7;

/** A deterministic sheet: dates over six years (Date cells, some text), values as numbers and text. */
function clientRows(n: number): unknown[][] {
  const rows: unknown[][] = [[...STANDARD_HEADERS]];
  let seed = 42;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const start = Date.UTC(2020, 10, 25, 12);
  for (let i = 0; i < n; i++) {
    const days = Math.floor(rand() * 2190);
    const date = new Date(start + days * 86400000);
    const last = i % 50 === 0 ? '' : i % 17 === 0 ? date.toISOString().slice(0, 10) : date;
    const value =
      i % 7 === 0
        ? `$${Math.floor(rand() * 5000).toLocaleString('en-US')}`
        : Math.floor(rand() * 20000);
    rows.push([
      `C-${String(i).padStart(6, '0')}`,
      `Client ${i}`,
      'Client',
      `Firm ${i % 300}`,
      `c${i}@example.com`,
      '555-0100',
      last,
      value,
      i % 5 === 0 ? 'Quarterly' : '',
      '',
      'To reconnect',
      i % 4,
      'email',
      i % 97 === 0,
      '',
      '',
    ]);
  }
  return rows;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function spreadsheetCalls(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts).filter(([k]) => /^(Spreadsheet|Sheet|Range|SpreadsheetApp)/.test(k)),
  );
}

const READS = /\.(getValues|getDisplayValues|getNumberFormats?|getFormulas|getValue)$/;
const WRITES =
  /\.(setValues|setValue|appendRow|deleteRows?|insertRowsAfter|insertColumnsAfter|setNumberFormats?)$/;
const sum = (counts: Record<string, number>, re: RegExp): number =>
  Object.entries(counts)
    .filter(([k]) => re.test(k))
    .reduce((a, [, v]) => a + v, 0);

interface Row {
  size: number;
  op: string;
  ms: number;
  /** CPU time of this process (garbage collector threads included): steadier than ms on a busy machine. */
  cpuMs: number;
  reads: number;
  writes: number;
  calls: Record<string, number>;
}

function measure(emu: Emulator, size: number, op: string, fn: (run: number) => unknown): Row {
  const times: number[] = [];
  const cpu: number[] = [];
  let calls: Record<string, number> = {};
  for (let run = 0; run < RUNS; run++) {
    emu.kernel.resetCounts();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    emu.run(() => fn(run));
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    calls = emu.kernel.snapshot();
  }
  return {
    size,
    op,
    ms: median(times),
    cpuMs: median(cpu),
    reads: sum(calls, READS),
    writes: sum(calls, WRITES),
    calls,
  };
}

export function main(): Row[] {
  const results: Row[] = [];
  for (const size of SIZES) {
    const emu = createEmulator();
    const uninstall = installGlobals(emu);
    try {
      emu.sheets.setSheet('Clients', clientRows(size), { frozenRows: 1 });
      emu.sheets.setSheet('Touches', [
        ['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes', 'Step', 'Logged by'],
      ]);
      results.push(measure(emu, size, 'getCallList', () => getCallList({})));
      results.push(
        measure(emu, size, 'logTouch', (run) =>
          logTouch({
            clientId: `C-${String(run * 7 + 3).padStart(6, '0')}`,
            channel: 'call',
            outcome: 'reached',
            notes: 'bench',
          }),
        ),
      );
    } finally {
      uninstall();
    }
  }
  console.log('\nClients bench (emulator, median of %d runs)\n', RUNS);
  console.log(
    '| clients | operation   |      ms |  cpu ms | range reads | range writes | Spreadsheet calls per method',
  );
  console.log(
    '|--------:|-------------|--------:|--------:|------------:|-------------:|-----------------------------',
  );
  for (const r of results) {
    const methods = Object.entries(spreadsheetCalls(r.calls))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `| ${String(r.size).padStart(7)} | ${r.op.padEnd(11)} | ${r.ms.toFixed(1).padStart(7)} | ${r.cpuMs.toFixed(1).padStart(7)} | ${String(r.reads).padStart(11)} | ${String(r.writes).padStart(12)} | ${methods}`,
    );
  }
  const other = results[results.length - 1].calls;
  const nonSheet = Object.entries(other).filter(
    ([k]) => !/^(Spreadsheet|Sheet|Range|SpreadsheetApp)/.test(k),
  );
  console.log(
    '\nOther services, last logTouch: ' + nonSheet.map(([k, v]) => `${k} ${v}`).join(', '),
  );
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
