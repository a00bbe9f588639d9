// Values the method cannot have (issue #13, item 7): a collaboration pattern the paper does not
// define, a JSON key given twice, and numbers a review bundle cannot hold are refused with the
// file and line, and the store is unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, type Project } from '../../src-main/engine/project';
import { importFile } from '../../src-main/engine/ingest';
import { ImportError } from '../../src-main/engine/ingest/formats/errors';
import { createService } from '../../src-main/engine/service';
import { readLabelFile } from '../../src-main/engine/validate/labels';
import { buildReviewBundle, bundleChecksum } from '../../src-main/engine/review/bundle';
import { reviewBundleSchema, type ReviewBundle } from '../../src-shared/review-bundle';
import { findDuplicateKey } from '../../src-shared/strict-json';
import { callError } from '../service/helpers';
import { runProject } from '../export/run-fixture';

let dir: string;
let project: Project;
let bundle: ReviewBundle;

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function patterns(): unknown {
  return project.db.prepare("SELECT pattern, pct FROM usage_pattern WHERE source_id = 'mini' ORDER BY pattern").all();
}

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error('the import was expected to fail');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-bad-values-'));
  project = runProject();
  bundle = buildReviewBundle(project.db, { sources: ['mini'], runs: ['r'], appVersion: '0.0.0', now: new Date(0) });
});
afterAll(() => {
  closeProject(project);
  rmSync(dir, { recursive: true, force: true });
});

describe('usage patterns', () => {
  it('refuses a pattern the paper does not define, at file:line:column, and changes nothing', () => {
    const before = patterns();
    const file = write('telepathy.csv', 'interaction_type,pct\ndirective,10\ntelepathy,90\n');
    const err = importError(() => importFile(project.db, { kind: 'usage-patterns', path: file, dataset: 'mini' }));
    expect(err.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:interaction_type: interaction_type "telepathy" is not a collaboration pattern`));
    expect(err).toMatchObject({ line: 3, column: 'interaction_type' });
    expect(patterns()).toEqual(before);
  });

  it('accepts every value of the bundled release file, and other spellings of the same patterns', () => {
    const bundled = resolve(__dirname, '../../resources/data/aei-release-2025-02-10/automation_vs_augmentation.csv');
    importFile(project.db, { kind: 'usage-patterns', path: bundled, dataset: 'mini', replace: true });
    const values = readFileSync(bundled, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect((patterns() as { pattern: string }[]).map((p) => p.pattern)).toEqual([...values].sort());
    expect(values).toContain('none');
    const spelled = write('spelled.csv', 'interaction_type,pct\nDirective,20\nFeedback_Loop,30\ntask-iteration,50\n');
    // Other content under the same dataset: an explicit replacement.
    importFile(project.db, { kind: 'usage-patterns', path: spelled, dataset: 'mini', replace: true });
    expect(patterns()).toEqual([
      { pattern: 'directive', pct: 20 },
      { pattern: 'feedback loop', pct: 30 },
      { pattern: 'task iteration', pct: 50 },
    ]);
  });
});

describe('duplicate JSON keys', () => {
  it('are found with the line and column of the second one, also nested, escaped or in arrays', () => {
    expect(findDuplicateKey('{"a": 1, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]}')).toBeNull();
    expect(findDuplicateKey('{\n  "a": 1,\n  "b": "\\"a\\", {",\n  "a": 2\n}')).toEqual({ key: 'a', line: 4, column: 3, firstLine: 2 });
    expect(findDuplicateKey('[{"x": {"k": 1,\n "\\u006b": 2}}]')).toMatchObject({ key: 'k', line: 2, firstLine: 1 });
    expect(findDuplicateKey('{"__proto__": 1, "__proto__": 2}')).toMatchObject({ key: '__proto__', line: 1 });
  });

  it('in a hierarchy file are refused with the file and line', async () => {
    const file = write(
      'dup-hierarchy.json',
      ['{', '  "format": "task-atlas.hierarchy",', '  "version": 1,', '  "id": "dup",', '  "id": "h",', '  "nodes": []', '}'].join('\n'),
    );
    const err = await callError(createService(project), 'hierarchy.import', { path: file });
    expect(err).toMatchObject({ kind: 'import', file, line: 5 });
    expect(err.message).toMatch(/:5:3: duplicate key "id" \(first on line 4\)/);
    expect(project.db.prepare("SELECT COUNT(*) FROM hierarchy WHERE id = 'dup'").pluck().get()).toBe(0);
  });

  it('in a label file are refused with the file and line', () => {
    const file = write('dup-labels.json', '{\n  "format": "a",\n  "labels": [],\n  "format": "b"\n}\n');
    const err = importError(() => readLabelFile(file));
    expect(err).toMatchObject({ file, line: 4, column: 3 });
    expect(err.message).toContain('duplicate key "format" (first on line 2)');
  });

  // Review bundles are opened by the renderer: test/renderer/review-bundle-values.test.ts.
});

describe('numbers out of range in a review bundle', () => {
  /** The bundle with one edit applied and its checksum recomputed, as a careful forger would. */
  function edited(edit: (b: ReviewBundle) => void): ReviewBundle {
    const copy = JSON.parse(JSON.stringify(bundle)) as ReviewBundle;
    edit(copy);
    copy.checksum = bundleChecksum(copy);
    return copy;
  }

  it('accepts the bundle as built', () => {
    expect(reviewBundleSchema.safeParse(bundle).success).toBe(true);
  });

  it.each([
    ['a negative share', (b: ReviewBundle) => void (b.reports.mini!.topTasks[0]!.usagePct = -5), 'usagePct'],
    ['a share of 1e308', (b: ReviewBundle) => void (b.reports.mini!.categories[0]!.usagePct = 1e308), 'usagePct'],
    ['a count of 1e308', (b: ReviewBundle) => void (b.runInfo.r!.conversations = 1e308), 'conversations'],
    ['a negative count', (b: ReviewBundle) => void (b.runs.r!.tasks.kept = -1), 'kept'],
    ['a fractional count', (b: ReviewBundle) => void (b.runs.r!.tasks.dropped = 1.5), 'dropped'],
    ['a correlation of 2', (b: ReviewBundle) => void (b.reports.mini!.categoryCorrelation.pearson = 2), 'pearson'],
    ['a job zone of 9', (b: ReviewBundle) => void (b.reports.mini!.jobZones[0]!.rows[0]!.zone = 9), 'zone'],
  ])('refuses %s', (_name, edit, field) => {
    const parsed = reviewBundleSchema.safeParse(edited(edit));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.at(-1))).toContain(field);
  });
});
