// Job "reconstruct.run" (`task-atlas reconstruct`, and the app): the Appendix G reconstruction of a
// finished run. Its report is stored with the run and served by analysis.reconstruction. Offline mode
// forces the embedding method (no Claude calls); the embedding model is needed either way.
import type { JobArgs } from '../../../src-shared/jobs';
import type { Settings } from '../../../src-shared/settings';
import type { Db } from '../../db/open';
import { finishedRun, resolveReconstructConfig, type ReconstructConfig } from '../reconstruct/config';
import { reconstructRun } from '../reconstruct/run';
import type { LlmClient } from '../llm/client';
import type { SecretStore } from '../settings/secrets';
import { claudeClient, claudeTotals, embeddingFor, requireClaude, requireEmbeddingModel } from './models';
import { fromStep } from './progress';
import type { JobKindDef } from './types';

export function reconstructConfigFrom(db: Db, args: JobArgs<'reconstruct.run'>, settings: Settings): ReconstructConfig {
  return resolveReconstructConfig(finishedRun(db, args.run), args, {
    models: settings.models,
    concurrency: settings.concurrency,
    embeddingModel: settings.embeddingModel,
    offline: settings.offline,
    demo: settings.demoMode,
  });
}

/**
 * Refused before it starts: the embedding model always; Claude unless the method is offline (the
 * run's own method is read when the job runs, so an offline run asks for it explicitly up front).
 */
export function checkReconstructRun(args: JobArgs<'reconstruct.run'>, settings: Settings, secrets: SecretStore): void {
  requireEmbeddingModel(settings);
  if (args.method !== 'offline-embedding' && !settings.offline) requireClaude(settings, secrets);
}

export const reconstructRunJob: JobKindDef<'reconstruct.run'> = {
  label: (args) => `Reconstruct run ${args.run} from clusters${args.levels ? ` (levels ${args.levels.join(', ')})` : ''}`,
  async run(args, env, ctx) {
    const { db } = env.project;
    const cfg = reconstructConfigFrom(db, args, env.settings);
    const llm: LlmClient | undefined = cfg.method === 'claude' ? claudeClient(db, env.settings, env.secrets, cfg.models.task) : undefined;
    const embedding = await embeddingFor(db, env.settings);
    try {
      const stats = llm ? () => llm.stats : undefined;
      const report = await reconstructRun({ db, llm, embed: embedding.embed, embeddingModel: embedding.modelId }, cfg, {
        signal: ctx.signal,
        onProgress: (p) => ctx.onProgress(fromStep(p, stats)),
      });
      return {
        run: report.run,
        method: report.method,
        conversations: report.conversations,
        levels: report.levels.map((l) => l.meanClusterSize),
        skipped: (report.skipped ?? []).map((s) => s.meanClusterSize),
        costUsd: llm?.stats.costUsd ?? 0,
        ...(llm ? { claude: claudeTotals(llm.stats) } : {}),
      };
    } finally {
      await embedding.close();
    }
  },
};
