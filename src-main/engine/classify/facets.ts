// One Claude facet over a chunk of conversations: screening (F.1), one level of the top-down task
// traversal (F.2), collaboration pattern (F.3) and skills (F.4, options shuffled per call).
// Prompt caching: F.1, every F.2 level and the privacy summary open with the same message (the
// paper's intro line and the conversation), so that message is their shared cacheable prefix. F.3
// ("Consider the following conversation: <conversation>") and F.4 (the conversation inside ```)
// quote it differently before the conversation starts, so no verbatim arrangement lets them share it.
import {
  collaborationTemplate,
  privacySummaryTemplate,
  screeningTemplate,
  skillsTemplate,
  SKILL_OPTIONS,
  taskMappingTemplate,
  type PatternAnswer,
} from '../../../src-shared/prompts/classify';
import { compositionTemplate } from '../../../src-shared/prompts/composition';
import type { CompositionAnswer } from '../../../src-shared/composition';
import { claudeStep, type ClaudeStepDeps } from '../pipeline/claude-step';
import type { ItemResult, RunContext } from '../pipeline/steps';
import { shuffled, subSeed } from '../hierarchy/random';
import type { HierarchyNode } from '../hierarchy/store';
import type { Tree } from './tree';
import type { PromptTemplate } from '../../../src-shared/prompts/types';
import type { ClassifyConfig } from './config';

export interface ChunkItem {
  id: string;
  text: string;
}

export const TEMPLATES = {
  screening: screeningTemplate(),
  task: taskMappingTemplate(),
  pattern: collaborationTemplate(),
  skills: skillsTemplate(),
  summary: privacySummaryTemplate(),
  composition: compositionTemplate(),
};

type CacheCfg = Pick<ClassifyConfig, 'facets' | 'models' | 'privacySummary'> & { composition?: boolean };

/** Whether the task traversal (or the privacy summary) reads the conversation prefix with the screening model. */
function mappingReadsScreeningModel(cfg: CacheCfg): boolean {
  if (!cfg.facets.includes('task')) return false;
  return cfg.privacySummary ? cfg.models.summary === cfg.models.screening : cfg.models.task === cfg.models.screening;
}

/** Whether the privacy summary finds the prefix cached by screening or composition (same model), so it keeps the breakpoint. */
export function summaryReadsCachedPrefix(cfg: CacheCfg): boolean {
  return (cfg.facets.includes('screening') || cfg.composition === true) && cfg.privacySummary && mappingReadsScreeningModel(cfg);
}

/**
 * Whether the screening call's cached conversation prefix is read again: by the composition question
 * (B.7, always the screening model), the task traversal (raw conversation, same model) or the privacy
 * summary (same model; caches are per model). If not, a breakpoint there only pays the 1.25x
 * cache-write price for nothing.
 */
export function screeningPrefixReused(cfg: CacheCfg): boolean {
  if (!cfg.facets.includes('screening')) return false;
  return cfg.composition === true || mappingReadsScreeningModel(cfg);
}

/** Whether the composition call's prefix is cached: it reads screening's, or the task mapping reads its. */
export function compositionPrefixCached(cfg: CacheCfg): boolean {
  return cfg.facets.includes('screening') || mappingReadsScreeningModel(cfg);
}

/** The template without its cache breakpoint (same id and version: the answers are the same). */
function uncached<V, O>(t: PromptTemplate<V, O>): PromptTemplate<V, O> {
  return {
    ...t,
    render: (v) => {
      const { messages, system } = t.render(v);
      return { messages, ...(system !== undefined ? { system } : {}) };
    },
  };
}

/** The summary reads the conversation prefix screening cached, when that one was cached for it. */
export function summarise(deps: ClaudeStepDeps, items: readonly ChunkItem[], ctx: RunContext, readsScreeningCache = false): Promise<ItemResult<string>[]> {
  const template = readsScreeningCache ? TEMPLATES.summary : uncached(TEMPLATES.summary);
  return claudeStep(deps, 'classify.summary', template, items.map((c) => ({ conversation: c.text })), ctx);
}

