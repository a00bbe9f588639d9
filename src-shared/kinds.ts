// The kinds of reference file and the conversation formats the app imports: plain constants, kept
// apart from the zod schemas (api.ts, jobs.ts re-export them) so the CLI's command table and its
// --help load without zod.
export const IMPORT_KINDS = [
  'onet-tasks',
  'onet-occupations',
  'onet-job-zones',
  'onet-skills',
  'soc-structure',
  'soc-crosswalk',
  'bls-major-employment',
  'oews-national',
  'wages',
  'usage-tasks',
  'usage-patterns',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const CONVERSATION_FORMATS = [
  'auto',
  'jsonl',
  'csv',
  'claude-export',
  'chatgpt-export',
  'openai-messages',
  'sharegpt',
  'oasst',
  'wildchat',
] as const;
