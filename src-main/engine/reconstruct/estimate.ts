// Cost preview of a reconstruction, before anything is sent: one summary per classified
// conversation (from the conversations' real lengths), one naming call per cluster and one F.2
// call per cluster and hierarchy level, priced per model, with the Batches price beside it.
import type { Db } from '../../db/open';
import { BATCH_DISCOUNT, costOf, estimateTokens, priceOf } from '../../../src-shared/pricing';
import { loadTree } from '../classify/tree';
import { finishedRun, type ReconstructConfig } from './config';
import { expectedK } from './phases';
import type { ReconstructEstimate } from '../../../src-shared/reconstruct';

export type { ReconstructEstimate } from '../../../src-shared/reconstruct';


// Fixed prompt text and typical answers, in tokens.
const PROMPT = { request: 170, cluster: 190, task: 180 };
const OUTPUT = { request: 40, cluster: 70, task: 90 };
/** A summary as Claude writes it (one sentence), and a cluster description shown to F.2. */
const SUMMARY_TOKENS = 30;
const DESCRIPTION_TOKENS = 50;

export function estimateReconstruct(db: Db, cfg: ReconstructConfig): ReconstructEstimate {
  const run = finishedRun(db, cfg.run);
  const { n, chars } = db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(min(v.chars, ?)), 0) AS chars FROM classification c JOIN conversation v ON v.id = c.conversation_id
       WHERE c.run_id = ? AND c.facet = 'task' AND c.status = 'ok'`,
    )
    .get(run.maxConversationChars, cfg.run) as { n: number; chars: number };
  const levels = cfg.levels.map((size) => ({ meanClusterSize: size, clusters: expectedK(n, size) })).filter((l) => l.clusters >= 2);
  const note = 'upper bound on clusters: identical summaries are clustered together';
  if (cfg.method !== 'claude') {
    return { conversations: n, levels, calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, costUsdWithBatches: 0, priceKnown: true, note: 'offline: no Claude calls' };
  }
  const tree = loadTree(db, run.hierarchyId);
  const lists = [tree.top.length, ...[...tree.children.values()].map((c) => c.length)];
  const options = (lists.reduce((s, x) => s + x, 0) / lists.length) * 12;
  const clusters = levels.reduce((s, l) => s + l.clusters, 0);
  const conv = estimateTokens('x'.repeat(Math.round(chars / Math.max(1, n))));
  const steps = [
    { model: cfg.models.summary, calls: n, input: conv + PROMPT.request, output: OUTPUT.request },
    { model: cfg.models.cluster, calls: clusters, input: PROMPT.cluster + cfg.sampleSize * SUMMARY_TOKENS, output: OUTPUT.cluster },
    { model: cfg.models.task, calls: clusters * (tree.depth + 1), input: PROMPT.task + options + DESCRIPTION_TOKENS, output: OUTPUT.task },
  ];
  let cost = 0;
  for (const s of steps) cost += costOf(s.model, { inputTokens: s.calls * s.input, outputTokens: s.calls * s.output });
  return {
    conversations: n,
    levels,
    calls: steps.reduce((s, x) => s + x.calls, 0),
    inputTokens: Math.round(steps.reduce((s, x) => s + x.calls * x.input, 0)),
    outputTokens: Math.round(steps.reduce((s, x) => s + x.calls * x.output, 0)),
    costUsd: cost,
    costUsdWithBatches: cost * BATCH_DISCOUNT,
    priceKnown: steps.every((s) => priceOf(s.model) !== null),
    note,
  };
}
