// Review bundles without a browser: the project bundle (API call review.bundle) of a project with
// the bundled release and a classification run holds only aggregated results, validates with the
// one shared schema, still reads version-1 files, and review mode's client answers every read call
// from it (the same numbers the source project's service gives) and refuses every write.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, type Project } from '../../src-main/engine/project';
import { createService, type ApiHandlers } from '../../src-main/engine/service';
import { buildReviewBundle, bundleChecksum, writeReviewBundle } from '../../src-main/engine/review/bundle';
import { reviewBundleSchema as engineSchema, type ReviewBundle } from '../../src-main/engine/review/schema';
import { reviewBundleSchema as rendererSchema } from '../../src-renderer/features/review/schema';
import { checksumText } from '../../src-shared/review-bundle';
import type { ApiClient } from '../../src-shared/api';
import type { PaperReference } from '../../src-shared/report';
import { ACCOUNT_MARKER, DROPPED, KEPT, TEXT_MARKER } from '../export/run-fixture';
import { AGGREGATE_KEYS, asVersion1, entriesOf, FORBIDDEN_KEYS, sourceProject } from './support';

const ctx = { transport: 'http' } as const;
let tmp: string;
let source: Project | undefined;
let service: ApiHandlers;
let bundle: ReviewBundle;
let paper: PaperReference;
let bundleFile: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'task-atlas-review-'));
  source = sourceProject(path.join(tmp, 'source.sqlite'));
  service = createService(source);
  paper = await service['paper.reference']({}, ctx);
  bundle = await service['review.bundle']({}, ctx);
  bundleFile = path.join(tmp, 'project.taskatlas-review.json');
  writeReviewBundle(bundleFile, bundle);
});

afterAll(() => {
  if (source) closeProject(source);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the project review bundle', () => {
  it('holds every source, the run with its report and run info, a valid checksum and provenance', async () => {
    const onDisk = JSON.parse(readFileSync(bundleFile, 'utf8')) as ReviewBundle;
    expect(onDisk.format).toBe('task-atlas.review-bundle');
    expect(onDisk.version).toBe(3);
    expect(onDisk.sources.map((s) => s.id).sort()).toEqual(['aei-2025-02-10', 'run:r', 'run:r:accounts']);
    for (const s of onDisk.sources) expect(onDisk.reports[s.id]?.source.id).toBe(s.id);
    expect(Object.keys(onDisk.runs)).toEqual(['r']);
    expect(onDisk.runs.r).toEqual(await service['analysis.runReport']({ run: 'r' }, ctx));
    expect(onDisk.runInfo.r).toMatchObject({ run: 'r', status: 'complete', classified: 79, sourceId: 'run:r' });
    expect(onDisk.title).toBe('Task Atlas review: Anthropic Economic Index, release 2025-02-10 (the paper), run r');
    expect(bundleChecksum(onDisk)).toBe(onDisk.checksum);
    expect(onDisk.provenance.dataFiles.length).toBeGreaterThan(0);
    for (const f of onDisk.provenance.dataFiles) {
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(path.basename(f.file)).toBe(f.file);
    }
    expect(onDisk.paper).toEqual(paper);
  });

  it('carries Figure 2’s drill-down for the release and the run', () => {
    expect(bundle.reports['aei-2025-02-10']!.drilldown.length).toBeGreaterThan(15);
    const run = bundle.reports['run:r']!.drilldown;
    expect(run.flatMap((c) => c.occupations.flatMap((o) => o.tasks.map((t) => t.task))).sort()).toEqual(
      ['WRITE reports.', ...KEPT].sort(),
    );
  });

  it('parses with both the engine and the renderer schema, to the same value', () => {
    const raw: unknown = JSON.parse(readFileSync(bundleFile, 'utf8'));
    const engine = engineSchema.parse(raw);
    expect(rendererSchema.parse(raw)).toEqual(engine);
    expect(engine.reports).toEqual(bundle.reports);
    expect(engine.runs).toEqual(bundle.runs);
  });

  it('carries no conversation text, account ids, tasks under the thresholds or local paths', () => {
    const text = readFileSync(bundleFile, 'utf8');
    // Source ids ("run:r:accounts") key the reports: they name a usage source, not a field.
    const ids = new Set(bundle.sources.map((s) => s.id));
    const entries = entriesOf(JSON.parse(text)).filter(([k]) => !ids.has(k));
    const offending = entries.filter(([k]) => FORBIDDEN_KEYS.test(k) && !AGGREGATE_KEYS.has(k)).map(([k]) => k);
    expect(offending).toEqual([]);
    for (const [k, v] of entries) {
      if (!AGGREGATE_KEYS.has(k)) continue;
      if (k === 'conversationVsAccount') expect(Object.keys(v as object).sort()).toEqual(['categories', 'correlation']);
      else expect(typeof v, k).toBe('number');
    }
    for (const needle of [TEXT_MARKER, ACCOUNT_MARKER, ...DROPPED, tmp, process.cwd()]) expect(text).not.toContain(needle);
  });

  it('covers the runs with its checksum: a changed run number no longer matches', () => {
    const damaged = structuredClone(bundle);
    damaged.runs.r!.skills[0]!.pct += 1;
    expect(bundleChecksum(damaged)).not.toBe(bundle.checksum);
    expect(bundleChecksum(bundle)).toBe(bundle.checksum);
  });

  it('still reads version-1 bundles: empty drill-downs, no runs, checksum over the reports', () => {
    const old = asVersion1(bundle) as { reports: unknown; checksum: string };
    expect(checksumText({ version: 1, reports: old.reports })).toBe(JSON.stringify(old.reports));
    const parsed = rendererSchema.parse(JSON.parse(JSON.stringify(old)));
    expect(parsed.version).toBe(1);
    expect(parsed.runs).toEqual({});
    expect(parsed.runInfo).toEqual({});
    for (const r of Object.values(parsed.reports)) expect(r.drilldown).toEqual([]);
    expect(parsed.reports['aei-2025-02-10']!.categories).toEqual(bundle.reports['aei-2025-02-10']!.categories);
    // The renderer hashes the file as written (no drill-downs), which is what version 1 signed.
    expect(bundleChecksum(JSON.parse(JSON.stringify(old)))).toBe(old.checksum);
  });

  it('includes the run behind a "run:" source when a bundle is built for chosen sources (CLI --review)', () => {
    const forRun = buildReviewBundle(source!.db, { sources: ['run:r'], appVersion: 'test' });
    expect(forRun.sources.map((s) => s.id)).toEqual(['run:r']);
    expect(Object.keys(forRun.runs)).toEqual(['r']);
    const forRelease = buildReviewBundle(source!.db, { sources: ['aei-2025-02-10'], appVersion: 'test' });
    expect(forRelease.runs).toEqual({});
    // Naming a run adds its usage source.
    const named = buildReviewBundle(source!.db, { sources: ['aei-2025-02-10'], runs: ['r'], appVersion: 'test' });
    expect(named.sources.map((s) => s.id)).toEqual(['aei-2025-02-10', 'run:r']);
  });

  it('rejects a version-2 bundle whose run has no report for its source', () => {
    const broken = structuredClone(bundle) as { reports: Record<string, unknown> };
    delete broken.reports['run:r'];
    const result = engineSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('no report for the run');
  });
});

