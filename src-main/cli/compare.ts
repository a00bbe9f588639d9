// `task-atlas compare --a SOURCE --b SOURCE`: two usage sources side by side through the app's
// analysis.compare call — every category, occupation and task either source has, the agreement
// metrics per level and the items both / only A / only B have. A source the project lacks is a
// usage error (exit 2) that names it and lists what the project has.
import type { SourceComparison } from '../../src-shared/api';
import { compareJson } from '../../src-shared/compare';
import { metricsText } from '../../src-shared/charts/compare';
import { requireSource } from './lookups';
import { withSession } from './session';

export interface CompareFlags {
  project?: string;
  a: string;
  b: string;
  json?: boolean;
}

export function runCompare(flags: CompareFlags): Promise<number> {
  // bundled: the release ids name the bundled releases, imported on first use.
  return withSession({ project: flags.project, bundled: true }, async (s) => {
    requireSource(s.host.project.db, flags.a);
    requireSource(s.host.project.db, flags.b);
    const cmp = await s.call('analysis.compare', { a: flags.a, b: flags.b });
    process.stdout.write(flags.json ? JSON.stringify(compareJson(cmp), null, 2) + '\n' : formatComparison(cmp));
    return 0;
  });
}

const LEVELS = ['category', 'occupation', 'task'] as const;
const TOP_ROWS = 10;

export function formatComparison(cmp: SourceComparison): string {
  const lines = [`A: ${cmp.a.label} (${cmp.a.id})`, `B: ${cmp.b.label} (${cmp.b.id})`, ''];
  for (const level of LEVELS) {
    const m = cmp.metrics.find((x) => x.level === level)?.metrics ?? null;
    lines.push(`${level.padEnd(10)} ${metricsText(m)}`);
  }
  lines.push('');
  for (const level of ['occupation', 'task'] as const) {
    const r = cmp.recovered[level];
    lines.push(`${level}s with usage: ${r.both} in both, ${r.onlyA} only in A, ${r.onlyB} only in B`);
  }
  for (const note of cmp.notes) lines.push(`note: ${note}`);
  lines.push('', `Largest categories (share of usage, A → B):`);
  for (const c of cmp.categories.slice(0, TOP_ROWS)) lines.push(`  ${c.a.toFixed(2).padStart(6)}% → ${c.b.toFixed(2).padStart(6)}%  ${c.title}`);
  lines.push(`Largest tasks (of ${cmp.tasks.length}):`);
  for (const t of cmp.tasks.slice(0, TOP_ROWS)) lines.push(`  ${t.a.toFixed(2).padStart(6)}% → ${t.b.toFixed(2).padStart(6)}%  ${t.task}`);
  return lines.join('\n') + '\n';
}
