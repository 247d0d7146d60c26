import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const pureMessage =
  'model/, sim/, layout/ and export/ are pure (DESIGN §3): no React, Ink or node: I/O here; pass data in from cli/ or ui/.';
const impureGlobals = [
  { name: 'Date', message: 'The engine runs on a virtual clock: take time as an input, never Date.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['source/{model,sim,layout,export}/**/*.ts'],
    ignores: ['source/model/load-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react/*', 'ink', 'ink-*', 'immer'], message: pureMessage },
            { group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: pureMessage },
            { group: ['../ui/*', '../cli*'], message: pureMessage },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...impureGlobals, { name: 'process', message: pureMessage }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness must be seeded: use sim/random.ts.' },
        { object: 'Date', property: 'now', message: 'The engine runs on a virtual clock: take time as an input.' },
      ],
    },
  },
);
