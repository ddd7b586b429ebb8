// Lint rules, and the import table of ../shared/ARCHITECTURE.md enforced per folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const node = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'stream',
  'url',
  'util',
  'events',
  'zlib',
];
// Cross-area imports always climb with ../ (no path aliases), so a regex on the area name after the climb is exact.
const areaRegex = (names) => `^(\\.\\.?/)+(src/)?(${names.join('|')})(/|$)`;
const moduleRegex = (names) => `^(${names.map((n) => n.replace(/[*]/g, '.*')).join('|')})$`;
const ban = (areasBanned, modulesBanned, why) => [
  { regex: areaRegex(areasBanned), message: `${why} (see ARCHITECTURE.md).` },
  ...(modulesBanned.length > 0
    ? [{ regex: moduleRegex(modulesBanned), message: `${why} (see ARCHITECTURE.md).` }]
    : []),
];
// Each folder: the areas and packages it must never import.
const areas = {
  'src/shared': ban(
    ['core', 'renderer', 'relay', 'sandbox', 'host', 'cli', 'electron'],
    ['electron', 'react', 'react-dom', ...node],
    'src/shared may import only zod',
  ),
  'src/core': ban(
    ['renderer', 'relay', 'sandbox', 'host', 'cli', 'electron'],
    ['electron', 'react', 'react-dom'],
    'src/core may import only shared and node:*',
  ),
  'src/renderer': ban(
    ['core', 'relay', 'sandbox', 'host', 'cli', 'electron'],
    ['electron', ...node],
    'src/renderer may import only shared and react',
  ),
  'src/relay': ban(
    ['core', 'renderer', 'sandbox', 'host', 'cli', 'electron'],
    ['electron', 'react', 'react-dom'],
    'src/relay may import only shared',
  ),
  'src/sandbox': ban(
    ['core', 'renderer', 'relay', 'host', 'cli', 'electron'],
    ['electron', 'react', 'react-dom'],
    'src/sandbox may import only shared',
  ),
  'src/host': ban(
    ['renderer', 'relay', 'cli', 'electron'],
    ['electron', 'react', 'react-dom'],
    'src/host may import core, shared and sandbox',
  ),
  'src/cli': ban(
    ['renderer', 'electron'],
    ['electron', 'react', 'react-dom'],
    'src/cli may import core, host, relay and sandbox',
  ),
  electron: ban(
    ['renderer', 'relay', 'host', 'cli'],
    ['react', 'react-dom'],
    'electron/ may import core, shared and sandbox',
  ),
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'coverage/',
      'test-results/',
      'test/artifacts/',
      'test/fixtures/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...Object.entries(areas).map(([folder, patterns]) => ({
    files: [`${folder}/**/*.{ts,tsx}`],
    // Build configs run in Node at build time, not in the area they build.
    ignores: ['**/vite.config.ts', '**/electron.vite.config.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  prettier,
);
