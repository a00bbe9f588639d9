// Percentile bootstrap over a run's clusters (accounts, or conversations without account ids):
// B replicates each draw as many clusters as the run has, with replacement, from a seeded stream,
// re-evaluate every share (thresholds included) and keep the 2.5th and 97.5th percentiles. The
// same seed and sample give the same intervals on every machine.
import type { RunIntervals, ShareInterval, UncertaintySettings } from '../../../../src-shared/uncertainty';
import { COLLABORATION_PATTERNS, DEPTH_MARKS, JOB_ZONES } from '../../../../src-shared/taxonomy';
import { mulberry32 } from '../../cluster/seeding';
import { evaluate, type Evaluation, type Evaluator } from './estimates';

export const DEFAULT_REPLICATES = 1000;
export const DEFAULT_SEED = 1;
const LEVEL = 0.95;
/** Occupations and task statements given intervals: the largest by point share. */
export const TOP_ROWS = 50;

export interface BootstrapOptions {
  replicates: number;
  seed: number;
}

type Measure = keyof Evaluation;

/** Draws one replicate's cluster multiplicities into `into` (cleared first). */
export function drawClusters(clusters: number, rand: () => number, into: Int32Array): Int32Array {
  into.fill(0);
  for (let i = 0; i < clusters; i++) into[Math.floor(rand() * clusters)]!++;
  return into;
}

/** numpy's default (linear) quantile of sorted values. */
export function quantile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Which entries of each measure get an interval, with their keys and labels. */
interface Slot {
  measure: Measure;
  index: number;
  key: string;
  label: string;
}

function slots(ev: Evaluator, point: Evaluation, groupLabel: (code: string) => string): Map<keyof RunIntervals, Slot[]> {
  const { model, sample } = ev;
  const all = (measure: Measure, names: readonly string[], label = (i: number) => names[i]!): Slot[] =>
    names.map((key, index) => ({ measure, index, key, label: label(index) })).filter((s) => Number.isFinite(point[measure][s.index]));
  const positive = (s: Slot): boolean => point[s.measure][s.index]! > 0;
  const byPoint = (list: Slot[]): Slot[] => [...list].sort((a, b) => point[b.measure][b.index]! - point[a.measure][a.index]! || a.key.localeCompare(b.key));
  const top = (list: Slot[]): Slot[] => byPoint(list).slice(0, TOP_ROWS);
  const zoneKeys = model.zoneVariants.flatMap((v) => JOB_ZONES.map((z) => `${v}:${z}`));
  return new Map<keyof RunIntervals, Slot[]>([
    ['categories', byPoint(all('categories', model.groups, (i) => groupLabel(model.groups[i]!)))],
    // Privacy: only what the report itself lists — occupations, tasks and models with kept usage.
    ['occupations', top(all('occupations', model.occupations).filter(positive))],
    ['tasks', top(all('tasks', model.taskTexts).filter(positive))],
    ['depth', all('depth', DEPTH_MARKS.map(String), (i) => `≥${DEPTH_MARKS[i]! * 100}% of tasks`)],
    ['jobZones', all('jobZones', zoneKeys)],
    ['patterns', all('patterns', [...COLLABORATION_PATTERNS, 'automation', 'augmentation'])],
    ['skills', byPoint(all('skills', sample.skillNames))],
    ['models', byPoint(all('models', sample.modelNames).filter(positive))],
  ]);
}

export interface BootstrapResult {
  uncertainty: UncertaintySettings;
  intervals: RunIntervals;
  point: Evaluation;
}

export function bootstrap(ev: Evaluator, opts: BootstrapOptions, groupLabel: (code: string) => string = (c) => `SOC ${c}`): BootstrapResult {
  const point = evaluate(ev, null);
  const chosen = slots(ev, point, groupLabel);
  const flat = [...chosen.values()].flat();
  const draws = flat.map(() => new Float64Array(opts.replicates));
  const rand = mulberry32(opts.seed);
  const weights = new Int32Array(ev.sample.clusters);
  for (let b = 0; b < opts.replicates; b++) {
    const r = evaluate(ev, drawClusters(ev.sample.clusters, rand, weights));
    flat.forEach((s, i) => (draws[i]![b] = r[s.measure][s.index]!));
  }
  const intervalOf = new Map<Slot, ShareInterval>();
  flat.forEach((s, i) => {
    // A replicate where a share is undefined (no patterned conversation drawn) has no value for it.
    const values = draws[i]!.filter((v) => Number.isFinite(v)).sort();
    intervalOf.set(s, { key: s.key, label: s.label, pct: point[s.measure][s.index]!, ciLow: quantile(values, (1 - LEVEL) / 2), ciHigh: quantile(values, (1 + LEVEL) / 2) });
  });
  // A share no replicate could evaluate has no interval rather than a made-up one (JSON has no NaN).
  const list = (m: keyof RunIntervals): ShareInterval[] =>
    (chosen.get(m) ?? []).map((s) => intervalOf.get(s)!).filter((i) => Number.isFinite(i.ciLow) && Number.isFinite(i.ciHigh));
  return {
    point,
    uncertainty: {
      method: 'percentile bootstrap',
      replicates: opts.replicates,
      seed: opts.seed,
      clusteredBy: ev.sample.accountsKnown ? 'account' : 'conversation',
      clusters: ev.sample.clusters,
      level: LEVEL,
    },
    intervals: {
      categories: list('categories'),
      occupations: list('occupations'),
      tasks: list('tasks'),
      depth: list('depth'),
      jobZones: list('jobZones'),
      patterns: list('patterns'),
      skills: list('skills'),
      models: list('models'),
    },
  };
}
