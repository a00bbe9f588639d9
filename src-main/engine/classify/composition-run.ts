// Appendix B.7 in a run: the composition question (work, coursework, personal use; four levels each)
// for every conversation of a chunk, screened in or out, so the report can compare the composition
// before and after screening. Checkpointed per conversation under the prompt's version like every
// facet; an answer outside the options (after one correction turn) leaves that conversation
// unclassified on facet "composition" with the reason, and nothing else about it changes.
import { InvalidInputError } from '../errors';
import type { ClaudeStepDeps } from '../pipeline/claude-step';
import type { ClassifyConfig } from './config';
import { compose, compositionPrefixCached, TEMPLATES, type ChunkItem } from './facets';
import type { ChunkPhases } from './phases';
import type { RunWriter } from './results';

/** The run's prompt versions with the composition prompt's when the run asks it, without it otherwise. */
export function compositionVersions(cfg: Pick<ClassifyConfig, 'composition' | 'method'>, versions: Record<string, string>): Record<string, string> {
  const rest = Object.fromEntries(Object.entries(versions).filter(([facet]) => facet !== 'composition'));
  if (!cfg.composition) return rest;
  if (cfg.method !== 'claude') throw new InvalidInputError('the composition question (B.7) needs the Claude method: the offline method asks no questions');
  return { ...rest, composition: `${TEMPLATES.composition.id}@${TEMPLATES.composition.version}` };
}

/** Asks and stores the composition of a chunk's conversations, as the chunk's "composition" phase. */
export async function classifyComposition(deps: ClaudeStepDeps, cfg: ClassifyConfig, items: readonly ChunkItem[], writer: RunWriter, phases: ChunkPhases): Promise<void> {
  const ctx = phases.tracker.context(`${phases.key} composition`, phases.ctx);
  const answers = await compose(deps, items, ctx, compositionPrefixCached(cfg));
  writer.facet('composition', items, answers, (v) => JSON.stringify(v));
}
