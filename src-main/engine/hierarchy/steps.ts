// The four Claude steps of one hierarchy level, each a checkpointed pipeline step over its items:
// propose (per neighbourhood), dedupe (per group of proposals), assign (per batch of children), rename
// (per parent). A failed item is recorded and handled by a documented fallback, never fatal.
import { ASSIGN, DEDUPE, PROPOSE, RENAME, type NamedTask } from '../../../src-shared/prompts/hierarchy';
import type { RunContext } from '../pipeline/steps';
import { claudeStep, type ClaudeStepDeps } from '../pipeline/claude-step';

export type StepDeps = ClaudeStepDeps;
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
