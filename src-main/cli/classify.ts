// `task-atlas classify` and `task-atlas run report`. A classification is the app's "classify.run"
// job run in this process: the run's flags are the job's arguments, the model and endpoint flags
// are settings for this command only, and the thresholds default where the app's do.
import type { ClassifyEstimateView } from '../../src-shared/api';
import type { JobArgs, JobResults } from '../../src-shared/jobs';
import { appliedThresholds, thresholdsText } from '../../src-shared/thresholds';
import { uncertaintyText } from '../../src-shared/uncertainty';
import type { RunReport } from '../../src-shared/report';
import { compositionCutsText, NO_COMPOSITION_TEXT, type CompositionReport } from '../../src-shared/composition';
import { runAgreement } from '../engine/classify/agreement';
import { NotFoundError } from '../engine/errors';
import type { SettingsFlags } from './settings-flags';
import { requireConversationDatasets, requireHierarchy, requireRun } from './lookups';
import { withSession, type CliSession } from './session';
import { runJob } from './run-job';
import { isDay, timeSpanText } from '../../src-shared/time-window';
import { UsageError } from './errors';

export interface ClassifyFlags extends SettingsFlags {
  project?: string;
  run: string;
  dataset: string[];
  hierarchy?: string;
  batches?: boolean;
  estimate?: boolean;
  offline?: boolean;
  limit?: number;
  'privacy-summary'?: boolean;
  'min-conversations'?: number;
  'min-accounts'?: number;
  'tasks-per-conversation'?: string;
  composition?: boolean;
  replicates?: number;
  'bootstrap-seed'?: number;
  from?: string;
  to?: string;
}

/** --from/--to are whole days; a bad one is a usage error (exit 2) before anything is opened. */
function checkWindow(flags: Pick<ClassifyFlags, 'from' | 'to'>): void {
  for (const name of ['from', 'to'] as const) {
    const v = flags[name];
    if (v !== undefined && !isDay(v)) throw new UsageError(`--${name} "${v}" is not a date YYYY-MM-DD`);
  }
  if (flags.from !== undefined && flags.to !== undefined && flags.from > flags.to) throw new UsageError(`--from ${flags.from} is after --to ${flags.to}`);
}

export function runClassify(flags: ClassifyFlags): Promise<number> {
  checkWindow(flags);
  return withSession({ project: flags.project, bundled: true, settings: flags }, async (s) => {
    const db = s.host.project.db;
    requireConversationDatasets(db, flags.dataset);
    if (flags.hierarchy !== undefined) requireHierarchy(db, flags.hierarchy);
    const args = classifyArgsFrom(flags, flags.hierarchy ?? (await latestHierarchy(s)));
    if (args.method !== 'offline-embedding') {
      process.stderr.write(estimateLine(await s.call('classify.estimate', { config: args })));
      if (flags.estimate) return 0;
    }
    const outcome = await runJob(s.host, { kind: 'classify.run', args });
    if (!outcome.ok) return outcome.code;
    process.stdout.write(runSummary(outcome.result, args.method ?? 'claude'));
    return 0;
  });
}

/** The job's arguments from the command's flags; thresholds only when given (the job has the defaults). */
export function classifyArgsFrom(flags: ClassifyFlags, hierarchyId: string): JobArgs<'classify.run'> {
  return {
    name: flags.run,
    datasets: flags.dataset,
    hierarchyId,
    method: flags.offline ? 'offline-embedding' : 'claude',
    batches: flags.batches === true,
    privacySummary: flags['privacy-summary'] === true,
    ...(flags['min-conversations'] !== undefined ? { minConversations: flags['min-conversations'] } : {}),
    ...(flags['min-accounts'] !== undefined ? { minAccounts: flags['min-accounts'] } : {}),
    ...(flags.limit !== undefined ? { limit: flags.limit } : {}),
    ...(flags['tasks-per-conversation'] === '3' ? { tasksPerConversation: 3 as const } : {}),
    ...(flags.composition === true ? { composition: true } : {}),
    ...(flags.replicates !== undefined ? { replicates: flags.replicates } : {}),
    ...(flags['bootstrap-seed'] !== undefined ? { bootstrapSeed: flags['bootstrap-seed'] } : {}),
    ...(flags.from !== undefined || flags.to !== undefined ? { window: { ...(flags.from !== undefined ? { from: flags.from } : {}), ...(flags.to !== undefined ? { to: flags.to } : {}) } } : {}),
  };
}

/** The most recently made complete hierarchy of the project. */
async function latestHierarchy(s: CliSession): Promise<string> {
  const complete = (await s.call('hierarchy.list', {})).filter((h) => h.status === 'complete');
  const latest = complete.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
  if (!latest) throw new NotFoundError('no hierarchy: run `task-atlas hierarchy build` (or import one) first');
  return latest.id;
}

