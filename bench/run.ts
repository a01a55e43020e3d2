// Runs every benchmark in turn and prints its figures (service calls, milliseconds, bytes); `npm run bench`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BENCHES = ['bundle', 'clients', 'mailMerge', 'gmail', 'sidebar', 'weekly'];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const name of BENCHES) {
    if (only.length > 0 && !only.includes(name)) continue;
    const file = join(here, `${name}.ts`);
    if (!existsSync(file)) {
      console.log(`\n## ${name}: no bench/${name}.ts`);
      continue;
    }
    console.log(`\n## ${name}`);
    const mod = (await import(pathToFileURL(file).href)) as { main?: () => Promise<void> | void };
    if (typeof mod.main !== 'function') throw new Error(`bench/${name}.ts exports no main()`);
    await mod.main();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
