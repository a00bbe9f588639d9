// `task-atlas reconstruct`: the Appendix G cluster reconstruction of a finished run, as the app's
// "reconstruct.run" job run in this process (Ctrl+C pauses; the same command resumes without paying
// twice). A demo run (`task-atlas demo`) is reconstructed in demo mode, in the demo project, which is
// also where a demo run is looked for when no --project is given.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { JobArgs } from '../../src-shared/jobs';
import { DEMO_PREFIX } from '../../src-shared/demo';
import { reconstructJson, type ReconstructionReport } from '../../src-shared/reconstruct';
import { demoProjectPath } from '../engine/demo/resources';
import { finishedRun } from '../engine/reconstruct/config';
import type { ReconstructEstimate } from '../../src-shared/reconstruct';
import { UsageError } from './errors';
import { requireRun } from './lookups';
import { defaultProjectPath } from './project-path';
import { runJob } from './run-job';
import { withSession } from './session';
import type { SettingsFlags } from './settings-flags';

export interface ReconstructFlags extends SettingsFlags {
  project?: string;
  run: string;
  levels?: string[];
  offline?: boolean;
  seed?: number;
  batches?: boolean;
  estimate?: boolean;
  json?: boolean;
}

/** "10,100,1000" → [10, 100, 1000]; anything but whole numbers ≥ 2 is a usage error. */
export function parseLevels(values: readonly string[] | undefined): number[] | undefined {
  if (values === undefined) return undefined;
  return values.map((v) => {
    if (!/^\d+$/.test(v) || Number(v) < 2) throw new UsageError(`--levels: "${v}" is not a mean cluster size (a whole number ≥ 2)`);
    return Number(v);
  });
}

export function runReconstruct(flags: ReconstructFlags): Promise<number> {
  const levels = parseLevels(flags.levels);
  const project = flags.project ?? projectFor(flags.run);
  return withSession({ project, settings: flags }, async (s) => {
    const db = s.host.project.db;
    requireRun(db, flags.run);
    const run = finishedRun(db, flags.run);
    // A demo run's project is used in demo mode: its server, its stand-in model, its labels.
    if (run.demo) await s.call('demo.start', { path: s.host.project.path });
    const args: JobArgs<'reconstruct.run'> = {
      run: flags.run,
      method: flags.offline ? 'offline-embedding' : run.method,
      ...(levels ? { levels } : {}),
      ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
      ...(flags.batches ? { batches: true } : {}),
    };
    const estimate = await s.call('reconstruct.estimate', { config: args });
    process.stderr.write(estimateLine(estimate));
    if (flags.estimate) {
      if (flags.json) process.stdout.write(JSON.stringify(estimate, null, 2) + '\n');
      return 0;
    }
    const outcome = await runJob(s.host, { kind: 'reconstruct.run', args });
    if (!outcome.ok) return outcome.code;
    const report = await s.call('analysis.reconstruction', { run: flags.run });
    if (!report) throw new Error(`the reconstruction of run "${flags.run}" finished but left no report`);
    process.stdout.write(flags.json ? JSON.stringify(reconstructJson(report), null, 2) + '\n' : describe(report, outcome.result.claude?.sent));
    return 0;
  });
}

/** With no --project: a demo run lives in the demo project unless the default project has it. */
function projectFor(run: string): string | undefined {
  const demo = demoProjectPath(null);
  if (!run.startsWith(DEMO_PREFIX) || !existsSync(demo)) return undefined;
  return hasRun(defaultProjectPath(), run) ? undefined : demo;
}

function hasRun(file: string, run: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT 1 FROM classify_run WHERE id = ?').get(run) !== undefined;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

function estimateLine(e: ReconstructEstimate): string {
  const levels = e.levels.map((l) => `${l.clusters} clusters of ~${l.meanClusterSize}`).join(', ') || 'no level with 2 or more clusters';
  if (e.calls === 0) return `Estimate: ${e.conversations} conversations → ${levels}; ${e.note}\n`;
  return (
    `Estimate: ${e.conversations} conversations → ${levels}; up to ${e.calls} Claude calls, ${(e.inputTokens / 1e6).toFixed(2)}M input + ` +
    `${(e.outputTokens / 1e6).toFixed(2)}M output tokens, ~$${e.costUsd.toFixed(2)} (~$${e.costUsdWithBatches.toFixed(2)} with --batches)` +
    `${e.priceKnown ? '' : ' (a model has no known price)'}; ${e.note}\n`
  );
}

function fmt(x: number | null): string {
  return x === null ? '—' : x.toFixed(2);
}

function describe(r: ReconstructionReport, sent: number | undefined): string {
  const lines = [
    `Reconstruction of run ${r.run} (${r.method}${r.provenance ? `, ${r.provenance}` : ''}): ${r.conversations} conversations` +
      (sent !== undefined ? `, ${sent} Claude requests sent` : ''),
  ];
  for (const l of r.levels) {
    const m = l.metrics;
    const rec = (x: { both: number; directOnly: number; clusterOnly: number }) => `${x.both} both / ${x.directOnly} direct only / ${x.clusterOnly} clusters only`;
    lines.push(
      `  ~${l.meanClusterSize} per cluster: ${l.clusters} clusters (${l.placed} placed); Pearson/Spearman/Kendall: ` +
        `category ${fmt(m.category.pearson)}/${fmt(m.category.spearman)}/${fmt(m.category.kendallTauB)}, ` +
        `occupation ${fmt(m.occupation.pearson)}/${fmt(m.occupation.spearman)}/${fmt(m.occupation.kendallTauB)}, ` +
        `task ${fmt(m.task.pearson)}/${fmt(m.task.spearman)}/${fmt(m.task.kendallTauB)}`,
      `    occupations ${rec(l.recovered.occupation)}; tasks ${rec(l.recovered.task)}; tasks per occupation ${l.tasksPerOccupation.direct.toFixed(1)} direct, ${l.tasksPerOccupation.clusters.toFixed(1)} clusters`,
    );
  }
  for (const s of r.skipped ?? []) lines.push(`  ~${s.meanClusterSize} per cluster: skipped (${s.reason})`);
  return lines.join('\n') + '\n';
}
