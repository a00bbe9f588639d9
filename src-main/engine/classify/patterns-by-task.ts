// Paper B.5: the collaboration-pattern facet intersected with the task facet, so every kept task (and,
// split evenly, every occupation) has a breakdown over the five patterns and "none", and each pattern
// has the tasks most characteristic of it.
import { CHARACTERISTIC_TASKS, PATTERN_KEYS, type CharacteristicTasks, type PatternPcts } from '../../../src-shared/report';
import { COLLABORATION_PATTERNS } from '../../../src-shared/taxonomy';
import type { TaskCount } from './aggregate';
import type { PatternGroup } from './run-facts';
import { compareText, offer } from '../../../src-shared/order';

/** Percent of `total` per pattern and "none"; every key present, all 0 when there is nothing. */
export function patternPcts(counts: ReadonlyMap<string, number>, total: number): PatternPcts {
  return Object.fromEntries(PATTERN_KEYS.map((p) => [p, total > 0 ? (100 * (counts.get(p) ?? 0)) / total : 0]));
}

type Listed = CharacteristicTasks['tasks'][number];

const byShare = (a: Listed, b: Listed) => b.pct - a.pct || b.conversations - a.conversations || compareText(a.task, b.task);

/**
 * For each pattern, the kept tasks with the highest share of it. A task qualifies with at least
 * `minConversations` (the run's privacy threshold) conversations classified for their pattern, so a
 * task with two conversations cannot top a list at 100%; ties go to the task with more
 * conversations, then by name. Tasks where the pattern never occurs are not listed. `groups`: the
 * run's conversations by task and pattern (RunFacts.byPattern), in node id order, read in one pass.
 */
export function characteristicTasks(groups: readonly PatternGroup[], kept: readonly TaskCount[], minConversations: number): CharacteristicTasks[] {
  const keptById = new Map(kept.map((t) => [t.nodeId, t]));
  const tops = COLLABORATION_PATTERNS.map((): Listed[] => []);
  const counts = new Map<string, number>();
  const finish = (task: TaskCount | undefined) => {
    let total = 0;
    counts.forEach((n) => (total += n));
    if (task === undefined || total === 0 || total < minConversations) return;
    COLLABORATION_PATTERNS.forEach((pattern, i) => {
      const n = counts.get(pattern) ?? 0;
      const pct = (100 * n) / total;
      const top = tops[i]!;
      // Below the last of a full list it cannot enter: no entry is made for it.
      if (n === 0 || (top.length === CHARACTERISTIC_TASKS && pct < top[top.length - 1]!.pct)) return;
      offer(top, CHARACTERISTIC_TASKS, { task: task.task, conversations: total, pct }, byShare);
    });
  };
  let node: string | undefined;
  for (const g of groups) {
    if (g.nodeId !== node) {
      if (node !== undefined) finish(keptById.get(node));
      node = g.nodeId;
      counts.clear();
    }
    if (g.pattern !== null) counts.set(g.pattern, (counts.get(g.pattern) ?? 0) + g.n);
  }
  if (node !== undefined) finish(keptById.get(node));
  return COLLABORATION_PATTERNS.map((pattern, i) => ({ pattern, tasks: tops[i]! }));
}
