// Everything a run's report counts, read in one pass. A run of a million conversations has three
// million outcome rows; joining them to conversations row by row (text keys, a lookup per row)
// took about a minute. Here the conversations' accounts and models come as stored columns of
// integer codes by conversation key (conversation-columns.ts), and the run's task and pattern
// outcomes as stored groups of conversation keys by value (outcome-columns.ts), both typed arrays
// read back whole. Counting is done in typed arrays indexed by conversation key.
//
// Same meaning as the joins it replaces: a task outcome counts when its conversation is among the
// run's datasets (an inner join on the conversation), with that conversation's account and model,
// and its pattern outcome when there is one ('ok' rows only throughout).
import type { Db } from '../../db/open';
import type { ClassifyConfig } from './config';
import { conversationColumns, type ConversationColumns } from './conversation-columns';
import { classificationStamp, outcomeGroups, type OutcomeGroups } from './outcome-columns';

export interface TaskFact {
  conversations: number;
  /** Distinct non-null accounts among those conversations. */
  accounts: number;
}

/** Conversations of one task answered by one model (merged over patterns). */
export interface FactGroup {
  nodeId: string;
  model: string;
  n: number;
}

/** Conversations of one task with one pattern (null: no pattern answer), merged over models. */
export interface PatternGroup {
  nodeId: string;
  pattern: string | null;
  n: number;
}

export interface RunFacts {
  /** Whether any conversation of the run's datasets names an account. */
  accountsKnown: boolean;
  /** Per task node id (every classified value, whether or not the hierarchy has it). */
  tasks: Map<string, TaskFact>;
  /**
   * By task and pattern, ordered by node id then pattern (binary order, no pattern last): the
   * pattern analyses ignore the model, and a million conversations make some 6 groups per task
   * this way against 18 by task, model and pattern.
   */
  byPattern: PatternGroup[];
  /** By task and model, ordered by node id then model (binary order, as SQLite's GROUP BY gave them): the per-model analyses ignore the pattern. */
  byModel: FactGroup[];
}

/** `conv`: the run's conversation columns when the caller has read them already. */
export function loadRunFacts(db: Db, cfg: Pick<ClassifyConfig, 'name' | 'datasets'>, conv: ConversationColumns = conversationColumns(db, cfg.datasets)): RunFacts {
  const stamp = classificationStamp(db, cfg.name);
  const patterns = outcomeGroups(db, cfg.name, 'pattern', stamp);
  const width = patterns.values.length + 1; // the last slot: no pattern
  const rows = cellRows(conv, patterns, width);
  const cells = new Int32Array(conv.models.length * width);
  const out: RunFacts = { accountsKnown: conv.accounts > 0, tasks: new Map(), byPattern: [], byModel: [] };
  const modelOrder = conv.models.map((_, m) => m).sort((a, b) => binary(conv.models[a]!, conv.models[b]!));
  const tasks = outcomeGroups(db, cfg.name, 'task', stamp);
  const lastTask = new Int32Array(conv.accounts).fill(-1);
  for (let t = 0; t < tasks.values.length; t++) {
    const fact = countTask(tasks, t, conv.min, rows, cells, lastTask);
    if (fact.conversations === 0) continue;
    out.tasks.set(tasks.values[t]!, fact);
    drain(out, tasks.values[t]!, cells, width, conv.models, modelOrder, patterns.values);
  }
  return out;
}

/**
 * Task t's conversations in the run's datasets, into `cells` (model × pattern) and its count of
 * distinct accounts (lastTask: the last task each account was counted for). Locals only in the
 * loop: it runs once per classified conversation, reading one pair of `rows` at its key.
 */
function countTask(tasks: OutcomeGroups, t: number, min: number, rows: Int32Array, cells: Int32Array, lastTask: Int32Array): TaskFact {
  const { keys } = tasks;
  const end = tasks.offsets[t + 1]!;
  const size = rows.length / 2;
  let conversations = 0;
  let accounts = 0;
  for (let k = tasks.offsets[t]!; k < end; k++) {
    const i = keys[k]! - min;
    const cell = i >= 0 && i < size ? rows[2 * i]! : -1;
    if (cell < 0) continue;
    conversations++;
    cells[cell] = cells[cell]! + 1;
    const a = rows[2 * i + 1]!;
    if (a >= 0 && lastTask[a] !== t) {
      lastTask[a] = t;
      accounts++;
    }
  }
  return { conversations, accounts };
}

/**
 * Per conversation key - min, two numbers side by side: its cell (model × width + pattern code,
 * the last slot when it has no pattern; -1 outside the run's datasets) and its account code. A
 * task's conversations are spread over the whole key range, and one cache line per conversation
 * rather than one in each of three arrays made the count of a million about twice as fast.
 */
function cellRows(conv: ConversationColumns, patterns: OutcomeGroups, width: number): Int32Array {
  const size = conv.model.length;
  const patternOf = new Int32Array(size).fill(width - 1);
  for (let p = 0; p < patterns.values.length; p++) {
    for (let k = patterns.offsets[p]!; k < patterns.offsets[p + 1]!; k++) {
      const i = patterns.keys[k]! - conv.min;
      if (i >= 0 && i < size) patternOf[i] = p;
    }
  }
  const rows = new Int32Array(2 * size);
  for (let i = 0; i < size; i++) {
    const m = conv.model[i]!;
    rows[2 * i] = m < 0 ? -1 : m * width + patternOf[i]!;
    rows[2 * i + 1] = conv.account[i]!;
  }
  return rows;
}

/** One task's counts (cells: model × pattern, the last pattern slot: none) appended to both groupings, and zeroed. */
function drain(out: RunFacts, nodeId: string, cells: Int32Array, width: number, models: readonly string[], order: readonly number[], patterns: readonly string[]): void {
  for (const m of order) {
    let n = 0;
    for (let p = m * width; p < (m + 1) * width; p++) n += cells[p]!;
    if (n > 0) out.byModel.push({ nodeId, model: models[m]!, n });
  }
  for (let p = 0; p < width; p++) {
    let n = 0;
    for (let m = p; m < cells.length; m += width) {
      n += cells[m]!;
      cells[m] = 0;
    }
    if (n > 0) out.byPattern.push({ nodeId, pattern: p === width - 1 ? null : patterns[p]!, n });
  }
}

/** SQLite's BINARY order for the ASCII/BMP text used as ids and model names. */
export function binary(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
