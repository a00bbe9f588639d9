// The run-only analyses (paper Figures 5, 8, 10 and patterns per task/occupation); everything the
// paper computes from task shares comes from the shared analyses over the run's usage source.
import type { Db } from '../../db/open';
import type { PatternBreakdown, RunReport } from '../../../src-shared/report';
import { AUTOMATION_PATTERNS, type CollaborationPattern } from '../../../src-shared/taxonomy';
import { loadInputs, type AnalysisInputs } from '../analyze/inputs';
import { NotFoundError } from '../errors';
import { reproduceFromInputs } from '../analyze/reproduce';
import { normaliseTask, splitAcrossOccupations } from '../analyze/occupations';
import { compareDistributions } from '../analyze/stats';
import { ClassifyConfigSchema } from './config';
import { DEMO_PROVENANCE } from '../../../src-shared/demo';
import { countTasks, taskShares, writeRunSource, type TaskCount } from './aggregate';
import { verifyRunInputs } from './inputs';
import { multiTaskReport } from './multi-task-report';
import { hierarchyAnalyses } from './hierarchy-analyses';
import { patternPcts } from './patterns-by-task';

export function runReport(db: Db, runId: string, referenceDataset = 'aei-2025-02-10'): RunReport {
  const row = db.prepare('SELECT config_json, status FROM classify_run WHERE id = ?').get(runId) as { config_json: string; status: string } | undefined;
  if (!row) throw new NotFoundError(`no classification run "${runId}"`);
  const cfg = ClassifyConfigSchema.parse(JSON.parse(row.config_json));
  verifyRunInputs(db, cfg, row.status, referenceDataset);
  const counts = countTasks(db, cfg);
  const sourceId = writeRunSource(db, cfg, counts, referenceDataset);
  // Loaded once: Figure 10, patterns by occupation and usage by model all read the same inputs.
  const inputs = loadInputs(db, sourceId);
  const byConv = reproduceFromInputs(inputs).categories;
  const byAcc = new Map(reproduceFromInputs(loadInputs(db, `${sourceId}:accounts`)).categories.map((c) => [c.title, c.usagePct]));
  const categories = byConv.map((c) => ({ title: c.title, byConversations: c.usagePct, byAccounts: byAcc.get(c.title) ?? 0 }));
  const kept = counts.tasks.filter((t) => t.kept);
  const dropped = counts.tasks.filter((t) => !t.kept);
  const patterns = patternCounts(db, runId);
  return {
    run: runId,
    method: cfg.method,
    ...(cfg.demo ? { provenance: DEMO_PROVENANCE } : {}),
    sourceId,
    thresholds: cfg.thresholds,
    accountsKnown: counts.accountsKnown,
    tasks: {
      total: counts.tasks.length,
      kept: kept.length,
      dropped: dropped.length,
      conversationsKept: kept.reduce((s, t) => s + t.conversations, 0),
      conversationsDropped: dropped.reduce((s, t) => s + t.conversations, 0),
    },
    conversationVsAccount: {
      categories,
      correlation: compareDistributions(categories.map((c) => c.byConversations), categories.map((c) => c.byAccounts)),
    },
    skills: skillShares(db, runId),
    byModel: byModel(db, runId, kept, inputs),
    patternsByTask: kept
      .map((t) => breakdown(t.task, patterns.get(t.nodeId) ?? new Map()))
      .filter((b) => b.conversations > 0)
      .sort((a, b) => b.conversations - a.conversations),
    patternsByOccupation: byOccupation(inputs, kept, patterns),
    multiTask: multiTaskReport(db, cfg, counts, inputs),
    ...hierarchyAnalyses(db, cfg, kept),
  };
}

/**
 * The reference release a run was last reported with (its usage source's wage dataset), so that
 * re-reporting never silently switches releases; undefined before its first report.
 */
export function lastReference(db: Db, runId: string): string | undefined {
  const previous = db.prepare('SELECT wage_dataset FROM usage_source WHERE id = ?').pluck().get(`run:${runId}`) as string | null | undefined;
  return previous ?? undefined;
}

type Counts = Map<string, number>;

