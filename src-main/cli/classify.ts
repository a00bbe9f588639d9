// `task-atlas conversations import` and `task-atlas classify` / `task-atlas run report`.
import { resolve } from 'node:path';
import { closeProject, importBundledDefaults, openProject } from '../engine/project';
import { importConversations, type ConversationFormat, type ColumnMapping } from '../engine/ingest/conversations';
import { classifyRun, resolveConfig } from '../engine/classify/run';
import { estimateClassify } from '../engine/classify/estimate';
import { runReport } from '../engine/classify/report';
import { runAgreement } from '../engine/classify/agreement';
import { LlmClient } from '../engine/llm/client';
import { openEmbedding } from '../engine/hierarchy/embedding';
import { interruptible } from './interrupt';
import { startFakeAnthropic } from '../fake-anthropic/server';
import { latestHierarchyId } from './tree';
import { llmOptionsFrom, type LlmFlags } from './llm-options';
import { progressPrinter } from './progress';
import { defaultProjectPath } from './project-path';
import { modelCacheDir } from './models';

export async function runConversationsImport(
  file: string | undefined,
  flags: { project?: string; format?: string; dataset?: string; map?: string },
): Promise<number> {
  if (!file) throw new Error('usage: task-atlas conversations import FILE [--format F] [--dataset NAME] [--map text=prompt,account=user]');
  const project = openProject(flags.project ? resolve(flags.project) : defaultProjectPath());
  try {
    const mapping = flags.map
      ? (Object.fromEntries(flags.map.split(',').map((kv) => kv.split('=').map((x) => x.trim()))) as ColumnMapping)
      : undefined;
    const r = await importConversations(project.db, resolve(file), {
      format: (flags.format ?? 'auto') as ConversationFormat,
      dataset: flags.dataset,
      mapping,
      onProgress: (p) => process.stderr.isTTY && process.stderr.write(`\r${p.rowsRead} rows, ${p.added} added, ${p.badRows} bad`),
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    process.stdout.write(
      `${r.dataset}: ${r.conversations} conversations read (${r.format}), ${r.added} added, ${r.duplicates} already present, ${r.badRows} bad rows\n`,
    );
    for (const b of r.badRowSamples) process.stdout.write(`  ${resolve(file)}:${b.line}: ${b.reason}\n`);
    return 0;
  } finally {
    closeProject(project);
  }
}

export interface ClassifyFlags extends LlmFlags {
  project?: string;
  run?: string;
  dataset?: string;
  hierarchy?: string;
  batches?: boolean;
  estimate?: boolean;
  offline?: boolean;
  fake?: boolean;
  'privacy-summary'?: boolean;
  concurrency?: string;
  'min-conversations'?: string;
  'min-accounts'?: string;
  'embedding-model'?: string;
  'model-dir'?: string;
  'allow-download'?: boolean;
}

export function runClassify(flags: ClassifyFlags): Promise<number> {
  return interruptible((signal) => classify(flags, signal));
}

async function classify(flags: ClassifyFlags, signal: AbortSignal): Promise<number> {
  if (!flags.run) throw new Error('classify needs --run NAME (the same name resumes the run)');
  const project = openProject(flags.project ? resolve(flags.project) : defaultProjectPath());
  importBundledDefaults(project);
  const fake = flags.fake ? await startFakeAnthropic({ latencyMs: 5 }) : null;
  try {
    const hierarchyId = flags.hierarchy ?? latestHierarchyId(project.db);
    if (!hierarchyId) throw new Error('no hierarchy: run `task-atlas hierarchy build` (or import one) first');
    const cfg = resolveConfig({
      name: flags.run,
      datasets: (flags.dataset ?? '').split(',').filter(Boolean),
      hierarchyId,
      method: flags.offline ? 'offline-embedding' : 'claude',
      batches: flags.batches === true,
      ...(flags.concurrency ? { concurrency: Number(flags.concurrency) } : {}),
      ...(flags['embedding-model'] ? { embeddingModel: flags['embedding-model'] } : {}),
      thresholds: {
        minConversations: Number(flags['min-conversations'] ?? 15),
        minAccounts: Number(flags['min-accounts'] ?? 5),
      },
      ...(flags.model ? { models: { screening: flags.model, task: flags.model, pattern: flags.model, skills: flags.model, summary: flags.model } } : {}),
      privacySummary: flags['privacy-summary'] === true,
    });
    if (cfg.method === 'claude') {
      const est = estimateClassify(project.db, cfg);
      process.stderr.write(
        `Estimate: ${est.conversations} conversations, up to ${est.calls} Claude calls, ${(est.inputTokens / 1e6).toFixed(1)}M input + ` +
          `${(est.outputTokens / 1e6).toFixed(2)}M output tokens, ~$${est.costUsd.toFixed(2)} (~$${est.costUsdWithCaching.toFixed(2)} with prompt caching, ` +
          `~$${est.costUsdWithBatches.toFixed(2)} with --batches); ${est.note}\n`,
      );
      if (flags.estimate) return 0;
    }
    const llm = cfg.method === 'claude' ? new LlmClient(project.db, llmOptionsFrom(flags, cfg.models.task, fake?.baseURL)) : undefined;
    const embedding =
      cfg.method === 'offline-embedding'
        ? await openEmbedding(project.db, {
            model: cfg.embeddingModel,
            cacheDir: modelCacheDir(),
            allowRemote: flags['allow-download'] === true,
            localModelPath: flags['model-dir'] ? resolve(flags['model-dir']) : undefined,
          })
        : undefined;
    const bar = progressPrinter(process.stderr, llm ? () => llm.stats : undefined);
    try {
      const summary = await classifyRun({ db: project.db, llm, embed: embedding?.embed }, cfg, {
        signal,
        onProgress: (p) => bar.update(p),
      });
      bar.done();
      const s = llm?.stats;
      process.stdout.write(
        `Run ${summary.run} (${cfg.method}): ${summary.conversations} conversations: ${summary.classified} classified, ` +
          `${summary.screenedOut} screened out, ${summary.unclassified} unclassified, ${summary.missing} unaccounted for\n` +
          (s
            ? `Claude: ${s.sent} requests sent, ${s.cacheHits} answered from the project's cache, retries ${JSON.stringify(s.retries)}, ` +
              `${s.invalidAnswers} invalid answers, $${s.costUsd.toFixed(2)}\n`
            : ''),
      );
      for (const [reason, n] of Object.entries(summary.unclassifiedReasons)) process.stdout.write(`  unclassified ×${n}: ${reason}\n`);
      return 0;
    } finally {
      await embedding?.close();
    }
  } finally {
    await fake?.close();
    closeProject(project);
  }
}

export function runRunReport(flags: { project?: string; run?: string; json?: boolean; compare?: string }): number {
  if (!flags.run) throw new Error('run report needs --run NAME');
  const project = openProject(flags.project ? resolve(flags.project) : defaultProjectPath());
  try {
    const report = runReport(project.db, flags.run);
    const agreement = flags.compare ? runAgreement(project.db, flags.run, flags.compare) : undefined;
    if (flags.json) process.stdout.write(JSON.stringify({ ...report, ...(agreement ? { agreement } : {}) }, null, 2) + '\n');
    else {
      const t = report.tasks;
      process.stdout.write(
        `Run ${report.run} (${report.method}) → usage source ${report.sourceId}\n` +
          `Tasks: ${t.kept} of ${t.total} pass the thresholds (≥${report.thresholds.minConversations} conversations` +
          (report.accountsKnown ? `, ≥${report.thresholds.minAccounts} accounts` : '; no account ids, account threshold not applied') +
          `); ${t.conversationsKept} conversations kept, ${t.conversationsDropped} dropped\n` +
          `Conversation vs account level (Figure 10): Pearson ${report.conversationVsAccount.correlation.pearson?.toFixed(3) ?? '—'}\n` +
          `Top skills (Figure 5): ${report.skills.slice(0, 5).map((s) => `${s.skill} ${s.pct.toFixed(1)}%`).join(', ')}\n` +
          `Models (Figure 8): ${report.byModel.map((m) => `${m.model} (${m.conversations})`).join(', ')}\n` +
          (agreement
            ? `Agreement with ${agreement.runB} over ${agreement.compared} conversations: ${agreement.byLevel.map((l) => `${l.level} ${(100 * l.agree).toFixed(1)}%`).join(', ')}\n`
            : '') +
          `All paper analyses of this run: task-atlas reproduce --source ${report.sourceId}\n`,
      );
    }
    return 0;
  } finally {
    closeProject(project);
  }
}
