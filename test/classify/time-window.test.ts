// Time windows (Appendix E, issue #16): a run limited to a date range classifies only conversations
// with a readable timestamp in it, and its report, CLI and manifest state the span it covers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { classifyRun, resolveConfig } from '../../src-main/engine/classify/run';
import { runReport } from '../../src-main/engine/classify/report';
import { runScope, timeSpan } from '../../src-main/engine/classify/scope';
import { conversationColumns } from '../../src-main/engine/classify/conversation-columns';
import { ClassifyConfigSchema } from '../../src-main/engine/classify/config';
import { JOB_ARGS } from '../../src-shared/jobs';
import { isDay, timeSpanText } from '../../src-shared/time-window';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { llmFor, TEST_MODEL } from '../hierarchy/support';
import { TINY_HIERARCHY } from '../fixtures/tiny-hierarchy';
import { cli } from '../support/cli-capture';

let project: Project;
let fake: FakeAnthropic;
const models = { screening: TEST_MODEL, task: TEST_MODEL, pattern: TEST_MODEL, skills: TEST_MODEL, summary: TEST_MODEL };
const TEXT = 'Please write code and write stories for my software and writing work this week.';
// Timestamps in several spellings: ISO with Z, with an offset, a Unix time (stored as ISO), none, and an unreadable one.
const STAMPS: (string | number | null)[] = ['2024-11-30T23:59:59Z', '2024-12-01T00:00:00Z', '2024-12-15T12:00:00+02:00', 1734998400, '2024-12-31T23:59:59.5Z', '2025-01-01T00:00:00Z', null, 'last Tuesday'];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-window-'));
  project = openProject(join(dir, 'p.sqlite'), { resourcesDir: resolve(__dirname, '../../resources') });
  importRelease(project.db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
  importHierarchy(project.db, 'h.json', TINY_HIERARCHY);
  const file = join(dir, 'c.jsonl');
  const lines = STAMPS.map((t, i) => JSON.stringify({ id: `k${i}`, account_id: `a${i}`, ...(t === null ? {} : { timestamp: t }), messages: [{ role: 'user', content: TEXT }, { role: 'assistant', content: 'Done.' }] }));
  writeFileSync(file, lines.join('\n') + '\n');
  await importConversations(project.db, file, { dataset: 'c' });
  fake = await startFakeAnthropic({ seed: 3 });
  const llm = llmFor(project, fake);
  const base = { datasets: ['c'], hierarchyId: 'h', models, facets: ['screening', 'task'] as ('screening' | 'task')[], uncertainty: { replicates: 0, seed: 1 } };
  await classifyRun({ db: project.db, llm }, { name: 'all', ...base });
  await classifyRun({ db: project.db, llm }, { name: 'december', ...base, window: { from: '2024-12-01', to: '2024-12-31' } });
}, 60_000);
afterAll(async () => {
  closeProject(project);
  await fake.close();
});

const classified = (run: string): string[] =>
  project.db.prepare("SELECT conversation_id FROM classification WHERE run_id = ? AND facet = 'screening' ORDER BY conversation_id").pluck().all(run) as string[];

describe('a run limited to a time window', () => {
  it('classifies only conversations with a timestamp in the whole days of the window', () => {
    expect(classified('all')).toHaveLength(8);
    // k2 is 10:00 UTC on the 15th; k3 is 2024-12-24 as a Unix time; k4 the last half-second of the 31st.
    expect(classified('december')).toEqual(['c:k1', 'c:k2', 'c:k3', 'c:k4']);
  });

  it('reports the span it covers, and the conversations without a readable timestamp', () => {
    expect(runReport(project.db, 'december', 'mini').timeSpan).toEqual({
      window: { from: '2024-12-01', to: '2024-12-31' },
      first: '2024-12-01T00:00:00Z',
      last: '2024-12-31T23:59:59Z',
      dated: 4,
      undated: 0,
    });
    const all = runReport(project.db, 'all', 'mini').timeSpan!;
    expect(all).toMatchObject({ window: null, first: '2024-11-30T23:59:59Z', last: '2025-01-01T00:00:00Z', dated: 6, undated: 2 });
    expect(timeSpanText(all)).toBe('Time window: all dates; conversations from 2024-11-30 to 2025-01-01 (6 dated, 2 without a timestamp)');
  });

  it('agrees with the scope used to pick conversations, and with a first-N trial', () => {
    const cfg = resolveConfig({ name: 'x', datasets: ['c'], hierarchyId: 'h', window: { from: '2024-12-15' } });
    const { sql, params } = runScope(cfg);
    expect(project.db.prepare(`SELECT count(*) FROM conversation WHERE ${sql}`).pluck().get(...params)).toBe(4);
    expect(timeSpan(project.db, { ...cfg, window: undefined, limit: 2 })).toMatchObject({ first: '2024-11-30T23:59:59Z', last: '2024-12-01T00:00:00Z', dated: 2 });
  });

  it('gives the same span from the stored conversation columns as from the table, for any window', () => {
    const columns = conversationColumns(project.db, ['c']);
    const windows = [undefined, { from: '2024-12-15' }, { to: '2024-12-01' }, { from: '2024-12-01', to: '2024-12-31' }, { from: '2025-02-01' }];
    for (const window of windows) {
      const cfg = resolveConfig({ name: 'x', datasets: ['c'], hierarchyId: 'h', ...(window ? { window } : {}) });
      expect(timeSpan(project.db, cfg, columns)).toEqual(timeSpan(project.db, cfg));
    }
    expect(timeSpan(project.db, resolveConfig({ name: 'x', datasets: ['c'], hierarchyId: 'h' }), columns)).toMatchObject({ dated: 6, undated: 2 });
  });

  it('refuses days that are not days, and a window that ends before it starts', () => {
    expect(isDay('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', '2024-12-01T00:00:00Z', '']) expect(isDay(bad), bad).toBe(false);
    const args = { name: 'r', datasets: ['c'], hierarchyId: 'h' };
    expect(JOB_ARGS['classify.run'].safeParse({ ...args, window: { from: '2024-12-31', to: '2024-12-01' } }).success).toBe(false);
    expect(JOB_ARGS['classify.run'].safeParse({ ...args, window: { from: '2024-02-30' } }).success).toBe(false);
    expect(JOB_ARGS['classify.run'].safeParse({ ...args, window: { from: '2024-12-01', to: '2024-12-31' } }).success).toBe(true);
    expect(ClassifyConfigSchema.safeParse({ ...args, window: { to: 'soon' } }).success).toBe(false);
  });

  it('exits 2 with one line for a bad --from or --to, before opening anything', async () => {
    const bad = await cli(['classify', '--project', '/nonexistent/p.sqlite', '--run', 'r', '--dataset', 'c', '--from', '2024-02-30']);
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err.trim()).toBe('error: --from "2024-02-30" is not a date YYYY-MM-DD');
    const reversed = await cli(['classify', '--project', '/nonexistent/p.sqlite', '--run', 'r', '--dataset', 'c', '--from', '2024-03-30', '--to', '2024-03-01']);
    expect(reversed.code).toBe(2);
    expect(reversed.err).toContain('--from 2024-03-30 is after --to 2024-03-01');
  });
});
