// The bootstrap's sample read from the stored columns (uncertainty/load-sample.ts) against the
// row-by-row read it replaced: every classification row of the run joined to its conversation in
// SQL. A random run with the awkward cases: accounts and models missing, answers that are not
// 'ok', tasks the hierarchy does not have, conversations with only a screened-out row, rows
// without their conversation key, conversations of a dataset the run does not cover.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/db/open';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { resolveConfig } from '../../src-main/engine/classify/run';
import { mulberry32 } from '../../src-main/engine/hierarchy/random';
import { buildSample, type RunSample, type SampleRows } from '../../src-main/engine/classify/uncertainty/sample';
import { loadRunSample } from '../../src-main/engine/classify/uncertainty/load-sample';
import { COLLABORATION_PATTERNS } from '../../src-shared/taxonomy';

const NODES = Array.from({ length: 30 }, (_, i) => `n-${String(i).padStart(2, '0')}`);
let db: Db;

function seed(): void {
  importHierarchy(db, 'h.json', {
    format: 'task-atlas.hierarchy', version: 1, id: 'h', name: 'h', config: { taskDataset: 'x' }, createdAt: '',
    nodes: [{ id: 'top', level: 1, name: 'Top', description: '', parent: null }, ...NODES.map((id) => ({ id, level: 0, name: `Task ${id}`, description: '', parent: 'top' }))],
  });
  for (const run of ['one', 'two']) db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES (?, '{}', 'complete', '', '')").run(run);
  for (const d of ['a', 'b', 'other']) {
    db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES (?, ?, 'f', 'jsonl', '', 'complete', '')").run(`i-${d}`, d);
  }
  const rand = mulberry32(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const conv = db.prepare("INSERT INTO conversation (id, dataset, account_id, model, messages_json, turns, chars, import_id) VALUES (?, ?, ?, ?, '[]', 1, 1, ?)");
  const put = db.prepare('INSERT INTO classification (run_id, conversation_id, conversation_seq, facet, status, value) VALUES (?, ?, (SELECT seq FROM conversation WHERE id = ?), ?, ?, ?)');
  for (let i = 0; i < 2500; i++) {
    const id = `c${i}`;
    const dataset = pick(['a', 'a', 'b', 'other']);
    conv.run(id, dataset, rand() < 0.15 ? null : `acct-${Math.floor(rand() ** 2 * 80)}`, pick([null, 'unknown', 'm-1', 'm-2']), `i-${dataset}`);
    for (const run of ['one', 'two']) {
      if (rand() < 0.1) {
        put.run(run, id, id, 'screening', 'screened-out', 'no');
        continue;
      }
      const ok = rand() < 0.85;
      put.run(run, id, id, 'task', ok ? 'ok' : 'unclassified', ok ? (rand() < 0.05 ? 'not-in-hierarchy' : pick(NODES)) : null);
      if (rand() < 0.8) put.run(run, id, id, 'pattern', rand() < 0.9 ? 'ok' : 'unclassified', pick([...COLLABORATION_PATTERNS, 'none']));
      if (rand() < 0.7) put.run(run, id, id, 'skills', 'ok', JSON.stringify(rand() < 0.1 ? [] : [pick(['Writing', 'Programming', 'Critical Thinking'])]));
    }
  }
  // A row whose conversation is not in the project: no key.
  put.run('one', 'ghost', 'ghost', 'task', 'ok', NODES[0]!);
}

/** The row-by-row read the columns replaced, in conversation key order (as the columns give them). */
function reference(run: string, datasets: string[]): RunSample {
  const nodes = new Map(db.prepare("SELECT node_id, name FROM hierarchy_node WHERE hierarchy_id = 'h'").raw().all() as [string, string][]);
  const names = { task: [] as string[], pattern: [] as string[], skills: [] as string[] };
  const code = (list: string[], v: string) => (list.includes(v) ? list.indexOf(v) : list.push(v) - 1);
  const byKey = new Map<number, { task: number; pattern: number; skills: number }>();
  const rows = db.prepare('SELECT conversation_seq, facet, status, value FROM classification WHERE run_id = ? AND conversation_seq IS NOT NULL ORDER BY conversation_seq').raw().all(run) as [number, string, string, string | null][];
  for (const [seq, facet, status, value] of rows) {
    const o = byKey.get(seq) ?? { task: -1, pattern: -1, skills: -1 };
    byKey.set(seq, o);
    if (status !== 'ok' || value === null) continue;
    if (facet === 'task' && nodes.has(value)) o.task = code(names.task, value);
    if (facet === 'pattern') o.pattern = code(names.pattern, value);
    if (facet === 'skills') o.skills = code(names.skills, value);
  }
  const sample: SampleRows = { account: [], task: [], pattern: [], skills: [], model: [], taskNode: names.task, taskText: names.task.map((id) => nodes.get(id)!), patternNames: names.pattern, skillValues: names.skills };
  const convs = db.prepare(`SELECT seq, account_id, model FROM conversation WHERE dataset IN (${datasets.map(() => '?').join(', ')}) ORDER BY seq`).raw().all(...datasets) as [number, string | null, string | null][];
  for (const [seq, account, model] of convs) {
    const o = byKey.get(seq);
    if (o === undefined) continue;
    sample.account.push(account);
    sample.model.push(model);
    sample.task.push(o.task);
    sample.pattern.push(o.pattern);
    sample.skills.push(o.skills);
  }
  return buildSample(sample);
}

/** Each entry with its answers as names, cluster by cluster: codes may be numbered differently. */
function named(s: RunSample) {
  const entries: string[][] = [];
  for (let c = 0; c < s.clusters; c++) {
    const cluster: string[] = [];
    for (let e = s.start[c]!; e < s.start[c + 1]!; e++) {
      const skills = s.skills[e]! < 0 ? null : s.skillLists[s.skills[e]!]!.map((k) => s.skillNames[k]);
      cluster.push(JSON.stringify([s.taskNode[s.task[e]!] ?? null, s.patternNames[s.pattern[e]!] ?? null, s.modelNames[s.model[e]!], skills, s.count[e], s.isAccount[c]]));
    }
    entries.push(cluster);
  }
  return entries;
}

beforeAll(() => {
  db = openDatabase(':memory:');
  seed();
});
afterAll(() => db.close());

describe('the bootstrap sample from stored columns', () => {
  for (const [run, datasets] of [['one', ['a']], ['one', ['a', 'b']], ['two', ['b', 'a']]] as const) {
    it(`is the row-by-row sample, cluster by cluster (run ${run}, datasets ${datasets.join(', ')})`, () => {
      const cfg = resolveConfig({ name: run, datasets: [...datasets], hierarchyId: 'h' });
      const fromColumns = loadRunSample(db, cfg);
      const ref = reference(run, [...datasets]);
      expect(fromColumns.clusters).toBe(ref.clusters);
      expect(fromColumns.accountsKnown).toBe(true);
      expect(named(fromColumns)).toEqual(named(ref));
      // And again from the stored columns, not the tables.
      expect(named(loadRunSample(db, cfg))).toEqual(named(ref));
    });
  }

  it('merges a cluster’s identical answers into one weighted entry', () => {
    const s = loadRunSample(db, resolveConfig({ name: 'one', datasets: ['a', 'b'], hierarchyId: 'h' }));
    const total = s.count.reduce((a, b) => a + b, 0);
    expect(s.count.length).toBeLessThan(total);
    expect(total).toBe(db.prepare("SELECT count(DISTINCT c.conversation_seq) FROM classification c JOIN conversation v ON v.seq = c.conversation_seq WHERE c.run_id = 'one' AND v.dataset IN ('a', 'b')").pluck().get());
  });
});
