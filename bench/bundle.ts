// Bundle figures: dist/Code.js size, and the cost of one simulated execution (loading the whole script, as Apps Script does on every call).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createEmulator } from '../dev/emulator';
import { loadBundle } from '../dev/emulator/vm';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function main(): void {
  const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const code = readFileSync(join(dist, 'Code.js'));
  console.log(`dist/Code.js: ${code.length} bytes, ${gzipSync(code).length} bytes gzipped`);
  const emu = createEmulator({ htmlDir: dist });
  const addon = loadBundle(emu, code.toString('utf8'));
  const times: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const start = performance.now();
    addon.call('onOpen', [{ authMode: 'NONE' }], 'NONE');
    times.push(performance.now() - start);
  }
  console.log(
    `onOpen as one execution (script load + menu), median of 20: ${median(times).toFixed(2)} ms`,
  );
  emu.kernel.resetCounts();
  addon.call('onOpen', [{ authMode: 'NONE' }], 'NONE');
  console.log(`onOpen service calls: ${JSON.stringify(emu.kernel.snapshot())}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
