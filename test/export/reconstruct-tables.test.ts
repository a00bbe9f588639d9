// The Appendix G export tables: one row per level × granularity with typed metric and recovered-count
// columns, the paired shares, the wage bands; written for a run only once it has a stored
// reconstruction, in every format, with names a spreadsheet cannot run as formulas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeProject, type Project } from '../../src-main/engine/project';
import { exportResults, type ExportResult } from '../../src-main/engine/export';
import { reconstructionTables } from '../../src-main/engine/export/reconstruct-tables';
import { runProject } from './run-fixture';
import { decoded, readDta, readParquet } from './readers';
import { makeReconstruction } from '../charts/reconstruct-fixture';

const FORMULA = '=HYPERLINK("http://x","y")';

let project: Project;
let tmp: string;
let before: ExportResult;
let after: ExportResult;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-export-g-'));
  project = runProject();
  before = exportResults(project.db, { run: 'r', dir: join(tmp, 'before'), referenceDataset: 'mini' });
  const report = { ...makeReconstruction(), run: 'r' };
  report.levels[1]!.shares.task[0]!.label = FORMULA;
  // The engine's own table (migration 0011), written as a finished reconstruction would be.
  project.db
    .prepare("INSERT INTO reconstruct_run (run_id, config_json, status, report_json, created_at, updated_at) VALUES ('r', '{}', 'complete', ?, '', '')")
    .run(JSON.stringify(report));
  after = exportResults(project.db, { run: 'r', dir: join(tmp, 'after'), referenceDataset: 'mini' });
});
afterAll(() => {
  closeProject(project);
  rmSync(tmp, { recursive: true, force: true });
});

const NAMES = ['reconstruction_levels', 'reconstruction_shares', 'reconstruction_wage_bands'];

describe('reconstruction export tables', () => {
  it('are written only once the run has a stored reconstruction', () => {
    expect(before.manifest.tables.map((t) => t.name)).not.toEqual(expect.arrayContaining([NAMES[0]]));
    expect(after.manifest.tables.filter((t) => NAMES.includes(t.name))).toEqual([
      { name: 'reconstruction_levels', rows: 9 },
      { name: 'reconstruction_shares', rows: 45 },
      { name: 'reconstruction_wage_bands', rows: 18 },
    ]);
    expect(reconstructionTables(null)).toEqual([]);
  });

  it('has one typed row per level × granularity, finest level first, counts only where they exist', () => {
    const csv = readFileSync(join(after.dir, 'r/reconstruction_levels.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe(
      'level,granularity,clusters,placed,unplaced,n,pearson,spearman,kendall_tau_b,mse,both,direct_only,cluster_only,' +
        'direct_tasks_per_occupation,cluster_tasks_per_occupation',
    );
    expect(csv[1]).toBe('10,category,1200,1199,1,4,0.99,0.95,0.9,1.5,NA,NA,NA,NA,NA');
    expect(csv[2]).toBe('10,occupation,1200,1199,1,5,0.9,0.8,0.7,2,3,1,0,4.8,4.8');
    expect(csv[3]).toBe('10,task,1200,1199,1,6,0.6,NA,0.3,4,2,3,1,NA,NA');
    const table = reconstructionTables(makeReconstruction())[0]!;
    const types = Object.fromEntries(table.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({ level: 'integer', granularity: 'string', kendallTauB: 'number', directOnly: 'integer', clusterOnly: 'integer' });
  });

  it('round-trips through Stata and Parquet with numbers as numbers', () => {
    const dta = readDta(join(after.dir, 'dta/reconstruction_levels.dta'));
    expect(dta.names.slice(0, 3)).toEqual(['level', 'granularity', 'clusters']);
    expect(decoded(dta, ['granularity'])[1]!.slice(0, 7)).toEqual([10, 'occupation', 1200, 1199, 1, 5, 0.9]);
    const parquet = readParquet(join(after.dir, 'parquet/reconstruction_wage_bands.parquet'));
    expect(parquet.names).toEqual(['level', 'band', 'direct_pct', 'cluster_pct']);
    expect(parquet.columns.map((c) => c[0])).toEqual([10, 'under $35K', 5, 4]);
  });

  it('keeps the shares with key and label, and neutralises formulas in the CSV', () => {
    const csv = readFileSync(join(after.dir, 'csv/reconstruction_shares.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('level,granularity,key,label,directPct,clusterPct');
    expect(csv).toContain('10,occupation,15-1252.00,Software Developers,35,38\r\n');
    expect(csv).toContain(`10,task,t1,"'=HYPERLINK(""http://x"",""y"")",20,25\r\n`);
    expect(readFileSync(join(after.dir, 'codebook.md'), 'utf8')).toContain('## reconstruction_levels');
  });
});
