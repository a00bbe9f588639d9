// Batches mode: before a step runs, send the first-turn request of every item not yet answered as
// one Message Batch. The answers land in the call store, so the step then reads them as cache hits;
// only correction turns (rare) go out as direct calls.
import type { PromptTemplate } from '../../../src-shared/prompts/types';
import { runBatch, type BatchItem } from '../llm/batches';
import type { Db } from '../../db/open';
import type { LlmClient } from '../llm/client';
import type { RunContext } from './steps';

/** What a prefetch needs of a Claude step's dependencies (declared here so the two files form no cycle). */
export interface PrefetchDeps {
  db: Db;
  llm: LlmClient;
  model: string;
}

export async function prefetchAsBatch<V, O>(
  deps: PrefetchDeps,
  stepName: string,
  template: PromptTemplate<V, O>,
  inputs: readonly V[],
  ctx: RunContext,
): Promise<void> {
  const items: BatchItem[] = inputs.map((vars) => {
    const r = template.render(vars);
    return {
      request: {
        model: deps.model,
        ...(r.system ? { system: r.system } : {}),
        messages: r.messages,
        max_tokens: deps.llm.options.maxTokens,
      },
      cacheMessageIndex: r.cacheMessageIndex,
      meta: { promptId: template.id, promptVersion: template.version },
    };
  });
  const pollMs = Number(process.env.TASK_ATLAS_BATCH_POLL_MS ?? 30_000);
  await runBatch(deps.db, deps.llm, items, {
    signal: ctx.signal,
    pollMs,
    onStatus: (s) =>
      ctx.onProgress?.({
        step: `${stepName} (batch)`,
        done: s.succeeded,
        total: items.length,
        failed: 0,
        fromCheckpoint: 0,
        elapsedMs: 0,
        etaMs: null,
      }),
  });
}
