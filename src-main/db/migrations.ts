// The project schema, one named migration per change. Never edit a shipped migration: add one.
import type { Migration } from './migrate';
import { validationDesignMigration } from './validation-design';

const referenceTables = `
CREATE TABLE dataset_import (
  kind TEXT NOT NULL,
  dataset TEXT NOT NULL,
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  rows INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  PRIMARY KEY (kind, dataset)
);
CREATE TABLE task_statement (
  dataset TEXT NOT NULL,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  task_id INTEGER NOT NULL,
  task TEXT NOT NULL,
  task_type TEXT,
  PRIMARY KEY (dataset, code, task_id)
);
CREATE TABLE occupation (
  dataset TEXT NOT NULL,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  PRIMARY KEY (dataset, code)
);
CREATE TABLE job_zone (
  dataset TEXT NOT NULL,
  code TEXT NOT NULL,
  zone INTEGER NOT NULL,
  PRIMARY KEY (dataset, code)
);
CREATE TABLE skill_rating (
  dataset TEXT NOT NULL,
  code TEXT NOT NULL,
  element_id TEXT NOT NULL,
  element_name TEXT NOT NULL,
  scale_id TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (dataset, code, element_id, scale_id)
);
CREATE TABLE soc_structure (
  dataset TEXT NOT NULL,
  code TEXT NOT NULL,
  level TEXT NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (dataset, code, level)
);
CREATE TABLE soc_crosswalk (
  dataset TEXT NOT NULL,
  code_from TEXT NOT NULL,
  title_from TEXT NOT NULL,
  code_to TEXT NOT NULL,
  title_to TEXT NOT NULL,
  PRIMARY KEY (dataset, code_from, code_to)
);
CREATE TABLE bls_major_employment (
  dataset TEXT NOT NULL,
  title TEXT NOT NULL,
  employment REAL NOT NULL,
  PRIMARY KEY (dataset, title)
);
CREATE TABLE oews_national (
  dataset TEXT NOT NULL,
  occ_code TEXT NOT NULL,
  occ_title TEXT NOT NULL,
  o_group TEXT NOT NULL,
  tot_emp REAL,
  a_median REAL,
  PRIMARY KEY (dataset, occ_code, o_group)
);
CREATE TABLE wage (
  dataset TEXT NOT NULL,
  code TEXT NOT NULL,
  job_name TEXT NOT NULL,
  job_zone INTEGER,
  median_salary REAL,
  PRIMARY KEY (dataset, code)
);
`;

const usageTables = `
CREATE TABLE usage_source (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('release', 'run')),
  label TEXT NOT NULL,
  task_dataset TEXT NOT NULL,
  wage_dataset TEXT,
  soc_dataset TEXT,
  bls_dataset TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE usage_task (
  source_id TEXT NOT NULL REFERENCES usage_source(id) ON DELETE CASCADE,
  task_name TEXT NOT NULL,
  pct REAL NOT NULL,
  PRIMARY KEY (source_id, task_name)
);
CREATE TABLE usage_pattern (
  source_id TEXT NOT NULL REFERENCES usage_source(id) ON DELETE CASCADE,
  pattern TEXT NOT NULL,
  pct REAL NOT NULL,
  PRIMARY KEY (source_id, pattern)
);
`;

// Every Claude response, keyed by the hash of what was sent: identical calls are answered from here.
const llmTables = `
CREATE TABLE llm_call (
  request_hash TEXT PRIMARY KEY,
  prompt_id TEXT NOT NULL,
  prompt_version TEXT NOT NULL,
  model TEXT NOT NULL,
  params_json TEXT NOT NULL,
  request_json TEXT NOT NULL,
  response_text TEXT NOT NULL,
  input_tokens INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  cache_read_tokens INTEGER NOT NULL DEFAULT 0,
  cache_write_tokens INTEGER NOT NULL DEFAULT 0,
  cost_usd REAL NOT NULL,
  via_batch INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE llm_batch (
  id TEXT PRIMARY KEY,
  batch_key TEXT NOT NULL,
  model TEXT NOT NULL,
  requests INTEGER NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX llm_batch_key ON llm_batch (batch_key, status);
`;

