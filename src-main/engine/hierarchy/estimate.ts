// Cost preview of a hierarchy build before anything is paid: calls and tokens per step and level,
// from the task texts' lengths and the prompts' fixed overhead. A preview, not a promise: the
// actual cost is counted from the API's usage figures as the build runs.
import { BATCH_DISCOUNT, costOf, priceOf } from '../../../src-shared/pricing';
import { levelSizes, type HierarchyConfig } from './config';

export interface StepEstimate {
  level: number;
  step: 'propose' | 'dedupe' | 'assign' | 'rename';
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

export interface BuildEstimate {
  model: string;
  priceKnown: boolean;
  targets: number[];
  steps: StepEstimate[];
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  costUsdWithBatches: number;
}

const PROMPT_OVERHEAD = 300; // tokens of instructions around the lists
const NAMED_TASK_TOKENS = 30; // a proposed name plus its one-sentence description

export function estimateBuild(cfg: HierarchyConfig, baseTexts: readonly string[]): BuildEstimate {
  const targets = levelSizes(baseTexts.length, cfg.nTop, cfg.levels);
  const steps: StepEstimate[] = [];
  let n = baseTexts.length;
  let itemTokens = baseTexts.reduce((s, t) => s + t.length, 0) / Math.max(1, n) / 4;
  for (let level = 1; level < cfg.levels; level++) {
    const target = targets[level]!;
    const hoods = Math.max(1, Math.round(n / cfg.meanNeighbourhood));
    const proposed = Math.round(cfg.proposeOverscan * target);
    const perHood = n / hoods + cfg.nearbyOutside;
    steps.push({ level, step: 'propose', calls: hoods, inputTokens: hoods * (PROMPT_OVERHEAD + perHood * itemTokens), outputTokens: proposed * NAMED_TASK_TOKENS });
    const groups = Math.max(1, Math.round(proposed / cfg.meanNeighbourhood));
    steps.push({ level, step: 'dedupe', calls: groups, inputTokens: groups * PROMPT_OVERHEAD + proposed * NAMED_TASK_TOKENS, outputTokens: target * NAMED_TASK_TOKENS });
    // Children are batched within their neighbourhood, so a part-filled batch per neighbourhood.
    const batches = hoods * Math.ceil(n / hoods / cfg.assignBatch);
    const options = Math.min(target, 3 * cfg.assignCandidates);
    steps.push({
      level,
      step: 'assign',
      calls: batches,
      inputTokens: batches * (PROMPT_OVERHEAD + options * NAMED_TASK_TOKENS) + n * itemTokens,
      outputTokens: n * 5,
    });
    const sample = Math.min(cfg.renameSample, n / target);
    steps.push({ level, step: 'rename', calls: target, inputTokens: target * (PROMPT_OVERHEAD + sample * itemTokens), outputTokens: target * NAMED_TASK_TOKENS });
    n = target;
    itemTokens = NAMED_TASK_TOKENS;
  }
  const round = (s: StepEstimate) => ({ ...s, inputTokens: Math.round(s.inputTokens), outputTokens: Math.round(s.outputTokens) });
  const rounded = steps.map(round);
  const inputTokens = rounded.reduce((s, x) => s + x.inputTokens, 0);
  const outputTokens = rounded.reduce((s, x) => s + x.outputTokens, 0);
  const costUsd = costOf(cfg.model, { inputTokens, outputTokens });
  return {
    model: cfg.model,
    priceKnown: priceOf(cfg.model) !== null,
    targets,
    steps: rounded,
    calls: rounded.reduce((s, x) => s + x.calls, 0),
    inputTokens,
    outputTokens,
    costUsd,
    costUsdWithBatches: costUsd * BATCH_DISCOUNT,
  };
}