function patternCounts(db: Db, runId: string): Map<string, Counts> {
  const rows = db
    .prepare(
      `SELECT t.value AS nodeId, p.value AS pattern, count(*) AS n FROM classification p
       JOIN classification t ON t.run_id = p.run_id AND t.conversation_id = p.conversation_id AND t.facet = 'task' AND t.status = 'ok'
       WHERE p.run_id = ? AND p.facet = 'pattern' AND p.status = 'ok' GROUP BY t.value, p.value`,
    )
    .all(runId) as { nodeId: string; pattern: string; n: number }[];
  const out = new Map<string, Counts>();
  for (const r of rows) {
    const m = out.get(r.nodeId) ?? new Map();
    m.set(r.pattern, r.n);
    out.set(r.nodeId, m);
  }
  return out;
}

function breakdown(name: string, counts: Counts): PatternBreakdown {
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  const none = counts.get('none') ?? 0;
  const patterned = total - none;
  const automation = [...counts].filter(([p]) => AUTOMATION_PATTERNS.includes(p as CollaborationPattern)).reduce((s, [, n]) => s + n, 0);
  return {
    name,
    conversations: total,
    automationPct: patterned > 0 ? (100 * automation) / patterned : 0,
    augmentationPct: patterned > 0 ? (100 * (patterned - automation)) / patterned : 0,
    nonePct: total > 0 ? (100 * none) / total : 0,
    patternPct: patternPcts(counts, total),
  };
}

/** A task's pattern counts are split evenly across its occupations, like its usage. */
function byOccupation(inputs: AnalysisInputs, kept: { nodeId: string; task: string }[], patterns: Map<string, Counts>): PatternBreakdown[] {
  const { rows } = splitAcrossOccupations(inputs);
  const byTask = new Map(kept.map((t) => [normaliseTask(t.task), patterns.get(t.nodeId) ?? new Map<string, number>()]));
  const occ = new Map<string, Counts>();
  for (const r of rows) {
    const counts = byTask.get(normaliseTask(r.task));
    if (!counts || !r.hasUsage) continue;
    const acc = occ.get(r.title) ?? new Map<string, number>();
    for (const [p, n] of counts) acc.set(p, (acc.get(p) ?? 0) + n / r.occurrences);
    occ.set(r.title, acc);
  }
  return [...occ].map(([title, counts]) => breakdown(title, counts)).sort((a, b) => b.conversations - a.conversations);
}

function skillShares(db: Db, runId: string): { skill: string; pct: number }[] {
  const values = db
    .prepare("SELECT value FROM classification WHERE run_id = ? AND facet = 'skills' AND status = 'ok'")
    .pluck()
    .all(runId) as string[];
  const counts = new Map<string, number>();
  for (const v of values) for (const s of JSON.parse(v) as string[]) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts]
    .map(([skill, n]) => ({ skill, pct: (100 * n) / values.length }))
    .sort((a, b) => b.pct - a.pct || a.skill.localeCompare(b.skill));
}

/**
 * Figure 8 and by_model.csv share one definition: a model's conversations are those it answered in
 * the run's kept tasks, and its shares are over those conversations. Thresholds are the run's, not
 * re-applied to each model's subset (which dropped every task of a small model: legend, no bars).
 * Models that answered only tasks under the thresholds have nothing to show and are left out.
 */
function byModel(db: Db, runId: string, kept: TaskCount[], base: AnalysisInputs): RunReport['byModel'] {
  const keptById = new Map(kept.map((t) => [t.nodeId, t]));
  const rows = db
    .prepare(
      `SELECT coalesce(v.model, 'unknown') AS model, c.value AS nodeId, count(*) AS n FROM classification c
       JOIN conversation v ON v.id = c.conversation_id
       WHERE c.run_id = ? AND c.facet = 'task' AND c.status = 'ok' GROUP BY 1, 2`,
    )
    .all(runId) as { model: string; nodeId: string; n: number }[];
  const perModel = new Map<string, TaskCount[]>();
  for (const r of rows) {
    const task = keptById.get(r.nodeId);
    if (task) perModel.set(r.model, [...(perModel.get(r.model) ?? []), { ...task, conversations: r.n }]);
  }
  return [...perModel]
    .map(([model, tasks]) => {
      const usageTasks = taskShares(tasks, 'conversations');
      const categories = reproduceFromInputs({ ...base, usageTasks }).categories.map((c) => ({ title: c.title, usagePct: c.usagePct }));
      return { model, conversations: tasks.reduce((s, t) => s + t.conversations, 0), categories };
    })
    .sort((a, b) => b.conversations - a.conversations || a.model.localeCompare(b.model));
}
