// ESLint flat config: typescript-eslint recommended, with the Apps Script runtime rules enforced by tsconfig.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
    files: ['**/*.js', '**/*.cjs', 'dev/**', 'test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
