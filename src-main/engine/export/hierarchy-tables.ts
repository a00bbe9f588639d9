// A run's tables over the task hierarchy: Figures 11 and 12 (top_level_tasks, middle_level_tasks),
// Figure 8 by task (model_tasks, long: one row per level, task and model; model_task_comparison:
// the default pair's difference and ratio) and B.5 (pattern shares per task and occupation, the
// tasks characteristic of each pattern). Like every run table, only kept tasks appear.
import { PATTERN_KEYS, type LevelTaskShare, type PatternBreakdown, type RunReport } from '../../../src-shared/report';
import { TASK_LEVELS } from '../../../src-shared/charts/fig8ModelTasks';
import { cat, int, num, str, table, type Table } from './table';

const PCT = 'percent';

function levelTable(name: string, which: string, rows: LevelTaskShare[] | undefined): Table {
  return table(name, `Share of kept conversations per ${which} task (thresholds applied to base tasks, then rolled up)`, [
    str('nodeId', 'Hierarchy node id'),
    str('task', `Name of the ${which} task`),
    num('pct', 'Share of the run\'s kept conversations', PCT),
  ], (rows ?? []).map((t) => [t.nodeId, t.task, t.pct]));
}

function modelTables(run: RunReport): Table[] {
  const cmp = run.modelTasks;
  const levels = TASK_LEVELS.map(({ level }) => ({ level, rows: cmp?.levels[level] ?? [] }));
  const [a, b] = cmp?.compared ?? [];
  return [
    table('model_tasks', 'Hierarchy task shares per model at the top, middle and base level (Figure 8 by task; the run\'s thresholds for every model)', [
      cat('level', 'Hierarchy level: top, middle or base', ['top', 'middle', 'base']),
      str('nodeId', 'Hierarchy node id'),
      str('task', 'Task name'),
      str('model', 'Model that answered'),
      num('pct', 'Share of the model\'s kept conversations', PCT),
    ], levels.flatMap(({ level, rows }) => rows.flatMap((r) => Object.entries(r.shares).map(([model, pct]) => [level, r.nodeId, r.task, model, pct])))),
    table('model_task_comparison', 'Difference and ratio between the two models with the most kept conversations, per task and level', [
      cat('level', 'Hierarchy level: top, middle or base', ['top', 'middle', 'base']),
      str('nodeId', 'Hierarchy node id'),
      str('task', 'Task name'),
      str('modelA', 'First model compared (the named model with the most kept conversations)'),
      num('pctA', 'Share of model A\'s kept conversations', PCT),
      str('modelB', 'Second model compared'),
      num('pctB', 'Share of model B\'s kept conversations', PCT),
      num('difference', 'pctA - pctB (missing with a single model)', 'percentage points'),
      num('ratio', 'pctA / pctB (missing when pctB is 0)', 'ratio'),
    ], a === undefined || b === undefined ? [] : levels.flatMap(({ level, rows }) =>
      rows.map((r) => [level, r.nodeId, r.task, a, r.shares[a] ?? 0, b, r.shares[b] ?? 0, r.difference, r.ratio]))),
  ];
}

function patternShareTable(name: string, what: string, rows: PatternBreakdown[]): Table {
  const key = (p: string) => `${p.replace(/ (\w)/g, (_, c: string) => c.toUpperCase())}Pct`;
  return table(name, `Share of each collaboration pattern and none per ${what} (B.5; kept tasks only)`, [
    str('name', what === 'task' ? 'Task name' : 'Occupation title'),
    num('conversations', 'Conversations with a pattern answer (split evenly across occupations)', 'count'),
    ...PATTERN_KEYS.map((p) => num(key(p), `Share of conversations classified "${p}"`, PCT)),
  ], rows.filter((b) => b.patternPct !== undefined).map((b) => [b.name, b.conversations, ...PATTERN_KEYS.map((p) => b.patternPct![p] ?? 0)]));
}

export function hierarchyTables(run: RunReport): Table[] {
  return [
    levelTable('top_level_tasks', 'top-level', run.topLevelTasks),
    levelTable('middle_level_tasks', 'middle-level', run.middleLevelTasks),
    ...modelTables(run),
    patternShareTable('pattern_shares_by_task', 'task', run.patternsByTask),
    patternShareTable('pattern_shares_by_occupation', 'occupation', run.patternsByOccupation),
    table('pattern_characteristic_tasks', 'Kept tasks with the highest share of each pattern, among tasks with at least the run\'s minimum conversations', [
      cat('pattern', 'Collaboration pattern', PATTERN_KEYS),
      int('rank', 'Rank within the pattern (1 = highest share)', 'count'),
      str('task', 'Task name'),
      num('conversations', 'Conversations of the task with a pattern answer', 'count'),
      num('pct', 'Share of them showing the pattern', PCT),
    ], (run.characteristicTasks ?? []).flatMap((c) => c.tasks.map((t, i) => [c.pattern, i + 1, t.task, t.conversations, t.pct]))),
  ];
}