function estimateLine(est: ClassifyEstimateView): string {
  return (
    `Estimate: ${est.conversations} conversations, up to ${est.calls} Claude calls, ${(est.inputTokens / 1e6).toFixed(1)}M input + ` +
    `${(est.outputTokens / 1e6).toFixed(2)}M output tokens, ~$${est.costUsd.toFixed(2)} (~$${est.costUsdWithCaching.toFixed(2)} with prompt caching, ` +
    `~$${est.costUsdWithBatches.toFixed(2)} with --batches); ${est.note}\n`
  );
}

function runSummary(r: JobResults['classify.run'], method: string): string {
  const s = r.claude;
  const lines = [
    `Run ${r.run} (${r.method ?? method}): ${r.conversations} conversations: ${r.classified} classified, ` +
      `${r.screenedOut} screened out, ${r.unclassified} unclassified, ${r.missing} unaccounted for`,
  ];
  if (s) {
    lines.push(
      `Claude: ${s.sent} requests sent, ${s.cacheHits} answered from the project's cache, retries ${JSON.stringify(s.retries)}, ` +
        `${s.invalidAnswers} invalid answers, $${s.costUsd.toFixed(2)}`,
    );
  }
  for (const [reason, n] of Object.entries(r.unclassifiedReasons)) lines.push(`  unclassified ×${n}: ${reason}`);
  return lines.join('\n') + '\n';
}

export function runRunReport(flags: { project?: string; run: string; json?: boolean; compare?: string }): Promise<number> {
  const run = flags.run;
  return withSession({ project: flags.project }, async (s) => {
    requireRun(s.host.project.db, run);
    if (flags.compare !== undefined) requireRun(s.host.project.db, flags.compare);
    const report = await s.call('analysis.runReport', { run });
    const agreement = flags.compare ? runAgreement(s.host.project.db, run, flags.compare) : undefined;
    if (flags.json) {
      process.stdout.write(JSON.stringify({ ...report, ...(agreement ? { agreement } : {}) }, null, 2) + '\n');
      return 0;
    }
    const t = report.tasks;
    process.stdout.write(
      `Run ${report.run} (${report.method}) → usage source ${report.sourceId}\n` +
        `Tasks: ${t.kept} of ${t.total} pass the thresholds (${thresholdsText(appliedThresholds(report))}` +
        `); ${t.conversationsKept} conversations kept, ${t.conversationsDropped} dropped\n` +
        `Conversation vs account level (Figure 10): Pearson ${report.conversationVsAccount.correlation.pearson?.toFixed(3) ?? '—'}\n` +
        `Top skills (Figure 5): ${report.skills.slice(0, 5).map((k) => `${k.skill} ${k.pct.toFixed(1)}%`).join(', ')}\n` +
        `Models (Figure 8): ${report.byModel.map((m) => `${m.model} (${m.conversations})`).join(', ')}\n` +
        intervalLines(report) +
        compositionLines(report.composition) +
        (agreement
          ? `Agreement with ${agreement.runB} over ${agreement.compared} conversations: ${agreement.byLevel.map((l) => `${l.level} ${(100 * l.agree).toFixed(1)}%`).join(', ')}\n`
          : '') +
        `All paper analyses of this run: task-atlas reproduce --source ${report.sourceId}\n`,
    );
    return 0;
  });
}

/** The largest categories with their intervals, and how the intervals were drawn (or why there are none). */
function intervalLines(report: RunReport): string {
  const top = (report.intervals?.categories ?? []).slice(0, 5);
  const cats = top.map((c) => `${c.label} ${c.pct.toFixed(1)}% [${c.ciLow.toFixed(1)}, ${c.ciHigh.toFixed(1)}]`).join(', ');
  return `${timeSpanText(report.timeSpan)}\nUncertainty: ${uncertaintyText(report.uncertainty)}\n` + (cats ? `Top categories with 95% intervals: ${cats}\n` : '');
}

/** B.7 in the text report: the shares at each confidence cut, or why there are none. */
function compositionLines(c: CompositionReport | null | undefined): string {
  if (!c) return `Composition: ${NO_COMPOSITION_TEXT} Classify with --composition to see it.\n`;
  return (
    `Composition (B.7) before screening, ${c.beforeScreening.conversations} conversations: ${compositionCutsText(c.beforeScreening)}\n` +
    `Composition (B.7) after screening, ${c.afterScreening.conversations} conversations: ${compositionCutsText(c.afterScreening)}\n`
  );
}
