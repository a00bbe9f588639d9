// Job "hierarchy.build": the one way to build a hierarchy (app, browser and `task-atlas hierarchy
// build`). The configuration comes from the job's arguments plus the settings (model, concurrency,
// embedding model); the same arguments and settings give the same hierarchy id, so a resumed build
// continues from its checkpoints.
import type { JobArgs } from '../../../src-shared/jobs';
import type { Settings } from '../../../src-shared/settings';
import { demoName } from '../../../src-shared/demo';
import type { SecretStore } from '../settings/secrets';
import { HierarchyConfigSchema, MAX_BUILD_CONCURRENCY, type HierarchyConfig } from '../hierarchy/config';

const DEFAULT_HIERARCHY_NAME = HierarchyConfigSchema.parse({}).name;
import { buildHierarchy } from '../hierarchy/build';
import { UnavailableError } from '../errors';
import { claudeClient, claudeTotals, embeddingFor, requireClaude, requireEmbeddingModel } from './models';
import { fromStep } from './progress';
import type { JobKindDef } from './types';

/** The hierarchy's build config; its concurrency is capped at the build's own limit. */
export function hierarchyConfigFrom(args: JobArgs<'hierarchy.build'>, settings: Settings): HierarchyConfig {
  return HierarchyConfigSchema.parse({
    // A demo build is named as one (its id differs from a real build's: other model, other name).
    ...(settings.demoMode ? { name: demoName(args.name ?? DEFAULT_HIERARCHY_NAME) } : args.name !== undefined ? { name: args.name } : {}),
    ...(args.taskDataset !== undefined ? { taskDataset: args.taskDataset } : {}),
    ...(args.levels !== undefined ? { levels: args.levels } : {}),
    ...(args.nTop !== undefined ? { nTop: args.nTop } : {}),
    ...(args.sampleSize !== undefined ? { sampleSize: args.sampleSize } : {}),
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    batches: args.batches === true,
    model: settings.models.hierarchy,
    concurrency: Math.min(settings.concurrency, MAX_BUILD_CONCURRENCY),
    embeddingModel: settings.embeddingModel,
  });
}

export const OFFLINE_BUILD_MESSAGE =
  'offline mode is on: building a hierarchy needs Claude. Import a hierarchy file instead (Hierarchy → Import).';

/** What a build needs before it starts: Claude (so not offline) and the embedding model. */
export function checkHierarchyBuild(settings: Settings, secrets: SecretStore): void {
  if (settings.offline) throw new UnavailableError(OFFLINE_BUILD_MESSAGE, 'network');
  requireClaude(settings, secrets);
  requireEmbeddingModel(settings);
}

export const hierarchyBuild: JobKindDef<'hierarchy.build'> = {
  label: (args) => `Build hierarchy${args.name ? ` "${args.name}"` : ''}${args.sampleSize ? ` (sample of ${args.sampleSize} tasks)` : ''}`,
  async run(args, env, ctx) {
    checkHierarchyBuild(env.settings, env.secrets);
    const { db } = env.project;
    const cfg = hierarchyConfigFrom(args, env.settings);
    const llm = claudeClient(db, env.settings, env.secrets, cfg.model);
    const embedding = await embeddingFor(db, env.settings);
    try {
      const result = await buildHierarchy({ db, llm, embed: embedding.embed }, cfg, {
        signal: ctx.signal,
        onProgress: (p) => ctx.onProgress(fromStep(p, () => llm.stats)),
      });
      return {
        id: result.id,
        sizes: result.sizes,
        targets: result.targets,
        costUsd: llm.stats.costUsd,
        claude: claudeTotals(llm.stats),
        levels: result.reports.map((r) => ({ ...r, failures: { ...r.failures }, claude: { ...r.claude } })),
      };
    } finally {
      await embedding.close();
    }
  },
};
