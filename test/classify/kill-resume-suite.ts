// The classify acceptance run, at any size: synthetic conversations classified end to end through
// the CLI against a fake Claude with 200 ms latency and 20% injected errors; killed with SIGKILL
// mid-run, then resumed. No paid call may repeat, and every conversation must end classified,
// screened out, or unclassified with a reason. run-kill-resume.test.ts runs it on 500
// conversations (default tier), run-10k.acceptance.test.ts on 10,000 (acceptance tier).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { importFile } from '../../src-main/engine/ingest';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { generateSynthetic } from '../../src-main/engine/ingest/conversations/synthetic';
import { buildHierarchy } from '../../src-main/engine/hierarchy/build';
import { closeProject, openProject } from '../../src-main/engine/project';
import { summariseRun } from '../../src-main/engine/classify/results';
import { runReport } from '../../src-main/engine/classify/report';
import { llmFor, RELEASE_DIR, TEST_MODEL, tinyEmbedding } from '../hierarchy/support';
import { killHard, runCli, startCli, waitWhileRunning } from '../support/child';
import { openBundledProject } from '../support/shared-projects';

export interface KillResumeSize {
  conversations: number;
  /** Classify calls answered before the fake stops answering and the CLI is killed. */
  killAfter: number;
  /** Task rows under the run's hierarchy. */
  taskRows: number;
  timeoutMs: number;
}

export function describeKillResume(size: KillResumeSize): void {
  const N = size.conversations;
  const RUN = `r${N}`;
  let dir: string;
  let projectPath: string;
  let fake: FakeAnthropic;
  let resumed = '';
  let imported = 0;

  const cliArgs = () => [
    'classify', '--run', RUN, '--dataset', 'synthetic', '--project', projectPath, '--base-url', fake.baseURL,
    '--model', TEST_MODEL, '--concurrency', '64', '--rpm', '1000000', '--itpm', '10000000000',
  ];
  const env = () => ({ ...process.env, ANTHROPIC_AUTH_TOKEN: 'test', TASK_ATLAS_HOME: dir });

  function recorded(): number {
    try {
      const db = new Database(projectPath, { readonly: true, fileMustExist: true });
      try {
        // Only this run's calls: the project also holds the calls that built its hierarchy.
        return db.prepare("SELECT count(*) FROM llm_call WHERE prompt_id LIKE 'classify.%'").pluck().get() as number;
      } finally {
        db.close();
      }
    } catch {
      return 0;
    }
  }

  /** The bundled project with a small hierarchy (taskRows task rows) and the N conversations imported. */
  async function prepare(): Promise<number> {
    const project = openBundledProject(projectPath);
    try {
      const lines = readFileSync(join(RELEASE_DIR, 'onet_task_statements.csv'), 'utf8').split('\n');
      writeFileSync(join(dir, 'subset.csv'), lines.slice(0, size.taskRows + 1).join('\n') + '\n');
      importFile(project.db, { kind: 'onet-tasks', path: join(dir, 'subset.csv'), dataset: 'subset' });
      const builder = await startFakeAnthropic({ seed: 2 });
      const embedding = await tinyEmbedding(project);
      try {
        const deps = { db: project.db, llm: llmFor(project, builder), embed: embedding.embed };
        await buildHierarchy(deps, { taskDataset: 'subset', model: TEST_MODEL });
      } finally {
        await embedding.close();
        await builder.close();
      }
      const file = join(dir, 'synthetic.jsonl');
      await generateSynthetic(file, N, 42);
      return (await importConversations(project.db, file, { dataset: 'synthetic' })).added;
    } finally {
      closeProject(project);
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-classify-kill-'));
    projectPath = join(dir, 'p.sqlite');
    imported = await prepare();
    fake = await startFakeAnthropic({
      seed: 10,
      latencyMs: 200,
      rate429: 0.1,
      rate529: 0.05,
      rate500: 0.05,
      retryAfterSeconds: 0.1,
    });
    fake.hangAfter(size.killAfter);
    const first = startCli(cliArgs(), env());
    await waitWhileRunning(first, () => recorded() >= size.killAfter, 250);
    await killHard(first);
    fake.hangAfter(null);
    resumed = await runCli(cliArgs(), env());
  }, size.timeoutMs);

  afterAll(async () => {
    await fake?.close();
  });

  describe(`${N.toLocaleString('en')} conversations, killed and resumed`, () => {
    it(`imported all ${N}`, () => {
      expect(imported).toBe(N);
    });

    it('accounts for every conversation', () => {
      const project = openProject(projectPath);
      try {
        const s = summariseRun(project.db, RUN);
        expect(s.conversations).toBe(N);
        expect(s.missing).toBe(0);
        expect(s.classified + s.screenedOut + s.unclassified).toBe(N);
        expect(s.classified).toBeGreaterThan(N * 0.8);
        // Every unclassified conversation carries its reason.
        const noReason = project.db
          .prepare("SELECT count(*) FROM classification WHERE run_id = ? AND status = 'unclassified' AND (reason IS NULL OR reason = '')")
          .pluck()
          .get(RUN);
        expect(noReason).toBe(0);
        const report = runReport(project.db, RUN);
        expect(report.tasks.kept).toBeGreaterThan(0);
        expect(report.skills.length).toBeGreaterThan(0);
      } finally {
        closeProject(project);
      }
      expect(resumed).toContain('0 unaccounted for');
    });

    it('repeated no paid call, though 20% of requests failed and were retried', () => {
      const s = fake.stats();
      expect(s.duplicates()).toBe(0);
      expect(s.completed).toBeGreaterThan(size.killAfter);
      expect(s.errors[429] + s.errors[529] + s.errors[500]).toBeGreaterThan(0.15 * s.requests);
      // Every answer the server delivered is in the project exactly once.
      expect(recorded()).toBe(s.completed);
      expect(resumed).toMatch(/retries \{"HTTP (429|529|500)/);
    });
  });
}
