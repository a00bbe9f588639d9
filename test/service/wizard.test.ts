// The wizard's calls through dispatch() on one project: bundled reference data, previews of
// reference and conversation files (which never write), hierarchy import / browse / export /
// estimate, conversation datasets, classification estimates and runs, and jobs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppHost } from '../../src-main/engine/host';
import { createAppService, type ApiHandlers } from '../../src-main/engine/service';
import { PREVIEW_ROWS } from '../../src-main/engine/service/reference';
import { exportHierarchy } from '../../src-main/engine/hierarchy/store';
import { HIERARCHY_ID, ROOT, seedClassifyFixture, testHost, WILDCHAT } from '../jobs/support';
import { call, callError } from './helpers';

const FIXTURES = join(ROOT, 'test/fixtures/conversations');
const OASST = join(ROOT, '../shared/data/conversations/oasst1-en-validation/en-validation.jsonl');

let dir: string;
let host: AppHost;
let api: ApiHandlers;
const count = (sql: string) => host.project.db.prepare(sql).pluck().get() as number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-wizard-'));
  host = testHost(join(dir, 'config'));
  api = createAppService(host);
  await call(api, 'project.create', { path: join(dir, 'wizard') });
}, 60_000);
afterAll(async () => host.close());

describe('reference data', () => {
  it('imports the bundled files once, then skips them; Explore works on the default source', async () => {
    const first = await call(api, 'reference.importBundled', {});
    expect(first.imported).toBeGreaterThan(5);
    expect(first.files).toContain('aei-release-2025-02-10');
    expect(await call(api, 'reference.importBundled', {})).toEqual({ imported: 0, skipped: first.imported, files: [] });
    const report = await call(api, 'analysis.reproduce', {});
    expect(report.source.id).toBe('aei-2025-02-10');
    const steps = await call(api, 'project.steps', {});
    expect(steps.reference.state).toBe('done');
    expect(steps.explore).toMatchObject({ state: 'partial', sources: 1 });
  }, 60_000);

  it('previews a good file: columns, at most 20 rows, no problems', async () => {
    const file = join(ROOT, 'resources/data/aei-release-2025-02-10/onet_task_statements.csv');
    const p = await call(api, 'reference.preview', { kind: 'onet-tasks', path: file });
    expect(p.columns.slice(0, 4)).toEqual(['O*NET-SOC Code', 'Title', 'Task ID', 'Task']);
    expect(p.rows).toHaveLength(PREVIEW_ROWS);
    expect(p.rows[0]![0]).toMatch(/^\d{2}-\d{4}\.\d{2}$/);
    expect(p.problems).toEqual([]);
    expect(p.sizeBytes).toBeGreaterThan(1_000_000);
  });

  it('reports a missing column and a bad value with file and line, and writes nothing', async () => {
    const imports = count('SELECT count(*) FROM dataset_import');
    const missing = join(dir, 'tasks-missing.csv');
    writeFileSync(missing, 'O*NET-SOC Code,Title,Task\n11-1011.00,Chief Executives,Direct budgets.\n');
    const p = await call(api, 'reference.preview', { kind: 'onet-tasks', path: missing });
    expect(p.rows).toEqual([['11-1011.00', 'Chief Executives', 'Direct budgets.']]);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ line: 1, column: 'Task ID' });
    expect(p.problems[0]!.message).toContain(`${missing}:1:Task ID: missing column "Task ID"`);

    const badValue = join(dir, 'wages-bad.csv');
    writeFileSync(badValue, 'SOCcode,JobName,JobZone,MedianSalary\n11-1011.00,CE,5,1\n15-1252.00,SD,four,2\n');
    const w = await call(api, 'reference.preview', { kind: 'wages', path: badValue });
    expect(w.problems).toEqual([{ message: `${badValue}:3:JobZone: not a number: "four"`, line: 3, column: 'JobZone' }]);
    expect(count('SELECT count(*) FROM dataset_import')).toBe(imports);
    expect(await callError(api, 'reference.preview', { kind: 'wages', path: join(dir, 'absent.csv') })).toMatchObject({ kind: 'not-found' });
  });
});

