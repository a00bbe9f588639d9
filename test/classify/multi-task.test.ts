// Multi-task assignment, the pure parts: the adapted F.2 prompt and its answer parser, the traversal's
// round-robin, and the single- vs multi-task report on hand-made choices (each chosen task weighted
// 1/k, the privacy thresholds on whole conversations), checked against a hand computation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { F2_TASK_MAPPING } from '../../src-shared/prompts/appendix-f';
import { F2_MULTI_TASK_MAPPING, multiTaskMappingTemplate, parseOptions } from '../../src-shared/prompts/classify';
import { roundRobin } from '../../src-main/engine/classify/multi-task';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { resolveConfig } from '../../src-main/engine/classify/run';
import { runReport } from '../../src-main/engine/classify/report';
import type { HierarchyNode } from '../../src-main/engine/hierarchy/store';
import type { MultiTaskReport, RunReport } from '../../src-shared/report';
import { multiTaskTables } from '../../src-main/engine/export/multi-task-tables';
import { multiTaskSections } from '../../src-main/engine/report-html/multi-task';

const OPTIONS = ['Write code.', 'Write stories.', 'Direct budgets.', 'Approve hires.'];
const vars = { conversation: 'x', options: OPTIONS };
const answer = (lines: string[]) => `<scratchpad>thinking</scratchpad>\n<answer>\n${lines.join('\n')}\n</answer>`;

describe('the adapted F.2 prompt (f2-multi-v1)', () => {
  it('changes only the sentences about how many options to give, and leaves F.2 verbatim', () => {
    expect(F2_MULTI_TASK_MAPPING).not.toBe(F2_TASK_MAPPING);
    expect(F2_MULTI_TASK_MAPPING).toContain('choose up to three, in order from the most pertinent to the least');
    expect(F2_MULTI_TASK_MAPPING).toContain('one option per line');
    expect(F2_MULTI_TASK_MAPPING).not.toContain('choose the single-most pertinent one');
    expect(F2_TASK_MAPPING).toContain('If multiple options apply, choose the single-most pertinent one.');
    // The conversation prefix is byte for byte F.2's, so the cached prefix is shared with F.1.
    const prefix = F2_TASK_MAPPING.slice(0, F2_TASK_MAPPING.indexOf('Human: Consider'));
    expect(F2_MULTI_TASK_MAPPING.startsWith(prefix)).toBe(true);
    const t = multiTaskMappingTemplate();
    expect(`${t.id}@${t.version}`).toBe('classify.task-multi@f2-multi-v1');
    expect(t.render(vars).messages.map((m) => m.content).join('\n')).toContain('Direct budgets.\nApprove hires.');
  });

  it('parses up to three options in order, matching them as F.2 does', () => {
    expect(parseOptions(answer(['write stories', '2. Direct budgets.', '- "Write code."']), vars)).toEqual({
      ok: true,
      value: ['Write stories.', 'Direct budgets.', 'Write code.'],
    });
  });

  it('drops lines that are not options, repeats and options past the third', () => {
    expect(parseOptions(answer(['Fly planes.', 'Write code.', 'write code.', 'Approve hires.']), vars)).toEqual({ ok: true, value: ['Write code.', 'Approve hires.'] });
    expect(parseOptions(answer(['Write code.', 'Write stories.', 'Direct budgets.', 'Approve hires.']), vars)).toEqual({
      ok: true,
      value: ['Write code.', 'Write stories.', 'Direct budgets.'],
    });
  });

  it('needs at least one option, inside <answer> tags', () => {
    expect(parseOptions(answer(['Fly planes.', 'Sing.']), vars)).toMatchObject({ ok: false, error: expect.stringMatching(/none of .* is one of the options/) });
    expect(parseOptions('Write code.', vars)).toEqual({ ok: false, error: 'no <answer> tags' });
  });
});

describe('the traversal round-robin', () => {
  const node = (id: string): HierarchyNode => ({ id, name: id, level: 0, parent: null, description: '' }) as HierarchyNode;
  const paths = [{ ids: ['p'], options: [] }, { ids: ['q'], options: [] }];

  it('takes every path\'s first answer, then the second ones, up to k', () => {
    const out = roundRobin(paths, [[node('a1'), node('a2'), node('a3')], [node('b1'), node('b2')]], 3);
    expect(out.map((o) => [...o.ids, o.node.id])).toEqual([['p', 'a1'], ['q', 'b1'], ['p', 'a2']]);
  });

  it('skips a path whose call failed', () => {
    const out = roundRobin(paths, [[node('a1')], 'invalid answer'], 3);
    expect(out.map((o) => o.node.id)).toEqual(['a1']);
  });
});

