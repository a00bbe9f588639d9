// Every `task-atlas` command in one table: its options (typed), required flags, conflicts and
// positional arguments. The dispatcher (main.ts) parses with it and `--help` is generated from it.
// Each command's module is loaded only when it runs, so help and usage errors answer at once.
import type { JobArgs } from '../../src-shared/jobs';
import { CONVERSATION_FORMATS, IMPORT_KINDS, type ImportKind } from '../../src-shared/kinds';
import { command, type Command } from './spec';

type ExportFormat = NonNullable<JobArgs<'export.run'>['formats']>[number];
type MappingField = keyof NonNullable<JobArgs<'conversations.import'>['mapping']>;

const EXPORT_FORMATS = ['csv', 'r', 'dta', 'parquet'] as const satisfies readonly ExportFormat[];
const MAPPING_FIELDS = ['text', 'messages', 'response', 'account', 'model', 'timestamp', 'id'] as const satisfies readonly MappingField[];

/** Dataset and run names, as the job contract accepts them (src-shared/jobs.ts). */
const NAME = { pattern: /^[\w.-]+$/, patternHelp: 'letters, digits, ".", "_" or "-"' } as const;
const project = { type: 'string', value: 'FILE', help: 'Project file (default: default.sqlite in $TASK_ATLAS_HOME or ~/.task-atlas)' } as const;
const json = { type: 'boolean', help: 'Print JSON with stable keys instead of text' } as const;

/** Where Claude is and how fast to call it: settings for this command only. */
const claude = {
  model: { type: 'string', value: 'MODEL', help: 'Claude model for every step (default: the settings)' },
  'base-url': { type: 'string', value: 'URL', help: 'Anthropic-compatible endpoint (default: $ANTHROPIC_BASE_URL or the Claude API)' },
  fake: { type: 'boolean', help: 'Use the built-in demo server instead of the Claude API (needs no key)' },
  concurrency: { type: 'int', min: 1, help: 'Requests in flight at once' },
  rpm: { type: 'int', min: 1, help: 'Requests per minute at most' },
  itpm: { type: 'int', min: 1, help: 'Input tokens per minute at most' },
  estimate: { type: 'boolean', help: 'Print the cost estimate and stop (nothing is sent)' },
  batches: { type: 'boolean', help: 'Use the Message Batches API (half price, slower)' },
} as const;

const embedding = {
  'embedding-model': { type: 'string', value: 'ID', help: 'Embedding model (all-mpnet-base-v2, all-MiniLM-L6-v2 or owner/name)' },
  'model-dir': { type: 'string', value: 'DIR', help: 'Folder holding embedding models (offline machines)' },
  'allow-download': { type: 'boolean', help: 'Download the embedding model once if it is missing' },
} as const;

const FAKE_CONFLICTS = [['fake', 'base-url']] as const;
const JOB_NOTE = 'Ctrl+C pauses it (exit 130); the same command resumes without paying for any call twice.';

