// Builds dist/ for Apps Script: Code.js (one IIFE plus one top-level wrapper per export), the HTML pages, the manifest.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const GLOBAL = '__reconnect';

/** HTML pages: each is an HTML shell with its script and stylesheet inlined. */
export const PAGES = [
  {
    name: 'Sidebar',
    html: 'sidebar/index.html',
    script: 'sidebar/main.ts',
    css: 'sidebar/styles.css',
  },
  {
    name: 'Letters',
    html: 'sidebar/letters.html',
    script: 'sidebar/letters.ts',
    css: 'sidebar/letters.css',
  },
];

/** Names exported by src/index.ts: these, and only these, become Apps Script globals. */
export async function exportedNames() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    platform: 'neutral',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  return [...output.exports].sort();
}

async function buildCode() {
  const names = await exportedNames();
  // Apps Script only sees top-level function declarations: one wrapper per export, helpers stay private.
  const footer = names
    .map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`)
    .join('\n');
  await esbuild.build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    outfile: join(dist, 'Code.js'),
    footer: { js: footer },
    logLevel: 'warning',
  });
  return names;
}

async function buildPage(page) {
  const js = await esbuild.build({
    entryPoints: [join(root, page.script)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const css = await esbuild.build({
    entryPoints: [join(root, page.css)],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  // `</script` inside the bundle would end the inline script early.
  const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const style = css.outputFiles[0].text;
  const shell = readFileSync(join(root, page.html), 'utf8');
  // Function replacers: a string replacement would expand `$&` found in minified code.
  const html = shell
    .replace('<!-- STYLE -->', () => `<style>${style}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${script}</script>`);
  if (html.includes('<!-- STYLE -->') || html.includes('<!-- SCRIPT -->')) {
    throw new Error(`${page.html}: placeholders were not replaced`);
  }
  writeFileSync(join(dist, `${page.name}.html`), html);
}

export async function build() {
  mkdirSync(dist, { recursive: true });
  const names = await buildCode();
  await Promise.all(PAGES.map(buildPage));
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  return names;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = await build();
  console.log(
    `dist/ built: Code.js with ${names.length} globals, ${PAGES.length} page(s), appsscript.json`,
  );
}
