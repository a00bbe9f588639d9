// Reference data: what the project holds (reference.status) and the two ways to add to it. After an
// import both the table and the step nav are refreshed.
import type { BundledImportSummary, DatasetStatus, ImportKind, ImportResult } from '../../../src-shared/api';
import { createResource } from '../../app/resource';
import { getApiClient } from '../../transport/client';
import { refreshProjectState } from '../project/store';

export const referenceStatusStore = createResource<DatasetStatus[]>((api) => api['reference.status']({}));

function afterImport(): void {
  void referenceStatusStore.load();
  refreshProjectState();
}

export async function importBundled(): Promise<BundledImportSummary> {
  const summary = await getApiClient()['reference.importBundled']({});
  afterImport();
  return summary;
}

/** replace: overwrite the dataset's file of this kind when it holds a different one (asked for explicitly). */
export async function importReferenceFile(kind: ImportKind, path: string, dataset?: string, signal?: AbortSignal, replace = false): Promise<ImportResult> {
  // Refreshed either way: a cancel that arrives after the write began still leaves the data imported.
  const args = { kind, path, ...(dataset ? { dataset } : {}), ...(replace ? { replace } : {}) };
  const result = await getApiClient()['reference.importFile'](args, signal ? { signal } : {}).finally(afterImport);
  return result;
}
