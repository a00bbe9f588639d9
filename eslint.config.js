// Layering rules (import direction), in the spirit of VS Code's: shared <- main/engine <- main/ipc,
// shared <- renderer. Raw ipcMain/ipcRenderer are banned outside src-main/ipc and src-main/preload.
// Inside src-main the layers below are enforced by import-x/no-restricted-paths, cycles by
// import-x/no-cycle; promises are checked with type information (no floating or misused promises).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const ROOT = dirname(fileURLToPath(import.meta.url));

const NODE_BUILTINS = [
  'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'stream',
  'worker_threads', 'zlib', 'util', 'events', 'buffer', 'readline', 'fs/promises', 'stream/promises',
];
// Bare builtin names go in `paths` (exact match): as `patterns` they would also ban a local './events'.
const nodeBuiltinPaths = NODE_BUILTINS.map((name) => ({ name, message: 'No Node APIs in this layer.' }));
const nodeBuiltinPatterns = [{ group: ['node:*'], message: 'No Node APIs in this layer.' }];
const banIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Only src-main/ipc (ipcMain) and src-main/preload (ipcRenderer) may touch raw IPC.',
};

// The engine's layers, lowest first: a file may import its own layer and those below, never above.
// Paths are folders or files (no globs: the rule cannot mix the two in one zone).
const ENGINE = 'src-main/engine';
const DOMAIN = ['ingest', 'embed', 'cluster', 'hierarchy', 'classify', 'analyze', 'validate', 'export',
  'report-html', 'review', 'settings', 'workers', 'reconstruct'];
const LAYERS = [
  { name: 'shared', paths: ['src-shared'] },
  { name: 'base', paths: [`${ENGINE}/errors.ts`, `${ENGINE}/log.ts`, `${ENGINE}/paths.ts`, `${ENGINE}/base`] },
  { name: 'db', paths: ['src-main/db'] },
  { name: 'llm', paths: [`${ENGINE}/llm`] },
  { name: 'pipeline', paths: [`${ENGINE}/pipeline`] },
  // The fake Claude server is a test/demo utility at the domain level: only front doors start it.
  // Demo mode's settings and paths are domain-level (the host reads them); starting it drives the
  // host, so demo/prepare.ts sits with the service.
  {
    name: 'domain',
    paths: [
      ...DOMAIN.map((d) => `${ENGINE}/${d}`),
      `${ENGINE}/project.ts`,
      'src-main/fake-anthropic',
      `${ENGINE}/demo/mode.ts`,
      `${ENGINE}/demo/resources.ts`,
    ],
  },
  { name: 'jobs', paths: [`${ENGINE}/jobs`] },
  { name: 'host', paths: [`${ENGINE}/host.ts`] },
  { name: 'service', paths: [`${ENGINE}/service`, `${ENGINE}/dispatch.ts`, `${ENGINE}/demo/prepare.ts`] },
  { name: 'transports', paths: ['src-main/ipc', 'src-main/http', 'src-main/cli', 'src-main/engine-process', 'src-main/preload', 'src-main/index.ts'] },
];
const ORDER = LAYERS.map((l) => l.name).join(' < ');
const layerZones = LAYERS.slice(0, -1).map((layer, i) => ({
  target: layer.paths,
  from: LAYERS.slice(i + 1).flatMap((l) => l.paths),
  message: `Layering: ${layer.name} may import only its own or lower layers (${ORDER}); move the shared piece down.`,
}));
const fakeZone = {
  target: [ENGINE],
  from: ['src-main/fake-anthropic'],
  message: 'Layering: the fake Claude server is started by front doors (CLI, transports), never by the engine.',
};

const TYPED_FILES = ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}', 'src-shared/**/*.ts'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'test-artifacts/**', 'resources/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [banIpc] }],
    },
  },
  {
    files: ['src-main/**/*.{ts,mjs}', 'src-shared/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // No import cycles anywhere (the renderer too). Type-only imports vanish at runtime and are
      // not followed; value cycles are errors.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: [...layerZones, fakeZone] }],
    },
  },
  {
    files: TYPED_FILES,
    languageOptions: {
      parserOptions: { project: ['tsconfig.node.json', 'tsconfig.web.json'], tsconfigRootDir: ROOT },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src-shared is pure TS.' }, ...nodeBuiltinPaths],
          patterns: [
            ...nodeBuiltinPatterns,
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared imports nothing above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/engine/**', 'src-main/db/**', 'src-main/cli/**', 'src-main/http/**', 'src-main/engine-process/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The engine runs in Node, the CLI and tests: no electron.' }],
          patterns: [
            { group: ['**/ipc/**', '**/preload/**', '**/src-renderer/**'], message: 'Engine must not depend on shells.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks through the API client only.' }, ...nodeBuiltinPaths],
          patterns: [
            ...nodeBuiltinPatterns,
            { group: ['**/src-main/**'], message: 'The renderer reaches main through the API contract.' },
          ],
        },
      ],
    },
  },
  { files: ['src-main/ipc/**', 'src-main/preload/**'], rules: { 'no-restricted-imports': 'off' } },
);
