// The tasks a task worker can run, by name. Each entry loads its module only when asked, so a
// k-means worker does not parse the aggregation code and vice versa. A task returns its value and
// the buffers to transfer rather than copy. This file is the worker's entry side: it may import any
// engine step, and nothing but task-worker.ts imports it.
export interface TaskOutput {
  value: unknown;
  transfer?: ArrayBuffer[];
}

/** Each task narrows its own arguments (hence `never` here); callers type them per runTask call. */
export type TaskFn = (args: never, progress: (value: unknown) => void) => TaskOutput | Promise<TaskOutput>;

export const TASKS: Record<string, () => Promise<TaskFn>> = {
  'cluster.kmeans': async () => (await import('../cluster/worker-tasks')).kmeansTask,
  'cluster.neighbourhoods': async () => (await import('../cluster/worker-tasks')).neighbourhoodsTask,
  'cluster.nearestCentroids': async () => (await import('../cluster/worker-tasks')).nearestCentroidsTask,
  'classify.runReport': async () => (await import('../classify/report-async')).runReportTask,
  'ingest.readXlsx': async () => (await import('../ingest/formats/xlsx-worker')).readXlsxTask,
  'ingest.parseImport': async () => (await import('../ingest/formats/xlsx-worker')).parseImportTask,
  'reference.preview': async () => (await import('../ingest/preview')).previewTask,
  'project.run': async () => (await import('./project-tasks')).projectTask,
  'diagnostics.fail': async () => (await import('./diagnostics')).failTask,
  'diagnostics.spin': async () => (await import('./diagnostics')).spinTask,
};
