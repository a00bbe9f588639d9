// One evaluation of every share of a run from its sample under cluster weights: the point estimate
// (every cluster once) or a bootstrap replicate (clusters drawn with replacement). The privacy
// thresholds are applied to each evaluation's own counts, as the report applies them to the data.
import { AUTOMATION_PATTERNS, COLLABORATION_PATTERNS, type CollaborationPattern } from '../../../../src-shared/taxonomy';
import { normaliseTask } from '../../analyze/occupations';
import type { RunSample } from './sample';
import type { ShareModel, ShareOutputs } from './share-model';

export interface Thresholds {
  minConversations: number;
  minAccounts: number;
}

/** Every share of one evaluation, as flat arrays in the order of their names (NaN: undefined here). */
export interface Evaluation extends ShareOutputs {
  /** COLLABORATION_PATTERNS over patterned conversations, then automation, then augmentation. */
  patterns: Float64Array;
  skills: Float64Array;
  models: Float64Array;
}

/** What one evaluation needs besides its weights; built once per run, with scratch space reused by every replicate. */
export interface Evaluator {
  sample: RunSample;
  model: ShareModel;
  thresholds: Thresholds;
  /** Task code → text index in model.texts; tasks are merged by text in node-id order. */
  textOf: Int32Array;
  taskOrder: Int32Array;
  /** Pattern code → COLLABORATION_PATTERNS slot (OTHER: "none" or another answer). */
  patternSlot: Int32Array;
  automation: Uint8Array;
  /** Skills answers flattened: answer k names skillFlat[skillStart[k] .. skillStart[k + 1] - 1]. */
  skillStart: Int32Array;
  skillFlat: Int32Array;
  scratch: Scratch;
}

/** Per-task tallies of one evaluation; patterns and models per task so the thresholds can apply after one pass. */
interface Scratch {
  // Integer weights, so 32-bit counts: half the memory of doubles keeps the tallies in cache.
  conv: Int32Array;
  acc: Int32Array;
  stamp: Int32Array;
  byPattern: Int32Array;
  byModel: Int32Array;
  skill: Int32Array;
}

const SLOTS = COLLABORATION_PATTERNS.length;
/** The slot of conversations without one of the five patterns. */
const OTHER = SLOTS;

/** The normalised texts of a sample's tasks, for compileShareModel. */
export function sampleTexts(sample: RunSample): string[] {
  return [...new Set(sample.taskText.map(normaliseTask))];
}

export function makeEvaluator(sample: RunSample, model: ShareModel, thresholds: Thresholds): Evaluator {
  const at = new Map(model.texts.map((t, i) => [t, i]));
  const taskOrder = Int32Array.from(sample.taskNode.map((_, i) => i).sort((a, b) => (sample.taskNode[a]! < sample.taskNode[b]! ? -1 : 1)));
  const slots = COLLABORATION_PATTERNS.map((p) => p as string);
  const T = sample.taskNode.length;
  const skillStart = new Int32Array(sample.skillLists.length + 1);
  sample.skillLists.forEach((l, k) => (skillStart[k + 1] = skillStart[k]! + l.length));
  return {
    sample,
    model,
    thresholds,
    textOf: Int32Array.from(sample.taskText, (t) => at.get(normaliseTask(t)) ?? -1),
    taskOrder,
    patternSlot: Int32Array.from(sample.patternNames, (p) => {
      const i = slots.indexOf(p.trim().toLowerCase());
      return i < 0 ? OTHER : i;
    }),
    automation: Uint8Array.from(COLLABORATION_PATTERNS, (p) => (AUTOMATION_PATTERNS.includes(p as CollaborationPattern) ? 1 : 0)),
    skillStart,
    skillFlat: Int32Array.from(sample.skillLists.flat()),
    scratch: {
      conv: new Int32Array(T),
      acc: new Int32Array(T),
      stamp: new Int32Array(T),
      byPattern: new Int32Array(T * (SLOTS + 2)),
      byModel: new Int32Array(T * sample.modelNames.length),
      skill: new Int32Array(sample.skillNames.length),
    },
  };
}

