// A run's pattern shares corrected for misclassification by its human validation, with intervals.
// The estimator and its bootstrap are in weighted.ts; here is what it is fed from the project.
//
// Which conversations count: the run's pattern shares (classify/aggregate.ts) are over conversations
// whose task passed the privacy thresholds, so the same conversations are the population here — its
// strata sizes N_p and the raw shares — and only validated items among them enter. An item leaves
// (counted in design.outsideDomain) when its task fell below the thresholds, or when its
// conversation's pattern is no longer the one the validators judged. A run that classified no
// tasks has no thresholds to apply: every conversation with a pattern counts.
import type { Db } from '../../db/open';
import { PATTERN_OPTIONS } from '../../../src-shared/validation';
import { ClassifyConfigSchema, type ClassifyConfig } from '../classify/config';
import { countTasks } from '../classify/aggregate';
import { loadRunFacts } from '../classify/run-facts';
import { NotFoundError } from '../errors';
import { validatedPatterns, type PatternTruth } from './report';
import type { CorrectedShares } from './types';
import {
  CORRECTION_LEVEL,
  DEFAULT_CORRECTION_REPLICATES,
  DEFAULT_CORRECTION_SEED,
  designWeightedShares,
  type BootstrapSettings,
  type ValidatedPattern,
} from './weighted';

const DEFAULT_BOOTSTRAP: BootstrapSettings = { replicates: DEFAULT_CORRECTION_REPLICATES, seed: DEFAULT_CORRECTION_SEED };

/**
 * Raw pattern shares of the run beside the shares corrected by its validation, each with a 95%
 * interval. Null when no conversation of a kept task has a pattern (nothing to correct).
 */
export function correctedPatternShares(db: Db, runId: string, boot: BootstrapSettings = DEFAULT_BOOTSTRAP): CorrectedShares | null {
  const cfg = runConfig(db, runId);
  const domain = cfg.facets.includes('task') ? keptTaskDomain(db, cfg) : { population: allPatternCounts(db, runId), kept: null };
  if (Object.values(domain.population).every((n) => n === 0)) return null;
  const judged = validatedPatterns(db, runId).items;
  const inDomain = itemsInDomain(db, runId, judged, domain.kept);
  const { strata, population, ...shares } = designWeightedShares({ population: domain.population, items: inDomain, labels: PATTERN_OPTIONS }, boot);
  return {
    ...shares,
    design: {
      keptTasksOnly: domain.kept !== null,
      population,
      strata,
      outsideDomain: judged.length - inDomain.length,
      bootstrap: { ...boot, level: CORRECTION_LEVEL },
    },
  };
}

function runConfig(db: Db, runId: string): ClassifyConfig {
  const row = db.prepare('SELECT config_json FROM classify_run WHERE id = ?').get(runId) as { config_json: string } | undefined;
  if (!row) throw new NotFoundError(`no classification run "${runId}" in this project`);
  return ClassifyConfigSchema.parse(JSON.parse(row.config_json));
}

/**
 * Conversations of tasks kept under the run's thresholds (the rule of the run's report): the node
 * ids kept, and per pattern the count N_p behind the run's pattern shares.
 */
function keptTaskDomain(db: Db, cfg: ClassifyConfig): { population: Record<string, number>; kept: Set<string> } {
  const facts = loadRunFacts(db, cfg);
  const kept = new Set(countTasks(db, cfg, facts).tasks.filter((t) => t.kept).map((t) => t.nodeId));
  const population: Record<string, number> = {};
  for (const g of facts.byPattern) if (g.pattern !== null && kept.has(g.nodeId)) population[g.pattern] = (population[g.pattern] ?? 0) + g.n;
  return { population, kept };
}

function allPatternCounts(db: Db, runId: string): Record<string, number> {
  const rows = db
    .prepare(`SELECT value, COUNT(*) AS n FROM classification WHERE run_id = ? AND facet = 'pattern' AND status = 'ok' GROUP BY value`)
    .all(runId) as { value: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.value, r.n]));
}

/** Validated items whose conversation counts (kept: null, all do), the pattern they judged still its own. */
function itemsInDomain(db: Db, runId: string, judged: readonly PatternTruth[], kept: Set<string> | null): ValidatedPattern[] {
  const conversationOf = db.prepare('SELECT conversation_id FROM validation_design WHERE item_id = ? LIMIT 1').pluck();
  const outcome = db.prepare(`SELECT value FROM classification WHERE run_id = ? AND conversation_id = ? AND facet = ? AND status = 'ok'`).pluck();
  return judged.filter((it) => {
    const conversation = conversationOf.get(it.itemId) as string | undefined;
    if (conversation === undefined) return false;
    if (outcome.get(runId, conversation, 'pattern') !== it.predicted) return false;
    return kept === null || kept.has(outcome.get(runId, conversation, 'task') as string);
  });
}
