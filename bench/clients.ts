// Bench: getCallList (first load, again, next page, new sort) and logTouch on client sheets of 100 to 50,000 rows: Node ms, modelled Apps Script seconds, cells, calls per method, targets.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createEmulator, installGlobals, type Emulator } from '../dev/emulator';
import { getCallList } from '../src/app/callList';
import { startCallList, warmCallList } from '../src/app/callListStart';
import { logTouch } from '../src/app/touches';
import { STANDARD_HEADERS } from '../src/core/clients';
import { modelled, verdict, type Modelled } from './modelled';
import { COST } from '../dev/emulator/cost';
import { waitForCallsAtOnce } from '../dev/emulator/scriptRun';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

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
  /** Modelled Apps Script cost of the last run. */
  model: Modelled;
  /** The first load in slices: the modelled seconds if the calls ran one after another, and how many. */
  serial?: number;
  slices?: number;
  /** Node ms of the last call (getCallList putting the slices together) and of the slowest slice. */
  finalMs?: number;
  sliceMs?: number;
}

function measure(
  emu: Emulator,
  size: number,
  op: string,
  fn: (run: number) => unknown,
  before?: () => void,
): Row {
  const times: number[] = [];
  const cpu: number[] = [];
  let calls: Record<string, number> = {};
  let model = modelled(emu);
  for (let run = 0; run < RUNS; run++) {
    if (before) emu.run(before);
    emu.kernel.resetCounts();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    emu.run(() => fn(run));
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    calls = emu.kernel.snapshot();
    model = modelled(emu);
  }
  return {
    size,
    op,
    ms: median(times),
    cpuMs: median(cpu),
    reads: sum(calls, READS),
    writes: sum(calls, WRITES),
    calls,
    model,
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
      const cold = (): void => forgetCallList(emu);
      results.push(measure(emu, size, 'list first', () => getCallList({}), cold));
      const split = measureSplit(emu, size);
      if (split) results.push(split);
      emu.run(() => getCallList({}));
      results.push(measure(emu, size, 'list again', () => getCallList({})));
      results.push(measure(emu, size, 'next page', () => getCallList({ offset: 25 })));
      results.push(measure(emu, size, 'new sort', () => getCallList({ sort: 'value' })));
      results.push(
        measure(emu, size, 'logTouch', (run) =>
          logTouch({
            clientId: `C-${String(run * 7 + 3).padStart(6, '0')}`,
            channel: 'call',
            outcome: 'reached',
            notes: 'bench',
            // The row the list gave, as the sidebar sends it.
            row: run * 7 + 3 + 2,
          }),
        ),
      );
    } finally {
      uninstall();
    }
  }
  printTable(results);
  printTargets(results);
  return results;
}

/**
 * The sidebar's first load with nothing cached (sidebar/views/callsLoad.ts): startCallList, every
 * warmCallList at once, then getCallList({ slices }). google.script.run runs up to 10 calls at once
 * (dev/emulator/scriptRun.ts), so the modelled wait is the start, the slices side by side, and the
 * last call; the wait if Google ran them one after another instead is printed beside it. Node ms are the calls
 * one after another (the emulator runs them so). Null when the sheet is small enough to read whole.
 */
