// A published Economic Index release as a "usage source": task shares and collaboration patterns.
import { ImportError } from './formats/errors';
import { assertNotEmpty, bindColumns } from './formats/table';
import { checkRange, replaceRows, type ImporterDef } from './define';
import { COLLABORATION_PATTERNS } from '../../../src-shared/taxonomy';

/**
 * The values a release's interaction_type may hold: the paper's five collaboration patterns plus
 * "none" (conversations with no pattern, which the analysis excludes and reports as such). Anything
 * else would be silently dropped before renormalising, so a file of "directive" and "telepathy"
 * would report 100% automation: such a file is refused instead.
 */
export const RELEASE_PATTERNS: readonly string[] = [...COLLABORATION_PATTERNS, 'none'];

/** "Feedback_Loop", " task-iteration " -> the release's spelling ("feedback loop", "task iteration"). */
function normalisePattern(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

export interface UsageTaskRow {
  taskName: string;
  pct: number;
}

export const usageTasks: ImporterDef<UsageTaskRow> = {
  kind: 'usage-tasks',
  defaultDataset: 'aei-2025-02-10',
  parse(table) {
    assertNotEmpty(table);
    const spec = {
      taskName: { name: 'task_name', type: 'nonempty' },
      pct: { name: 'pct', type: 'float' },
    } as const;
    return bindColumns(table, spec, { uniqueKey: ['taskName'] }).map((r) => ({
      taskName: r.taskName,
      pct: checkRange(table.file, r.line, 'pct', r.pct, 0, 100),
    }));
  },
  write: replaceRows('usage_task', ['task_name', 'pct'], (r) => [r.taskName, r.pct], 'source_id'),
};

export interface UsagePatternRow {
  pattern: string;
  pct: number;
}

export const usagePatterns: ImporterDef<UsagePatternRow> = {
  kind: 'usage-patterns',
  defaultDataset: 'aei-2025-02-10',
  parse(table) {
    assertNotEmpty(table);
    const spec = {
      pattern: { name: 'interaction_type', type: 'nonempty' },
      pct: { name: 'pct', type: 'float' },
    } as const;
    const rows = bindColumns(table, spec).map((r) => ({
      line: r.line,
      pattern: knownPattern(table.file, r.line, r.pattern),
      pct: checkRange(table.file, r.line, 'pct', r.pct, 0, 100),
    }));
    // Uniqueness after normalising: "Directive" and "directive" are the same pattern.
    const seen = new Map<string, number>();
    for (const r of rows) {
      const first = seen.get(r.pattern);
      if (first !== undefined) {
        throw new ImportError(`duplicate interaction_type "${r.pattern}" (first on line ${first})`, {
          file: table.file,
          line: r.line,
          column: 'interaction_type',
        });
      }
      seen.set(r.pattern, r.line);
    }
    return rows.map(({ pattern, pct }) => ({ pattern, pct }));
  },
  write: replaceRows('usage_pattern', ['pattern', 'pct'], (r) => [r.pattern, r.pct], 'source_id'),
};

function knownPattern(file: string, line: number, raw: string): string {
  const pattern = normalisePattern(raw);
  if (RELEASE_PATTERNS.includes(pattern)) return pattern;
  const allowed = RELEASE_PATTERNS.map((p) => `"${p}"`).join(', ');
  throw new ImportError(`interaction_type "${raw.trim()}" is not a collaboration pattern of the paper (expected one of ${allowed})`, {
    file,
    line,
    column: 'interaction_type',
  });
}
