// The run-only analyses (paper Figures 5, 8, 10 and patterns per task/occupation); everything the
// paper computes from task shares comes from the shared analyses over the run's usage source.
import type { Db } from '../../db/open';
import type { PatternBreakdown, RunReport } from '../../../src-shared/report';
import { AUTOMATION_PATTERNS, type CollaborationPattern } from '../../../src-shared/taxonomy';
import { loadInputs, type AnalysisInputs } from '../analyze/inputs';
import { NotFoundError } from '../errors';
import { normaliseTask, splitAcrossOccupations } from '../analyze/occupations';
import { compareDistributions } from '../analyze/stats';
import { ClassifyConfigSchema } from './config';
import { DEMO_PROVENANCE } from '../../../src-shared/demo';
import { categoriesOf, countTasks, taskShares, usageTasksOf, writeRunSource, type TaskCount } from './aggregate';
import { verifyRunInputs } from './inputs';
import { multiTaskReport } from './multi-task-report';
import { compositionReport } from './composition-report';
import { hierarchyAnalyses } from './hierarchy-analyses';
import { patternPcts } from './patterns-by-task';
import { runUncertainty } from './uncertainty';
import { binary, loadRunFacts, type FactGroup, type PatternGroup } from './run-facts';
import { timeSpan } from './scope';
import { conversationColumns } from './conversation-columns';
import { outcomeGroups } from './outcome-columns';

export function runReport(db: Db, runId: string, referenceDataset = 'aei-2025-02-10'): RunReport {
  const row = db.prepare('SELECT config_json, status FROM classify_run WHERE id = ?').get(runId) as { config_json: string; status: string } | undefined;
  if (!row) throw new NotFoundError(`no classification run "${runId}"`);
  const cfg = ClassifyConfigSchema.parse(JSON.parse(row.config_json));
  verifyRunInputs(db, cfg, row.status, referenceDataset);
  // Read once: every count below comes from these (run-facts.ts), the time span from the same columns.
  const columns = conversationColumns(db, cfg.datasets);
  const facts = loadRunFacts(db, cfg, columns);
  const counts = countTasks(db, cfg, facts);
  // Each kept task's normalised text, once: both sources and every model's shares are keyed by it.
  const keys = new Map(counts.tasks.filter((t) => t.kept).map((t) => [t.nodeId, normaliseTask(t.task)]));
  const keyOf = (t: TaskCount) => keys.get(t.nodeId)!;
  const sourceId = writeRunSource(db, cfg, counts, referenceDataset, facts, keyOf);
  // Loaded once: Figure 10, patterns by occupation and usage by model all read the same inputs.
  const inputs = loadInputs(db, sourceId);
  const byConv = categoriesOf(inputs);
  // The accounts source differs from the conversations one only in its task shares.
  const byAcc = new Map(categoriesOf({ ...inputs, usageTasks: usageTasksOf(db, `${sourceId}:accounts`) }).map((c) => [c.title, c.usagePct]));
  const categories = byConv.map((c) => ({ title: c.title, byConversations: c.usagePct, byAccounts: byAcc.get(c.title) ?? 0 }));
  const kept = counts.tasks.filter((t) => t.kept);
  const dropped = counts.tasks.filter((t) => !t.kept);
  const patterns = patternCounts(facts.byPattern);
  return {
    run: runId,
    method: cfg.method,
    ...(cfg.demo ? { provenance: DEMO_PROVENANCE } : {}),
    sourceId,
    thresholds: { ...cfg.thresholds, accountsApplied: counts.accountsKnown },
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
    ...skillShares(db, runId),
    byModel: byModel(facts.byModel, kept, inputs, keyOf),
    patternsByTask: kept
      .map((t) => breakdown(t.task, patterns.get(t.nodeId) ?? new Map()))
      .filter((b) => b.conversations > 0)
      .sort((a, b) => b.conversations - a.conversations),
    patternsByOccupation: byOccupation(inputs, kept, patterns),
    multiTask: multiTaskReport(db, cfg, counts, inputs),
    composition: compositionReport(db, cfg, counts),
    ...hierarchyAnalyses(db, cfg, kept, facts),
    // Confidence intervals on the shares above (classify/uncertainty/).
    ...runUncertainty(db, cfg, inputs, columns),
    timeSpan: timeSpan(db, cfg, columns),
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

function patternCounts(groups: readonly PatternGroup[]): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const g of groups) {
    if (g.pattern === null) continue;
    const m = out.get(g.nodeId) ?? new Map<string, number>();
    m.set(g.pattern, (m.get(g.pattern) ?? 0) + g.n);
    out.set(g.nodeId, m);
  }
  return out;
}

