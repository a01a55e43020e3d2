// ESLint flat config: typescript-eslint recommended, the Apps Script runtime rules, and the layers (who may call Apps Script, who may import what).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Apps Script services: only src/services/ calls them (design.md, "Layers enforced, not just drawn"). */
const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'GmailApp',
  'MailApp',
  'PropertiesService',
  'LockService',
  'ScriptApp',
  'HtmlService',
  'Session',
  'Utilities',
  'CacheService',
  'UrlFetchApp',
  'Logger',
  'DriveApp',
  'ContentService',
  'CardService',
  'DocumentApp',
  'FormApp',
  'SlidesApp',
  'CalendarApp',
  'ContactsApp',
  'Charts',
  'XmlService',
  'Jdbc',
  'Browser',
].map((name) => ({
  name,
  message: `${name} is an Apps Script service: call it from a module in src/services/ (core and app stay testable and pure).`,
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'PropertyDefinition[key.type="PrivateIdentifier"]',
          message: 'Apps Script V8 has no #private fields.',
        },
        {
          selector: 'PropertyDefinition[static=true]',
          message: 'Apps Script V8 has no static class fields.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'sidebar/**/*.ts'],
    ignores: ['src/services/**'],
    rules: { 'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS] },
  },
  {
    // The sidebar is a browser app: it shares types and word tables with the server through
    // src/shared only (the server API type is derived there from src/index.ts).
    files: ['sidebar/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**', '!**/src/shared', '!**/src/shared/**'],
              message: 'The sidebar imports only from src/shared (move what it needs there).',
            },
            {
              group: ['**/dev/**', '**/test/**', '**/bench/**'],
              message: 'The sidebar ships to users: it cannot import dev, test or bench code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Product code never imports the emulator, tests or benchmarks; the benchmarks do not import tests.
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/test/**', '../test', '../../test'],
              message: 'Tests are not a library: move what is shared into dev/ (or bench/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/dev/**', '**/test/**', '**/bench/**', '**/sidebar/**'],
              message: 'Product code imports only product code (src/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', 'dev/**', 'test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
