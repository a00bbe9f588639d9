// The four Claude steps of one hierarchy level, each a checkpointed pipeline step over its items:
// propose (per neighbourhood), dedupe (per group of proposals), assign (per batch of children), rename
// (per parent). A failed item is recorded and handled by a documented fallback, never fatal.
import { ASSIGN, DEDUPE, PROPOSE, RENAME, type NamedTask } from '../../../src-shared/prompts/hierarchy';
import type { PromptTemplate } from '../../../src-shared/prompts/types';
import { runStep, type ItemResult, type RunContext } from '../pipeline/steps';
import type { LlmClient } from '../llm/client';
import type { Db } from '../../db/open';
import { prefetchAsBatch } from './prefetch';

export interface StepDeps {
  db: Db;
  llm: LlmClient;
  model: string;
  concurrency: number;
  batches: boolean;
}

async function claudeStep<V, O>(
  deps: StepDeps,
  name: string,
  template: PromptTemplate<V, O>,
  inputs: readonly V[],
  ctx: RunContext,
): Promise<ItemResult<O>[]> {
  if (deps.batches) await prefetchAsBatch(deps, name, template, inputs, ctx);
  return runStep(
    deps.db,
    { name, model: deps.model, promptVersion: `${template.id}@${template.version}`, concurrency: deps.concurrency },
    inputs,
    async (vars, signal) => {
      const r = await deps.llm.ask(template, vars, { signal, model: deps.model });
      return r.ok ? { ok: true, value: r.value } : { ok: false, error: `${r.kind}: ${r.error}` };
    },
    ctx,
  );
}

export const proposeStep = (deps: StepDeps, level: number, inputs: { tasks: string[]; nearby: string[]; count: number }[], ctx: RunContext) =>
  claudeStep(deps, `hierarchy.propose.L${level}`, PROPOSE, inputs, ctx);

export const dedupeStep = (
  deps: StepDeps,
  level: number,
  inputs: { candidates: NamedTask[]; target: number; min: number; max: number }[],
  ctx: RunContext,
) => claudeStep(deps, `hierarchy.dedupe.L${level}`, DEDUPE, inputs, ctx);

export const assignStep = (
  deps: StepDeps,
  level: number,
  inputs: { options: { id: string; name: string; description: string }[]; children: { id: string; text: string }[] }[],
  ctx: RunContext,
) => claudeStep(deps, `hierarchy.assign.L${level}`, ASSIGN, inputs, ctx);

export const renameStep = (deps: StepDeps, level: number, inputs: { current: NamedTask; children: string[] }[], ctx: RunContext) =>
  claudeStep(deps, `hierarchy.rename.L${level}`, RENAME, inputs, ctx);
