// An independent reader: scripts/reproduce_pandas.py (pandas, written from the release notebook's
// method, not from our code) printed fixtures/pandas-headline.json from the bundled files; our
// report must agree with every number. Regenerate the fixture with
//   /usr/bin/python3 scripts/reproduce_pandas.py resources/data   (and drop "seconds").
// Also: the in-memory `reproduce` imports only what the analyses read, and gets the same report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { DEFAULT_SOURCE_ID } from '../../src-main/engine/analyze/inputs';
import { headlineMismatches, headlineNumbers, type Headline } from '../../src-main/engine/analyze/headline';
import { prepareSource } from '../../src-main/cli/reproduce';
import { openBundledProject, RESOURCES } from '../support/shared-projects';
import type { ReproduceReport } from '../../src-shared/report';

const pandas = JSON.parse(readFileSync(join(__dirname, 'fixtures/pandas-headline.json'), 'utf8')) as Headline;
let dir: string;
let full: Project;
let report: ReproduceReport;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-pandas-'));
  full = openBundledProject(join(dir, 'bundled.sqlite'));
  report = reproduce(full.db, DEFAULT_SOURCE_ID);
});
afterAll(() => {
  closeProject(full);
  rmSync(dir, { recursive: true, force: true });
});

describe('the bundled release read by pandas and by Task Atlas', () => {
  it('gives the same headline numbers to 1e-6', () => {
    const ours = headlineNumbers(report);
    expect(Object.keys(pandas).length).toBeGreaterThan(90);
    expect(headlineMismatches(ours, pandas)).toEqual([]);
    // Spot checks against the paper's published figures, so a wrong fixture cannot pass unseen.
    expect(ours['category.15.usagePct']).toBeCloseTo(37.22, 2);
    expect(ours.augmentationPct).toBeCloseTo(57.4, 1);
    expect(ours['depth.0.25']).toBeCloseTo(0.362, 3);
  });

  it('names a differing, a missing and an extra number', () => {
    const ours = { a: 1, b: 2, c: 3 };
    const theirs = { a: 1 + 1e-9, b: 2.1, d: 4 };
    const found = headlineMismatches(ours, theirs);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^b: ours 2, pandas 2.1/);
    expect(found[1]).toBe('c: ours 3, pandas missing');
    expect(found[2]).toBe('d: ours missing, pandas 4');
  });
});

describe('reproduce in memory', () => {
  it('imports only the files the analyses read, with an identical report', () => {
    const mem = openProject(':memory:', { resourcesDir: RESOURCES });
    try {
      const source = prepareSource(mem);
      const kinds = mem.db.prepare('SELECT kind FROM dataset_import ORDER BY kind').pluck().all() as string[];
      expect(kinds).not.toContain('onet-skills');
      expect(kinds).not.toContain('oews-national');
      expect(kinds).toContain('onet-job-zones');
      expect(kinds).toContain('soc-crosswalk');
      expect(JSON.stringify(reproduce(mem.db, source))).toBe(JSON.stringify(report));
    } finally {
      closeProject(mem);
    }
  });
});
