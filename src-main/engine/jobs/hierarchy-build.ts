// Job "hierarchy.build": the CLI's `hierarchy build` from the app. The configuration comes from the
// job's arguments plus the settings (model, concurrency, embedding model); the same arguments and
// settings give the same hierarchy id, so a resumed build continues from its checkpoints.
import type { JobArgs } from '../../../src-shared/jobs';
import type { Settings } from '../../../src-shared/settings';
import { HierarchyConfigSchema, type HierarchyConfig } from '../hierarchy/config';
import { buildHierarchy } from '../hierarchy/build';
import { claudeClient, embeddingFor } from './models';
import { fromStep } from './progress';
import type { JobKindDef } from './types';

/** The hierarchy's build config; its concurrency is capped at the build's own limit. */
export function hierarchyConfigFrom(args: JobArgs<'hierarchy.build'>, settings: Settings): HierarchyConfig {
  return HierarchyConfigSchema.parse({
    ...(args.name !== undefined ? { name: args.name } : {}),
    ...(args.taskDataset !== undefined ? { taskDataset: args.taskDataset } : {}),
    ...(args.levels !== undefined ? { levels: args.levels } : {}),
    ...(args.nTop !== undefined ? { nTop: args.nTop } : {}),
    ...(args.sampleSize !== undefined ? { sampleSize: args.sampleSize } : {}),
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    batches: args.batches === true,
    model: settings.models.hierarchy,
    concurrency: Math.min(settings.concurrency, 64),
    embeddingModel: settings.embeddingModel,
  });
}

export const hierarchyBuild: JobKindDef<'hierarchy.build'> = {
  label: (args) => `Build hierarchy${args.name ? ` "${args.name}"` : ''}${args.sampleSize ? ` (sample of ${args.sampleSize} tasks)` : ''}`,
  async run(args, env, ctx) {
    if (env.settings.offline) {
      throw new Error('offline mode is on: building a hierarchy needs Claude. Import a hierarchy file instead (Hierarchy → Import).');
    }
    const { db } = env.project;
    const cfg = hierarchyConfigFrom(args, env.settings);
    const llm = claudeClient(db, env.settings, env.secrets, cfg.model);
    const embedding = await embeddingFor(db, env.settings);
    try {
      const result = await buildHierarchy({ db, llm, embed: embedding.embed }, cfg, {
        signal: ctx.signal,
        onProgress: (p) => ctx.onProgress(fromStep(p, () => llm.stats)),
      });
      return { id: result.id, sizes: result.sizes, targets: result.targets, costUsd: llm.stats.costUsd };
    } finally {
      await embedding.close();
    }
  },
};
