// Bench: the weekly trigger's run, a batch of 10 on 1,000 and 50,000 clients (Spreadsheet calls constant in the number of clients; Node ms), and a run with nothing to do.
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEmulator, installGlobals } from '../dev/emulator';
import { STANDARD_HEADERS } from '../src/core/clients';
import { saveSchedule } from '../src/app/schedule';
import { runScheduledBatch } from '../src/app/weeklyRun';
import { modelled, type Modelled } from './modelled';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.WEEKLY_SIZES ?? '1000,50000').split(',').map(Number);

function clientRows(n: number): unknown[][] {
  const rows: unknown[][] = [[...STANDARD_HEADERS]];
  const start = Date.UTC(2019, 0, 15, 12);
  for (let i = 0; i < n; i++) {
    const last = new Date(start + ((i * 7919) % 2500) * 86400000);
    rows.push([
      `C-${String(i).padStart(6, '0')}`,
      `Client ${i}`,
      '',
      `Firm ${i % 300}`,
      i % 50 === 3 ? '' : `c${i}@example.com`,
      '555-0100',
      last,
      1000 + ((i * 37) % 20000),
      i % 4 === 0 ? 'Quarterly' : '',
      '',
      'To reconnect',
      0,
      '',
      i % 97 === 0,
      '',
      '',
    ]);
  }
  return rows;
}

interface Row {
  clients: number;
  context: string;
  run: string;
  sent: number;
  sheets: number;
  reads: number;
  writes: number;
  mail: number;
  props: number;
  utilities: number;
  total: number;
  ms: number;
  cpu: number;
  /** Modelled Apps Script cost (dev/emulator/cost.ts). */
  model: Modelled;
}

const sum = (counts: Record<string, number>, re: RegExp): number =>
  Object.entries(counts)
    .filter(([k]) => re.test(k))
    .reduce((a, [, v]) => a + v, 0);

function measure(clients: number, document: boolean, rows: Row[]): void {
  const manifest = JSON.parse(readFileSync(join(here, '..', 'appsscript.json'), 'utf8')) as {
    oauthScopes: string[];
  };
  const emu = createEmulator({ now: '2026-11-29T15:00:00Z', scopes: manifest.oauthScopes });
  emu.sheets.setSheet('Clients', clientRows(clients), { frozenRows: 1 });
  emu.triggers.triggerHasDocument = document;
  (emu.globals as Record<string, unknown>).runScheduledBatch = runScheduledBatch;
  const uninstall = installGlobals(emu);
  try {
    emu.run(() =>
      PropertiesService.getDocumentProperties()!.setProperty(
        'reconnect.settings',
        JSON.stringify({ myName: 'Sam Carter' }),
      ),
    );
    emu.run(() =>
      saveSchedule({
        day: 'MONDAY',
        hour: 9,
        size: 10,
        template: { source: 'sheet', name: 'Reconnect apology' },
        cadenceTemplate: null,
        mode: 'send',
        afterCampaign: 'stop',
        summaryEmail: true,
        paused: false,
      }),
    );
    emu.clock.set('2026-11-30T14:30:00Z');
    const trigger = emu.triggers.triggers[0];
    const context = document ? 'with document' : 'no document';
    for (const run of ['batch of 10', 'nothing to do']) {
      const before = emu.mail.sent.length;
      emu.kernel.resetCounts();
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      emu.triggers.fire(trigger);
      const ms = performance.now() - t0;
      const used = process.cpuUsage(c0);
      const c = emu.kernel.snapshot();
      rows.push({
        clients,
        context,
        run,
        sent: emu.mail.sent.length - before,
        sheets: sum(c, /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./),
        reads: sum(c, /\.(getValues|getDisplayValues|getValue)$/),
        writes: sum(c, /\.(setValues|setValue|appendRow|deleteRows|insertSheet)$/),
        mail: sum(c, /^(MailApp|GmailApp)\./),
        props: sum(c, /^(Properties|PropertiesService)\./),
        utilities: sum(c, /^Utilities\./),
        total: emu.kernel.count(),
        ms,
        cpu: (used.user + used.system) / 1000,
        model: modelled(emu),
      });
      emu.clock.advance(3600 * 1000);
    }
  } finally {
    uninstall();
  }
}

export function main(): void {
  const rows: Row[] = [];
  for (const clients of SIZES)
    for (const document of [true, false]) measure(clients, document, rows);
  console.log('Weekly trigger run (one execution each; emulated services, Gmail calls instant)');
  console.log(
    '| clients | trigger context | run | emails | Spreadsheet calls | reads | writes | Mail calls | Properties calls | Utilities calls | all calls | Node ms (wall) | Node CPU ms | modelled s, all but sends | cells read | cells written |',
  );
  console.log('|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.clients.toLocaleString('en-US')} | ${r.context} | ${r.run} | ${r.sent} | ${r.sheets} | ${r.reads} | ${r.writes} | ${r.mail} | ${r.props} | ${r.utilities} | ${r.total} | ${r.ms.toFixed(0)} | ${r.cpu.toFixed(0)} | ${r.model.sNoSends.toFixed(2)} | ${r.model.cellsRead} | ${r.model.cellsWritten} |`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