/**
 * One pass over the drawn clusters' conversations (`weight` per cluster, null: every cluster
 * once): per task its conversations, distinct accounts, patterns and models; skills overall.
 * This loop is the bootstrap's cost (B times the conversations), so it stays on typed arrays.
 */
function tally(ev: Evaluator, weight: Int32Array | null): number {
  const s = ev.sample;
  const { conv, acc, stamp, byPattern, byModel, skill } = ev.scratch;
  for (const a of [conv, acc, byPattern, byModel, skill]) a.fill(0);
  stamp.fill(-1);
  const W = SLOTS + 2; // five patterns, OTHER, and no pattern answer
  const M = s.modelNames.length;
  const { task, pattern, model, skills, start, isAccount, count } = s;
  const { patternSlot, skillStart, skillFlat } = ev;
  let skillRows = 0;
  for (let c = 0; c < s.clusters; c++) {
    const m = weight === null ? 1 : weight[c]!;
    if (m === 0) continue;
    const account = isAccount[c] === 1;
    for (let e = start[c]!, end = start[c + 1]!; e < end; e++) {
      const t = task[e]!;
      const w = m * count[e]!;
      if (t >= 0) {
        conv[t]! += w;
        // A drawn account counts once per draw towards each of its tasks' distinct accounts.
        if (account && stamp[t] !== c) {
          stamp[t] = c;
          acc[t]! += m;
        }
        const p = pattern[e]!;
        byPattern[t * W + (p < 0 ? SLOTS + 1 : patternSlot[p]!)]! += w;
        byModel[t * M + model[e]!]! += w;
      }
      const k = skills[e]!;
      if (k >= 0 && skillStart[k + 1]! > skillStart[k]!) {
        skillRows += w;
        for (let j = skillStart[k]!; j < skillStart[k + 1]!; j++) skill[skillFlat[j]!]! += w;
      }
    }
  }
  return skillRows;
}

export function evaluate(ev: Evaluator, weight: Int32Array | null): Evaluation {
  const s = ev.sample;
  const skillRows = tally(ev, weight);
  const { conv, acc, byPattern, byModel, skill } = ev.scratch;
  const { minConversations, minAccounts } = ev.thresholds;
  const W = SLOTS + 2;
  const M = s.modelNames.length;
  const pattern = new Float64Array(SLOTS);
  const models = new Float64Array(M);
  let total = 0;
  let modelTotal = 0;
  const kept: number[] = [];
  for (const t of ev.taskOrder) {
    if (!(conv[t]! >= minConversations && (!s.accountsKnown || acc[t]! >= minAccounts))) continue;
    kept.push(t);
    total += conv[t]!;
    for (let p = 0; p < SLOTS; p++) pattern[p]! += byPattern[t * W + p]!;
    for (let k = 0; k < M; k++) models[k]! += byModel[t * M + k]!;
    modelTotal += conv[t]!;
  }
  // taskShares (aggregate.ts): percent of kept conversations, merged by normalised text.
  const pct = new Float64Array(ev.model.texts.length);
  for (const t of kept) if (ev.textOf[t]! >= 0) pct[ev.textOf[t]!]! += total > 0 ? (100 * conv[t]!) / total : 0;
  return {
    ...ev.model.compute(pct),
    patterns: patternShares(ev, pattern),
    skills: Float64Array.from(skill, (n) => (skillRows > 0 ? (100 * n) / skillRows : NaN)),
    models: models.map((n) => (modelTotal > 0 ? (100 * n) / modelTotal : NaN)),
  };
}

/** Figure 7's split: "none" left out, the five patterns renormalised, then automation and augmentation. */
function patternShares(ev: Evaluator, counts: Float64Array): Float64Array {
  const patterned = counts.reduce((a, b) => a + b, 0);
  const out = new Float64Array(counts.length + 2).fill(NaN);
  if (patterned === 0) return out;
  let automation = 0;
  counts.forEach((n, i) => {
    out[i] = (100 * n) / patterned;
    if (ev.automation[i] === 1) automation += out[i]!;
  });
  out[counts.length] = automation;
  out[counts.length + 1] = 100 - automation;
  return out;
}
