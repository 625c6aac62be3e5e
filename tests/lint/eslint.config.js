// Import-direction rules (STYLE.md §4.1): domain ← state, io ← tools ← actions ← services ← render, ui.
// `services` (src/services) wires io and state for the page (frame loading, review, session, checks
// runner): actions reach them only through the injected EditorServices, never by import.
// Run with `eslint -c tests/lint/eslint.config.js .` (the npm `lint` script).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const UI_LIBS = ['three', 'three/*', 'react', 'react-dom', 'react-dom/*', '@react-three/*', 'zustand', 'zustand/*', 'zundo', 'comlink'];
const NODE = ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', 'fastify'];

// Modules whose values pull zod into a bundle: the browser and its workers may import their types only.
const ZOD_MODULES = [
  'zod',
  '**/requestSchemas.ts',
  '**/replySchemas.ts',
  '**/validateAnnotation.ts',
  '**/EdgeCaseDictionary.ts',
  '**/parseDictionary.ts',
  '**/editDictionary.ts',
];
const NO_ZOD = {
  group: ZOD_MODULES,
  allowTypeImports: true,
  message: 'browser code imports only types from zod schema modules (zod stays out of the bundle; see README "No zod in the browser").',
};

const layer = (from, forbiddenDirs, forbiddenPackages = [], extra = []) => ({
  files: [`${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbiddenDirs.map((dir) => ({
            group: [`**/${dir}/*`, `**/${dir}`],
            message: `${from} may not import from ${dir} (imports point one way: see STYLE.md §4.1).`,
          })),
          ...(forbiddenPackages.length ? [{ group: forbiddenPackages, message: `${from} may not depend on this package (STYLE.md §4.1).` }] : []),
          ...extra,
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'samples/**', 'test-results/**', 'playwright-report/**', '.cuboid/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { 'no-debugger': 'error' },
  },
  // Promises must be awaited, returned, or marked `void` on purpose, and never handed where a
  // callback's result is ignored (an event handler, a forEach): a rejected save or load then goes unseen.
  {
    files: ['src/**/*.{ts,tsx}', 'workers/**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.domain.json', './tsconfig.workers.json'], tsconfigRootDir: ROOT },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // The rules of hooks (called unconditionally, at the top level) and complete effect dependencies.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // No stray console output in the app, workers and library code (benchmarks, tests and the CLI print on purpose).
  {
    files: ['src/**/*.{ts,tsx}', 'workers/**/*.ts'],
    ignores: ['src/cli/**', 'src/sim/generateSamples.ts'],
    rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },
  layer('src/domain', ['state', 'io', 'tools', 'actions', 'services', 'render', 'ui', 'server', 'cli', 'sim', 'workers'], [...UI_LIBS, ...NODE]),
  layer(
    'src/state',
    ['io', 'tools', 'actions', 'services', 'render', 'ui', 'server', 'cli', 'workers'],
    ['three', 'three/*', 'react', 'react-dom', '@react-three/*', 'comlink', ...NODE],
    [NO_ZOD],
  ),
  layer(
    'src/io',
    ['state', 'tools', 'actions', 'services', 'render', 'ui', 'server', 'cli'],
    ['react', 'react-dom', '@react-three/*', 'zustand', ...NODE],
    [NO_ZOD],
  ),
  layer('src/tools', ['actions', 'services', 'render', 'ui', 'server', 'cli'], ['three', 'three/*', 'react', 'react-dom', '@react-three/*', ...NODE], [NO_ZOD]),
  layer('src/actions', ['services', 'render', 'ui', 'server', 'cli'], ['three', 'three/*', 'react', 'react-dom', '@react-three/*', ...NODE], [NO_ZOD]),
  layer('src/services', ['render', 'ui', 'server', 'cli'], ['three', 'three/*', 'react', 'react-dom', '@react-three/*', ...NODE], [NO_ZOD]),
  layer('src/render', ['server', 'cli'], NODE, [NO_ZOD]),
  layer('src/ui', ['server', 'cli', 'io'], NODE, [NO_ZOD]),
  layer(
    'workers',
    ['state', 'io', 'tools', 'actions', 'services', 'render', 'ui', 'server', 'cli'],
    ['three', 'three/*', 'react', 'react-dom', '@react-three/*', 'zustand', ...NODE],
    [NO_ZOD],
  ),
  layer('src/server', ['state', 'io', 'tools', 'actions', 'services', 'render', 'ui'], UI_LIBS),
  layer('src/cli', ['state', 'io', 'tools', 'actions', 'services', 'render', 'ui'], UI_LIBS),
);
