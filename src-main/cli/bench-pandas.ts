// The reference side of `task-atlas bench reproduce`: scripts/reproduce_pandas.py under Debian's
// /usr/bin/python3 (python3-pandas, python3-openpyxl), timed end to end as a user would run it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Headline } from '../engine/analyze/headline';

export const PYTHON = '/usr/bin/python3';

export interface PandasRun {
  /** Wall time of the whole process (interpreter and pandas import included), ms. */
  processMs: number;
  /** The script's own time after its imports, ms. */
  computeMs: number;
  headline: Headline;
}

/** Why pandas cannot run here, or null when it can. */
export function pandasUnavailable(script: string): string | null {
  if (!existsSync(script)) return `${script} not found`;
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ['-c', 'import pandas, openpyxl'], { encoding: 'utf8' });
  if (probe.status !== 0) return `pandas is missing (apt-get install python3-pandas python3-openpyxl): ${probe.stderr.trim().split('\n').pop()}`;
  return null;
}

export function pandasScript(resourcesDir: string): string {
  return join(resourcesDir, '..', 'scripts', 'reproduce_pandas.py');
}

export function runPandas(script: string, dataDir: string): PandasRun {
  const start = performance.now();
  const r = spawnSync(PYTHON, [script, dataDir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const processMs = performance.now() - start;
  if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status}): ${r.stderr}`);
  const { seconds, ...headline } = JSON.parse(r.stdout) as Headline;
  return { processMs, computeMs: (seconds ?? 0) * 1000, headline };
}
