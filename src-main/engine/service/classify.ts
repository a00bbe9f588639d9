// Wizard, classify: a cost preview of a run with the settings' models, and the project's runs with
// their outcome counts and, once reported, their usage source for Explore.
import type { ClassifyEstimateView, RunInfo } from '../../../src-shared/api';
import type { RunPrivacy } from '../../../src-shared/review-bundle';
import type { JobArgs } from '../../../src-shared/jobs';
import type { Settings } from '../../../src-shared/settings';
import type { Db } from '../../db/open';
import type { AppHost } from '../host';
import { countTasks } from '../classify/aggregate';
import { ClassifyConfigSchema, type ClassifyConfig } from '../classify/config';
import { estimateClassify } from '../classify/estimate';
import { summariseRun } from '../classify/results';
import { classifyConfigFrom } from '../jobs/classify-run';
import type { HandlerGroup } from './types';

export function classifyHandlers(host: AppHost): HandlerGroup<'classify.estimate' | 'classify.runs'> {
  return {
    'classify.estimate': async (args) => estimate(host.project.db, args.config, host.settings.get()),
    'classify.runs': async () => {
      const active = new Set(host.jobs.activeJobs().flatMap((j) => (j.kind === 'classify.run' ? [(j.args as JobArgs<'classify.run'>).name] : [])));
      return runs(host.project.db, active);
    },
  };
}

function estimate(db: Db, args: JobArgs<'classify.run'>, settings: Settings): ClassifyEstimateView {
  const cfg = classifyConfigFrom(args, settings);
  const full = estimateClassify(db, cfg);
  if (cfg.method === 'offline-embedding') {
    const n = Math.min(full.conversations, cfg.limit ?? Infinity);
    return {
      conversations: n,
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      costUsdWithCaching: 0,
      costUsdWithBatches: 0,
      priceKnown: true,
      note: 'offline (embedding) method: no Claude calls, no cost',
    };
  }
  if (cfg.limit === undefined || cfg.limit >= full.conversations) return full;
  // A trial run: the estimate scales with the conversations it covers (lengths taken as average).
  const f = cfg.limit / full.conversations;
  return {
    ...full,
    conversations: cfg.limit,
    calls: Math.round(full.calls * f),
    inputTokens: Math.round(full.inputTokens * f),
    outputTokens: Math.round(full.outputTokens * f),
    costUsd: full.costUsd * f,
    costUsdWithCaching: full.costUsdWithCaching * f,
    costUsdWithBatches: full.costUsdWithBatches * f,
    note: `${full.note}; first ${cfg.limit} of ${full.conversations} conversations, at their average length`,
  };
}

/** A run left 'running' by a paused, cancelled or crashed job is shown as 'incomplete'. */
function runs(db: Db, activeRuns: Set<string>): RunInfo[] {
  const rows = db.prepare('SELECT id, config_json, status, created_at FROM classify_run ORDER BY created_at, id').all() as {
    id: string;
    config_json: string;
    status: string;
    created_at: string;
  }[];
  const source = db.prepare('SELECT id FROM usage_source WHERE id = ?').pluck();
  return rows.map((r) => {
    const cfg = ClassifyConfigSchema.parse(JSON.parse(r.config_json));
    const s = summariseRun(db, r.id);
    const sourceId = `run:${r.id}`;
    return {
      run: r.id,
      method: cfg.method,
      datasets: cfg.datasets,
      hierarchyId: cfg.hierarchyId,
      status: r.status === 'running' && !activeRuns.has(r.id) ? 'incomplete' : r.status,
      createdAt: r.created_at,
      conversations: s.conversations,
      classified: s.classified,
      screenedOut: s.screenedOut,
      unclassified: s.unclassified,
      sourceId: source.get(sourceId) !== undefined ? sourceId : null,
      ...(source.get(sourceId) !== undefined ? { privacy: privacyOf(db, cfg) } : {}),
    };
  });
}

/** Kept vs dropped by the run's thresholds: the same counts its report and usage source use. */
function privacyOf(db: Db, cfg: ClassifyConfig): RunPrivacy {
  const { tasks, accountsKnown } = countTasks(db, cfg);
  const sum = (list: typeof tasks) => list.reduce((s, t) => s + t.conversations, 0);
  const kept = tasks.filter((t) => t.kept);
  const dropped = tasks.filter((t) => !t.kept);
  return { tasksKept: kept.length, tasksDropped: dropped.length, conversationsKept: sum(kept), conversationsDropped: sum(dropped), accountsKnown };
}
