// Shared setup for the conversation importer tests: paths, a fresh project DB, and small queries.
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../../src-main/db/open';
import { ImportError } from '../../src-main/engine/ingest/formats/errors';
import type { Message } from '../../src-main/engine/ingest/conversations';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, '../fixtures/conversations');
export const DATA = path.resolve(here, '../../../shared/data/conversations');
export const OASST = path.join(DATA, 'oasst1-en-validation/en-validation.jsonl');
export const WILDCHAT = [1, 2].map((p) => path.join(DATA, `wildchat-pairs-en/wildchat_clean.part${p}.jsonl`));

export const fixture = (name: string): string => path.join(FIXTURES, name);

export function memoryDb(): Db {
  return openDatabase(':memory:');
}

/** A temp directory removed by the returned cleanup function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-conv-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function messagesOf(db: Db, id: string): Message[] {
  const row = db.prepare('SELECT messages_json FROM conversation WHERE id = ?').get(id) as { messages_json: string } | undefined;
  if (row === undefined) throw new Error(`no conversation ${id}`);
  return JSON.parse(row.messages_json) as Message[];
}

export function tableCounts(db: Db): { imports: number; conversations: number; badRows: number } {
  const n = (t: string): number => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { imports: n('conversation_import'), conversations: n('conversation'), badRows: n('conversation_bad_row') };
}

/** Awaits p and returns the ImportError it rejects with (fails the test otherwise). */
export async function importError(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}
