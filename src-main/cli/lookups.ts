// What a command names must exist before any work starts: a dataset, a run, a hierarchy, a usage
// source. Each check throws a NotFoundError (exit 2) that lists what the project does have, so the
// user can correct the command line at once instead of reading a failed job.
import type { Db } from '../db/open';
import { NotFoundError } from '../engine/errors';
import { conversationDatasetNames, requireCompleteDatasets } from '../engine/ingest/conversations';

function names(db: Db, sql: string): string[] {
  return db.prepare(sql).pluck().all() as string[];
}

function missing(what: string, name: string, have: string[], hint: string): NotFoundError {
  const shown = have.slice(0, 8).join(', ') + (have.length > 8 ? ', …' : '');
  return new NotFoundError(`no ${what} "${name}" in this project (${have.length ? `it has: ${shown}` : hint})`);
}

/** Conversation datasets, as `conversations.datasets` lists them, each whole (not an interrupted import). */
export function requireConversationDatasets(db: Db, wanted: readonly string[]): void {
  const have = conversationDatasetNames(db);
  const absent = wanted.find((d) => !have.includes(d));
  if (absent !== undefined) throw missing('conversation dataset', absent, have, 'import one with `task-atlas conversations import FILE`');
  requireCompleteDatasets(db, wanted);
}

/** An O*NET task dataset, the base of a hierarchy build. */
export function requireTaskDataset(db: Db, name: string): void {
  const have = names(db, 'SELECT DISTINCT dataset FROM task_statement ORDER BY 1');
  if (!have.includes(name)) throw missing('task dataset', name, have, 'import one with `task-atlas import --kind onet-tasks`');
}

export function requireHierarchy(db: Db, id: string): void {
  const have = names(db, 'SELECT id FROM hierarchy ORDER BY created_at, id');
  if (!have.includes(id)) throw missing('hierarchy', id, have, 'build one with `task-atlas hierarchy build`');
}

export function requireRun(db: Db, run: string): void {
  const have = names(db, 'SELECT id FROM classify_run ORDER BY created_at, id');
  if (!have.includes(run)) throw missing('classification run', run, have, 'start one with `task-atlas classify`');
}

export function requireSource(db: Db, id: string): void {
  const have = names(db, 'SELECT id FROM usage_source ORDER BY created_at, id');
  if (!have.includes(id)) throw missing('usage source', id, have, 'import a release or run `task-atlas classify`');
}
