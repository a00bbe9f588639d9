// What a reconstruction is computed with: the run it reconstructs (its hierarchy, thresholds and
// conversations), the aggregation levels, the method, the models and the seed. Resolved from the
// job's arguments and the settings; stored with the report so every output can say what made it.
import type { Db } from '../../db/open';
import { DEFAULT_RECONSTRUCT_LEVELS } from '../../../src-shared/reconstruct';
import { ConflictError, NotFoundError } from '../errors';
import { ClassifyConfigSchema, type ClassifyConfig } from '../classify/config';

export type ReconstructMethod = 'claude' | 'offline-embedding';

export interface ReconstructConfig {
  run: string;
  /** Mean conversations per cluster, one k-means per level, in the order given. */
  levels: number[];
  method: ReconstructMethod;
  /** Request summaries and cluster names (summary model), placement by F.2 (task model). */
  models: { summary: string; cluster: string; task: string };
  seed: number;
  /** Summaries shown to Claude when naming a cluster. */
  sampleSize: number;
  concurrency: number;
  batches: boolean;
  embeddingModel: string;
  demo?: boolean;
}

export const DEFAULT_SAMPLE_SIZE = 10;

export interface ReconstructInput {
  run: string;
  levels?: number[] | undefined;
  method?: ReconstructMethod | undefined;
  seed?: number | undefined;
  sampleSize?: number | undefined;
  batches?: boolean | undefined;
}

/** The classification run a reconstruction starts from; it must have finished. */
export function finishedRun(db: Db, run: string): ClassifyConfig {
  const row = db.prepare('SELECT config_json, status FROM classify_run WHERE id = ?').get(run) as { config_json: string; status: string } | undefined;
  if (!row) throw new NotFoundError(`no classification run "${run}"`);
  if (row.status !== 'complete') throw new ConflictError(`run "${run}" has not finished: finish (resume) its classification first`);
  return ClassifyConfigSchema.parse(JSON.parse(row.config_json));
}

/** Levels in the order given, each once. */
export function distinctLevels(levels: readonly number[]): number[] {
  return [...new Set(levels)];
}

export function resolveReconstructConfig(
  run: ClassifyConfig,
  input: ReconstructInput,
  env: { models: { summary: string; task: string }; concurrency: number; embeddingModel: string; offline: boolean; demo: boolean },
): ReconstructConfig {
  // Offline, or an offline run with no method asked for: the embedding classifier places clusters.
  const method: ReconstructMethod = env.offline ? 'offline-embedding' : (input.method ?? run.method);
  return {
    run: run.name,
    levels: distinctLevels(input.levels ?? DEFAULT_RECONSTRUCT_LEVELS),
    method,
    models: { summary: env.models.summary, cluster: env.models.summary, task: env.models.task },
    seed: input.seed ?? run.seed,
    sampleSize: input.sampleSize ?? DEFAULT_SAMPLE_SIZE,
    concurrency: env.concurrency,
    batches: input.batches === true,
    embeddingModel: env.embeddingModel,
    ...(env.demo || run.demo ? { demo: true } : {}),
  };
}
