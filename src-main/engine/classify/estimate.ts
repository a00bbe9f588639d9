// Cost preview of a classification run: tokens per facet from the conversations' real lengths,
// with and without prompt caching of the conversation prefix (F.1 and all F.2 levels share it).
import type { Db } from '../../db/open';
import { costOf, estimateTokens, priceOf, CACHE_READ_FACTOR, CACHE_WRITE_FACTOR, BATCH_DISCOUNT } from '../../../src-shared/pricing';
import type { ClassifyConfig } from './config';
import type { ClassifyEstimateView } from '../../../src-shared/api';
import { loadTree } from './tree';
import { taskCallsPerConversation } from './multi-task';

/** The contract's shape, so the app shows exactly what the CLI prints. */
export type ClassifyEstimate = ClassifyEstimateView;

const PROMPT_TOKENS = { screening: 90, task: 180, pattern: 420, skills: 330 };
const OUTPUT_TOKENS = { screening: 3, task: 90, pattern: 80, skills: 30 };

export function estimateClassify(db: Db, cfg: ClassifyConfig): ClassifyEstimate {
  const placeholders = cfg.datasets.map(() => '?').join(', ');
  const { n, chars } = db
    .prepare(`SELECT count(*) AS n, coalesce(sum(min(chars, ?)), 0) AS chars FROM conversation WHERE dataset IN (${placeholders})`)
    .get(cfg.maxConversationChars, ...cfg.datasets) as { n: number; chars: number };
  const tree = loadTree(db, cfg.hierarchyId);
  const levels = tree.depth + 1;
  const lists = [tree.top.length, ...[...tree.children.values()].map((c) => c.length)];
  // Options shown per traversal call: the mean list length, at about 12 tokens an option.
  const avgOptions = (lists.reduce((s, x) => s + x, 0) / lists.length) * 12;
  const conv = estimateTokens('x'.repeat(Math.round(chars / Math.max(1, n)))) + 20;
  let calls = 0;
  let input = 0;
  let output = 0;
  let cost = 0;
  let cached = 0;
  for (const facet of cfg.facets) {
    const perConv = facet === 'task' ? taskCallsPerConversation(cfg.tasksPerConversation, tree.depth) : 1;
    const model = cfg.models[facet];
    const fixed = PROMPT_TOKENS[facet] + (facet === 'task' ? avgOptions : 0);
    const inTok = n * perConv * (conv + fixed);
    const outTok = n * perConv * OUTPUT_TOKENS[facet];
    calls += n * perConv;
    input += inTok;
    output += outTok;
    cost += costOf(model, { inputTokens: inTok, outputTokens: outTok });
    // F.1 and the F.2 levels share one cached prefix; F.3 and F.4 quote the conversation differently.
    const shares = facet === 'screening' || facet === 'task';
    const writes = facet === cfg.facets.find((f) => f === 'screening' || f === 'task') ? n : 0;
    const convCost = shares ? conv * (writes * CACHE_WRITE_FACTOR + (n * perConv - writes) * CACHE_READ_FACTOR) : n * perConv * conv;
    cached += costOf(model, { inputTokens: n * perConv * fixed + convCost, outputTokens: outTok });
  }
  return {
    conversations: n,
    calls,
    inputTokens: Math.round(input),
    outputTokens: Math.round(output),
    costUsd: cost,
    costUsdWithCaching: cached,
    costUsdWithBatches: cost * BATCH_DISCOUNT,
    priceKnown: Object.values(cfg.models).every((m) => priceOf(m) !== null),
    note:
      'upper bound: assumes every conversation passes screening' +
      (cfg.tasksPerConversation > 1 ? `; up to ${cfg.tasksPerConversation} tasks per conversation: up to ${taskCallsPerConversation(cfg.tasksPerConversation, tree.depth)} task calls each instead of ${levels}` : ''),
  };
}
