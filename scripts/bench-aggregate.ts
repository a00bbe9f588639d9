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
}

/** The release, a hierarchy and a complete run 'bench' with synthetic outcomes for every conversation of `dataset`. */
export function prepareAggregate(db: Db, root: string, dataset: string): void {
  importRelease(db, { dir: join(root, 'resources/data/aei-release-2025-02-10'), id: 'aei-2025-02-10' });
  const tasks = syntheticHierarchy(db);
  const cfg = resolveConfig({ name: 'bench', datasets: [dataset], hierarchyId: 'h-bench' });
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
  // As the run's writer does when a run completes (results.ts): its datasets' content is recorded
  // then, so the report only checks that it is unchanged, and their columns stored.
  recordRunFinish(db, cfg);
  conversationColumns(db, cfg.datasets);
  storeOutcomeColumns(db, 'bench');
  console.log(`wrote synthetic outcomes for ${ids.length.toLocaleString('en')} conversations in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** Aggregates run 'bench' into its report and prints the time (a second call re-aggregates it). */
export function measureAggregate(db: Db): void {
  const n = db.prepare("SELECT count(*) FROM classification WHERE run_id = 'bench' AND facet = 'task'").pluck().get() as number;
  let t = performance.now();
  const cpu = process.cpuUsage();
  const report = runReport(db, 'bench');
  const aggregated = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  t = performance.now();
  reproduce(db, report.sourceId);
  console.log(
    `aggregated ${n.toLocaleString('en')} conversations in ${aggregated.toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s) ` +
      `(thresholds kept ${report.tasks.kept} of ${report.tasks.total} tasks; Figures 5, 8, 10, patterns per task and occupation)`,
  );
  console.log(`  every paper analysis on the run's usage source: ${((performance.now() - t) / 1000).toFixed(2)} s`);
}
