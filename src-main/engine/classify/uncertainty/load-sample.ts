// A run's bootstrap sample read from its stored columns (conversation-columns.ts, outcome-columns.ts)
// rather than from its classification rows one by one: at 1M conversations the row-by-row read took
// 11 s (three million rows through JavaScript, a million string keys), this about a second.
//
// Same sample as before: every conversation of the run's datasets with any classification row,
// its task (an 'ok' answer the hierarchy has), pattern and skills answers, its model ('unknown'
// when none) and its account; clusters are accounts in order of first sight, then each
// conversation without one, conversations taken in key order.
import type { Db } from '../../../db/open';
import type { ClassifyConfig } from '../config';
import { conversationColumns, type ConversationColumns } from '../conversation-columns';
import { ANY_ROW, classificationStamp, outcomeGroups, type OutcomeGroups } from '../outcome-columns';
import { compress, type RunSample } from './sample';

/** Per conversation (key - conv.min), the index of its group in `groups` (-1: none), for groups `keep` accepts. */
function codesOf(groups: OutcomeGroups, conv: ConversationColumns, keep: (value: string) => boolean): { of: Int32Array; names: string[] } {
  const of = new Int32Array(conv.model.length).fill(-1);
  const names: string[] = [];
  groups.values.forEach((value, g) => {
    if (!keep(value)) return;
    const code = names.push(value) - 1;
    for (let k = groups.offsets[g]!; k < groups.offsets[g + 1]!; k++) {
      const i = groups.keys[k]! - conv.min;
      if (i >= 0 && i < of.length) of[i] = code;
    }
  });
  return { of, names };
}

/** New codes in order of first sight for the columns' model or account codes; `of` maps old to new (-1: unseen). */
function firstSight(size: number): { code: (c: number) => number; count: () => number; of: Int32Array } {
  const of = new Int32Array(size).fill(-1);
  let n = 0;
  return { code: (c) => (of[c]! < 0 ? (of[c] = n++) : of[c]!), count: () => n, of };
}

interface Answers {
  task: { of: Int32Array; names: string[] };
  pattern: { of: Int32Array; names: string[] };
  skills: { of: Int32Array; names: string[] };
}

/** The sample's arrays for the conversations in `order` (column indexes, cluster by cluster). */
function fromColumns(order: Int32Array, a: Answers, shape: Pick<RunSample, 'clusters' | 'start' | 'model' | 'modelNames'> & { accounts: number }, nodes: Map<string, string>): RunSample {
  const skillNames: string[] = [];
  const skillCode = new Map<string, number>();
  const code = (s: string) => skillCode.get(s) ?? (skillCode.set(s, skillNames.push(s) - 1), skillNames.length - 1);
  return {
    accountsKnown: shape.accounts > 0,
    clusters: shape.clusters,
    start: shape.start,
    isAccount: new Uint8Array(shape.clusters).fill(1, 0, shape.accounts),
    task: order.map((i) => a.task.of[i]!),
    taskNode: a.task.names,
    taskText: a.task.names.map((id) => nodes.get(id)!),
    pattern: order.map((i) => a.pattern.of[i]!),
    patternNames: a.pattern.names,
    model: shape.model,
    modelNames: shape.modelNames,
    skills: order.map((i) => a.skills.of[i]!),
    skillLists: a.skills.names.map((v) => (JSON.parse(v) as string[]).map(code)),
    skillNames,
    count: new Int32Array(order.length).fill(1),
  };
}

export function loadRunSample(db: Db, cfg: Pick<ClassifyConfig, 'name' | 'datasets' | 'hierarchyId'>, conv: ConversationColumns = conversationColumns(db, cfg.datasets)): RunSample {
  const nodes = new Map(db.prepare('SELECT node_id, name FROM hierarchy_node WHERE hierarchy_id = ?').raw().all(cfg.hierarchyId) as [string, string][]);
  const stamp = classificationStamp(db, cfg.name);
  const task = codesOf(outcomeGroups(db, cfg.name, 'task', stamp), conv, (v) => nodes.has(v));
  // An 'ok' row stored without a value is no answer.
  const pattern = codesOf(outcomeGroups(db, cfg.name, 'pattern', stamp), conv, (v) => v !== null);
  const skills = codesOf(outcomeGroups(db, cfg.name, 'skills', stamp), conv, (v) => v !== null);
  // The run's conversations in key order: any row, in the datasets.
  const rows = outcomeGroups(db, cfg.name, ANY_ROW, stamp).keys
    .map((k) => k - conv.min)
    .filter((i) => i >= 0 && i < conv.model.length && conv.model[i]! >= 0);
  const accounts = firstSight(Math.max(conv.accounts, 1));
  const clusterOf = new Int32Array(rows.length);
  rows.forEach((i, e) => (clusterOf[e] = conv.account[i]! < 0 ? -1 : accounts.code(conv.account[i]!)));
  let clusters = accounts.count();
  for (let e = 0; e < rows.length; e++) if (clusterOf[e]! < 0) clusterOf[e] = clusters++;
  // Entries by cluster, in key order within each (a counting sort).
  const start = new Int32Array(clusters + 1);
  for (const c of clusterOf) start[c + 1]!++;
  for (let c = 0; c < clusters; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const order = new Int32Array(rows.length);
  const next = start.slice(0, clusters);
  clusterOf.forEach((c, e) => (order[next[c]!++] = rows[e]!));
  const models = firstSight(conv.models.length);
  const model = order.map((i) => models.code(conv.model[i]!));
  const modelNames: string[] = new Array<string>(models.count());
  models.of.forEach((at, m) => at >= 0 && (modelNames[at] = conv.models[m]!));
  return compress(fromColumns(order, { task, pattern, skills }, { clusters, start, accounts: accounts.count(), model, modelNames }, nodes));
}
