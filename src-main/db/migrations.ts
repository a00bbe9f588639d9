// The project schema, one named migration per change. Never edit a shipped migration: add one.
import type { Migration } from './migrate';

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

export const MIGRATIONS: readonly Migration[] = [
  { name: '0001_reference_data', up: (db) => db.exec(referenceTables) },
  { name: '0002_usage_sources', up: (db) => db.exec(usageTables) },
];
