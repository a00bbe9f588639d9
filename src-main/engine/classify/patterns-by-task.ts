// Paper B.5: the collaboration-pattern facet intersected with the task facet, so every kept task (and,
// split evenly, every occupation) has a breakdown over the five patterns and "none", and each pattern
// has the tasks most characteristic of it.
import { CHARACTERISTIC_TASKS, PATTERN_KEYS, type CharacteristicTasks, type PatternPcts } from '../../../src-shared/report';
import { COLLABORATION_PATTERNS } from '../../../src-shared/taxonomy';
import type { TaskCount } from './aggregate';
import type { PatternGroup } from './run-facts';

/** Percent of `total` per pattern and "none"; every key present, all 0 when there is nothing. */
export function patternPcts(counts: ReadonlyMap<string, number>, total: number): PatternPcts {
  return Object.fromEntries(PATTERN_KEYS.map((p) => [p, total > 0 ? (100 * (counts.get(p) ?? 0)) / total : 0]));
}

function countsByTask(convs: readonly PatternGroup[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const c of convs) {
    if (c.pattern === null) continue;
    const counts = out.get(c.nodeId) ?? new Map<string, number>();
    counts.set(c.pattern, (counts.get(c.pattern) ?? 0) + c.n);
    out.set(c.nodeId, counts);
  }
  return out;
}

/**
 * For each pattern, the kept tasks with the highest share of it. A task qualifies with at least
 * `minConversations` (the run's privacy threshold) conversations classified for their pattern, so a
 * task with two conversations cannot top a list at 100%; ties go to the task with more
 * conversations, then by name. Tasks where the pattern never occurs are not listed.
 */
export function characteristicTasks(convs: readonly PatternGroup[], kept: readonly TaskCount[], minConversations: number): CharacteristicTasks[] {
  const byTask = countsByTask(convs);
  const candidates = kept
    .map((t) => {
      const counts = byTask.get(t.nodeId) ?? new Map<string, number>();
      const total = [...counts.values()].reduce((s, n) => s + n, 0);
      return { task: t.task, conversations: total, pcts: patternPcts(counts, total) };
    })
    .filter((t) => t.conversations > 0 && t.conversations >= minConversations);
  return COLLABORATION_PATTERNS.map((pattern) => ({
    pattern,
    tasks: candidates
      .filter((t) => (t.pcts[pattern] ?? 0) > 0)
      .map((t) => ({ task: t.task, conversations: t.conversations, pct: t.pcts[pattern] ?? 0 }))
      .sort((a, b) => b.pct - a.pct || b.conversations - a.conversations || a.task.localeCompare(b.task))
      .slice(0, CHARACTERISTIC_TASKS),
  }));
}
