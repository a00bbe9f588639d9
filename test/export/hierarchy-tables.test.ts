// The hierarchy tables of a run export (Figures 11 and 12, Figure 8 by task, B.5) on the three-level
// run of test/classify/hierarchy-fixture.ts: hand-computed shares, every format, and no task under the
// privacy thresholds in any of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeProject, type Project } from '../../src-main/engine/project';
import { exportResults, type ExportResult } from '../../src-main/engine/export';
import { hierarchyProject } from '../classify/hierarchy-fixture';
import { readDta, readParquet } from './readers';

let project: Project;
let tmp: string;
let result: ExportResult;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-export-hierarchy-'));
  project = hierarchyProject();
  result = exportResults(project.db, { run: 'r', dir: join(tmp, 'out'), referenceDataset: 'mini' });
});
afterAll(() => {
  closeProject(project);
  rmSync(tmp, { recursive: true, force: true });
});

const csv = (name: string) => readFileSync(join(result.dir, `csv/${name}.csv`), 'utf8').trim().split('\r\n');

describe('run export: tables over the task hierarchy', () => {
  it('writes the top- and middle-level shares of Figures 11 and 12', () => {
    expect(csv('top_level_tasks')).toEqual(['nodeId,task,pct', 't-biz,Run a business,67', 't-make,Make things,33']);
    expect(csv('middle_level_tasks')).toEqual([
      'nodeId,task,pct',
      'm-manage,Manage people and money,37',
      'm-report,Report on the business,30',
      'm-create,Create written works,18',
      'm-soft,Build software,15',
    ]);
  });

  it('writes every model’s share per level and the default pair’s difference and ratio', () => {
    const shares = csv('model_tasks');
    expect(shares[0]).toBe('level,nodeId,task,model,pct');
    expect(shares).toContain('middle,m-soft,Build software,model-a,25');
    expect(shares).toContain('middle,m-soft,Build software,model-b,0');
    const cmp = csv('model_task_comparison');
    expect(cmp[0]).toBe('level,nodeId,task,modelA,pctA,modelB,pctB,difference,ratio');
    expect(cmp).toContain('middle,m-soft,Build software,model-a,25,model-b,0,25,'); // no ratio over 0
    expect(cmp).toContain('base,b-reports,Write reports.,model-a,16.666666666666668,model-b,50,-33.33333333333333,0.33333333333333337');
  });

  it('writes the pattern shares per task and the characteristic tasks (B.5)', () => {
    const byTask = csv('pattern_shares_by_task');
    expect(byTask[0]).toBe('name,conversations,directivePct,feedbackLoopPct,taskIterationPct,learningPct,validationPct,nonePct');
    expect(byTask).toContain('Write reports.,30,0,0,50,50,0,0');
    expect(csv('pattern_characteristic_tasks')).toContain('feedback loop,1,Write code.,15,80');
  });

  it('reads back the same rows from Stata and Parquet', () => {
    const dta = readDta(join(result.dir, 'dta/top_level_tasks.dta'));
    expect(dta.rows).toEqual([['t-biz', 'Run a business', 67], ['t-make', 'Make things', 33]]);
    const parquet = readParquet(join(result.dir, 'parquet/middle_level_tasks.parquet'));
    expect(parquet.columns[parquet.names.indexOf('pct')]).toEqual([37, 30, 18, 15]);
  });

  it('names no task under the privacy thresholds in any file', () => {
    for (const dropped of ['Write stories.', 'Pitch ideas.', 'model-c']) {
      const leaks = result.files.filter((f) => readFileSync(f).toString('latin1').includes(dropped));
      expect(leaks).toEqual([]);
    }
  });
});
