// Bench: Gmail's side of the record: searches to scan replies of 100 and 1,000 recently emailed clients, and property writes per email sent.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createEmulator, installGlobals, type Emulator } from '../dev/emulator';
import { STANDARD_HEADERS } from '../src/core/clients';
import { runMailMerge } from '../src/app/mailMerge';
import { scanGmail } from '../src/app/gmailScan';

function world(n: number): { emu: Emulator; uninstall: () => void } {
  const emu = createEmulator({ now: '2026-11-25T15:00:00Z', dailyEmailQuota: 1500 });
  const rows: unknown[][] = [[...STANDARD_HEADERS]];
  const email = STANDARD_HEADERS.indexOf('Email');
  const id = STANDARD_HEADERS.indexOf('Client ID');
  const name = STANDARD_HEADERS.indexOf('Name');
  const last = STANDARD_HEADERS.indexOf('Last Contact');
  for (let i = 0; i < n; i++) {
    const row: unknown[] = STANDARD_HEADERS.map(() => '');
    row[id] = `C-${String(i).padStart(6, '0')}`;
    row[name] = `Client ${i}`;
    // Long, realistic addresses: the query length, not the client count, sets the batch size.
    row[email] = `firstname.lastname${i}@client-company-${i % 50}.example.com`;
    row[last] = new Date(Date.UTC(2021, i % 12, 15, 12));
    rows.push(row);
  }
  emu.sheets.setSheet('Clients', rows, { frozenRows: 1 });
  const uninstall = installGlobals(emu);
  emu.run(() =>
    PropertiesService.getDocumentProperties().setProperty(
      'reconnect.settings',
      JSON.stringify({ myName: 'Sam Carter' }),
    ),
  );
  return { emu, uninstall };
}

function sendAll(emu: Emulator, n: number): { sent: number; propertyWrites: number } {
  let sent = 0;
  let propertyWrites = 0;
  // 1,000 clients over a few days: 200 a run (Workspace quota is 1,500 recipients a day).
  while (sent < n) {
    emu.kernel.resetCounts();
    const r = emu.run(() =>
      runMailMerge({
        template: { source: 'sheet', name: 'Reconnect apology' },
        recipients: { kind: 'top', count: Math.min(200, n - sent) },
        mode: 'send',
      }),
    );
    const c = emu.kernel.snapshot();
    propertyWrites += (c['Properties.setProperty'] ?? 0) + (c['Properties.setProperties'] ?? 0);
    sent += r.sent;
    if (!r.sent) break;
    emu.clock.advance(8 * 60 * 1000);
  }
  return { sent, propertyWrites };
}

export function main(): void {
  console.log(
    '| clients emailed | replies | Gmail searches | Gmail calls | scan ms | property writes per email sent |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const n of [100, 1000]) {
    const { emu, uninstall } = world(n);
    try {
      const { sent, propertyWrites } = sendAll(emu, n);
      emu.clock.advance(3600_000);
      for (let i = 0; i < n; i += 17) {
        emu.mail.simulateReply(
          `firstname.lastname${i}@client-company-${i % 50}.example.com`,
          'Hi!',
        );
      }
      emu.kernel.resetCounts();
      const t0 = performance.now();
      const scan = emu.run(() => scanGmail());
      const ms = performance.now() - t0;
      const c = emu.kernel.snapshot();
      const gmail = Object.entries(c)
        .filter(([k]) => /^(GmailApp|GmailThread|GmailMessage|GmailDraft)\./.test(k))
        .reduce((a, [, v]) => a + v, 0);
      console.log(
        `| ${sent} | ${scan.replies} | ${c['GmailApp.search'] ?? 0} | ${gmail} | ${ms.toFixed(0)} | ${(propertyWrites / Math.max(1, sent)).toFixed(2)} |`,
      );
    } finally {
      uninstall();
    }
  }
  console.log(
    'Searches: in:sent threads since the earliest send, 500 a call; Gmail calls count every GmailApp/thread/message method (getFrom, getDate, getPlainBody of the replies). Property writes: one per email plus one per 10-email chunk and one run record.',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