export const COMMANDS: readonly Command[] = [
  command({
    path: ['reproduce'],
    summary: "Recompute the paper's tables and figures from a release (default: the bundled 2025-02-10 release) or a run",
    details: '--json prints the report with stable keys; --out writes one CSV per table; --source run:NAME analyses a run.',
    options: {
      release: { type: 'string', value: 'DIR', help: 'A release folder in the 2025-02-10 layout' },
      source: { type: 'string', value: 'ID', help: 'A usage source already in the project, e.g. run:NAME' },
      project,
      json,
      out: { type: 'string', value: 'DIR', help: 'Write one CSV per table to DIR' },
    },
    conflicts: [['release', 'source']],
    run: async (f) => (await import('./reproduce')).runReproduce(f),
  }),
  command({
    path: ['import'],
    summary: 'Import one reference file into a project',
    options: {
      kind: { type: 'enum', of: IMPORT_KINDS, required: true, help: 'What the file is' },
      file: { type: 'string', value: 'PATH', required: true, help: 'The file to import' },
      dataset: { type: 'string', value: 'NAME', help: 'Dataset name (default: the kind\'s default)' },
      replace: { type: 'boolean', help: 'Overwrite the dataset\'s file of this kind if it holds a different one' },
      project,
    },
    run: async (f) => (await import('./import')).runImport({ ...f, kind: f.kind as ImportKind }),
  }),
  command({
    path: ['serve'],
    summary: 'Serve the app to a browser on 127.0.0.1 (prints the URL)',
    details:
      'Settings, recent projects and logs live in --config (default $TASK_ATLAS_HOME or ~/.task-atlas); an API key set\n' +
      'in Settings lasts the session, ANTHROPIC_API_KEY is used when none is set.',
    options: {
      port: { type: 'int', min: 0, max: 65535, help: 'Port (default 5199; 0 picks a free one)' },
      project,
      config: { type: 'string', value: 'DIR', help: 'Settings folder' },
    },
    run: async (f) => (await import('./serve')).runServe(f),
  }),
  command({
    path: ['demo'],
    summary: 'Run the whole pipeline on a bundled sample corpus with the demo server (no key, no network)',
    details: 'Imports the sample conversations, builds a hierarchy, classifies, and prints where the results are.',
    options: { project, json: { type: 'boolean', help: 'Print {project, hierarchyId, run, conversations, classified, keptTasks}' } },
    run: async (f) => (await import('./demo')).runDemo(f),
  }),
  command({
    path: ['hierarchy', 'build'],
    summary: 'Build the O*NET task hierarchy (paper B.1) with Claude; prints a cost estimate first',
    details: JOB_NOTE,
    options: {
      project,
      ...claude,
      seed: { type: 'int', help: 'Random seed of the clustering' },
      levels: { type: 'int', min: 2, max: 6, help: 'Levels of the tree' },
      top: { type: 'int', min: 2, help: 'Nodes at the top level' },
      dataset: { type: 'string', value: 'NAME', help: 'O*NET task dataset to organise' },
      ...embedding,
    },
    conflicts: FAKE_CONFLICTS,
    run: async (f) => (await import('./hierarchy')).runHierarchyBuild(f),
  }),
  command({
    path: ['hierarchy', 'show'],
    summary: 'Print the top levels of a hierarchy',
    options: {
      project,
      id: { type: 'string', value: 'ID', help: 'Hierarchy id (default: the latest complete one)' },
      depth: { type: 'int', min: 1, help: 'Levels to print (default 2)' },
    },
    run: async (f) => (await import('./hierarchy')).runHierarchyShow(f),
  }),
  command({
    path: ['hierarchy', 'export'],
    summary: 'Write a hierarchy as JSON, to share it',
    options: {
      project,
      id: { type: 'string', value: 'ID', help: 'Hierarchy id (default: the latest complete one)' },
      out: { type: 'string', value: 'FILE', help: 'Write to FILE (default: stdout)' },
    },
    run: async (f) => (await import('./hierarchy')).runHierarchyExport(f),
  }),
  command({
    path: ['hierarchy', 'import'],
    summary: 'Load a hierarchy exported by `hierarchy export`',
    details: 'Different content under an id the project already has is refused: import it --as another id.',
    options: {
      project,
      file: { type: 'string', value: 'FILE', required: true, help: 'The hierarchy JSON' },
      as: { type: 'string', value: 'ID', ...NAME, help: "Import under this id instead of the file's own" },
    },
    run: async (f) => (await import('./hierarchy')).runHierarchyImport(f),
  }),
  command({
    path: ['models', 'import'],
    summary: 'Install an embedding model folder for offline machines',
    details: 'The folder holds config.json, tokenizer.json, tokenizer_config.json and onnx/model*.onnx.',
    options: { model: { type: 'string', value: 'ID', help: 'Install as this model (default all-mpnet-base-v2)' } },
    args: { name: 'DIR', min: 1, max: 1 },
    run: async (f, [dir]) => (await import('./models')).runModelsImport(dir!, f),
  }),
  command({
    path: ['conversations', 'import'],
    summary: 'Stream conversation files into the project; bad rows are reported with their line numbers',
    details: 'Each FILE is its own import: a file that cannot be read is reported and the others still import.',
    options: {
      project,
      format: { type: 'enum', of: CONVERSATION_FORMATS, help: 'File format (default auto)' },
      dataset: { type: 'string', value: 'NAME', ...NAME, help: 'Dataset for every file (default: one per file, from its name)' },
      map: { type: 'map', keys: MAPPING_FIELDS, value: 'text=COL,account=COL,…', help: 'Which column holds each field (CSV, JSONL)' },
    },
    args: { name: 'FILE', min: 1 },
    run: async (f, files) => (await import('./conversations')).runConversationsImport(files, f),
  }),
  command({
    path: ['conversations', 'list'],
    summary: "The project's conversation datasets; an interrupted import is shown as such",
    details: 'A dataset whose import did not finish (a crash, Ctrl+C) is marked interrupted: rerun the same import to complete it.',
    options: { project, json: { type: 'boolean', help: 'Print the datasets as JSON (each with status and incompleteFiles)' } },
    run: async (f) => (await import('./conversations')).runConversationsList(f),
  }),
  command({
    path: ['classify'],
    summary: 'Classify every conversation (Appendix F prompts); prints a cost estimate first',
    details:
      'Screening, task by top-down traversal, collaboration pattern, skills. ' + JOB_NOTE + '\n' +
      '--offline maps conversations by embedding similarity instead (no API; labelled as such).',
    options: {
      project,
      run: { type: 'string', value: 'NAME', ...NAME, required: true, help: 'Run name (the same name resumes the run)' },
      dataset: { type: 'list', value: 'NAME[,NAME]', required: true, help: 'Conversation datasets to classify' },
      hierarchy: { type: 'string', value: 'ID', help: 'Hierarchy id (default: the latest complete one)' },
      offline: { type: 'boolean', help: 'Nearest tasks by embedding similarity: no API, no cost' },
      ...claude,
      'min-conversations': { type: 'int', min: 1, help: 'Privacy threshold: conversations per task (default 15)' },
      'min-accounts': { type: 'int', min: 1, help: 'Privacy threshold: accounts per task (default 5)' },
      'privacy-summary': { type: 'boolean', help: 'Map tasks from a summary that leaves out identifying details' },
      limit: { type: 'int', min: 1, help: 'Classify only the first N conversations (a trial)' },
      'tasks-per-conversation': { type: 'enum', of: ['1', '3'], help: 'Up to 3 tasks per conversation, in order (paper k = 3; adapted F.2 prompt; default 1)' },
      composition: { type: 'boolean', help: 'Also ask every conversation: work, coursework or personal use? (B.7; our prompt, one more call each)' },
      replicates: { type: 'int', min: 0, max: 100000, help: 'Bootstrap replicates for the report\'s 95% intervals, resampling accounts (0: none; default 1000)' },
      'bootstrap-seed': { type: 'int', min: 0, help: 'Seed of the bootstrap (default 1): the same seed gives the same intervals' },
      from: { type: 'string', value: 'YYYY-MM-DD', help: 'Only conversations with a timestamp on or after this day (UTC; Appendix E time windows)' },
      to: { type: 'string', value: 'YYYY-MM-DD', help: 'Only conversations with a timestamp on or before this day (UTC)' },
      ...embedding,
    },
    conflicts: [...FAKE_CONFLICTS, ['offline', 'batches'], ['offline', 'tasks-per-conversation'], ['offline', 'composition']],
    run: async (f) => (await import('./classify')).runClassify(f),
  }),
  command({
    path: ['run', 'report'],
    summary: 'Thresholded task shares of a run, Figures 5, 8, 10, patterns, and agreement with another run',
    options: {
      project,
      run: { type: 'string', value: 'NAME', required: true, help: 'The run' },
      json,
      compare: { type: 'string', value: 'OTHER_RUN', help: 'Agreement with another run (e.g. offline vs Claude)' },
    },
    run: async (f) => (await import('./classify')).runRunReport(f),
  }),
  command({
    path: ['run', 'sensitivity'],
    summary: 'Privacy-threshold sweep of a run from its stored classifications (no API calls)',
    details: 'Per setting: tasks kept, share of conversations kept, largest change of a category share against the run\'s thresholds.',
    options: {
      project,
      run: { type: 'string', value: 'NAME', required: true, help: 'The run' },
      conversations: { type: 'list', value: 'N[,N]', help: 'Minimum conversations per task to try (default 1,5,15,30,50)' },
      accounts: { type: 'list', value: 'N[,N]', help: 'Minimum distinct accounts per task to try (default 1,3,5,10)' },
      json,
    },
    run: async (f) => (await import('./sensitivity')).runSensitivityCommand(f),
  }),
  command({
    path: ['compare'],
    summary: 'Compare two usage sources at category, occupation and task level over the union of items',
    details:
      'Sources are release ids (e.g. aei-2025-02-10) or runs as run:NAME (after `task-atlas run report`).\n' +
      'Pearson, Spearman, Kendall tau-b and MSE per level, and the items found by both, only A, only B.',
    options: {
      project,
      a: { type: 'string', value: 'SOURCE', required: true, help: 'Source A' },
      b: { type: 'string', value: 'SOURCE', required: true, help: 'Source B' },
      json,
    },
    run: async (f) => (await import('./compare')).runCompare(f),
  }),
  command({
    path: ['reconstruct'],
    summary: "Appendix G: cluster a run's conversations, place the clusters, compare with direct assignment",
    details:
      'Request summaries (Claude) → embeddings → k-means per level → cluster names → F.2 placement; prints a cost estimate first.\n' +
      JOB_NOTE + ' --json prints {run, levels[{meanClusterSize, clusters, metrics, recovered}]}.',
    options: {
      project,
      run: { type: 'string', value: 'NAME', required: true, help: 'The classification run (finished) to reconstruct' },
      levels: { type: 'list', value: 'N[,N]', help: 'Mean conversations per cluster, one level each (default 10,100,1000)' },
      offline: { type: 'boolean', help: 'No Claude: clusters are placed by the embedding classifier (labelled)' },
      seed: { type: 'int', help: 'Random seed of k-means and the samples (default: the run seed)' },
      ...claude,
      json,
      ...embedding,
    },
    conflicts: [...FAKE_CONFLICTS, ['offline', 'batches']],
    run: async (f) => (await import('./reconstruct')).runReconstruct(f),
  }),
  command({
    path: ['validate', 'sample'],
    summary: 'Write a seeded sample of a run as a packet for human validators',
    options: {
      project,
      run: { type: 'string', value: 'NAME', required: true, help: 'The run' },
      facet: { type: 'enum', of: ['task', 'pattern'], required: true, help: 'What validators label' },
      out: { type: 'string', value: 'packet.json', required: true, help: 'The packet file' },
      size: { type: 'int', min: 1, help: 'Items (default 150)' },
      method: { type: 'enum', of: ['stratified', 'simple'], help: 'Sampling (default stratified)' },
      seed: { type: 'int', help: 'Random seed (default 1)' },
      redact: { type: 'boolean', help: 'Replace e-mails, URLs, phone numbers and long digit runs in the packet' },
    },
    run: async (f) => (await import('./validate')).runValidateSample(f),
  }),
  command({
    path: ['validate', 'import'],
    summary: "Merge validators' label files",
    options: { project },
    args: { name: 'LABELS.json', min: 1 },
    run: async (f, files) => (await import('./validate')).runValidateImport(files, f),
  }),
  command({
    path: ['validate', 'report'],
    summary: "Accuracy per level (Wilson 95%), confusion matrix, kappa/alpha, corrected pattern shares",
    options: { project, run: { type: 'string', value: 'NAME', required: true, help: 'The run' }, json },
    run: async (f) => (await import('./validate')).runValidateReport(f),
  }),
  command({
    path: ['export'],
    summary: 'Tables (CSV, R, Stata, Parquet) with a provenance manifest, an HTML report, charts, a review bundle',
    details:
      'Without --source or --run: the bundled release. Tasks under the privacy thresholds, conversation text and\n' +
      'account ids are left out unless you opt in.',
    options: {
      project,
      source: { type: 'string', value: 'ID', help: 'A usage source (see `task-atlas reproduce`)' },
      run: { type: 'string', value: 'NAME', help: 'A classification run' },
      out: { type: 'string', value: 'DIR', required: true, help: 'Output folder' },
      formats: { type: 'list', of: EXPORT_FORMATS, help: 'Table formats (default all)' },
      html: { type: 'boolean', help: 'A self-contained HTML report' },
      charts: { type: 'boolean', help: 'Every chart as SVG and PNG (uses Chrome/Chromium)' },
      review: { type: 'boolean', help: 'A read-only review bundle' },
      replication: { type: 'boolean', help: 'Input tables plus replicate.R/.py/.do that recompute the headline tables (needs csv)' },
      'include-text': { type: 'boolean', help: 'Include conversation text' },
      'include-accounts': { type: 'boolean', help: 'Include account ids' },
    },
    conflicts: [['source', 'run']],
    run: async (f) => (await import('./export')).runExport(f),
  }),
  command({
    path: ['verify'],
    summary: 'Check an export folder against its manifest.json: every file there, unchanged, nothing added',
    details: 'Exit 0: the folder matches; 1: a file is missing, changed or added (one line each); 2: DIR has no readable manifest.',
    options: { json },
    args: { name: 'DIR', min: 1, max: 1 },
    run: async (f, [dir]) => (await import('./verify')).runVerify(dir!, f),
  }),
  command({
    path: ['bench', 'reproduce'],
    summary: 'Time the full reproduction, cold (fresh project) and warm',
    options: {},
    run: async () => (await import('./bench')).runBench(),
  }),
];