export function screen(deps: ClaudeStepDeps, items: readonly ChunkItem[], ctx: RunContext, cachePrefix = true): Promise<ItemResult<boolean>[]> {
  const template = cachePrefix ? TEMPLATES.screening : uncached(TEMPLATES.screening);
  return claudeStep(deps, 'classify.screening', template, items.map((c) => ({ conversation: c.text })), ctx);
}

/**
 * B.7 composition: every conversation of the chunk, screened in or out, so the report can show the
 * composition before and after screening. Asked of the screening model, after screening, so that it
 * reads the conversation prefix screening cached.
 */
export function compose(deps: ClaudeStepDeps, items: readonly ChunkItem[], ctx: RunContext, cachePrefix = true): Promise<ItemResult<CompositionAnswer>[]> {
  const template = cachePrefix ? TEMPLATES.composition : uncached(TEMPLATES.composition);
  return claudeStep(deps, 'classify.composition', template, items.map((c) => ({ conversation: c.text })), ctx);
}

export function pattern(deps: ClaudeStepDeps, items: readonly ChunkItem[], ctx: RunContext): Promise<ItemResult<PatternAnswer>[]> {
  return claudeStep(deps, 'classify.pattern', TEMPLATES.pattern, items.map((c) => ({ conversation: c.text })), ctx);
}

export function skills(deps: ClaudeStepDeps, items: readonly ChunkItem[], seed: number, ctx: RunContext): Promise<ItemResult<string[]>[]> {
  // The paper shuffles the skill list for every conversation to avoid order effects.
  const inputs = items.map((c) => ({ conversation: c.text, options: shuffled(SKILL_OPTIONS, subSeed(seed, `skills:${c.id}`)) }));
  return claudeStep(deps, 'classify.skills', TEMPLATES.skills, inputs, ctx);
}

export type TraversalOutcome = { ok: true; node: HierarchyNode; path: string[] } | { ok: false; reason: string };

/**
 * Top-down traversal (paper B.1): at each level Claude picks one of the current node's children,
 * one level at a time for the whole chunk, so Batches mode sends a level as one batch.
 */
export async function traverse(
  deps: ClaudeStepDeps,
  tree: Tree,
  items: readonly ChunkItem[],
  seed: number,
  ctx: RunContext,
): Promise<TraversalOutcome[]> {
  const state: { options: HierarchyNode[]; path: string[]; outcome?: TraversalOutcome }[] = items.map(() => ({ options: tree.top, path: [] }));
  for (let level = tree.depth; level >= 0; level--) {
    const active = state.map((s, i) => ({ s, i })).filter(({ s }) => !s.outcome);
    if (active.length === 0) break;
    const inputs = active.map(({ s, i }) => ({
      conversation: items[i]!.text,
      options: shuffled(s.options.map((o) => o.name), subSeed(seed, `task:${items[i]!.id}:${s.path.join('/')}`)),
    }));
    const results = await claudeStep(deps, `classify.task.L${level}`, TEMPLATES.task, inputs, ctx);
    results.forEach((r, k) => {
      const { s } = active[k]!;
      if (!r.ok) {
        s.outcome = { ok: false, reason: `level ${level}: ${r.error}` };
        return;
      }
      const node = s.options.find((o) => o.name === r.value)!;
      s.path.push(node.id);
      if (level === 0) s.outcome = { ok: true, node, path: s.path };
      else {
        const next = tree.children.get(node.id) ?? [];
        if (next.length === 0) s.outcome = { ok: false, reason: `level ${level}: node ${node.id} has no children` };
        s.options = next;
      }
    });
  }
  return state.map((s) => s.outcome ?? { ok: false, reason: 'traversal did not finish' });
}