function measureSplit(emu: Emulator, size: number): Row | null {
  const wall: number[] = [];
  const cpu: number[] = [];
  const finalMs: number[] = [];
  const sliceMs: number[] = [];
  let last: {
    model: Modelled;
    serial: number;
    slices: number;
    calls: Record<string, number>;
  } | null = null;
  for (let run = 0; run < RUNS; run++) {
    emu.run(() => forgetCallList(emu));
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const steps: Modelled[] = [];
    const stepMs: number[] = [];
    const step = <T>(fn: () => T): T => {
      emu.kernel.resetCounts();
      const s0 = performance.now();
      const out = emu.run(fn);
      stepMs.push(performance.now() - s0);
      steps.push(modelled(emu));
      return out;
    };
    const start = step(() => startCallList({}));
    if (!('slices' in start)) return null;
    const { slices } = start;
    for (let slice = 0; slice < slices; slice++) step(() => warmCallList({ slice, slices }));
    step(() => getCallList({ slices }));
    wall.push(performance.now() - t0);
    finalMs.push(stepMs[stepMs.length - 1]);
    sliceMs.push(Math.max(...stepMs.slice(1, -1)));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    // The slices run side by side as google.script.run runs them (dev/emulator/scriptRun.ts).
    const sliceWait = waitForCallsAtOnce(steps.slice(1, -1).map((m) => m.s * 1000)) / 1000;
    const sum = (f: (m: Modelled) => number) => steps.reduce((a, m) => a + f(m), 0);
    const byMethod = new Map<string, number>();
    for (const m of steps)
      for (const [k, ms] of m.byMethod) byMethod.set(k, (byMethod.get(k) ?? 0) + ms);
    last = {
      model: {
        s: steps[0].s + sliceWait + steps[steps.length - 1].s,
        sNoSends: steps[0].s + sliceWait + steps[steps.length - 1].s,
        cellsRead: sum((m) => m.cellsRead),
        cellsWritten: sum((m) => m.cellsWritten),
        byMethod: [...byMethod],
      },
      serial: sum((m) => m.s),
      slices,
      calls: emu.kernel.snapshot(),
    };
  }
  if (!last) return null;
  return {
    size,
    op: 'first split',
    ms: median(wall),
    cpuMs: median(cpu),
    reads: 0,
    writes: 0,
    calls: last.calls,
    model: last.model,
    serial: last.serial,
    slices: last.slices,
    finalMs: median(finalMs),
    sliceMs: median(sliceMs),
  };
}

/** Empties CacheService, so that the next load reads the sheet as a first load does. */
function forgetCallList(emu: Emulator): void {
  emu.cache.clear();
}