describe('the review client', () => {
  let client: ApiClient;
  beforeAll(async () => {
    // Imported by path: the module is DOM-typed (renderer tsconfig), but runs fine under node.
    const modulePath = '../../src-renderer/transport/review-client';
    const { createReviewClient } = (await import(modulePath)) as { createReviewClient: (b: ReviewBundle) => ApiClient };
    client = createReviewClient(bundle);
  });

  it('answers the reads from the bundle, with the source project’s numbers', async () => {
    const first = bundle.sources[0]!;
    await expect(client['analysis.reproduce']({})).resolves.toBe(bundle.reports[first.id]);
    await expect(client['app.info']({})).resolves.toMatchObject({ projectPath: `review: ${bundle.title}` });
    await expect(client['sources.list']({})).resolves.toEqual(bundle.sources);
    await expect(client['analysis.runReport']({ run: 'r' })).resolves.toEqual(await service['analysis.runReport']({ run: 'r' }, ctx));
    const runs = await client['classify.runs']({});
    expect(runs.map((r) => r.run)).toEqual(['r']);
    expect(runs[0]).toEqual(bundle.runInfo.r);
    const pair = { a: 'aei-2025-02-10', b: 'run:r' };
    // The bundle has the reports' top tasks only, so review mode says its task level is those lists;
    // categories and occupations are complete and equal the project's.
    const fromBundle = await client['analysis.compare'](pair);
    const fromProject = await service['analysis.compare'](pair, ctx);
    expect(fromBundle.scope).toEqual({ occupation: 'all', task: 'top' });
    expect(fromBundle.notes[0]).toMatch(/only their top tasks/);
    expect(fromProject.scope.task).toBe('all');
    expect([fromBundle.categories, fromBundle.occupations, fromBundle.metrics.slice(0, 2)]).toEqual([fromProject.categories, fromProject.occupations, fromProject.metrics.slice(0, 2)]);
    await expect(client['review.bundle']({})).resolves.toBe(bundle);
    await expect(client['project.steps']({})).resolves.toMatchObject({ classify: { state: 'done', runs: 1 } });
    await expect(client['jobs.list']({})).resolves.toEqual([]);
  });

  it('says what is not in the bundle, and refuses every write', async () => {
    await expect(client['analysis.runReport']({ run: 'nope' })).rejects.toThrow('the review bundle has no run "nope"');
    await expect(client['analysis.compare']({ a: 'run:r', b: 'nope' })).rejects.toThrow(/no report for source "nope"/);
    await expect(client['settings.get']({})).rejects.toThrow(/not part of a review bundle/);
    await expect(client['reference.importFile']({ kind: 'wages', path: '/x.csv' })).rejects.toThrow(/read-only/);
    await expect(client['reference.importRelease']({ dir: '/x' })).rejects.toThrow(/read-only/);
    await expect(client['jobs.start']({ kind: 'export.run', args: { outDir: '/x' } } as never)).rejects.toThrow(/read-only/);
    await expect(client['settings.setApiKey']({ key: null })).rejects.toThrow(/read-only/);
    await expect(client['project.create']({ path: '/x.sqlite' })).rejects.toThrow(/read-only/);
  });
});
