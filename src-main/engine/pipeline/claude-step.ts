// A pipeline step whose work per item is one Claude question (template + vars): checkpointed per
// item, optionally prefetched as one Message Batch, failures recorded with their reason.
import type { PromptTemplate } from '../../../src-shared/prompts/types';
import type { Db } from '../../db/open';
import type { LlmClient } from '../llm/client';
import { prefetchAsBatch } from './prefetch';
import { runStep, type ItemResult, type RunContext } from './steps';

export interface ClaudeStepDeps {
  db: Db;
  llm: LlmClient;
  model: string;
  concurrency: number;
  batches: boolean;
}

export async function claudeStep<V, O>(
  deps: ClaudeStepDeps,
  name: string,
  template: PromptTemplate<V, O>,
  inputs: readonly V[],
  ctx: RunContext,
): Promise<ItemResult<O>[]> {
  if (deps.batches) await prefetchAsBatch(deps, name, template, inputs, ctx);
  return runStep(
    deps.db,
    // The setting caps the requests in flight; below it the client sizes the real concurrency from its
    // rate limits and the observed latency (llm/concurrency.ts).
    { name, model: deps.model, promptVersion: `${template.id}@${template.version}`, concurrency: deps.llm.workersFor(deps.concurrency) },
    inputs,
    async (vars, signal) => {
      const r = await deps.llm.ask(template, vars, { signal, model: deps.model });
      return r.ok ? { ok: true, value: r.value } : { ok: false, error: `${r.kind}: ${r.error}` };
    },
    ctx,
  );
}