// Per-item results of pipeline steps, keyed by input hash + model + prompt version.
const checkpointTables = `
CREATE TABLE step_checkpoint (
  step TEXT NOT NULL,
  input_hash TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt_version TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  output_json TEXT,
  error TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (step, input_hash, model, prompt_version)
);
CREATE TABLE IF NOT EXISTS embedding_cache (
  model TEXT,
  text_hash TEXT,
  dim INTEGER,
  vector BLOB,
  PRIMARY KEY (model, text_hash)
);
`;

const hierarchyTables = `
CREATE TABLE hierarchy (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  config_json TEXT NOT NULL,
  stats_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE hierarchy_node (
  hierarchy_id TEXT NOT NULL REFERENCES hierarchy(id) ON DELETE CASCADE,
  node_id TEXT NOT NULL,
  level INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  parent_id TEXT,
  PRIMARY KEY (hierarchy_id, node_id)
);
CREATE INDEX hierarchy_node_parent ON hierarchy_node (hierarchy_id, parent_id);
CREATE INDEX hierarchy_node_level ON hierarchy_node (hierarchy_id, level);
`;

// Imported conversations. Ids are "<dataset>:<source id or content hash>", so re-importing a file adds
// nothing twice; rows that could not be read are kept with their line and reason, never dropped.
const conversationTables = `
CREATE TABLE conversation_import (
  id TEXT PRIMARY KEY,
  dataset TEXT NOT NULL,
  file TEXT NOT NULL,
  format TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  rows_read INTEGER NOT NULL DEFAULT 0,
  added INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  bad_rows INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE TABLE conversation (
  id TEXT PRIMARY KEY,
  dataset TEXT NOT NULL,
  account_id TEXT,
  model TEXT,
  created_at TEXT,
  messages_json TEXT NOT NULL,
  turns INTEGER NOT NULL,
  chars INTEGER NOT NULL,
  import_id TEXT NOT NULL REFERENCES conversation_import(id)
);
CREATE INDEX conversation_dataset ON conversation (dataset);
CREATE TABLE conversation_bad_row (
  import_id TEXT NOT NULL REFERENCES conversation_import(id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (import_id, line)
);
`;

// Classification runs: the configuration that makes a run reproducible, and one row per conversation
// and facet with its outcome (ok, screened out, or unclassified with the reason).
const classifyTables = `
CREATE TABLE classify_run (
  id TEXT PRIMARY KEY,
  config_json TEXT NOT NULL,
  status TEXT NOT NULL,
  stats_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE classification (
  run_id TEXT NOT NULL REFERENCES classify_run(id) ON DELETE CASCADE,
  conversation_id TEXT NOT NULL,
  facet TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'screened-out', 'unclassified')),
  value TEXT,
  reason TEXT,
  PRIMARY KEY (run_id, conversation_id, facet)
);
CREATE INDEX classification_facet ON classification (run_id, facet, status);
`;

// Human validation: packets sent out and the labels that came back, merged per validator and item.
const validationTables = `
CREATE TABLE validation_packet (
  id TEXT PRIMARY KEY,
  run_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  packet_json TEXT NOT NULL
);
CREATE TABLE validation_label (
  packet_id TEXT NOT NULL REFERENCES validation_packet(id) ON DELETE CASCADE,
  validator TEXT NOT NULL,
  item_id TEXT NOT NULL,
  facet TEXT NOT NULL,
  label_json TEXT NOT NULL,
  labelled_at TEXT NOT NULL,
  PRIMARY KEY (packet_id, validator, item_id)
);
`;

// Long-running work started from the app (src-main/engine/jobs): one row per job, so a job that was
// running when the app died is found on the next open and offered for resume with the same arguments.
const jobTables = `
CREATE TABLE job (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  args_json TEXT NOT NULL,
  status TEXT NOT NULL,
  progress_json TEXT,
  attempts INTEGER NOT NULL DEFAULT 1,
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT,
  error_json TEXT,
  result_json TEXT,
  dismissed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX job_status ON job (status);
`;