function printTable(results: Row[]): void {
  console.log(
    '\nClients bench (emulator, median of %d runs; modelled = Apps Script cost model)\n',
    RUNS,
  );
  console.log(
    '| clients | operation   | Node ms |  cpu ms | modelled s | cells read | cells written | read/client | Spreadsheet calls per method',
  );
  console.log(
    '|--------:|-------------|--------:|--------:|-----------:|-----------:|--------------:|------------:|-----------------------------',
  );
  for (const r of results) {
    const methods = Object.entries(spreadsheetCalls(r.calls))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const perClient = (r.model.cellsRead / r.size).toFixed(2);
    console.log(
      `| ${String(r.size).padStart(7)} | ${r.op.padEnd(11)} | ${r.ms.toFixed(1).padStart(7)} | ${r.cpuMs.toFixed(1).padStart(7)} | ${r.model.s.toFixed(2).padStart(10)} | ${String(r.model.cellsRead).padStart(10)} | ${String(r.model.cellsWritten).padStart(13)} | ${perClient.padStart(11)} | ${methods}`,
    );
  }
  for (const r of results) {
    const top = [...r.model.byMethod]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)} s`);
    console.log(`Modelled time, ${r.op} at ${r.size}: ${top.join(', ')}`);
  }
  const other = results[results.length - 1].calls;
  const nonSheet = Object.entries(other).filter(
    ([k]) => !/^(Spreadsheet|Sheet|Range|SpreadsheetApp)/.test(k),
  );
  console.log(
    '\nOther services, last logTouch: ' + nonSheet.map(([k, v]) => `${k} ${v}`).join(', '),
  );
}

/** The targets at 10,000 and 50,000 clients, each with its figure. */
function printTargets(results: Row[]): void {
  const at = (size: number, op: string): Row | undefined =>
    results.find((r) => r.size === size && r.op === op);
  const lines: string[] = [];
  for (const [size, first, again, nodeMs] of [
    [10000, 2, 0.5, 60],
    [50000, 8, 1, 200],
  ] as const) {
    const cold = at(size, 'list first');
    if (!cold) continue;
    const n = size.toLocaleString('en-US');
    const split = at(size, 'first split');
    if (split) {
      lines.push(
        verdict(
          `${n}: open the list, nothing cached (the sidebar: ${split.slices} slices side by side)`,
          split.model.s,
          first,
          's',
        ),
      );
      lines.push(
        `| ${n}: the same if Google ran the calls one after another | ${split.serial!.toFixed(2)} s | (no limit) | |`,
      );
      lines.push(
        `| ${n}: cells read per client, all calls together | ${((split.model.cellsRead - (split.slices! + 2) * STANDARD_HEADERS.length - 25 * STANDARD_HEADERS.length) / size).toFixed(3)} cells | (6 ranking cells) | |`,
      );
    }
    // One call reading everything: what a search does, and an older sidebar (no limit of its own).
    lines.push(
      `| ${n}: for comparison, one getCallList reading all | ${cold.model.s.toFixed(2)} s | (no limit) | |`,
    );
    // The header and the page's 25 rows are read whole (16 cells each); every other client costs
    // the ranking columns only.
    const perClient = (cold.model.cellsRead - 26 * STANDARD_HEADERS.length) / size;
    lines.push(
      verdict(
        `${n}: cells read per client beyond header and page, first load`,
        perClient,
        6.001,
        'cells',
      ),
    );
    for (const op of ['list again', 'next page', 'new sort']) {
      const r = at(size, op);
      if (r) lines.push(verdict(`${n}: ${op}`, r.model.s, again, 's'));
    }
    const touch = at(size, 'logTouch');
    if (touch) {
      lines.push(verdict(`${n}: logTouch`, touch.model.s, 0.5, 's'));
      lines.push(verdict(`${n}: logTouch cells read`, touch.model.cellsRead, 100, 'cells'));
    }
    lines.push(
      verdict(`${n}: Node getCallList (first load, one call reading all)`, cold.ms, nodeMs, 'ms'),
    );
    if (split?.finalMs !== undefined) {
      lines.push(
        verdict(
          `${n}: Node getCallList (first load, after the slices)`,
          split.finalMs,
          nodeMs,
          'ms',
        ),
      );
      lines.push(
        `| ${n}: Node, slowest warmCallList | ${split.sliceMs!.toFixed(2)} ms | (no limit) | |`,
      );
    }
  }
  if (!lines.length) return;
  console.log('\nTargets (issue 12)\n\n| target | figure | limit | |\n|---|---:|---:|---|');
  for (const line of lines) console.log(line);
  printBreakEven(results, at);
}

/**
 * What the first load's target asks of a cell read: the cost per cell at which the load would just
 * meet its limit, everything else as modelled (the model's figure is COST.readCellMs).
 */
function printBreakEven(results: Row[], at: (size: number, op: string) => Row | undefined): void {
  const out: string[] = [];
  for (const [size, limit] of [
    [10000, 2],
    [50000, 8],
  ] as const) {
    const cold = at(size, 'list first');
    if (!cold) continue;
    const cellsMs = cold.model.cellsRead * COST.readCellMs;
    const otherMs = cold.model.s * 1000 - cellsMs;
    const budget = (limit * 1000 - otherMs) / cold.model.cellsRead;
    out.push(
      `${size.toLocaleString('en-US')}: ${cold.model.cellsRead.toLocaleString('en-US')} cells ` +
        `${(cellsMs / 1000).toFixed(2)} s + everything else ${(otherMs / 1000).toFixed(2)} s; ` +
        `the ${limit} s limit needs a cell read under ${(budget * 1000).toFixed(1)} µs ` +
        `(modelled ${(COST.readCellMs * 1000).toFixed(1)} µs), or under ` +
        `${((limit * 1000 - otherMs) / COST.readCellMs / size).toFixed(2)} cells a client at the modelled cost`,
    );
  }
  if (out.length)
    console.log(
      '\nOne getCallList reading all, what the limit would need of it:\n' + out.join('\n'),
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
