// Desktop build: main (Node: the shell and the engine process it forks), preload (sandboxed,
// CommonJS) and the same renderer the browser build serves (see vite.web.config.ts).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.web.config';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          // The engine runs in a utility process forked from this file (src-main/ipc/engine-child.ts).
          'engine-process': resolve(__dirname, 'src-main/engine-process/index.ts'),
          // The embedding worker is loaded by file name next to the bundle (see embed/embedder.ts).
          'embed-worker': resolve(__dirname, 'src-main/engine/embed/embed-worker.mjs'),
          // The task worker (k-means, aggregation, .xlsx parsing) is found the same way (see workers/pool.ts).
          'task-worker': resolve(__dirname, 'src-main/engine/workers/task-worker.ts'),
          // The threads of a large conversation import, found the same way (see ingest/conversations/reader-thread.ts
          // and checkpointer.ts).
          'conversation-worker': resolve(__dirname, 'src-main/engine/ingest/conversations/conversation-worker.ts'),
          'checkpoint-worker': resolve(__dirname, 'src-main/engine/ingest/conversations/checkpoint-worker.mjs'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