// What a result was computed from: a hierarchy's content hash (set when it is built or imported;
// NULL on older rows until first needed), and per classification run the hashes of its hierarchy,
// conversation datasets and reference release, so a report can tell that an input changed since.
const contentHashTables = `
ALTER TABLE hierarchy ADD COLUMN content_hash TEXT;
ALTER TABLE classify_run ADD COLUMN inputs_json TEXT;
CREATE INDEX conversation_dataset_import ON conversation (dataset, import_id);
`;

// Appendix G reconstruction of a run (src-main/engine/reconstruct): the report per run, each
// level's k-means labels keyed by what they were computed from (so a resume does not cluster again),
// and each cluster's size, name, description and the task the traversal placed it on.
const reconstructionTables = `
CREATE TABLE reconstruct_run (
  run_id TEXT PRIMARY KEY REFERENCES classify_run(id) ON DELETE CASCADE,
  config_json TEXT NOT NULL,
  status TEXT NOT NULL,
  report_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE reconstruct_level (
  run_id TEXT NOT NULL REFERENCES classify_run(id) ON DELETE CASCADE,
  mean_size INTEGER NOT NULL,
  input_hash TEXT NOT NULL,
  k INTEGER NOT NULL,
  labels BLOB NOT NULL,
  iterations INTEGER NOT NULL,
  inertia REAL NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (run_id, mean_size)
);
CREATE TABLE reconstruct_cluster (
  run_id TEXT NOT NULL REFERENCES classify_run(id) ON DELETE CASCADE,
  mean_size INTEGER NOT NULL,
  cluster INTEGER NOT NULL,
  size INTEGER NOT NULL,
  accounts INTEGER NOT NULL,
  name TEXT,
  description TEXT,
  node_id TEXT,
  status TEXT NOT NULL,
  reason TEXT,
  PRIMARY KEY (run_id, mean_size, cluster)
);
`;

// Integer keys for aggregating a run without text joins. The conversation table is rebuilt with
// its rowid as a named key (seq, AUTOINCREMENT so a discarded import's keys are never reused, and
// VACUUM cannot renumber them), existing rowids kept. Classification rows carry the key of their
// conversation (filled by a trigger when the writer does not give it). Two covering indexes serve
// the aggregation as ordered scans: a run's outcomes by facet and value, and a dataset's
// conversations in key order with their account and model; the latter replaces the (dataset)
// index, which is its prefix.
const integerKeyTables = `
CREATE TABLE conversation_keyed (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  dataset TEXT NOT NULL,
  account_id TEXT,
  model TEXT,
  created_at TEXT,
  messages_json TEXT NOT NULL,
  turns INTEGER NOT NULL,
  chars INTEGER NOT NULL,
  import_id TEXT NOT NULL REFERENCES conversation_import(id)
);
INSERT INTO conversation_keyed (seq, id, dataset, account_id, model, created_at, messages_json, turns, chars, import_id)
  SELECT rowid, id, dataset, account_id, model, created_at, messages_json, turns, chars, import_id FROM conversation ORDER BY rowid;
DROP TABLE conversation;
ALTER TABLE conversation_keyed RENAME TO conversation;
CREATE INDEX conversation_dataset_import ON conversation (dataset, import_id);
CREATE INDEX conversation_dataset_seq ON conversation (dataset, seq, account_id, model);
ALTER TABLE classification ADD COLUMN conversation_seq INTEGER;
UPDATE classification SET conversation_seq = (SELECT seq FROM conversation v WHERE v.id = classification.conversation_id);
CREATE INDEX classification_value ON classification (run_id, facet, status, value, conversation_seq);
CREATE TRIGGER classification_conversation_seq AFTER INSERT ON classification WHEN NEW.conversation_seq IS NULL
BEGIN
  UPDATE classification SET conversation_seq = (SELECT seq FROM conversation WHERE id = NEW.conversation_id) WHERE rowid = NEW.rowid;
END;
`;

