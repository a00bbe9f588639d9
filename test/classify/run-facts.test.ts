// The one-pass aggregation (run-facts.ts) against the straightforward computation it replaced:
// text joins of classification rows to conversations, GROUP BY in SQL. A random run with the
// awkward cases mixed in: two datasets, accounts and models missing, a model literally named
// "unknown", outcomes that are not 'ok', tasks without a pattern, task values the hierarchy does
// not have, conversations of another dataset, and classification rows written without their key
// (filled by the trigger).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/db/open';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { resolveConfig } from '../../src-main/engine/classify/run';
import { countTasks } from '../../src-main/engine/classify/aggregate';
import { loadRunFacts } from '../../src-main/engine/classify/run-facts';
import { mulberry32 } from '../../src-main/engine/hierarchy/random';
import { COLLABORATION_PATTERNS } from '../../src-shared/taxonomy';

const cfg = resolveConfig({ name: 'r', datasets: ['a', 'b'], hierarchyId: 'h', thresholds: { minConversations: 30, minAccounts: 20 } });
const NODES = Array.from({ length: 40 }, (_, i) => `n-${String(i).padStart(2, '0')}`);
let db: Db;

function seed(): void {
  importHierarchy(db, 'h.json', {
    format: 'task-atlas.hierarchy', version: 1, id: 'h', name: 'h', config: { taskDataset: 'x' }, createdAt: '',
    nodes: [{ id: 'top', level: 1, name: 'Top', description: '', parent: null }, ...NODES.map((id) => ({ id, level: 0, name: `Task ${id}`, description: '', parent: 'top' }))],
  });
  db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES ('r', ?, 'complete', '', '')").run(JSON.stringify(cfg));
  const rand = mulberry32(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const conv = db.prepare("INSERT INTO conversation (id, dataset, account_id, model, messages_json, turns, chars, import_id) VALUES (?, ?, ?, ?, '[]', 1, 1, ?)");
  const keyed = db.prepare(
    "INSERT INTO classification (run_id, conversation_id, conversation_seq, facet, status, value) VALUES ('r', ?, (SELECT seq FROM conversation WHERE id = ?), ?, ?, ?)",
  );
  const unkeyed = db.prepare("INSERT INTO classification (run_id, conversation_id, facet, status, value) VALUES ('r', ?, ?, ?, ?)");
  for (const d of ['a', 'b', 'other']) {
    db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES (?, ?, 'f', 'jsonl', '', 'complete', '')").run(`i-${d}`, d);
  }
  for (let i = 0; i < 3000; i++) {
    const id = `c${i}`;
    const dataset = pick(['a', 'a', 'b', 'other']);
    conv.run(id, dataset, rand() < 0.1 ? null : `acct-${Math.floor(rand() ** 2 * 60)}`, pick([null, 'unknown', 'm-1', 'm-2', 'm-3']), `i-${dataset}`);
    const put = (facet: string, status: string, value: string | null): void => {
      if (rand() < 0.3) unkeyed.run(id, facet, status, value);
      else keyed.run(id, id, facet, status, value);
    };
    const ok = rand() < 0.85;
    put('task', ok ? 'ok' : 'unclassified', ok ? (rand() < 0.05 ? 'not-in-hierarchy' : NODES[Math.floor(rand() ** 2 * NODES.length)]!) : null);
    if (rand() < 0.8) put('pattern', rand() < 0.9 ? 'ok' : 'unclassified', pick([...COLLABORATION_PATTERNS, 'none']));
  }
}

/** The text joins the report used before run-facts.ts (aggregate.ts, report.ts, levels.ts). */
function reference() {
  const tasks = db
    .prepare(
      `SELECT c.value AS nodeId, n.name AS task, count(*) AS conversations, count(DISTINCT v.account_id) AS accounts
       FROM classification c JOIN conversation v ON v.id = c.conversation_id
       JOIN hierarchy_node n ON n.hierarchy_id = 'h' AND n.node_id = c.value
       WHERE c.run_id = 'r' AND c.facet = 'task' AND c.status = 'ok' AND v.dataset IN ('a', 'b') GROUP BY c.value ORDER BY c.value`,
    )
    .all() as { nodeId: string; task: string; conversations: number; accounts: number }[];
  const groups = db
    .prepare(
      `SELECT t.value AS nodeId, coalesce(v.model, 'unknown') AS model, p.value AS pattern, count(*) AS n FROM classification t
       JOIN conversation v ON v.id = t.conversation_id
       LEFT JOIN classification p ON p.run_id = t.run_id AND p.conversation_id = t.conversation_id AND p.facet = 'pattern' AND p.status = 'ok'
       WHERE t.run_id = 'r' AND t.facet = 'task' AND t.status = 'ok' AND v.dataset IN ('a', 'b') GROUP BY 1, 2, 3`,
    )
    .all() as { nodeId: string; model: string; pattern: string | null; n: number }[];
  return { tasks, groups };
}

beforeAll(() => {
  db = openDatabase(':memory:');
  seed();
});
afterAll(() => db.close());

describe('run facts', () => {
  it('the trigger gives every classification row its conversation key', () => {
    const missing = db.prepare("SELECT count(*) FROM classification WHERE run_id = 'r' AND conversation_seq IS NULL").pluck().get();
    expect(missing).toBe(0);
    const wrong = db.prepare('SELECT count(*) FROM classification c JOIN conversation v ON v.id = c.conversation_id WHERE v.seq <> c.conversation_seq').pluck().get();
    expect(wrong).toBe(0);
  });

  it('counts tasks, distinct accounts and thresholds exactly as the text joins', () => {
    const ref = reference();
    expect(ref.tasks.length).toBeGreaterThan(30);
    const { tasks, accountsKnown } = countTasks(db, cfg);
    expect(accountsKnown).toBe(true);
    expect(tasks).toEqual(ref.tasks.map((t) => ({ ...t, kept: t.conversations >= 30 && t.accounts >= 20 })));
    expect(tasks.some((t) => !t.kept) && tasks.some((t) => t.kept)).toBe(true);
  });

  it('groups conversations by task and pattern exactly as the text joins', () => {
    const facts = loadRunFacts(db, cfg);
    const merged = new Map<string, number>();
    for (const g of reference().groups) merged.set(`${g.nodeId}|${g.pattern}`, (merged.get(`${g.nodeId}|${g.pattern}`) ?? 0) + g.n);
    expect(new Map(facts.byPattern.map((g) => [`${g.nodeId}|${g.pattern}`, g.n]))).toEqual(merged);
    expect(facts.byPattern.some((g) => g.pattern === null)).toBe(true);
    // Ordered by node id, then pattern, no pattern last.
    const order = facts.byPattern.map((g) => [g.nodeId, g.pattern ?? '\uffff'].join('|'));
    expect(order).toEqual([...order].sort());
  });

  it('groups conversations by task and model, in node id then model order', () => {
    const facts = loadRunFacts(db, cfg);
    const merged = new Map<string, number>();
    for (const g of reference().groups) merged.set(`${g.nodeId}|${g.model}`, (merged.get(`${g.nodeId}|${g.model}`) ?? 0) + g.n);
    expect(facts.byModel.map((g) => [`${g.nodeId}|${g.model}`, g.n])).toEqual([...merged].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  });

  it('reads the stored columns once written, and reads afresh after the run or a dataset changes', () => {
    const before = loadRunFacts(db, cfg);
    expect(db.prepare('SELECT count(*) FROM conversation_columns').pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM outcome_columns WHERE run_id = 'r'").pluck().get()).toBe(2);
    expect(loadRunFacts(db, cfg)).toEqual(before);
    // A new answer (INSERT OR REPLACE, as the run writer does) and a new conversation.
    const first = db.prepare("SELECT conversation_id FROM classification WHERE run_id = 'r' AND facet = 'task' AND status = 'ok' AND value = 'n-00' LIMIT 1").pluck().get() as string;
    db.prepare("INSERT OR REPLACE INTO classification (run_id, conversation_id, facet, status, value) VALUES ('r', ?, 'task', 'ok', 'n-39')").run(first);
    db.prepare("INSERT INTO conversation (id, dataset, account_id, model, messages_json, turns, chars, import_id) VALUES ('late', 'a', 'acct-new', 'm-9', '[]', 1, 1, 'i-a')").run();
    db.prepare("INSERT INTO classification (run_id, conversation_id, facet, status, value) VALUES ('r', 'late', 'task', 'ok', 'n-39')").run();
    const after = loadRunFacts(db, cfg);
    expect(after.tasks.get('n-00')!.conversations).toBe(before.tasks.get('n-00')!.conversations - 1);
    expect(after.tasks.get('n-39')!.conversations).toBe((before.tasks.get('n-39')?.conversations ?? 0) + 2);
    expect(after.byModel.some((g) => g.model === 'm-9' && g.nodeId === 'n-39')).toBe(true);
    expect(countTasks(db, cfg, after).tasks).toEqual(countTasks(db, cfg).tasks);
    const ref = reference();
    expect(countTasks(db, cfg).tasks.map((t) => [t.nodeId, t.conversations, t.accounts])).toEqual(ref.tasks.map((t) => [t.nodeId, t.conversations, t.accounts]));
  });

  it('a run whose conversations name no account does not apply the account threshold', () => {
    const none = resolveConfig({ ...cfg, name: 'r', datasets: ['empty'] });
    expect(loadRunFacts(db, none)).toEqual({ accountsKnown: false, tasks: new Map(), byPattern: [], byModel: [] });
  });
});
