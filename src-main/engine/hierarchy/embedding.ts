// The embedding dependency of the hierarchy build: a worker-thread embedder behind the project's
// embedding cache, reporting progress in the same shape as the Claude steps.
import type { Db } from '../../db/open';
import { createEmbedder, type EmbedderOptions } from '../embed/embedder';
import { embedCached } from '../embed/cache';
import type { RunContext } from '../pipeline/steps';

export interface EmbeddingHandle {
  modelId: string;
  embed: (texts: string[], ctx: RunContext) => Promise<Float32Array[]>;
  close: () => Promise<void>;
}

export async function openEmbedding(db: Db, opts: EmbedderOptions): Promise<EmbeddingHandle> {
  const embedder = await createEmbedder(opts);
  return {
    modelId: embedder.modelId,
    embed: async (texts, ctx) => {
      const start = performance.now();
      const result = await embedCached(db, embedder, texts, {
        signal: ctx.signal,
        onProgress: (done, total) => {
          const elapsedMs = performance.now() - start;
          ctx.onProgress?.({
            step: 'embed',
            done,
            total,
            failed: 0,
            fromCheckpoint: 0,
            elapsedMs,
            etaMs: done > 0 ? ((total - done) * elapsedMs) / done : null,
          });
        },
      });
      return result.vectors;
    },
    close: () => embedder.close(),
  };
}
