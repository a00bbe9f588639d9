// `task-atlas hierarchy build|show|export|import`. A build is the app's "hierarchy.build" job run in
// this process: its flags are the job's arguments and settings for this command only.
import { writeFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HierarchyEstimate } from '../../src-shared/api';
import type { JobArgs, JobResults } from '../../src-shared/jobs';
import type { Db } from '../db/open';
import { NotFoundError } from '../engine/errors';
import { closeProject, openProject } from '../engine/project';
import { exportHierarchy } from '../engine/hierarchy/store';
import { formatTree, latestHierarchyId } from './tree';
import type { SettingsFlags } from './settings-flags';
import { requireHierarchy, requireTaskDataset } from './lookups';
import { defaultProjectPath } from './project-path';
import { withSession } from './session';
import { runJob } from './run-job';

export interface BuildFlags extends SettingsFlags {
  project?: string;
  estimate?: boolean;
  batches?: boolean;
  seed?: number;
  levels?: number;
  top?: number;
  dataset?: string;
}

/** The job's arguments from the command's flags (the rest are settings). */
export function buildArgsFrom(flags: BuildFlags): JobArgs<'hierarchy.build'> {
  return {
    ...(flags.dataset ? { taskDataset: flags.dataset } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    ...(flags.levels !== undefined ? { levels: flags.levels } : {}),
    ...(flags.top !== undefined ? { nTop: flags.top } : {}),
    batches: flags.batches === true,
  };
}

export function runHierarchyBuild(flags: BuildFlags): Promise<number> {
  const args = buildArgsFrom(flags);
  return withSession({ project: flags.project, bundled: true, settings: flags }, async (s) => {
    if (flags.dataset !== undefined) requireTaskDataset(s.host.project.db, flags.dataset);
    const est = await s.call('hierarchy.estimate', { config: args });
    process.stderr.write(estimateLine(est));
    if (flags.estimate) return 0;
    const outcome = await runJob(s.host, { kind: 'hierarchy.build', args });
    if (!outcome.ok) return outcome.code;
    process.stdout.write(buildSummary(outcome.result));
    return 0;
  });
}

function estimateLine(est: HierarchyEstimate): string {
  return (
    `Estimate: ${est.calls} Claude calls, ${(est.inputTokens / 1e6).toFixed(1)}M input + ${(est.outputTokens / 1e6).toFixed(2)}M output tokens, ` +
    (est.priceKnown ? `~$${est.costUsd.toFixed(2)} (~$${est.costUsdWithBatches.toFixed(2)} with --batches)` : 'price of this model unknown') +
    ` on ${est.model}; levels ${est.targets.join(' → ')}\n`
  );
}

function buildSummary(r: JobResults['hierarchy.build']): string {
  const lines = [`Hierarchy ${r.id}: ${r.sizes.join(' / ')} nodes (targets ${r.targets.join(' / ')})`];
  const s = r.claude;
  if (s) {
    lines.push(
      `Claude: ${s.sent} requests sent, ${s.cacheHits} answered from the project's cache, retries ${JSON.stringify(s.retries)}, ` +
        `${s.invalidAnswers} invalid answers corrected or recorded, ${s.failures} failures, $${s.costUsd.toFixed(2)}`,
    );
  }
  for (const l of r.levels ?? []) {
    lines.push(
      `  level ${l.level}: ${l.neighbourhoods} neighbourhoods, ${l.proposed} proposed → ${l.afterDedupe} after dedupe → ${l.parents} parents; ` +
        `failures ${JSON.stringify(l.failures)}, ${l.assignedByFallback} placed by similarity; ` +
        `Claude ${l.claude.sent} calls, ${l.claude.inputTokens} input + ${l.claude.outputTokens} output tokens, $${l.claude.costUsd.toFixed(2)}`,
    );
  }
  return lines.join('\n') + '\n';
}

export function runHierarchyShow(flags: { project?: string; id?: string; depth?: number }): number {
  const project = openProject(flags.project ? resolve(flags.project) : defaultProjectPath());
  try {
    const id = hierarchyId(project.db, flags.id);
    process.stdout.write(formatTree(project.db, id, flags.depth ?? 2) + '\n');
    return 0;
  } finally {
    closeProject(project);
  }
}

export function runHierarchyExport(flags: { project?: string; id?: string; out?: string }): number {
  const project = openProject(flags.project ? resolve(flags.project) : defaultProjectPath());
  try {
    const id = hierarchyId(project.db, flags.id);
    const json = JSON.stringify(exportHierarchy(project.db, id), null, 1);
    if (!flags.out) process.stdout.write(json + '\n');
    else {
      const tmp = `${resolve(flags.out)}.tmp-${process.pid}`;
      writeFileSync(tmp, json);
      renameSync(tmp, resolve(flags.out));
      process.stderr.write(`wrote ${resolve(flags.out)}\n`);
    }
    return 0;
  } finally {
    closeProject(project);
  }
}

/** The hierarchy named by --id (which must exist), else the latest complete one. */
function hierarchyId(db: Db, id: string | undefined): string {
  if (id !== undefined) {
    requireHierarchy(db, id);
    return id;
  }
  const latest = latestHierarchyId(db);
  if (!latest) throw new NotFoundError('no hierarchy in this project yet: run `task-atlas hierarchy build`');
  return latest;
}

export function runHierarchyImport(flags: { project?: string; file: string; as?: string }): Promise<number> {
  const file = flags.file;
  return withSession({ project: flags.project }, async (s) => {
    const r = await s.call('hierarchy.import', { path: resolve(file), ...(flags.as !== undefined ? { as: flags.as } : {}) });
    const what = r.unchanged ? 'already had' : 'imported';
    process.stdout.write(`${what} hierarchy ${r.id} (${r.nodes} nodes, content ${r.contentHash.slice(0, 12)})\n`);
    return 0;
  });
}
