// The layers are enforced by ESLint, not just drawn: Apps Script services only in src/services, the sidebar imports only src/shared, bench and src never import tests.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** ESLint's rule ids for each [path, code] as if the code were that file (the project's own config), in one process. */
function lintAll(cases: readonly (readonly [string, string, unknown])[]): string[][] {
  const script = `
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: process.cwd() });
    const cases = JSON.parse(process.argv[1]);
    const out = [];
    for (const [filePath, code] of cases) {
      const [result] = await eslint.lintText(code, { filePath });
      out.push(result.messages.map((m) => m.ruleId ?? 'parse error: ' + m.message));
    }
    process.stdout.write(JSON.stringify(out));`;
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(cases.map(([p, c]) => [p, c]))],
    { cwd: root, encoding: 'utf8' },
  );
  return JSON.parse(output) as string[][];
}

const USES_SHEETS =
  '// x\nexport const name = (): string => SpreadsheetApp.getActive().getName();\n';

const CASES: readonly (readonly [string, string, string[]])[] = [
  ['src/core/x.ts', USES_SHEETS, ['no-restricted-globals']],
  [
    'src/app/x.ts',
    '// x\nexport const me = () => Session.getActiveUser();\n',
    ['no-restricted-globals'],
  ],
  ['sidebar/views/x.ts', USES_SHEETS, ['no-restricted-globals']],
  ['src/services/x.ts', USES_SHEETS, []],
  [
    'sidebar/views/x.ts',
    "// x\nimport type { ClientField } from '../../src/core/columns';\nexport type F = ClientField;\n",
    ['@typescript-eslint/no-restricted-imports'],
  ],
  [
    'sidebar/views/x.ts',
    "// x\nimport type { Settings } from '../../src/shared/api';\nexport type S = Settings;\n",
    [],
  ],
  [
    'bench/x.ts',
    "// x\nimport { openRig } from '../test/support/browser';\nexport const o = openRig;\n",
    ['@typescript-eslint/no-restricted-imports'],
  ],
  [
    'src/app/x.ts',
    "// x\nimport { createEmulator } from '../../dev/emulator';\nexport const c = createEmulator;\n",
    ['@typescript-eslint/no-restricted-imports'],
  ],
];

test('the layer rules flag what crosses a layer, and only that', () => {
  const found = lintAll(CASES);
  expect(CASES.map(([path, code], i) => [path, code, found[i]])).toEqual(CASES);
});
