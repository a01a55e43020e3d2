// Sidebar bench: dist/Sidebar.html size (bytes, gzipped) and, in headless Chromium on 10,000 clients, open-to-first-list time without the server's share.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { browserAvailable, clickMenu, openRig, sidebarFrame } from '../dev/browser';

const CLIENTS = 10_000;
const RUNS = 7;

interface Sample {
  /** Sidebar navigation start to the first list painted. */
  total: number;
  /** The call list's round trips seen by the page (requests, server, responses), first to last. */
  roundTrip: number;
  /** The emulated server's own time for that call. */
  server: number;
}

function root(): string {
  return fileURLToPath(new URL('..', import.meta.url));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function main(): Promise<void> {
  const html = readFileSync(join(root(), 'dist', 'Sidebar.html'));
  const gz = gzipSync(html, { level: 9 }).length;
  console.log(
    `dist/Sidebar.html: ${html.length.toLocaleString('en-US')} bytes, ${gz.toLocaleString('en-US')} bytes gzipped (target < 61,440)`,
  );
  if (!browserAvailable) {
    console.log('Chromium not found at /usr/bin/chromium: paint timing skipped.');
    return;
  }
  const rig = await openRig({ clients: CLIENTS });
  let inPreview: Sample[] = [];
  let alone: Sample[] = [];
  let stateMs = 0;
  try {
    inPreview = await sampleInPreview(rig);
    alone = await sampleAlone(rig);
    stateMs = await sampleState(rig);
  } finally {
    await rig.close();
  }
  report(`Sidebar alone (its own tab, as in Sheets where the host page is Google's)`, alone);
  report(
    `Sidebar inside the preview page (shares the renderer with the page and its grid)`,
    inPreview,
  );
  console.log(
    `Preview page refresh (/api/state, the grid of a ${CLIENTS.toLocaleString('en-US')}-row sheet), median of ${RUNS}: ${stateMs.toFixed(0)} ms`,
  );
}

type Rig = Awaited<ReturnType<typeof openRig>>;
type Timing = { paint: number; roundTrip: number; server: number };

/** Read in the sidebar document: its paint mark and the call list's round trips the shim timed. */
function readTiming(): Timing {
  const paint = performance.getEntriesByName('reconnect:list-painted')[0].startTime;
  const runs = (
    window as unknown as {
      reconnectRuns: Array<{ name: string; start: number; end: number; serverMs: number }>;
    }
  ).reconnectRuns;
  // The list's calls: startCallList, and on a large sheet with nothing cached its slices and the
  // getCallList that puts them together (sidebar/views/callsLoad.ts).
  const names = ['startCallList', 'warmCallList', 'getCallList'];
  const list = runs.filter((r) => names.includes(r.name) && r.end <= paint);
  if (!list.length) return { paint, roundTrip: 0, server: 0 };
  const first = Math.min(...list.map((r) => r.start));
  const last = Math.max(...list.map((r) => r.end));
  return { paint, roundTrip: last - first, server: list.reduce((a, r) => a + r.serverMs, 0) };
}

async function sampleInPreview(rig: Rig): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    await clickMenu(rig.page, 'Open call list');
    // The menu click re-shows the sidebar, so the frame reloads: wait for this load's paint mark.
    await rig.page.waitForFunction(
      (n) => document.querySelector<HTMLIFrameElement>('#sidebar-frame')?.src.endsWith(`v=${n}`),
      i + 1,
    );
    const frame = await sidebarFrame(rig.page);
    await frame.waitForFunction(
      () => performance.getEntriesByName('reconnect:list-painted').length > 0,
    );
    const t = await frame.evaluate(readTiming);
    samples.push({ total: t.paint, roundTrip: t.roundTrip, server: t.server });
  }
  return samples;
}

async function sampleAlone(rig: Rig): Promise<Sample[]> {
  const page = await rig.context.newPage();
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    await page.goto(`${rig.preview.url}sidebar?run=${i}`);
    await page.waitForFunction(
      () => performance.getEntriesByName('reconnect:list-painted').length > 0,
    );
    const t = await page.evaluate(readTiming);
    samples.push({ total: t.paint, roundTrip: t.roundTrip, server: t.server });
  }
  await page.close();
  return samples;
}

/** What the preview page asks after every sidebar call: it runs on the same server thread as the calls. */
async function sampleState(rig: Rig): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await (await fetch(`${rig.preview.url}api/state`)).json();
    times.push(performance.now() - started);
  }
  return median(times);
}

function report(title: string, samples: Sample[]): void {
  const fmt = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `${title}: ${CLIENTS.toLocaleString('en-US')} clients, ${RUNS} runs, median [first run]`,
  );
  const row = (label: string, pick: (s: Sample) => number) =>
    console.log(
      `  ${label.padEnd(52)} ${fmt(median(samples.map(pick))).padStart(7)}  [${fmt(pick(samples[0]))}]`,
    );
  row('navigation start -> first list painted', (s) => s.total);
  row('  call list server time, all its calls (emulated)', (s) => s.server);
  row('  call list round trips, first start to last end', (s) => s.roundTrip);
  row('first list painted, excluding server time', (s) => s.total - s.server);
  row('first list painted, excluding the whole round trip', (s) => s.total - s.roundTrip);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
