// Review mode's ApiClient: answers the read calls from a review bundle held in memory and refuses
// every import/write call. No network request is made: the numbers can only come from the bundle.
// Calls that need the source project itself (its files, hierarchies, settings) say so instead.
import type { ApiCall, ApiClient, ApiErrorPayload, DatasetStatus, ImportKind, StepStatus } from '../../src-shared/api';
import { compareReports } from '../../src-shared/compare';
import type { ReproduceReport } from '../../src-shared/report';
import type { ReviewBundle } from '../features/review/schema';
import { ApiError } from './client';

export const REVIEW_APP_VERSION_PREFIX = 'review';

function fail(call: ApiCall, payload: ApiErrorPayload): never {
  throw new ApiError(call, payload);
}

function readOnly(call: ApiCall): never {
  return fail(call, {
    kind: 'invalid-args',
    message: `Review mode is read-only: "${call}" is not available while a review bundle is open. Leave review mode to import data.`,
  });
}

function notInBundle(call: ApiCall, what: string): never {
  return fail(call, { kind: 'not-found', message: `Review mode: ${what} is not part of a review bundle ("${call}").` });
}

function reportOf(bundle: ReviewBundle, call: ApiCall, id: string | undefined): ReproduceReport {
  const report = id === undefined ? undefined : bundle.reports[id];
  return report ?? fail(call, { kind: 'not-found', message: `the review bundle has no report for source "${id ?? ''}"` });
}

/** What the wizard shows for each step while a bundle is open: only its results exist. */
function steps(bundle: ReviewBundle): StepStatus {
  const runs = Object.keys(bundle.runs).length;
  const absent = { state: 'todo' as const, summary: 'Not part of a review bundle' };
  return {
    reference: { state: 'done', datasets: bundle.provenance.dataFiles.length, summary: `${bundle.provenance.dataFiles.length} data files (provenance only)` },
    hierarchy: { ...absent, hierarchies: 0 },
    conversations: { ...absent, conversations: 0 },
    classify: runs > 0 ? { state: 'done', runs, summary: `${runs} run report${runs === 1 ? '' : 's'} in the bundle` } : { ...absent, runs: 0 },
    validate: absent,
    explore: { state: 'done', sources: bundle.sources.length, summary: `${bundle.sources.length} usage source${bundle.sources.length === 1 ? '' : 's'} in the bundle` },
    export: absent,
  };
}

/** Answers derived from the bundle; `defaultSource` is read per call (the review page can switch it). */
function readCalls(bundle: ReviewBundle, defaultSource: () => string | undefined) {
  const firstId = bundle.sources[0]?.id;
  return {
    'app.info': async () => ({ version: bundle.appVersion, projectPath: `review: ${bundle.title}`, transport: 'http' as const }),
    'sources.list': async () => bundle.sources.map((s) => ({ ...s })),
    'reference.status': async () =>
      bundle.provenance.dataFiles.map((f): DatasetStatus => ({ ...f, kind: f.kind as ImportKind, importedAt: bundle.createdAt })),
    'analysis.reproduce': async (args: { sourceId?: string }) =>
      reportOf(bundle, 'analysis.reproduce', args.sourceId ?? defaultSource() ?? firstId),
    'paper.reference': async () =>
      bundle.paper ?? fail('paper.reference', { kind: 'not-found', message: 'this review bundle carries no published paper reference' }),
    'analysis.runReport': async (args: { run: string }) =>
      bundle.runs[args.run] ?? fail('analysis.runReport', { kind: 'not-found', message: `the review bundle has no run "${args.run}"` }),
    'analysis.compare': async (args: { a: string; b: string }) =>
      compareReports(reportOf(bundle, 'analysis.compare', args.a), reportOf(bundle, 'analysis.compare', args.b)),
    'classify.runs': async () => Object.keys(bundle.runs).flatMap((name) => (bundle.runInfo[name] ? [{ ...bundle.runInfo[name] }] : [])),
    // Bundles carry no reconstructions: Explore then shows "no reconstruction yet".
    'analysis.reconstruction': async () => null,
    'review.bundle': async () => bundle,
    'project.steps': async () => steps(bundle),
    // Truthfully empty: a bundle carries no projects, hierarchies, conversations or jobs.
    'project.recent': async () => [],
    'hierarchy.list': async () => [],
    'conversations.datasets': async () => [],
    'jobs.list': async () => [],
    // A bundle is never a demo session (a demo run's report still says so in its provenance).
    'demo.status': async () => ({ active: false, project: '', previous: null }),
  } satisfies Partial<{ [K in ApiCall]: ApiClient[K] }>;
}

export function createReviewClient(bundle: ReviewBundle, defaultSource: () => string | undefined = () => undefined): ApiClient {
  return {
    ...readCalls(bundle, defaultSource),
    'project.current': async () => notInBundle('project.current', 'the source project file'),
    'reference.preview': async () => notInBundle('reference.preview', 'previewing a data file'),
    'hierarchy.estimate': async () => notInBundle('hierarchy.estimate', 'estimating a hierarchy build'),
    'hierarchy.nodes': async () => notInBundle('hierarchy.nodes', 'the task hierarchy'),
    'conversations.preview': async () => notInBundle('conversations.preview', 'previewing conversations'),
    'classify.estimate': async () => notInBundle('classify.estimate', 'estimating a classification run'),
    'reconstruct.estimate': async () => notInBundle('reconstruct.estimate', 'estimating a reconstruction'),
    'analysis.sensitivity': async () => notInBundle('analysis.sensitivity', 'a threshold sweep (it needs the stored classifications)'),
    'settings.get': async () => notInBundle('settings.get', 'the source project’s settings'),
    'reference.importFile': async () => readOnly('reference.importFile'),
    'reference.importRelease': async () => readOnly('reference.importRelease'),
    'reference.importBundled': async () => readOnly('reference.importBundled'),
    'project.open': async () => readOnly('project.open'),
    'project.create': async () => readOnly('project.create'),
    'hierarchy.import': async () => readOnly('hierarchy.import'),
    'hierarchy.export': async () => readOnly('hierarchy.export'),
    'jobs.start': async () => readOnly('jobs.start'),
    'jobs.cancel': async () => readOnly('jobs.cancel'),
    'jobs.resume': async () => readOnly('jobs.resume'),
    'jobs.dismiss': async () => readOnly('jobs.dismiss'),
    'settings.update': async () => readOnly('settings.update'),
    'settings.setApiKey': async () => readOnly('settings.setApiKey'),
    'demo.start': async () => readOnly('demo.start'),
    'demo.stop': async () => readOnly('demo.stop'),
    'settings.installModel': async () => readOnly('settings.installModel'),
    'validate.sample': async () => readOnly('validate.sample'),
    'validate.importLabels': async () => readOnly('validate.importLabels'),
    'validate.importLabelsContent': async () => readOnly('validate.importLabelsContent'),
    'validate.report': async () => notInBundle('validate.report', 'validation labels'),
  };
}
