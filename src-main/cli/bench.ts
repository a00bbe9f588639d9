// `task-atlas bench reproduce` (npm run bench:reproduce): prints how long the full reproduction takes
// cold (new project file: import every bundled file, then analyse) and warm (project already
// imported: reopen, skip unchanged files by hash, analyse). Figures only, no pass/fail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeProject, importBundledDefaults, openProject } from '../engine/project';
import { reproduce } from '../engine/analyze/reproduce';
import { DEFAULT_SOURCE_ID } from '../engine/service';

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function runBench(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'task-atlas-bench-'));
  const file = join(dir, 'bench.sqlite');
  try {
    const cold = openProject(file);
    const [, importMs] = timed(() => importBundledDefaults(cold));
    const [, analyseColdMs] = timed(() => reproduce(cold.db, DEFAULT_SOURCE_ID));
    closeProject(cold);
    const warmRuns: number[] = [];
    const analyseRuns: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [, total] = timed(() => {
        const p = openProject(file);
        importBundledDefaults(p);
        const [, a] = timed(() => reproduce(p.db, DEFAULT_SOURCE_ID));
        analyseRuns.push(a);
        closeProject(p);
      });
      warmRuns.push(total);
    }
    const lines = [
      `cold: import bundled data ${importMs.toFixed(0)} ms + analyse ${analyseColdMs.toFixed(0)} ms = ${(importMs + analyseColdMs).toFixed(0)} ms`,
      `warm: reopen + hash check + analyse, median of 5: ${median(warmRuns).toFixed(0)} ms (analyse alone ${median(analyseRuns).toFixed(0)} ms)`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
