// The one step list of the replication scripts. Each script (R, Python, Stata) marks its steps with
// these headers in this order, and compares the same tables on the same key and value columns to
// the same tolerance. Stata is not available where the tests run, so the .do file is checked by
// this shared structure: a test asserts its step headers, tables and columns match the R script's,
// which is run on a real export.

export const TOLERANCE = 1e-6;

export interface Step {
  id: string;
  title: string;
}

export const STEPS: readonly Step[] = [
  { id: 'read', title: 'read the replication inputs (csv/replication_*.csv)' },
  { id: 'split', title: 'split each task\'s usage evenly across the occupations listing it, renormalise to 100' },
  { id: 'categories', title: 'usage share per SOC major group and BLS employment share (Figure 3)' },
  { id: 'depth', title: 'share of occupations with at least x of their tasks in use, x = 0, 0.01, ..., 1 (Figure 4)' },
  { id: 'automation', title: 'the five collaboration patterns renormalised without "none" (Figure 7)' },
  { id: 'job_zones', title: 'Conv. %, Base. %, rep. ratio and occupation share per Job Zone, every variant (Table 2)' },
  { id: 'compare', title: 'compare with the exported result tables; exit 1 listing every difference' },
];

export interface Compared {
  table: string;
  keys: string[];
  /** Compared as numbers within TOLERANCE (missing equals missing only). */
  values: string[];
}

export const COMPARED: readonly Compared[] = [
  { table: 'categories', keys: ['code', 'title'], values: ['usagePct', 'blsPct', 'blsEmployment'] },
  { table: 'depth_curve', keys: ['threshold'], values: ['shareOfOccupations'] },
  { table: 'automation_split', keys: ['pattern', 'mode'], values: ['pct'] },
  { table: 'job_zones', keys: ['variant', 'zone'], values: ['convPct', 'basePct', 'repRatio', 'occupationPct', 'occupations'] },
];

/** "STEP 3/7 categories: ..." as a comment line in the script's language. */
export function stepHeader(comment: string, id: string): string {
  const i = STEPS.findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`unknown replication step "${id}"`);
  return `${comment} STEP ${i + 1}/${STEPS.length} ${id}: ${STEPS[i]!.title}`;
}

/** The header lines of a script, in order, for the test that checks every script follows STEPS. */
export function stepHeadersIn(script: string): string[] {
  return [...script.matchAll(/STEP (\d+)\/(\d+) ([a-z_]+):/g)].map((m) => m[3]!);
}
