// Review mode's ApiClient: answers the read calls from a review bundle held in memory and refuses
// every import/write call. No network request is made: the numbers can only come from the bundle.
import type { ApiClient, ApiErrorPayload, ApiResults, DatasetStatus, ImportKind } from '../../src-shared/api';
import type { ReviewBundle } from '../features/review/schema';
import { ApiError } from './client';

export const REVIEW_APP_VERSION_PREFIX = 'review';

function fail(call: keyof ApiResults, payload: ApiErrorPayload): never {
  throw new ApiError(call, payload);
}

function readOnly(call: keyof ApiResults): never {
  return fail(call, {
    kind: 'invalid-args',
    message: `Review mode is read-only: "${call}" is not available while a review bundle is open. Leave review mode to import data.`,
  });
}

/**
 * `defaultSource()` is read per call, so the review page can switch the source Explore shows
 * without rebuilding the client.
 */
export function createReviewClient(bundle: ReviewBundle, defaultSource: () => string | undefined = () => undefined): ApiClient {
  const firstId = bundle.sources[0]?.id;
  return {
    'app.info': async () => ({ version: bundle.appVersion, projectPath: `review: ${bundle.title}`, transport: 'http' }),
    'sources.list': async () => bundle.sources.map((s) => ({ ...s })),
    'reference.status': async () =>
      bundle.provenance.dataFiles.map(
        (f): DatasetStatus => ({ ...f, kind: f.kind as ImportKind, importedAt: bundle.createdAt }),
      ),
    'reference.importFile': async () => readOnly('reference.importFile'),
    'reference.importRelease': async () => readOnly('reference.importRelease'),
    'analysis.reproduce': async (args) => {
      const id = args.sourceId ?? defaultSource() ?? firstId;
      const report = id === undefined ? undefined : bundle.reports[id];
      if (!report) {
        return fail('analysis.reproduce', { kind: 'not-found', message: `the review bundle has no report for source "${id ?? ''}"` });
      }
      return report;
    },
    'paper.reference': async () =>
      bundle.paper ??
      fail('paper.reference', { kind: 'not-found', message: 'this review bundle carries no published paper reference' }),
  };
}