function breakdown(name: string, counts: Counts): PatternBreakdown {
  // Summed in the map's order, as before, with loops: this runs for every kept task and occupation.
  let total = 0;
  let automation = 0;
  counts.forEach((n, p) => {
    total += n;
    if (AUTOMATION_PATTERNS.includes(p as CollaborationPattern)) automation += n;
  });
  const none = counts.get('none') ?? 0;
  const patterned = total - none;
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

/** skillShares' rule in words, for the export manifest (method). */
export const SKILLS_NONE_RULE = 'Figure 5: conversations answered "none" (an empty skill list) are left out of the denominator; their share is skillsNonePct';

/**
 * Figure 5 as the paper computes it (B.4): conversations answered "none" (stored as an empty list)
 * are filtered out of the denominator — the paper found 0.1% of them — and their share is reported
 * on its own.
 */
function skillShares(db: Db, runId: string): Pick<RunReport, 'skills' | 'skillsNonePct'> {
  // Skills are JSON lists, counted per distinct list (a few dozen) rather than parsed per row.
  const lists = outcomeGroups(db, runId, 'skills');
  const counts = new Map<string, number>();
  let rows = 0;
  let none = 0;
  for (const [g, v] of lists.values.entries()) {
    const n = lists.offsets[g + 1]! - lists.offsets[g]!;
    const skills = JSON.parse(v) as string[];
    if (skills.length === 0) none += n;
    else rows += n;
    for (const s of skills) counts.set(s, (counts.get(s) ?? 0) + n);
  }
  const skills = [...counts]
    .map(([skill, n]) => ({ skill, pct: (100 * n) / rows }))
    .sort((a, b) => b.pct - a.pct || a.skill.localeCompare(b.skill));
  return { skills, skillsNonePct: rows + none > 0 ? (100 * none) / (rows + none) : 0 };
}

/**
 * Figure 8 and by_model.csv share one definition: a model's conversations are those it answered in
 * the run's kept tasks, and its shares are over those conversations. Thresholds are the run's, not
 * re-applied to each model's subset (which dropped every task of a small model: legend, no bars).
 * Models that answered only tasks under the thresholds have nothing to show and are left out.
 */
function byModel(groups: readonly FactGroup[], kept: TaskCount[], base: AnalysisInputs, keyOf: (t: TaskCount) => string): RunReport['byModel'] {
  // `groups` are the run's conversations by task and model (RunFacts.byModel), in node id order.
  const keptById = new Map(kept.map((t) => [t.nodeId, t]));
  // Per model, its tasks in node id order with their conversations: groups come by node id, one per task and model.
  const perModel = new Map<string, TaskCount[]>();
  for (const g of groups) {
    const task = keptById.get(g.nodeId);
    if (!task) continue;
    const tasks = perModel.get(g.model);
    const t = { ...task, conversations: g.n };
    if (tasks) tasks.push(t);
    else perModel.set(g.model, [t]);
  }
  return [...perModel]
    .sort((a, b) => binary(a[0], b[0]))
    .map(([model, tasks]) => {
      const usageTasks = taskShares(tasks, 'conversations', keyOf);
      const categories = categoriesOf({ ...base, usageTasks }, true).map((c) => ({ title: c.title, usagePct: c.usagePct }));
      return { model, conversations: tasks.reduce((s, t) => s + t.conversations, 0), categories };
    })
    .sort((a, b) => b.conversations - a.conversations || a.model.localeCompare(b.model));
}
