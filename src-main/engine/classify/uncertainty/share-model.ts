// The paper's task-share analyses (analyze/occupations.ts, depth.ts, jobzones.ts) compiled once
// into integer indexes, so that a bootstrap replicate recomputes them from a vector of task shares
// in one pass over the O*NET task rows. Same arithmetic, in the same row order, as the analyses the
// report prints — a test holds the point estimate to them at 1e-9.
import type { AnalysisInputs } from '../../analyze/inputs';
import { majorGroupOf, normaliseTask } from '../../analyze/occupations';
import { shareAtLeast } from '../../analyze/depth';
import { zoneVariants } from '../../analyze/jobzones';
import type { JobZoneVariant } from '../../../../src-shared/report';
import { DEPTH_MARKS, JOB_ZONES } from '../../../../src-shared/taxonomy';

/** Distinct values of a key, as indexes in order of first sight. */
function indexer(): { of: (k: string) => number; names: string[] } {
  const names: string[] = [];
  const at = new Map<string, number>();
  return {
    names,
    of: (k) => {
      let i = at.get(k);
      if (i === undefined) {
        i = names.length;
        at.set(k, i);
        names.push(k);
      }
      return i;
    },
  };
}

export interface ShareOutputs {
  /** Percent of usage per major group (index into ShareModel.groups). */
  categories: Float64Array;
  occupations: Float64Array;
  /** Percent of usage per original task statement text (Figure 13's rows). */
  tasks: Float64Array;
  /** Percent of occupations reaching each DEPTH_MARKS mark. */
  depth: Float64Array;
  /** Conv. % per variant (ShareModel.zoneVariants) and zone (JOB_ZONES order), flattened. */
  jobZones: Float64Array;
}

export interface ShareModel {
  /** Normalised usage texts: the index of a task share given to compute(). */
  texts: string[];
  groups: string[];
  occupations: string[];
  taskTexts: string[];
  zoneVariants: JobZoneVariant[];
  compute(pctByText: Float64Array): ShareOutputs;
}

interface Rows {
  text: Int32Array;
  /** Distinct occupation titles sharing the row's text (the release's n_occurrences). */
  occ: Float64Array;
  group: Int32Array;
  occupation: Int32Array;
  taskText: Int32Array;
  code: Int32Array;
  codes: number;
}

function compileRows(inputs: Pick<AnalysisInputs, 'tasks'>, textIndex: Map<string, number>): Rows & { keys: string[]; groups: string[]; occupations: string[]; taskTexts: string[]; codeNames: string[] } {
  const { tasks } = inputs;
  const keys = tasks.map((t) => normaliseTask(t.task));
  const titles = new Map<string, Set<string>>();
  tasks.forEach((t, i) => (titles.get(keys[i]!) ?? titles.set(keys[i]!, new Set()).get(keys[i]!)!).add(t.title));
  const groups = indexer();
  const occupations = indexer();
  const taskTexts = indexer();
  const codes = indexer();
  const n = tasks.length;
  const rows = { text: new Int32Array(n), occ: new Float64Array(n), group: new Int32Array(n), occupation: new Int32Array(n), taskText: new Int32Array(n), code: new Int32Array(n), codes: 0 };
  tasks.forEach((t, i) => {
    rows.text[i] = textIndex.get(keys[i]!) ?? -1;
    rows.occ[i] = titles.get(keys[i]!)!.size;
    rows.group[i] = groups.of(majorGroupOf(t.code));
    rows.occupation[i] = occupations.of(t.title);
    rows.taskText[i] = taskTexts.of(t.task);
    rows.code[i] = codes.of(t.code);
  });
  rows.codes = codes.names.length;
  return { ...rows, keys, groups: groups.names, occupations: occupations.names, taskTexts: taskTexts.names, codeNames: codes.names };
}

export function compileShareModel(inputs: AnalysisInputs, texts: readonly string[]): ShareModel {
  const textIndex = new Map(texts.map((t, i) => [t, i]));
  const rows = compileRows(inputs, textIndex);
  // The report's Table 2 variants, in its order (analyze/jobzones.ts).
  const variants = zoneVariants(inputs);
  const zoneSlot = new Map<number, number>(JOB_ZONES.map((z, i) => [z, i]));
  // Per variant and row: (slot, weight) pairs, flattened; a row's pairs start at zoneStart.
  const zones = variants.map(({ lookup }) => {
    const start = new Int32Array(rows.code.length + 1);
    const slot: number[] = [];
    const weight: number[] = [];
    rows.code.forEach((c, i) => {
      for (const z of lookup(rows.codeNames[c]!, rows.keys[i]!)) {
        slot.push(zoneSlot.get(z.zone) ?? -1);
        weight.push(z.weight);
      }
      start[i + 1] = slot.length;
    });
    return { start, slot: Int32Array.from(slot), weight: Float64Array.from(weight) };
  });
  const Z = JOB_ZONES.length;
  const n = rows.text.length;
  const rowPct = new Float64Array(n);
  const used = new Int32Array(rows.codes);
  const totals = new Int32Array(rows.codes);
  for (let i = 0; i < n; i++) totals[rows.code[i]!]!++;
  return {
    texts: [...texts],
    groups: rows.groups,
    occupations: rows.occupations,
    taskTexts: rows.taskTexts,
    zoneVariants: variants.map((v) => v.variant),
    compute(pct) {
      // splitAcrossOccupations: each text's share split evenly across its titles, renormalised
      // by the sum taken in row order.
      let rawSum = 0;
      for (let i = 0; i < n; i++) {
        const t = rows.text[i]!;
        const s = t < 0 ? 0 : pct[t]! / rows.occ[i]!;
        rowPct[i] = s;
        rawSum += s;
      }
      const out: ShareOutputs = {
        categories: new Float64Array(rows.groups.length),
        occupations: new Float64Array(rows.occupations.length),
        tasks: new Float64Array(rows.taskTexts.length),
        depth: new Float64Array(DEPTH_MARKS.length),
        jobZones: new Float64Array(variants.length * Z),
      };
      used.fill(0);
      const conv = new Float64Array(variants.length * Z);
      const matched = new Float64Array(variants.length);
      for (let i = 0; i < n; i++) {
        const u = rawSum > 0 ? (100 * rowPct[i]!) / rawSum : 0;
        out.categories[rows.group[i]!]! += u;
        out.occupations[rows.occupation[i]!]! += u;
        const t = rows.text[i]!;
        if (t < 0 || !(pct[t]! > 0)) continue; // hasUsage
        out.tasks[rows.taskText[i]!]! += u;
        used[rows.code[i]!]!++;
        for (let v = 0; v < zones.length; v++) {
          const z = zones[v]!;
          for (let k = z.start[i]!; k < z.start[i + 1]!; k++) {
            const w = u * z.weight[k]!;
            if (z.slot[k]! >= 0) conv[v * Z + z.slot[k]!]! += w;
            matched[v]! += w;
          }
        }
      }
      const coverage = Array.from(totals, (tot, c) => used[c]! / tot);
      DEPTH_MARKS.forEach((m, k) => (out.depth[k] = 100 * shareAtLeast(coverage, m)));
      for (let v = 0; v < variants.length; v++) {
        for (let z = 0; z < Z; z++) out.jobZones[v * Z + z] = matched[v]! > 0 ? (100 * conv[v * Z + z]!) / matched[v]! : 0;
      }
      return out;
    },
  };
}
