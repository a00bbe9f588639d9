// `task-atlas hierarchy build|show|export|import`.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import { closeProject, importBundledDefaults, openProject, type Project } from '../engine/project';
import { HierarchyConfigSchema, type HierarchyConfig } from '../engine/hierarchy/config';
import { baseItems, buildHierarchy } from '../engine/hierarchy/build';
import { estimateBuild } from '../engine/hierarchy/estimate';
import { exportHierarchy, importHierarchy } from '../engine/hierarchy/store';
import { LlmClient } from '../engine/llm/client';
import { openEmbedding } from '../engine/hierarchy/embedding';
import { interruptible } from './interrupt';
import { ImportError } from '../engine/ingest/formats/errors';
import { startFakeAnthropic } from '../fake-anthropic/server';
import { formatTree, latestHierarchyId } from './tree';
import { llmOptionsFrom, type LlmFlags } from './llm-options';
import { progressPrinter } from './progress';
import { defaultProjectPath } from './project-path';
import { modelCacheDir } from './models';

export interface BuildFlags extends LlmFlags {
  project?: string;
  fake?: boolean;
  estimate?: boolean;
  batches?: boolean;
  seed?: string;
  levels?: string;
  top?: string;
  dataset?: string;
  concurrency?: string;
  'embedding-model'?: string;
  'model-dir'?: string;
  'allow-download'?: boolean;
}

function openWithData(path?: string): Project {
  const project = openProject(path ? resolve(path) : defaultProjectPath());
  importBundledDefaults(project);
  return project;
}

export function configFrom(flags: BuildFlags): HierarchyConfig {
  const num = (v?: string) => (v === undefined ? undefined : Number(v));
  return HierarchyConfigSchema.parse({
    ...(flags.model ? { model: flags.model } : {}),
    ...(flags.dataset ? { taskDataset: flags.dataset } : {}),
    ...(flags['embedding-model'] ? { embeddingModel: flags['embedding-model'] } : {}),
    ...(flags.seed ? { seed: num(flags.seed) } : {}),
    ...(flags.levels ? { levels: num(flags.levels) } : {}),
    ...(flags.top ? { nTop: num(flags.top) } : {}),
    ...(flags.concurrency ? { concurrency: num(flags.concurrency) } : {}),
    batches: flags.batches === true,
  });
}

export function runHierarchyBuild(flags: BuildFlags): Promise<number> {
  return interruptible((signal) => build(flags, signal));
}

async function build(flags: BuildFlags, signal: AbortSignal): Promise<number> {
  const project = openWithData(flags.project);
  const cfg = configFrom(flags);
  const fake = flags.fake ? await startFakeAnthropic({ latencyMs: 5 }) : null;
  try {
    const est = estimateBuild(cfg, baseItems(project.db, cfg.taskDataset).map((b) => b.text));
    process.stderr.write(
      `Estimate: ${est.calls} Claude calls, ${(est.inputTokens / 1e6).toFixed(1)}M input + ${(est.outputTokens / 1e6).toFixed(2)}M output tokens, ` +
        (est.priceKnown ? `~$${est.costUsd.toFixed(2)} (~$${est.costUsdWithBatches.toFixed(2)} with --batches)` : 'price of this model unknown') +
        ` on ${cfg.model}; levels ${est.targets.join(' → ')}\n`,
    );
    if (flags.estimate) return 0;
    const llm = new LlmClient(project.db, llmOptionsFrom(flags, cfg.model, fake?.baseURL));
    const embedding = await openEmbedding(project.db, {
      model: cfg.embeddingModel,
      cacheDir: modelCacheDir(),
      allowRemote: flags['allow-download'] === true,
      localModelPath: flags['model-dir'] ? resolve(flags['model-dir']) : undefined,
    });
    const bar = progressPrinter(process.stderr, () => llm.stats);
    try {
      const result = await buildHierarchy(
        { db: project.db, llm, embed: embedding.embed },
        cfg,
        { signal, onProgress: (p) => bar.update(p) },
      );
      bar.done();
      const s = llm.stats;
      process.stdout.write(
        `Hierarchy ${result.id}: ${result.sizes.join(' / ')} nodes (targets ${result.targets.join(' / ')})\n` +
          `Claude: ${s.sent} requests sent, ${s.cacheHits} answered from the project's cache, retries ${JSON.stringify(s.retries)}, ` +
          `${s.invalidAnswers} invalid answers corrected or recorded, ${s.failures} failures, $${s.costUsd.toFixed(2)}\n`,
      );
      for (const r of result.reports) {
        process.stdout.write(
          `  level ${r.level}: ${r.neighbourhoods} neighbourhoods, ${r.proposed} proposed → ${r.afterDedupe} after dedupe → ${r.parents} parents; ` +
            `failures ${JSON.stringify(r.failures)}, ${r.assignedByFallback} placed by similarity; ` +
            `Claude ${r.claude.sent} calls, ${r.claude.inputTokens} input + ${r.claude.outputTokens} output tokens, $${r.claude.costUsd.toFixed(2)}\n`,
        );
      }
      return 0;
    } finally {
      await embedding.close();
    }
  } finally {
    await fake?.close();
    closeProject(project);
  }
}

export function runHierarchyShow(flags: { project?: string; id?: string; depth?: string }): number {
  const project = openProject(flags.project ? resolve(flags.project) : defaultProjectPath());
  try {
    const id = flags.id ?? latestHierarchyId(project.db);
    if (!id) throw new Error('no hierarchy in this project yet: run `task-atlas hierarchy build`');
    process.stdout.write(formatTree(project.db, id, Number(flags.depth ?? 2)) + '\n');
    return 0;
  } finally {
    closeProject(project);
  }
}

export function runHierarchyExport(flags: { project?: string; id?: string; out?: string }): number {
  const project = openProject(flags.project ? resolve(flags.project) : defaultProjectPath());
  try {
    const id = flags.id ?? latestHierarchyId(project.db);
    if (!id) throw new Error('no hierarchy to export');
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

export function runHierarchyImport(flags: { project?: string; file?: string }): number {
  if (!flags.file) throw new Error('hierarchy import needs --file');
  const project = openProject(flags.project ? resolve(flags.project) : defaultProjectPath());
  try {
    const file = resolve(flags.file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ImportError(`not valid JSON (${(err as Error).message})`, { file });
    }
    const r = importHierarchy(project.db, file, json);
    process.stdout.write(`imported hierarchy ${r.id} (${r.nodes} nodes)\n`);
    return 0;
  } finally {
    closeProject(project);
  }
}