describe('conversation previews', () => {
  const preview = (file: string, format?: string) => call(api, 'conversations.preview', { path: file, ...(format ? { format } : {}) });

  it('detects JSON formats and shows the first conversations as they would be imported', async () => {
    const openai = await preview(join(FIXTURES, 'openai-messages.jsonl'));
    expect(openai.format).toBe('openai-messages');
    expect(openai.samples[0]).toMatchObject({ line: 1, firstUserText: 'Write a haiku about spreadsheets.', model: 'gpt-4o' });
    const claude = await preview(join(FIXTURES, 'claude-export.json'));
    expect(claude.format).toBe('claude-export');
    expect(claude.samples[0]).toMatchObject({ account: 'acct-a' });
    expect((await preview(join(FIXTURES, 'sharegpt.json'))).format).toBe('sharegpt');
    expect((await preview(join(FIXTURES, 'chatgpt-export.json'))).format).toBe('chatgpt-export');
  });

  it('shows rows that would be rejected with their line and reason', async () => {
    const p = await preview(join(FIXTURES, 'bad-rows.jsonl'));
    expect(p.samples.length).toBeLessThanOrEqual(5);
    expect(p.samples[0]).toMatchObject({ line: 1, messages: 2, firstUserText: 'Task 1' });
    expect(p.samples[1]).toMatchObject({ line: 2 });
    expect(p.samples[1]!.error).toMatch(/malformed JSON/);
    expect(p.samples.filter((s) => s.error).length).toBeGreaterThanOrEqual(2);
  });

  it('gives CSV columns and the mapping the importer would guess', async () => {
    const p = await preview(join(FIXTURES, 'custom-columns.csv'));
    expect(p.columns).toEqual(['chat_id', 'who', 'when', 'question', 'answer', 'engine']);
    expect(p.suggestedMapping).toEqual({ text: 'question', response: 'answer' });
    expect(p.samples[0]).toMatchObject({ line: 2, messages: 2 });
    expect(p.samples[0]!.firstUserText).toContain('Draft a memo:');
    const guessed = await preview(join(FIXTURES, 'missing-column.csv'));
    expect(guessed.suggestedMapping).toEqual({ id: 'id', text: 'prompt', response: 'response' });
    const noText = join(dir, 'no-text.csv');
    writeFileSync(noText, 'who,when\nu1,2024\n');
    const unmappable = await preview(noText);
    expect(unmappable.columns).toEqual(['who', 'when']);
    expect(unmappable.samples).toEqual([{ line: 1, error: expect.stringContaining('no text or messages column') }]);
  });

  it('previews OpenAssistant threads and WildChat pairs from the shared data', async () => {
    const oasst = await preview(OASST);
    expect(oasst.format).toBe('oasst');
    expect(oasst.samples).toHaveLength(5);
    for (const s of oasst.samples) {
      expect(s.messages).toBeGreaterThanOrEqual(2);
      expect(s.account).toMatch(/^[0-9a-f-]{36}$/);
      expect(s.model).toBeNull();
      expect(s.firstUserText!.length).toBeLessThanOrEqual(201);
      expect(s.line).toBeGreaterThan(0);
    }
    const wild = await preview(WILDCHAT);
    expect(wild.format).toBe('wildchat');
    expect(wild.samples).toHaveLength(5);
    expect(wild.samples.every((s) => s.messages === 2 && s.firstUserText!.length <= 201)).toBe(true);
  });

  it('cuts the first user text at 200 characters', async () => {
    const file = join(dir, 'long.jsonl');
    writeFileSync(file, JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(500) }] }) + '\n');
    const p = await preview(file);
    expect(p.samples).toEqual([{ line: 1, messages: 1, firstUserText: 'x'.repeat(200) + '…', account: null, model: null }]);
  });

  it('refuses files it cannot read as conversations, naming the file, and writes nothing', async () => {
    expect(await callError(api, 'conversations.preview', { path: join(FIXTURES, 'unrecognised.jsonl') })).toMatchObject({
      kind: 'import',
      file: join(FIXTURES, 'unrecognised.jsonl'),
      line: 1,
    });
    expect((await callError(api, 'conversations.preview', { path: join(FIXTURES, 'utf16.jsonl') })).message).toMatch(/UTF-16/);
    expect((await callError(api, 'conversations.preview', { path: WILDCHAT, format: 'tsv' })).message).toMatch(/unknown format "tsv"/);
    expect(count('SELECT count(*) FROM conversation')).toBe(0);
    expect(count('SELECT count(*) FROM conversation_import')).toBe(0);
  });
});

