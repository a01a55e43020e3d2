// Bench: the mail merge on 10,000- and 50,000-client sheets, batches of 10 and 100 emails: calls, Node ms, modelled Apps Script seconds (all but the sends), cells, targets.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createEmulator, installGlobals } from '../dev/emulator';
import { STANDARD_HEADERS } from '../src/core/clients';
import { getMergeSetup, previewMerge, runMailMerge } from '../src/app/mailMerge';
import type { MergeRequest } from '../src/shared/mergeApi';
import { modelled, verdict, type Modelled } from './modelled';

const SIZES = (process.env.MERGE_SIZES ?? '10000,50000').split(',').map(Number);
const BATCHES = [10, 100];
/** Touches already logged per client (MERGE_TOUCHES=1: a log as long as the client sheet). */
const TOUCHES_PER_CLIENT = Number(process.env.MERGE_TOUCHES ?? '0');

/** A Touches log of calls, oldest first, in the add-on's layout. */
function touchRows(n: number): unknown[][] {
  const rows: unknown[][] = [
    ['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes', 'Step', 'Logged by', 'Touch ID'],
  ];
  const start = Date.UTC(2019, 0, 15, 12);
  for (let i = 0; i < n; i++) {
    const client = (i * 7919) % Math.max(1, n);
    rows.push([
      new Date(start + Math.floor((i / n) * 2000) * 86400000),
      `C-${String(client).padStart(6, '0')}`,
      `Client ${client}`,
      'call',
      'Voicemail',
      '',
      '',
      'me@example.com',
      `T-${String(i).padStart(9, '0')}`,
    ]);
  }
  return rows;
}

function clientRows(n: number): unknown[][] {
  const rows: unknown[][] = [[...STANDARD_HEADERS]];
  const start = Date.UTC(2019, 0, 15, 12);
  for (let i = 0; i < n; i++) {
    const last = new Date(start + ((i * 7919) % 2000) * 86400000);
    rows.push([
      `C-${String(i).padStart(6, '0')}`,
      `Client ${i}`,
      '',
      `Firm ${i % 300}`,
      `c${i}@example.com`,
      '555-0100',
      last,
      1000 + ((i * 37) % 20000),
      '',
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

const READS = /\.(getValues|getDisplayValues|getValue|getDisplayValue)$/;
const WRITES =
  /^(Range|Sheet)\.(setValues|setValue|appendRow|insertRowsAfter|insertColumnsAfter|insertSheet)$|Spreadsheet\.insertSheet$/;
const sum = (counts: Record<string, number>, re: RegExp): number =>
  Object.entries(counts)
    .filter(([k]) => re.test(k))
    .reduce((a, [, v]) => a + v, 0);

interface Row {
  size: number;
  op: string;
  model: Modelled;
  emails: number;
  mail: number;
  reads: number;
  writes: number;
  props: number;
  propWrites: number;
  ms: number;
}

export function main(): void {
  const rows: Row[] = [];
  const lockTakes: string[] = [];
  for (const size of SIZES)
    for (const batch of BATCHES) {
      for (const variant of ['send', 'send, nothing cached', 'draft'] as const) {
        const mode = variant === 'draft' ? 'draft' : 'send';
        const cold = variant === 'send, nothing cached';
        const emu = createEmulator({ now: '2026-11-25T15:00:00Z', dailyEmailQuota: 1500 });
        emu.sheets.setSheet('Clients', clientRows(size), { frozenRows: 1 });
        if (TOUCHES_PER_CLIENT > 0)
          emu.sheets.setSheet('Touches', touchRows(size * TOUCHES_PER_CLIENT), { frozenRows: 1 });
        const uninstall = installGlobals(emu);
        // A user who saved their name in Settings: it signs the built-in templates.
        emu.run(() =>
          PropertiesService.getDocumentProperties().setProperty(
            'reconnect.settings',
            JSON.stringify({ myName: 'Sam Carter' }),
          ),
        );
        try {
          emu.run(() => getMergeSetup()); // creates the Templates sheet once, as a first use would
          const request: MergeRequest = {
            template: { source: 'sheet', name: 'Reconnect apology' },
            recipients: { kind: 'top', count: batch },
            mode,
          };
          const measure = (op: string, fn: () => number) => {
            emu.kernel.resetCounts();
            const t0 = performance.now();
            const emails = emu.run(fn);
            const ms = performance.now() - t0;
            const c = emu.kernel.snapshot();
            rows.push({
              size,
              model: modelled(emu),
              op,
              emails,
              mail: sum(c, /^(MailApp|GmailApp|GmailDraft|GmailMessage)\./),
              reads: sum(c, READS),
              writes: sum(c, WRITES),
              props: sum(c, /^(Properties|PropertiesService)\./),
              propWrites: sum(c, /^Properties\.(setProperty|setProperties|deleteProperty)$/),
              ms,
            });
          };
          if (variant === 'send')
            measure(`preview top ${batch}`, () => previewMerge(request).emails.length);
          // Cold: the call list's cached index gone (expired), so the ranking columns are read.
          if (cold) emu.cache.clear();
          const name = mode === 'send' ? 'send' : 'drafts';
          measure(`${name} top ${batch}${cold ? ', nothing cached' : ''}`, () => {
            const r = runMailMerge(request);
            return r.sent + r.drafted;
          });
          const locks = emu.locks.history.filter((h) => h.kind === 'document').length;
          if (!cold) lockTakes.push(`${size} ${mode} ${batch}: ${locks} document-lock sections`);
        } finally {
          uninstall();
        }
      }
    }
  console.log(
    `Mail merge (one execution each; emulated services; modelled = Apps Script cost model; Touches log: ${TOUCHES_PER_CLIENT} rows per client, MERGE_TOUCHES)`,
  );
  console.log(
    '| clients | operation | emails | Gmail/Mail calls | Sheet reads | Sheet writes | Properties calls | property writes per email | Node ms | modelled s | modelled s, all but sends | cells read | cells written |',
  );
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.size} | ${r.op} | ${r.emails} | ${r.mail} | ${r.reads} | ${r.writes} | ${r.props} | ${r.emails ? (r.propWrites / r.emails).toFixed(2) : '-'} | ${r.ms.toFixed(0)} | ${r.model.s.toFixed(2)} | ${r.model.sNoSends.toFixed(2)} | ${r.model.cellsRead} | ${r.model.cellsWritten} |`,
    );
  }
  for (const r of rows.filter((x) => x.op.startsWith('send top 100'))) {
    const top = [...r.model.byMethod]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)} s`);
    console.log(`Modelled time, ${r.op} at ${r.size}: ${top.join(', ')}`);
  }
  console.log('\nTargets (issue 12)\n\n| target | figure | limit | |\n|---|---:|---:|---|');
  for (const [size, limit] of [
    [10000, 15],
    [50000, 25],
  ] as const) {
    for (const op of ['send top 100', 'send top 100, nothing cached']) {
      const r = rows.find((x) => x.size === size && x.op === op);
      const what = op.endsWith('cached') ? ', nothing cached' : ', index cached by the setup';
      if (r)
        console.log(
          verdict(
            `${size.toLocaleString('en-US')}: 100-email merge, all but the sends${what}`,
            r.model.sNoSends,
            limit,
            's',
          ),
        );
    }
  }
  // Sends go in locked chunks of at most 10: the lock is free between them for the sidebar's writes.
  console.log(
    `Lock sections per run (setup, preview and the run together): ${lockTakes.join('; ')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
