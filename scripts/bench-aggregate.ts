// The aggregation half of `npm run bench:ingest`: N imported conversations get synthetic
// classification outcomes (a task from a hierarchy over the bundled O*NET tasks, a pattern and
// skills, Zipf-like so some tasks pass the thresholds and many do not), then the run is aggregated
// with the privacy thresholds into the paper's analyses (the run report: thresholds, Figures 5, 8,
// 10, patterns and skills per task, the hierarchy levels). Prints the time of that aggregation.
import { join } from 'node:path';
import type { Db } from '../src-main/db/open';
import { importRelease } from '../src-main/engine/ingest';
import { baseItems } from '../src-main/engine/hierarchy/build';
import { importHierarchy } from '../src-main/engine/hierarchy/store';
import { resolveConfig } from '../src-main/engine/classify/run';
import { DEFAULT_UNCERTAINTY } from '../src-main/engine/classify/config';
import { runReport } from '../src-main/engine/classify/report';
import { recordRunFinish } from '../src-main/engine/classify/inputs';
import { conversationColumns } from '../src-main/engine/classify/conversation-columns';
import { storeOutcomeColumns } from '../src-main/engine/classify/outcome-columns';
import { reproduce } from '../src-main/engine/analyze/reproduce';
import { mulberry32 } from '../src-main/engine/hierarchy/random';
import { COLLABORATION_PATTERNS } from '../src-shared/taxonomy';
import { SKILL_OPTIONS } from '../src-shared/prompts/classify';

/** A flat two-level hierarchy: 12 parents over the base tasks, enough for the run's joins. */
function syntheticHierarchy(db: Db): string[] {
  const base = baseItems(db, 'aei-2025-02-10');
  const nodes = [
    ...Array.from({ length: 12 }, (_, i) => ({ id: `top-${i}`, level: 1, name: `Top ${i}`, description: '', parent: null })),
    ...base.map((b, i) => ({ id: b.id, level: 0, name: b.text, description: '', parent: `top-${i % 12}` })),
  ];
  importHierarchy(db, 'bench', { format: 'task-atlas.hierarchy', version: 1, id: 'h-bench', name: 'bench', config: { taskDataset: 'aei-2025-02-10' }, createdAt: new Date().toISOString(), nodes });
  return base.map((b) => b.id);
}

export function benchAggregate(db: Db, root: string, dataset: string): void {
  prepareAggregate(db, root, dataset);
  measureAggregate(db);
  measureIntervals(db);
}

/** The same report with the default bootstrap confidence intervals (1,000 replicates), once. */
export function measureIntervals(db: Db, replicates: number = DEFAULT_UNCERTAINTY.replicates): void {
  db.prepare("UPDATE classify_run SET config_json = json_set(config_json, '$.uncertainty.replicates', ?) WHERE id = 'bench'").run(replicates);
  try {
    const t = performance.now();
    const report = runReport(db, 'bench');
    console.log(
      `  with confidence intervals (${replicates.toLocaleString('en')} bootstrap replicates over ${report.uncertainty?.clusters.toLocaleString('en')} clusters): ` +
        `${((performance.now() - t) / 1000).toFixed(1)} s, once per run (the report is stored)`,
    );
  } finally {
    db.prepare("UPDATE classify_run SET config_json = json_set(config_json, '$.uncertainty.replicates', 0) WHERE id = 'bench'").run();
  }
}

/** The release, a hierarchy and a complete run 'bench' with synthetic outcomes for every conversation of `dataset`. */
export function prepareAggregate(db: Db, root: string, dataset: string): void {
  importRelease(db, { dir: join(root, 'resources/data/aei-release-2025-02-10'), id: 'aei-2025-02-10' });
  const tasks = syntheticHierarchy(db);
  // No intervals in the timed report (goal 4 names the analyses without them); measureIntervals times them.
  const cfg = resolveConfig({ name: 'bench', datasets: [dataset], hierarchyId: 'h-bench', uncertainty: { replicates: 0, seed: 1 } });
  db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES ('bench', ?, 'complete', '', '')").run(JSON.stringify(cfg));
  const ids = db.prepare('SELECT seq, id FROM conversation WHERE dataset = ?').raw().all(dataset) as [number, string][];
  // The run's writer gives each row its conversation's key, as here (results.ts).
  const put = db.prepare("INSERT INTO classification (run_id, conversation_id, conversation_seq, facet, status, value) VALUES ('bench', ?, ?, ?, 'ok', ?)");
  const rand = mulberry32(9);
  const t = performance.now();
  db.transaction(() => {
    for (const [seq, id] of ids) {
      // rand()^3 skews towards the first tasks, like real usage concentrates on few tasks.
      put.run(id, seq, 'task', tasks[Math.floor(rand() ** 3 * tasks.length)]!);
      put.run(id, seq, 'pattern', [...COLLABORATION_PATTERNS, 'none'][Math.floor(rand() * 6)]!);
      put.run(id, seq, 'skills', JSON.stringify([SKILL_OPTIONS[Math.floor(rand() * 35)]]));
    }
  })();
  console.log(`wrote synthetic outcomes for ${ids.length.toLocaleString('en')} conversations in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // As the run's writer does when a run completes (results.ts): its datasets' content is recorded
  // then, so the report only checks that it is unchanged, and its columns are stored.
  const stored = performance.now();
  recordRunFinish(db, cfg);
  conversationColumns(db, cfg.datasets);
  storeOutcomeColumns(db, 'bench');
  console.log(`  the run finished: inputs recorded and its conversation and outcome columns stored in ${((performance.now() - stored) / 1000).toFixed(1)} s`);
}

/**
 * Aggregates run 'bench' into its report and prints the time: the first aggregation in this process
 * (code not yet compiled by the JIT, as for a report after the app starts), then `again` more, as a
 * threshold sweep or a re-report in a running app does.
 */
export function measureAggregate(db: Db, again = 3): void {
  const n = db.prepare("SELECT count(*) FROM classification WHERE run_id = 'bench' AND facet = 'task'").pluck().get() as number;
  const timed = () => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const report = runReport(db, 'bench');
    const used = process.cpuUsage(cpu);
    return { report, seconds: (performance.now() - t) / 1000, cpu: (used.user + used.system) / 1e6 };
  };
  const first = timed();
  console.log(
    `aggregated ${n.toLocaleString('en')} conversations in ${first.seconds.toFixed(2)} s (CPU ${first.cpu.toFixed(2)} s), the first report in this process ` +
      `(thresholds kept ${first.report.tasks.kept} of ${first.report.tasks.total} tasks; Figures 5, 8, 10, patterns and skills per task and occupation)`,
  );
  if (again > 0) {
    const times = Array.from({ length: again }, () => timed().seconds);
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    console.log(`  aggregated again ${again} times: ${times.map((x) => x.toFixed(2)).join(', ')} s (median ${median.toFixed(2)} s)`);
  }
  const t = performance.now();
  reproduce(db, first.report.sourceId);
  console.log(`  every paper analysis on the run's usage source: ${((performance.now() - t) / 1000).toFixed(2)} s`);
}
