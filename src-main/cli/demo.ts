// `task-atlas demo [--project FILE] [--json]`: the whole pipeline in one command with no key and no
// network. demo.start opens the demo project (never the default one) with the bundled data and the
// sample corpus, then the app's own jobs build a small hierarchy and classify the corpus against the
// built-in fake Claude server and the bundled stand-in embedding model. Everything it makes is
// named "demo-…" and labelled "demo (simulated answers)".
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEMO_DATASET, DEMO_PROVENANCE } from '../../src-shared/demo';
import type { JobArgs } from '../../src-shared/jobs';
import type { RunReport } from '../../src-shared/report';
import { compositionCutsText } from '../../src-shared/composition';
import { demoProjectPath } from '../engine/demo/resources';
import { withSession } from './session';
import { runJob } from './run-job';

export interface DemoFlags {
  project?: string;
  json?: boolean;
}

/**
 * A hierarchy over a seeded sample of 300 of the release's task statements (300 → 49 → 8), so the
 * build takes seconds; the full base level would take minutes even against the fake server.
 */
export const DEMO_BUILD: JobArgs<'hierarchy.build'> = { sampleSize: 300, levels: 3, nTop: 8, seed: 1 };

/**
 * Thresholds for a few hundred conversations over a 300-task base: the paper's ≥15 conversations
 * and ≥5 accounts would drop every task. Here a task is kept with ≥3 conversations from ≥1 account
 * (the oasst threads carry account ids; the WildChat pairs have none, so their tasks count only
 * where an oasst conversation shares them).
 */
export const DEMO_THRESHOLDS = { minConversations: 3, minAccounts: 1 } as const;

export const DEMO_RUN = 'demo-run';

export interface DemoSummary {
  project: string;
  hierarchyId: string;
  run: string;
  conversations: number;
  classified: number;
  keptTasks: number;
}

export async function runDemo(flags: DemoFlags): Promise<number> {
  const project = resolve(flags.project ?? demoProjectPath(null));
  mkdirSync(dirname(project), { recursive: true });
  return withSession({ project }, async (s) => {
    const started = await s.call('demo.start', { path: project });
    process.stderr.write(`${DEMO_PROVENANCE}: ${started.conversations} sample conversations in ${project}\n`);
    const built = await runJob(s.host, { kind: 'hierarchy.build', args: DEMO_BUILD });
    if (!built.ok) return built.code;
    // The composition question (B.7) too: one more fake answer per conversation, so the demo shows it.
    const args: JobArgs<'classify.run'> = { name: DEMO_RUN, datasets: [DEMO_DATASET], hierarchyId: built.result.id, ...DEMO_THRESHOLDS, composition: true };
    const classified = await runJob(s.host, { kind: 'classify.run', args });
    if (!classified.ok) return classified.code;
    const report = await s.call('analysis.runReport', { run: classified.result.run });
    const summary: DemoSummary = {
      project,
      hierarchyId: built.result.id,
      run: classified.result.run,
      conversations: classified.result.conversations,
      classified: classified.result.classified,
      keptTasks: report.tasks.kept,
    };
    process.stdout.write(flags.json ? JSON.stringify(summary, null, 2) + '\n' : describe(summary, report, built.result.sizes));
    return 0;
  });
}

function describe(s: DemoSummary, report: RunReport, sizes: number[]): string {
  const p = JSON.stringify(s.project);
  const { minConversations, minAccounts } = report.thresholds;
  return [
    `Task Atlas demo — ${DEMO_PROVENANCE}: fake Claude answers and a stand-in embedding model; nothing was sent to Claude or paid for, and the numbers mean nothing.`,
    `Project:   ${s.project} (demo results live only here)`,
    `Hierarchy: ${s.hierarchyId} (${sizes.join(' / ')} nodes, from a sample of ${DEMO_BUILD.sampleSize} O*NET tasks)`,
    `Run:       ${s.run}: ${s.classified} of ${s.conversations} conversations classified; ${s.keptTasks} of ${report.tasks.total} tasks kept ` +
      `(≥${minConversations} conversations${report.accountsKnown ? `, ≥${minAccounts} account${minAccounts === 1 ? '' : 's'}` : ''} per task)`,
    ...(report.composition ? [`Composition (B.7, after screening): ${compositionCutsText(report.composition.afterScreening)}`] : []),
    'Look at the results:',
    `  task-atlas run report --run ${s.run} --project ${p}`,
    `  task-atlas reproduce --source ${report.sourceId} --project ${p}`,
    `  task-atlas export --run ${s.run} --out demo-export --project ${p}`,
    `  task-atlas serve --project ${p}        (the app in a browser: Explore shows the run)`,
    '',
  ].join('\n');
}