describe('hierarchies, conversations, runs and jobs', () => {
  beforeAll(async () => {
    await seedClassifyFixture(host);
  }, 60_000);

  it('lists, browses, searches, exports and re-imports a hierarchy', async () => {
    const list = await call(api, 'hierarchy.list', {});
    expect(list).toEqual([expect.objectContaining({ id: HIERARCHY_ID, name: 'Test hierarchy', status: 'complete', sizes: [30, 6, 3], taskDataset: 'aei-2025-02-10', model: null })]);
    const top = await call(api, 'hierarchy.nodes', { id: HIERARCHY_ID });
    expect(top.map((n) => [n.name, n.level, n.children])).toEqual([['Area 0', 2, 2], ['Area 1', 2, 2], ['Area 2', 2, 2]]);
    const kids = await call(api, 'hierarchy.nodes', { id: HIERARCHY_ID, parent: 'mid-1-0' });
    expect(kids).toHaveLength(5);
    expect(kids.every((k) => k.level === 0 && k.parent === 'mid-1-0' && k.children === 0)).toBe(true);
    const hits = await call(api, 'hierarchy.nodes', { id: HIERARCHY_ID, search: 'GROUP 2.1' });
    expect(hits).toEqual([expect.objectContaining({ id: 'mid-2-1', path: ['Area 2'] })]);
    const deep = await call(api, 'hierarchy.nodes', { id: HIERARCHY_ID, search: kids[0]!.name.slice(2, 20) });
    expect(deep[0]!.path).toEqual(['Area 1', 'Group 1.0']);
    expect(await call(api, 'hierarchy.nodes', { id: HIERARCHY_ID, limit: 2 })).toHaveLength(2);
    expect(await callError(api, 'hierarchy.nodes', { id: 'h-none' })).toMatchObject({ kind: 'not-found' });
    expect(await callError(api, 'hierarchy.nodes', { id: HIERARCHY_ID, parent: 'nope' })).toMatchObject({ kind: 'not-found' });

    const out = join(dir, 'h.json');
    expect(await call(api, 'hierarchy.export', { id: HIERARCHY_ID, path: out })).toEqual({ path: out });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(exportHierarchy(host.project.db, HIERARCHY_ID));
    // The same content under the same id changes nothing; other content needs another id.
    expect(await call(api, 'hierarchy.import', { path: out })).toMatchObject({ id: HIERARCHY_ID, nodes: 39, unchanged: true });
    const edited = JSON.parse(readFileSync(out, 'utf8')) as { nodes: { name: string }[] };
    edited.nodes[0]!.name = 'Renamed';
    writeFileSync(out, JSON.stringify(edited));
    expect(await callError(api, 'hierarchy.import', { path: out })).toMatchObject({ kind: 'conflict', message: expect.stringContaining('--as') });
    writeFileSync(join(dir, 'broken.json'), '{"format":');
    expect(await callError(api, 'hierarchy.import', { path: join(dir, 'broken.json') })).toMatchObject({ kind: 'import', file: join(dir, 'broken.json') });
  });

  it('estimates a build over all tasks or a sample with the settings model', async () => {
    const all = await call(api, 'hierarchy.estimate', { config: {} });
    expect(all).toMatchObject({ model: 'claude-haiku-4-5', priceKnown: true });
    expect(all.baseTasks).toBeGreaterThan(17_000);
    const sample = await call(api, 'hierarchy.estimate', { config: { sampleSize: 500, levels: 3 } });
    expect(sample.baseTasks).toBe(500);
    expect(sample.targets[0]).toBe(500);
    expect(sample.costUsd).toBeLessThan(all.costUsd / 10);
  });

  it('lists conversation datasets and estimates a run, a trial run and an offline run', async () => {
    const datasets = await call(api, 'conversations.datasets', {});
    expect(datasets).toEqual([expect.objectContaining({ dataset: 'wildchat', files: ['wildchat_clean.part1.jsonl'], badRows: 0 })]);
    const n = datasets[0]!.conversations;
    const config = { name: 'est', datasets: ['wildchat'], hierarchyId: HIERARCHY_ID };
    const full = await call(api, 'classify.estimate', { config });
    expect(full).toMatchObject({ conversations: n, priceKnown: true });
    expect(full.calls).toBeGreaterThan(n * 4);
    const trial = await call(api, 'classify.estimate', { config: { ...config, limit: 50 } });
    expect(trial.conversations).toBe(50);
    expect(trial.costUsd).toBeCloseTo((full.costUsd * 50) / n, 6);
    const offline = await call(api, 'classify.estimate', { config: { ...config, method: 'offline-embedding' } });
    expect(offline).toMatchObject({ conversations: n, calls: 0, costUsd: 0 });
    expect(await callError(api, 'classify.estimate', { config: { ...config, hierarchyId: 'h-none' } })).toMatchObject({ kind: 'not-found', message: 'no hierarchy "h-none" in this project' });
    expect(await call(api, 'classify.runs', {})).toEqual([]);
  });

  it('starts, lists, refuses a second import, and dismisses jobs', async () => {
    const job = await call(api, 'jobs.start', { kind: 'conversations.import', args: { path: WILDCHAT, dataset: 'wild-2', format: 'wildchat' } });
    expect(job).toMatchObject({ kind: 'conversations.import', status: 'running', attempts: 1, label: 'Import conversations from wildchat_clean.part1.jsonl' });
    expect(await callError(api, 'jobs.start', { kind: 'conversations.import', args: { path: WILDCHAT } })).toMatchObject({ kind: 'conflict' });
    expect((await call(api, 'jobs.list', {}))[0]).toMatchObject({ id: job.id });
    await host.jobs.wait(job.id);
    expect(await callError(api, 'jobs.cancel', { id: job.id, mode: 'pause' })).toMatchObject({ kind: 'conflict' });
    expect(await callError(api, 'jobs.resume', { id: job.id })).toMatchObject({ kind: 'conflict' });
    expect(await callError(api, 'jobs.resume', { id: 'job-none' })).toMatchObject({ kind: 'not-found' });
    const listed = await call(api, 'jobs.list', {});
    expect(listed.find((j) => j.id === job.id)).toMatchObject({ status: 'done', result: expect.objectContaining({ dataset: 'wild-2' }) });
    expect(await call(api, 'jobs.dismiss', { id: job.id })).toEqual({ id: job.id });
    expect((await call(api, 'jobs.list', {})).some((j) => j.id === job.id)).toBe(false);
    const steps = await call(api, 'project.steps', {});
    expect(steps.conversations).toMatchObject({ state: 'done', summary: expect.stringMatching(/conversations in 2 datasets/) });
    expect(steps.hierarchy).toMatchObject({ state: 'done', hierarchies: 1 });
  });

  it('refuses to switch projects while a job runs', async () => {
    const job = await call(api, 'jobs.start', { kind: 'conversations.import', args: { path: WILDCHAT, dataset: 'wild-3' } });
    expect(await callError(api, 'project.create', { path: join(dir, 'other') })).toMatchObject({ kind: 'conflict' });
    await host.jobs.wait(job.id);
  });
});
