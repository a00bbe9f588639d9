// A conversation import killed midway (kill -9 of the CLI) is shown as interrupted everywhere — the
// CLI's dataset list, the service's, the classify start — with the rows it committed, and the same
// command run again adds exactly the missing rows and leaves the dataset complete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ConversationDatasetInfo } from '../../src-shared/api';
import { AppHost } from '../../src-main/engine/host';
import { findResourcesDir } from '../../src-main/engine/project';
import { createAppService } from '../../src-main/engine/service';
import { callError, call } from '../service/helpers';
import { tempDir } from './helpers';
import { CLI, killCliWhen, ROOT } from '../support/kill-when';

/** Enough rows that the import takes seconds, so it is surely killed midway (~5 s for 200k here). */
const ROWS = 200_000;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Rows committed so far, read without writing (the importer owns the file); 0 before it exists. */
function committed(project: string): number {
  if (!existsSync(project)) return 0;
  try {
    const db = new Database(project, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM conversation').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0; // the schema is still being created
  }
}

/** Starts the import and kills it once some batches are committed; returns the rows it left. */
async function killMidway(file: string, project: string): Promise<number> {
  await killCliWhen(['conversations', 'import', file, '--project', project], () => committed(project) > 0, 25);
  return committed(project);
}

function listed(project: string): ConversationDatasetInfo[] {
  const r = cli(['conversations', 'list', '--json', '--project', project]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ConversationDatasetInfo[];
}

describe('a killed conversation import', () => {
  let tmp: ReturnType<typeof tempDir>;
  let file: string;
  let project: string;
  let partial = 0;

  beforeAll(async () => {
    tmp = tempDir();
    file = join(tmp.dir, 'big.jsonl');
    project = join(tmp.dir, 'p.sqlite');
    const lines: string[] = [];
    for (let i = 0; i < ROWS; i++) {
      lines.push(JSON.stringify({ messages: [{ role: 'user', content: `question ${i}` }, { role: 'assistant', content: `answer ${i}` }] }));
    }
    writeFileSync(file, lines.join('\n') + '\n');
    partial = await killMidway(file, project);
  }, 60_000);

  afterAll(() => tmp.cleanup());

  it('left part of the file committed', () => {
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ROWS);
  });

  it('is listed as interrupted by the CLI, with the rows it committed', () => {
    expect(listed(project)).toEqual([
      expect.objectContaining({ dataset: 'big', conversations: partial, status: 'interrupted', incompleteFiles: ['big.jsonl'] }),
    ]);
    const text = cli(['conversations', 'list', '--project', project]);
    expect(text.stdout).toMatch(/^big: .* INTERRUPTED: the import of big\.jsonl did not finish .*rerun/m);
  }, 30_000);

  it('is interrupted in the service, and a classification of it is refused naming the dataset and the fix', async () => {
    const host = new AppHost({ configDir: null, resourcesDir: findResourcesDir() });
    try {
      host.openOrCreate(project);
      const service = createAppService(host);
      const [d] = await call(service, 'conversations.datasets', {});
      expect(d).toMatchObject({ dataset: 'big', conversations: partial, status: 'interrupted' });
      const err = await callError(service, 'jobs.start', {
        kind: 'classify.run',
        args: { name: 'r', datasets: ['big'], hierarchyId: 'h', method: 'offline-embedding' },
      });
      expect(err.kind).toBe('invalid-input');
      expect(err.message).toMatch(/dataset "big" is incomplete: the import of big\.jsonl was interrupted .*rerun the same import/);
    } finally {
      await host.close();
    }
    const classify = cli(['classify', '--dataset', 'big', '--run', 'r', '--offline', '--project', project]);
    expect(classify.code).toBe(2);
    expect(classify.stderr).toMatch(/dataset "big" is incomplete/);
  }, 60_000);

  it('is completed by the same command: exactly the missing rows are added', () => {
    const r = cli(['conversations', 'import', file, '--project', project]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`big: ${ROWS} conversations read (jsonl), ${ROWS - partial} added, ${partial} already present, 0 bad rows`);
    expect(listed(project)).toEqual([expect.objectContaining({ dataset: 'big', conversations: ROWS, status: 'complete', incompleteFiles: [] })]);
    // The killed attempt's record no longer claims to be running.
    const db = new Database(project, { readonly: true });
    try {
      const statuses = db.prepare('SELECT status FROM conversation_import ORDER BY started_at').pluck().all();
      expect(statuses).toEqual(['interrupted', 'complete']);
    } finally {
      db.close();
    }
  }, 60_000);
});
