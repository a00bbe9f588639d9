// Exporting the bundled release (2025-02-10): every table of the report in every format, the
// manifest's hashes match the files on disk, and the binary formats agree with the CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, type Project } from '../../src-main/engine/project';
import { openBundledProject } from '../support/shared-projects';
import { exportResults, type ExportResult } from '../../src-main/engine/export';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { decoded, readDta, readParquet } from './readers';

const RESOURCES = resolve(__dirname, '../../resources');
const TABLES = ['categories', 'top_occupations', 'top_tasks', 'depth_curve', 'wage_points', 'wage_bands', 'job_zones', 'automation_split', 'category_correlation'];
let tmp: string;
let project: Project;
let result: ExportResult;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-export-release-'));
  project = openBundledProject(join(tmp, 'p.sqlite'));
  // An earlier export in the folder (a stale table, its manifest): it is replaced as a whole.
  mkdirSync(join(tmp, 'out', 'csv'), { recursive: true });
  writeFileSync(join(tmp, 'out', 'csv', 'stale.csv'), 'x');
  writeFileSync(join(tmp, 'out', 'manifest.json'), JSON.stringify({ format: 'task-atlas.export', version: 1 }));
  result = exportResults(project.db, { source: 'aei-2025-02-10', dir: join(tmp, 'out'), resourcesDir: RESOURCES });
}, 120_000);
afterAll(() => {
  closeProject(project);
  rmSync(tmp, { recursive: true, force: true });
});

describe('release export', () => {
  it('writes every table of the report in every format', () => {
    expect(result.manifest.tables.map((t) => t.name)).toEqual(TABLES);
    for (const t of TABLES) {
      for (const f of [`csv/${t}.csv`, `r/${t}.csv`, `dta/${t}.dta`, `parquet/${t}.parquet`]) expect(existsSync(join(result.dir, f))).toBe(true);
    }
    expect(readdirSync(join(result.dir, 'csv'))).not.toContain('stale.csv');
    expect(readdirSync(tmp).filter((n) => /\.(partial|old)-/.test(n))).toEqual([]);
  });

  it('lists every file with a sha256 that matches the bytes on disk', () => {
    const m = JSON.parse(readFileSync(join(result.dir, 'manifest.json'), 'utf8')) as ExportResult['manifest'];
    expect(m.files.length).toBe(TABLES.length * 4 + 3); // + codebook.md, r/codebook.md, r/load_tables.R
    for (const f of m.files) {
      const bytes = readFileSync(join(result.dir, f.path));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
      expect(bytes.length).toBe(f.bytes);
    }
    expect(m.source).toMatchObject({ id: 'aei-2025-02-10', kind: 'release' });
    expect(m.run).toBeNull();
    expect(m.privacy).toEqual({ includeConversationText: false, includeAccountIds: false, tasksBelowThresholds: 'not-applicable' });
    const usage = m.dataFiles.find((d) => d.dataset === 'aei-2025-02-10' && d.kind === 'usage-tasks')!;
    expect(usage.rows).toBe(3514);
    expect(usage.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.dataFiles.map((d) => d.dataset)).toEqual(expect.arrayContaining(['onet-29.2', 'onet-2010-2019']));
  });

  it('exports every Job Zone variant with the paper\'s values, and the categories as in the report', () => {
    const report = reproduce(project.db, 'aei-2025-02-10');
    const zones = readDta(join(result.dir, 'dta/job_zones.dta'));
    expect(zones.names).toEqual(['variant', 'zone', 'conv_pct', 'base_pct', 'rep_ratio', 'occupation_pct', 'occupations', 'paper_conv_pct', 'paper_base_pct', 'paper_rep_ratio']);
    expect(new Set(decoded(zones, ['variant']).map((r) => r[0]))).toEqual(new Set(report.jobZones.map((t) => t.variant)));
    expect(report.jobZones).toHaveLength(3);
    const cats = readParquet(join(result.dir, 'parquet/categories.parquet'));
    expect(cats.numRows).toBe(report.categories.length);
    expect(cats.columns[1]).toEqual(report.categories.map((c) => c.title));
    expect(cats.columns[2]).toEqual(report.categories.map((c) => c.usagePct));
    const dtaCats = readDta(join(result.dir, 'dta/categories.dta'));
    expect(dtaCats.rows.map((r) => r[3])).toEqual(report.categories.map((c) => c.blsPct));
  });

  it('writes R-ready CSV and a codebook describing every column', () => {
    const r = readFileSync(join(result.dir, 'r/top_occupations.csv'), 'utf8');
    expect(r.split('\r\n')[0]).toBe('code,title,category,usage_pct,tasks,tasks_with_usage');
    const book = readFileSync(join(result.dir, 'codebook.md'), 'utf8');
    for (const t of TABLES) expect(book).toContain(`## ${t}`);
    expect(book).toContain('| usagePct | usage_pct / usage_pct | number |');
  });
});
