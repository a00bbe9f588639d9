// A run's classified conversations as the bootstrap resamples them: one entry per conversation
// (its task, pattern, skills and model as small integer codes) grouped into clusters — its account
// when the corpus has account ids, else itself. Read once; every replicate reweights these arrays.
import { Codes } from '../json-codes';

/** Conversations of a run in cluster order: cluster c owns entries start[c] .. start[c + 1] - 1. */
export interface RunSample {
  accountsKnown: boolean;
  /** Number of clusters; start has clusters + 1 entries. */
  clusters: number;
  start: Int32Array;
  /** Per cluster: 1 when it is an account (counts towards the account threshold), 0 for a lone conversation. */
  isAccount: Uint8Array;
  /** Per conversation: task code into taskText (-1: no task answer in the hierarchy). */
  task: Int32Array;
  /** Node id and name per task code (nodes sharing a text share one usage row later). */
  taskNode: string[];
  taskText: string[];
  /** Per conversation: pattern code (-1: no pattern answer). */
  pattern: Int32Array;
  patternNames: string[];
  /** Per conversation: model code (the conversation's own model, 'unknown' when absent). */
  model: Int32Array;
  modelNames: string[];
  /** Per conversation: index into skillLists (-1: no skills answer); an empty list is "none". */
  skills: Int32Array;
  /** Conversations an entry stands for: a cluster's identical answers are one entry (compress()). */
  count: Int32Array;
  skillLists: number[][];
  skillNames: string[];
}

/** A sample's conversations as read (parallel arrays, any order) and the names their codes index. */
export interface SampleRows {
  account: (string | null)[];
  task: number[];
  pattern: number[];
  skills: number[];
  model: (string | null)[];
  taskNode: string[];
  taskText: string[];
  patternNames: string[];
  /** Skills answers as stored: JSON lists of skill names. */
  skillValues: string[];
}

/** Groups conversations into clusters: accounts (in order of first sight), then each conversation without one. */
export function buildSample(rows: SampleRows): RunSample {
  const n = rows.account.length;
  const accounts = new Codes();
  const clusterOf = rows.account.map((a) => (a === null ? -1 : accounts.code(a)));
  let next = accounts.names.length;
  for (let i = 0; i < n; i++) if (clusterOf[i]! < 0) clusterOf[i] = next++;
  const order = clusterOf.map((_, i) => i).sort((a, b) => clusterOf[a]! - clusterOf[b]! || a - b);
  const models = new Codes();
  const skillNames = new Codes();
  const sample: RunSample = {
    accountsKnown: accounts.names.length > 0,
    clusters: next,
    start: new Int32Array(next + 1),
    isAccount: new Uint8Array(next).fill(1, 0, accounts.names.length),
    task: Int32Array.from(order, (e) => rows.task[e]!),
    taskNode: rows.taskNode,
    taskText: rows.taskText,
    pattern: Int32Array.from(order, (e) => rows.pattern[e]!),
    patternNames: rows.patternNames,
    model: Int32Array.from(order, (e) => models.code(rows.model[e] ?? 'unknown')),
    modelNames: models.names,
    skills: Int32Array.from(order, (e) => rows.skills[e]!),
    skillLists: rows.skillValues.map((v) => (JSON.parse(v) as string[]).map((s) => skillNames.code(s))),
    skillNames: skillNames.names,
    count: new Int32Array(n).fill(1),
  };
  for (const c of clusterOf) sample.start[c + 1]!++;
  for (let c = 0; c < next; c++) sample.start[c + 1] = sample.start[c + 1]! + sample.start[c]!;
  return compress(sample);
}

/**
 * Merges a cluster's conversations with the same task, pattern, model and skills into one entry
 * with a count: every replicate weighs them alike, and an account's repeated work is common, so
 * the bootstrap's per-replicate pass gets shorter without changing any count.
 */
export function compress(s: RunSample): RunSample {
  const n = s.task.length;
  const keep = new Int32Array(n);
  const count = new Int32Array(n);
  let kept = 0;
  const start = new Int32Array(s.clusters + 1);
  const keyOf = answerKey(s);
  const seen = new Map<number | string, number>();
  for (let c = 0; c < s.clusters; c++) {
    const from = s.start[c]!;
    const to = s.start[c + 1]!;
    // A lone conversation is its own entry: no key, no map (most clusters of a large corpus).
    if (to - from === 1) {
      keep[kept] = from;
      count[kept++] = 1;
    } else {
      seen.clear();
      for (let e = from; e < to; e++) {
        const key = keyOf(e);
        const at = seen.get(key);
        if (at !== undefined) count[at]!++;
        else {
          seen.set(key, kept);
          keep[kept] = e;
          count[kept++] = 1;
        }
      }
    }
    start[c + 1] = kept;
  }
  const pick = (a: Int32Array) => {
    const out = new Int32Array(kept);
    for (let k = 0; k < kept; k++) out[k] = a[keep[k]!]!;
    return out;
  };
  return { ...s, start, task: pick(s.task), pattern: pick(s.pattern), model: pick(s.model), skills: pick(s.skills), count: count.slice(0, kept) };
}

/** An entry's answers as one number when every combination fits in a double's integers, else as text. */
function answerKey(s: RunSample): (e: number) => number | string {
  const P = s.patternNames.length + 1;
  const M = s.modelNames.length + 1;
  const K = s.skillLists.length + 1;
  if ((s.taskNode.length + 1) * P * M * K >= Number.MAX_SAFE_INTEGER) {
    return (e) => `${s.task[e]},${s.pattern[e]},${s.model[e]},${s.skills[e]}`;
  }
  return (e) => (((s.task[e]! + 1) * P + s.pattern[e]! + 1) * M + s.model[e]!) * K + s.skills[e]! + 1;
}
