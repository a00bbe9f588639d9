// The names of every contract call, with no dependencies, so the sandboxed preload can build its
// bridge without bundling zod. api.ts checks its schema table against this list at compile time.
export const API_CALL_NAMES = [
  'app.info',
  'sources.list',
  'reference.status',
  'reference.importFile',
  'reference.importRelease',
  'analysis.reproduce',
  'paper.reference',
] as const;

export type ApiCall = (typeof API_CALL_NAMES)[number];
