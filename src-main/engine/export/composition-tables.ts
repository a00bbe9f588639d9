// Export tables of a run's Appendix B.7 composition (work, coursework, personal use): every level's
// share before and after screening with the share at each confidence cut, and the top tasks within
// non-work and coursework conversations. Only tasks that pass the run's thresholds within the group
// are listed; a run that did not ask the composition question has no such tables.
import type { RunReport } from '../../../src-shared/report';
import { cat, int, num, str, table, type Table } from './table';

export function compositionTables(report: RunReport): Table[] {
  const c = report.composition;
  if (!c) return [];
  const sets = [
    ['before screening', c.beforeScreening],
    ['after screening', c.afterScreening],
  ] as const;
  return [
    table('composition', `Work, coursework and personal use (Appendix B.7; prompt ${c.promptVersion}) before and after screening`, [
      cat('set', '"before screening": every conversation asked; "after screening": those that passed screening and were mapped to a task'),
      int('setConversations', 'Conversations in the set with a valid composition answer', 'count'),
      cat('dimension', 'work, coursework or personal', ['work', 'coursework', 'personal']),
      cat('level', 'explicitly, likely, possibly or non', ['explicitly', 'likely', 'possibly', 'non']),
      str('label', 'The option as the prompt prints it, e.g. "Likely work"'),
      int('conversations', 'Conversations of the set at this level', 'count'),
      num('pct', 'Share of the set at this level', 'percent'),
      num('cumulativePct', 'Share at this level or a more confident one (the confidence cut); for "non", the level\'s own share', 'percent'),
    ], sets.flatMap(([set, s]) => s.dimensions.flatMap((d) => d.levels.map((l) => [set, s.conversations, d.dimension, l.level, l.label, l.conversations, l.pct, l.cumulativePct])))),
    table('composition_tasks', 'Top tasks within non-work and within coursework conversations after screening (run thresholds applied within the group)', [
      cat('group', 'non-work or coursework (explicitly, likely or possibly)'),
      int('groupConversations', 'The group\'s conversations after screening', 'count'),
      str('nodeId', 'Hierarchy node id of the task'),
      str('task', 'Task name (hierarchy node name)'),
      int('conversations', 'The group\'s conversations mapped to the task', 'count'),
      num('pct', 'Share of the group\'s conversations', 'percent'),
    ], c.topTasks.flatMap((g) => g.tasks.map((t) => [g.group, g.conversations, t.nodeId, t.task, t.conversations, t.pct]))),
  ];
}