describe('single vs multi-task report (hand computation)', () => {
  let project: Project;
  let m: MultiTaskReport;
  let report: RunReport;

  beforeAll(() => {
    project = openProject(':memory:', { resourcesDir: resolve(__dirname, '../../resources') });
    const db = project.db;
    importRelease(db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
    importHierarchy(db, 'h.json', {
      format: 'task-atlas.hierarchy', version: 1, id: 'h', name: 'h', config: { taskDataset: 'mini' }, createdAt: '',
      nodes: [
        { id: 'top', level: 1, name: 'Everything', description: '', parent: null },
        { id: 'code', level: 0, name: 'Write code.', description: '', parent: 'top' },
        { id: 'stories', level: 0, name: 'Write stories.', description: '', parent: 'top' },
        { id: 'budgets', level: 0, name: 'Direct budgets.', description: '', parent: 'top' },
      ],
    });
    const cfg = resolveConfig({ name: 'r', datasets: ['d'], hierarchyId: 'h', tasksPerConversation: 3, thresholds: { minConversations: 2, minAccounts: 1 } });
    db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES ('r', ?, 'complete', '', '')").run(JSON.stringify(cfg));
    db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('i', 'd', 'f', 'jsonl', '', 'complete', '')").run();
    const conv = db.prepare("INSERT INTO conversation (id, dataset, account_id, model, messages_json, turns, chars, import_id) VALUES (?, 'd', ?, 'm', '[]', 1, 1, 'i')");
    const put = db.prepare("INSERT INTO classification (run_id, conversation_id, facet, status, value) VALUES ('r', ?, ?, 'ok', ?)");
    const choices = [['code'], ['code', 'stories'], ['stories', 'code', 'budgets'], ['budgets', 'code']];
    choices.forEach((ids, i) => {
      conv.run(`c${i}`, `a${i}`);
      put.run(`c${i}`, 'task', ids[0]);
      put.run(`c${i}`, 'tasks', JSON.stringify(ids));
    });
    report = runReport(db, 'r', 'mini');
    m = report.multiTask!;
  });
  afterAll(() => closeProject(project));

  it('weights each chosen task 1/k and applies the thresholds to whole conversations', () => {
    // Weights: code 1 + 1/2 + 1/3 + 1/2 = 7/3, stories 1/2 + 1/3 = 5/6, budgets 1/3 + 1/2 = 5/6; of 4.
    // Single (first choice): code 2, stories 1, budgets 1 — under 2 conversations only code is kept.
    const task = Object.fromEntries(m.shares.task.map((r) => [r.key, r]));
    expect(task['Write code.']!.single).toBeCloseTo(100, 9);
    expect(task['Write code.']!.multi).toBeCloseTo((100 * 7) / 3 / 4, 9);
    expect(task['Write stories.']).toMatchObject({ single: 0 });
    expect(task['Write stories.']!.multi).toBeCloseTo((100 * 5) / 6 / 4, 9);
    expect(task['Direct budgets.']!.multi).toBeCloseTo((100 * 5) / 6 / 4, 9);
    expect(m.tasks).toEqual({ single: { total: 3, kept: 1 }, multi: { total: 3, kept: 3 } });
    expect(m).toMatchObject({ k: 3, conversations: 4, meanTasksPerConversation: 2 });
  });

  it('compares the two readings with the same metrics and recovered counts', () => {
    // Task level over the union: single [100, 0, 0], multi [175/3, 125/6, 125/6]: a linear map, so
    // Pearson, Spearman and tau-b are 1; MSE = ((125/3)² + 2 (125/6)²) / 3 = 15625/18.
    expect(m.metrics.task.n).toBe(3);
    expect(m.metrics.task.pearson).toBeCloseTo(1, 12);
    expect(m.metrics.task.spearman).toBeCloseTo(1, 12);
    expect(m.metrics.task.kendallTauB).toBeCloseTo(1, 12);
    expect(m.metrics.task.mse).toBeCloseTo(15625 / 18, 9);
    expect(m.recovered.task).toEqual({ both: 1, singleOnly: 0, multiOnly: 2 });
    // One occupation per task in the mini release: the same split at occupation level.
    expect(m.recovered.occupation).toEqual({ both: 1, singleOnly: 0, multiOnly: 2 });
    const software = m.shares.occupation.find((o) => o.label === 'Software Developers')!;
    expect(software.single).toBeCloseTo(100, 9);
    expect(software.multi).toBeCloseTo(175 / 3, 9);
  });

  it('exports the paired shares and the metrics as tables (none for a single-task run)', () => {
    const [shares, metrics] = multiTaskTables(report);
    expect(shares!.name).toBe('multi_task_shares');
    const code = shares!.rows.find((r) => r[0] === 'task' && r[1] === 'Write code.')!;
    expect(code[3]).toBeCloseTo(100, 9);
    expect(code[4]).toBeCloseTo(175 / 3, 9);
    expect(metrics!.rows.map((r) => [r[0], r[1], r[6], r[7], r[8]])).toEqual([
      ['category', m.metrics.category.n, null, null, null],
      ['occupation', 3, 1, 0, 2],
      ['task', 3, 1, 0, 2],
    ]);
    expect(multiTaskTables({ ...report, multiTask: null })).toEqual([]);
  });
  it('puts a multi-task section in the HTML report of a k = 3 run only', () => {
    const sections = multiTaskSections(report);
    expect(sections.map((x) => x.id)).toEqual(['multitask']);
    expect(sections[0]!.heading).toBe('Multi-task assignment: single vs up to 3 tasks per conversation');
    expect(sections[0]!.after).toContain('multitask-metrics');
    expect(sections[0]!.after).toContain('Write code.');
    expect(multiTaskSections({ ...report, multiTask: null })).toEqual([]);
  });
});
