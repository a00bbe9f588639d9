// Issue #12, bug 1: Figure 8 drew no bars for the GPT models its legend listed, and the UI and
// by_model.csv gave different conversation counts. The run below has a large Claude share and
// small GPT shares, so thresholds applied per model (rather than to the run) dropped every GPT task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeProject, type Project } from '../../src-main/engine/project';
import { exportResults, type ExportResult } from '../../src-main/engine/export';
import { runReport } from '../../src-main/engine/classify/report';
import * as fig8 from '../../src-shared/charts/fig8Models';
import type { RunReport } from '../../src-shared/report';
import { runProject } from './run-fixture';

// Conversation ids of run-fixture: c0–c14 "Write code." (kept), c15–c44 "Write reports." (kept),
// c45–c58 "Direct budgets." (dropped), c59–c78 "Write stories." (dropped).
const ids = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `c${from + i}`);
const MODELS: Record<string, string[]> = {
  'gpt-4o': [...ids(0, 3), ...ids(15, 20), ...ids(45, 49)],
  'gpt-3.5-turbo': [...ids(21, 23), ...ids(59, 62)],
  'gpt-4-turbo': ids(50, 52), // answered only tasks under the thresholds
};
/** Conversations of kept tasks per model: the one definition the UI and the export share. */
const KEPT_BY_MODEL = { 'claude-3-5-sonnet': 11 + 21, 'gpt-4o': 4 + 6, 'gpt-3.5-turbo': 3 };

let project: Project;
let tmp: string;
let result: ExportResult;
let report: RunReport;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-export-by-model-'));
  project = runProject();
  project.db.prepare("UPDATE conversation SET model = 'claude-3-5-sonnet'").run();
  const set = project.db.prepare('UPDATE conversation SET model = ? WHERE id = ?');
  for (const [model, convs] of Object.entries(MODELS)) for (const id of convs) set.run(model, id);
  result = exportResults(project.db, { run: 'r', dir: join(tmp, 'out'), formats: ['csv'], referenceDataset: 'mini' });
  report = runReport(project.db, 'r', 'mini');
});
afterAll(() => {
  closeProject(project);
  rmSync(tmp, { recursive: true, force: true });
});

function csvByModel(): Map<string, { conversations: Set<number>; total: number }> {
  const lines = readFileSync(join(result.dir, 'csv/by_model.csv'), 'utf8').trim().split('\r\n');
  expect(lines[0]).toBe('model,conversations,category,usagePct');
  const out = new Map<string, { conversations: Set<number>; total: number }>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const model = cells[0]!;
    const row = out.get(model) ?? { conversations: new Set<number>(), total: 0 };
    row.conversations.add(Number(cells[1]));
    row.total += Number(cells[cells.length - 1]);
    out.set(model, row);
  }
  return out;
}

describe('usage by model (Figure 8, by_model.csv)', () => {
  it('counts each model’s conversations in the run’s kept tasks, in the report the UI draws', () => {
    const counts = Object.fromEntries(report.byModel.map((m) => [m.model, m.conversations]));
    expect(counts).toEqual(KEPT_BY_MODEL);
    expect(result.runReport!.byModel).toEqual(report.byModel);
  });

  it('gives every model shares adding up to 100% of its kept usage', () => {
    for (const m of report.byModel) expect(m.categories.reduce((s, c) => s + c.usagePct, 0)).toBeCloseTo(100, 6);
  });

  it('draws bars for every model the legend lists', () => {
    const { data } = fig8.toFigure(report);
    expect(data.map((t) => t.name)).toEqual(report.byModel.map((m) => fig8.traceName(m)));
    for (const t of data) expect((t.x as number[]).some((x) => x > 0)).toBe(true);
  });

  it('writes the same models and counts to by_model.csv', () => {
    const csv = csvByModel();
    expect([...csv.keys()].sort()).toEqual(Object.keys(KEPT_BY_MODEL).sort());
    for (const m of report.byModel) {
      expect([...csv.get(m.model)!.conversations]).toEqual([m.conversations]);
      expect(csv.get(m.model)!.total).toBeCloseTo(100, 4);
    }
  });
});
