// A published Economic Index release as a "usage source": task shares and collaboration patterns.
import { ImportError } from './formats/errors';
import { assertNotEmpty, bindColumns } from './formats/table';
import { checkRange, replaceRows, type ImporterDef } from './define';

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
      pattern: r.pattern.trim().toLowerCase(),
      pct: checkRange(table.file, r.line, 'pct', r.pct, 0, 100),
    }));
    // Uniqueness after lower-casing: "Directive" and "directive" are the same pattern.
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
