// Job "classify.run": the one way to classify (app, browser and `task-atlas classify`), then the run
// report, so that the run's thresholded usage source "run:<name>" exists for Explore as soon as the
// job is done. Offline mode forces the embedding method (no Claude calls).
import type { JobArgs } from '../../../src-shared/jobs';
import type { Settings } from '../../../src-shared/settings';
import { demoName } from '../../../src-shared/demo';
import { DEFAULT_THRESHOLDS } from '../../../src-shared/taxonomy';
import { classifyModels, type ClassifyConfig } from '../classify/config';
import { classifyRun, resolveConfig } from '../classify/run';
import { runReportAsync } from '../classify/report-async';
import type { LlmClient } from '../llm/client';
import type { EmbeddingHandle } from '../hierarchy/embedding';
import type { SecretStore } from '../settings/secrets';
import { claudeClient, claudeTotals, embeddingFor, requireClaude, requireEmbeddingModel } from './models';
import { claudeUsage, fromStep } from './progress';
import type { JobKindDef } from './types';
import { DEFAULT_REPLICATES, DEFAULT_SEED } from '../classify/uncertainty';

export function classifyConfigFrom(args: JobArgs<'classify.run'>, settings: Settings): ClassifyConfig {
  const models = classifyModels(settings.models);
  return resolveConfig({
    // A demo run is named and recorded as one, so it never passes for a real run anywhere.
    name: settings.demoMode ? demoName(args.name) : args.name,
    ...(settings.demoMode ? { demo: true } : {}),
    datasets: args.datasets,
    hierarchyId: args.hierarchyId,
    method: settings.offline ? 'offline-embedding' : (args.method ?? 'claude'),
    models,
    concurrency: settings.concurrency,
    batches: args.batches === true,
    thresholds: {
      minConversations: args.minConversations ?? DEFAULT_THRESHOLDS.minConversations,
      minAccounts: args.minAccounts ?? DEFAULT_THRESHOLDS.minAccounts,
    },
    privacySummary: args.privacySummary === true,
    embeddingModel: settings.embeddingModel,
    ...(args.limit !== undefined ? { limit: args.limit } : {}),
    ...(args.tasksPerConversation !== undefined ? { tasksPerConversation: args.tasksPerConversation } : {}),
    ...(args.composition === true ? { composition: true } : {}),
    uncertainty: { replicates: args.replicates ?? DEFAULT_REPLICATES, seed: args.bootstrapSeed ?? DEFAULT_SEED },
    ...(args.window !== undefined ? { window: args.window } : {}),
  });
}

/** What a run needs before it starts: Claude for the Claude method, the embedding model otherwise. */
export function checkClassifyRun(args: JobArgs<'classify.run'>, settings: Settings, secrets: SecretStore): void {
  if (classifyConfigFrom(args, settings).method === 'claude') requireClaude(settings, secrets);
  else requireEmbeddingModel(settings);
}

export const classifyRunJob: JobKindDef<'classify.run'> = {
  label: (args) => `Classify run ${args.name}${args.limit ? ` (first ${args.limit} conversations)` : ''}`,
  async run(args, env, ctx) {
    const { db } = env.project;
    const cfg = classifyConfigFrom(args, env.settings);
    const llm: LlmClient | undefined = cfg.method === 'claude' ? claudeClient(db, env.settings, env.secrets, cfg.models.task) : undefined;
    const embedding: EmbeddingHandle | undefined = cfg.method === 'claude' ? undefined : await embeddingFor(db, env.settings);
    try {
      const stats = llm ? () => llm.stats : undefined;
      const summary = await classifyRun({ db, llm, embed: embedding?.embed }, cfg, {
        signal: ctx.signal,
        onProgress: (p) => ctx.onProgress(fromStep(p, stats)),
      });
      // The report phase keeps the attempt's Claude totals, so a finished job still shows what it cost.
      const started = Date.now();
      const claude = llm ? { claude: claudeUsage(llm.stats) } : {};
      const phaseLabel = 'Writing the run report (privacy thresholds, Figures 5, 8 and 10)';
      ctx.onProgress({ phase: 'report', phaseLabel, done: 0, total: 1, failed: 0, fromCheckpoint: 0, elapsedMs: 0, etaMs: null, ...claude });
      const report = await runReportAsync(db, cfg.name, undefined, { signal: ctx.signal });
      ctx.onProgress({ phase: 'report', phaseLabel, done: 1, total: 1, failed: 0, fromCheckpoint: 0, elapsedMs: Date.now() - started, etaMs: 0, ...claude });
      return {
        run: summary.run,
        conversations: summary.conversations,
        classified: summary.classified,
        screenedOut: summary.screenedOut,
        unclassified: summary.unclassified,
        missing: summary.missing,
        unclassifiedReasons: summary.unclassifiedReasons,
        sourceId: report.sourceId,
        costUsd: llm?.stats.costUsd ?? 0,
        method: cfg.method,
        ...(llm ? { claude: claudeTotals(llm.stats) } : {}),
      };
    } finally {
      await embedding?.close();
    }
  },
};
