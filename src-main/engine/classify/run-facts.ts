// Everything a run's report counts, read in one pass. A run of a million conversations has three
// million outcome rows; joining them to conversations row by row (text keys, a lookup per row)
// took about a minute. Here each input is one ordered scan of a covering index (migration
// 0012_integer_keys), returned as a few long strings of integer keys rather than a million rows:
// the run's conversations with their account and model in key order, and its task and pattern
// outcomes grouped by value. Accounts and models are coded straight from the JSON text
// (json-codes.ts), and counting is done in typed arrays indexed by conversation key.
//
// Same meaning as the joins it replaces: a task outcome counts when its conversation is among the
// run's datasets (an inner join on the conversation), with that conversation's account and model,
// and its pattern outcome when there is one ('ok' rows only throughout).
import type { Db } from '../../db/open';
import type { ClassifyConfig } from './config';
import { codeJsonArray, Codes } from './json-codes';

export interface TaskFact {
  conversations: number;
  /** Distinct non-null accounts among those conversations. */
  accounts: number;
}

/** Conversations of one task answered by one model with one pattern (null: no pattern answer). */
export interface FactGroup {
  nodeId: string;
  model: string;
  pattern: string | null;
  n: number;
}

export interface RunFacts {
  /** Whether any conversation of the run's datasets names an account. */
  accountsKnown: boolean;
  /** Per task node id (every classified value, whether or not the hierarchy has it). */
  tasks: Map<string, TaskFact>;
  /** Ordered by node id, then model (binary order, as SQLite's GROUP BY gave them). */
  groups: FactGroup[];
  /** The same groups merged over patterns (pattern null), in the same order: the per-model analyses ignore the pattern. */
  byModel: FactGroup[];
}

const UNKNOWN_MODEL = 'unknown';

/** Integers of a comma-separated list (group_concat of integer keys). */
export function parseKeys(list: string | null, onKey: (key: number) => void): void {
  if (list === null) return;
  let v = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      onKey(v);
      v = 0;
    } else v = v * 10 + c - 48;
  }
  if (list.length > 0) onKey(v);
}

/** The run's conversations, by key: model code (-1: not in the run's datasets) and account code (-1: none). */
interface Conversations {
  min: number;
  model: Int32Array;
  account: Int32Array;
  models: Codes;
  accounts: number;
}

function loadConversations(db: Db, datasets: readonly string[]): Conversations {
  const [keys, accountsJson, modelsJson] = db
    .prepare(
      `SELECT group_concat(seq), json_group_array(account_id), json_group_array(model) FROM conversation
       WHERE dataset IN (${datasets.map(() => '?').join(', ')})`,
    )
    .raw()
    .get(...datasets) as [string | null, string, string];
  let n = 0;
  parseKeys(keys, () => n++);
  const seqs = new Int32Array(n);
  let min = Infinity;
  let max = -1;
  n = 0;
  parseKeys(keys, (k) => {
    seqs[n++] = k;
    if (k < min) min = k;
    if (k > max) max = k;
  });
  if (max < 0) min = 0;
  const size = max - min + 1;
  const out: Conversations = { min, model: new Int32Array(size).fill(-1), account: new Int32Array(size).fill(-1), models: new Codes(), accounts: 0 };
  // A conversation without a model counts under UNKNOWN_MODEL, like one whose model is named so.
  const unknown = out.models.code(UNKNOWN_MODEL);
  codeJsonArray(modelsJson, out.models, (i, m) => (out.model[(seqs[i] as number) - min] = m < 0 ? unknown : m));
  const accounts = new Codes();
  codeJsonArray(accountsJson, accounts, (i, a) => (out.account[(seqs[i] as number) - min] = a));
  out.accounts = accounts.names.length;
  return out;
}

/** value → comma-separated conversation keys of the run's 'ok' outcomes of a facet, in value order. */
export function outcomesByValue(db: Db, runId: string, facet: string): [string, string | null][] {
  return db
    .prepare(
      `SELECT value, group_concat(conversation_seq) FROM classification
       WHERE run_id = ? AND facet = ? AND status = 'ok' GROUP BY value ORDER BY value`,
    )
    .raw()
    .all(runId, facet) as [string, string | null][];
}

export function loadRunFacts(db: Db, cfg: Pick<ClassifyConfig, 'name' | 'datasets'>): RunFacts {
  const conv = loadConversations(db, cfg.datasets);
  const size = conv.model.length;
  const inRun = (s: number): number => (s >= conv.min && s - conv.min < size ? s - conv.min : -1);
  const patterns = new Codes();
  const patternOf = new Int32Array(size).fill(-1);
  for (const [pattern, keys] of outcomesByValue(db, cfg.name, 'pattern')) {
    const p = patterns.code(pattern);
    parseKeys(keys, (s) => {
      const i = inRun(s);
      if (i >= 0) patternOf[i] = p;
    });
  }
  const width = patterns.names.length + 1; // the last slot: no pattern
  const cells = new Int32Array(conv.models.names.length * width);
  const lastTask = new Int32Array(conv.accounts).fill(-1);
  const tasks = new Map<string, TaskFact>();
  const groups: FactGroup[] = [];
  const byModel: FactGroup[] = [];
  const modelOrder = conv.models.names.map((_, m) => m).sort((a, b) => binary(conv.models.names[a]!, conv.models.names[b]!));
  outcomesByValue(db, cfg.name, 'task').forEach(([nodeId, keys], t) => {
    const fact: TaskFact = { conversations: 0, accounts: 0 };
    parseKeys(keys, (s) => {
      const i = inRun(s);
      const m = i < 0 ? -1 : (conv.model[i] as number);
      if (m < 0) return;
      fact.conversations++;
      const p = patternOf[i] as number;
      const cell = m * width + (p < 0 ? width - 1 : p);
      cells[cell] = (cells[cell] as number) + 1;
      const a = conv.account[i] as number;
      if (a >= 0 && lastTask[a] !== t) {
        lastTask[a] = t;
        fact.accounts++;
      }
    });
    if (fact.conversations === 0) return;
    tasks.set(nodeId, fact);
    for (const m of modelOrder) {
      let total = 0;
      for (let p = 0; p < width; p++) {
        const n = cells[m * width + p] as number;
        if (n === 0) continue;
        groups.push({ nodeId, model: conv.models.names[m]!, pattern: p === width - 1 ? null : patterns.names[p]!, n });
        cells[m * width + p] = 0;
        total += n;
      }
      if (total > 0) byModel.push({ nodeId, model: conv.models.names[m]!, pattern: null, n: total });
    }
  });
  return { accountsKnown: conv.accounts > 0, tasks, groups, byModel };
}

/** SQLite's BINARY order for the ASCII/BMP text used as ids and model names. */
export function binary(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
