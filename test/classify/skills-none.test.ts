// Figure 5 as the paper computes it (B.4): conversations whose skills answer was "none" (stored as an
// empty list) leave the denominator, and their share is reported on its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeProject, type Project } from '../../src-main/engine/project';
import { runReport } from '../../src-main/engine/classify/report';
import * as fig5 from '../../src-shared/charts/fig5Skills';
import { runProject } from '../export/run-fixture';

let project: Project;
beforeEach(() => {
  project = runProject();
});
afterEach(() => closeProject(project));

describe('skills without "none"', () => {
  it('drops "none" answers from the denominator and reports their share', () => {
    // 79 conversations say ["writing"]; make 19 of them "none" and 20 say ["writing", "programming"].
    const ids = project.db.prepare("SELECT conversation_id FROM classification WHERE run_id = 'r' AND facet = 'skills' ORDER BY conversation_id").pluck().all() as string[];
    const set = project.db.prepare("UPDATE classification SET value = ? WHERE run_id = 'r' AND facet = 'skills' AND conversation_id = ?");
    ids.slice(0, 19).forEach((id) => set.run('[]', id));
    ids.slice(19, 39).forEach((id) => set.run('["writing","programming"]', id));
    const report = runReport(project.db, 'r', 'mini');
    expect(report.skills).toEqual([
      { skill: 'writing', pct: 100 },
      { skill: 'programming', pct: expect.closeTo((100 * 20) / 60, 12) },
    ]);
    expect(report.skillsNonePct).toBeCloseTo((100 * 19) / 79, 12);
    expect(fig5.noneText(report)).toContain('24.1% of those classified for skills');
  });
});