export const MIGRATIONS: readonly Migration[] = [
  { name: '0001_reference_data', up: (db) => db.exec(referenceTables) },
  { name: '0002_usage_sources', up: (db) => db.exec(usageTables) },
  { name: '0003_llm_calls', up: (db) => db.exec(llmTables) },
  { name: '0004_checkpoints', up: (db) => db.exec(checkpointTables) },
  { name: '0005_hierarchy', up: (db) => db.exec(hierarchyTables) },
  { name: '0006_conversations', up: (db) => db.exec(conversationTables) },
  { name: '0007_classification', up: (db) => db.exec(classifyTables) },
  { name: '0008_validation', up: (db) => db.exec(validationTables) },
  { name: '0009_jobs', up: (db) => db.exec(jobTables) },
  { name: '0010_content_hashes', up: (db) => db.exec(contentHashTables) },
  { name: '0011_reconstruction', up: (db) => db.exec(reconstructionTables) },
  // A run's report as last computed, with the fingerprint of what it was computed from
  // (src-main/engine/classify/report-cache.ts): Explore reads it instead of aggregating again.
  {
    name: '0013_run_report_cache',
    up: (db) =>
      db.exec(`CREATE TABLE run_report (
  run_id TEXT PRIMARY KEY REFERENCES classify_run(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  report_json TEXT NOT NULL,
  created_at TEXT NOT NULL
)`),
  },
  { name: '0012_integer_keys', up: (db) => db.exec(integerKeyTables) },
  // Each validation item's conversation and the chance it was drawn (src-main/db/validation-design.ts).
  { name: '0015_validation_design', up: validationDesignMigration },
  // Per set of conversation datasets: each conversation's model, account and time as typed arrays
  // by conversation key, under the datasets' stamps (src-main/engine/classify/conversation-columns.ts).
  {
    name: '0016_conversation_columns',
    up: (db) =>
      db.exec(`CREATE TABLE conversation_columns (
  datasets TEXT PRIMARY KEY,
  stamp TEXT NOT NULL,
  min_seq INTEGER NOT NULL,
  models_json TEXT NOT NULL,
  accounts INTEGER NOT NULL,
  model BLOB NOT NULL,
  account BLOB NOT NULL,
  time BLOB NOT NULL,
  span_json TEXT NOT NULL
)`),
  },
  // Per run and facet: its 'ok' outcomes grouped by value as typed arrays of conversation keys,
  // under the run's classification stamp (src-main/engine/classify/outcome-columns.ts).
  {
    name: '0017_outcome_columns',
    up: (db) =>
      db.exec(`CREATE TABLE outcome_columns (
  run_id TEXT NOT NULL REFERENCES classify_run(id) ON DELETE CASCADE,
  facet TEXT NOT NULL,
  stamp TEXT NOT NULL,
  values_json TEXT NOT NULL,
  offsets BLOB NOT NULL,
  keys BLOB NOT NULL,
  PRIMARY KEY (run_id, facet)
)`),
  },
  // Task shares stored once, in their key's B-tree, rather than in a rowid table and again in its
  // primary-key index: writing a run's two usage sources (36K rows at 1M conversations) took twice as long.
  {
    name: '0018_usage_task_without_rowid',
    up: (db) =>
      db.exec(`CREATE TABLE usage_task_keyed (
  source_id TEXT NOT NULL REFERENCES usage_source(id) ON DELETE CASCADE,
  task_name TEXT NOT NULL,
  pct REAL NOT NULL,
  PRIMARY KEY (source_id, task_name)
) WITHOUT ROWID;
INSERT INTO usage_task_keyed (source_id, task_name, pct) SELECT source_id, task_name, pct FROM usage_task;
DROP TABLE usage_task;
ALTER TABLE usage_task_keyed RENAME TO usage_task;`),
  },
];
