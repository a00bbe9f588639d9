// Layering rules (import direction), in the spirit of VS Code's: shared <- main/engine <- main/ipc,
// shared <- renderer. Raw ipcMain/ipcRenderer are banned outside src-main/ipc and src-main/preload.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = [
  'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'stream',
  'worker_threads', 'zlib', 'util', 'events', 'buffer', 'readline',
];
const nodeBuiltinPatterns = [{ group: ['node:*', ...NODE_BUILTINS], message: 'No Node APIs in this layer.' }];
const banIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Only src-main/ipc (ipcMain) and src-main/preload (ipcRenderer) may touch raw IPC.',
};

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
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src-shared is pure TS.' }],
          patterns: [
            ...nodeBuiltinPatterns,
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared imports nothing above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/engine/**', 'src-main/db/**', 'src-main/cli/**', 'src-main/http/**'],
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
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks through the API client only.' }],
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
