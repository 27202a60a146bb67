import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  { ignores: ['**/dist/', '**/.tsbuild/', 'data/', 'bench-results/', '**/dev-dist/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Citizens' text must never be rendered as HTML (reliability.md).
      'svelte/no-at-html-tags': 'error',
    },
  },
  // Layering (design.md): the domain is pure; in the API, routes → services → repositories; no app
  // imports another (each ships alone, and the API must never bundle a screen).
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@hailong/', message: 'The domain imports nothing of ours but itself.' },
            { regex: '^\\.\\./\\.\\./', message: 'The domain imports nothing outside itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.route.ts', 'apps/api/src/**/*.test.ts', 'apps/api/src/app.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '\\.route\\.ts$',
              message: 'Only the app wires routes; services never import them.',
            },
            { regex: '^@hailong/(console|kiosk|phone)$', message: 'No app imports another.' },
            { regex: '(^|/)apps/(console|kiosk|phone)/', message: 'No app imports another.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.route.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '\\.repository\\.ts$',
              message: 'A route calls its service; only services reach the repositories.',
            },
            {
              regex: '(^|/)repositories/',
              message: 'A route calls its service; repositories and their row types stay below it.',
            },
            { regex: '^@hailong/(console|kiosk|phone)$', message: 'No app imports another.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.repository.ts', 'apps/api/src/repositories/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '\\.(route|service)\\.ts$',
              message: 'A repository reads and writes rows; it calls no service nor route.',
            },
            { regex: '^@hailong/(api|console|kiosk|phone)$', message: 'No app imports another.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/console/src/**', 'apps/kiosk/src/**', 'apps/phone/src/**'],
    ignores: ['apps/kiosk/src/test-entry/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@hailong/(api|console|kiosk|phone)$', message: 'No app imports another.' },
            { regex: '^(\\.\\./)+(api|console|kiosk|phone)/', message: 'No app imports another.' },
            { regex: '(^|/)apps/', message: 'No app imports another.' },
          ],
        },
      ],
    },
  },
  {
    // Migrations are written against Kysely<any> so they never change when the current schema does.
    files: ['apps/api/src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
);
