// The wizard forms' rules: CSV mapping from the engine's suggestion, and the job arguments each form
// builds (hierarchy build, classify run, export) with their checks and defaults.
import { describe, expect, it } from 'vitest';
import { intField } from '../../src-renderer/components/form-values';
import { importArgs, initialMapping, mappingArgs, mappingProblem } from '../../src-renderer/features/conversations/mapping';
import { buildArgs, DEFAULT_BUILD } from '../../src-renderer/features/hierarchy/build-args';
import { classifyArgs, defaultDraft, suggestRunName } from '../../src-renderer/features/classify/classify-args';
import { DEFAULT_EXPORT, exportArgs, reviewBundleName } from '../../src-renderer/features/export/export-args';

describe('CSV column mapping', () => {
  const preview = { columns: ['conv_id', 'user', 'prompt', 'answer'], suggestedMapping: { id: 'conv_id', text: 'prompt', response: 'answer', model: 'llm' } };

  it('prefills from the suggestion, dropping columns the file does not have', () => {
    const draft = initialMapping(preview);
    expect(draft).toMatchObject({ id: 'conv_id', text: 'prompt', response: 'answer', model: '' });
    expect(mappingArgs(draft)).toEqual({ id: 'conv_id', text: 'prompt', response: 'answer' });
  });

  it('needs a text or messages column, and each column once', () => {
    const draft = initialMapping(preview);
    expect(mappingProblem(draft)).toBeUndefined();
    expect(mappingProblem({ ...draft, text: '' })).toMatch(/user text column or a messages column/);
    expect(mappingProblem({ ...draft, account: 'prompt' })).toBe('Column "prompt" is mapped to two fields.');
  });

  it('imports with the format the preview detected and sends a mapping only for CSV', () => {
    expect(importArgs('/d/x.jsonl', 'auto', { format: 'oasst' }, '', undefined)).toEqual({ path: '/d/x.jsonl', format: 'oasst' });
    expect(importArgs('/d/x.csv', 'csv', { format: 'csv', columns: preview.columns }, ' mine ', initialMapping(preview))).toEqual({
      path: '/d/x.csv',
      format: 'csv',
      dataset: 'mine',
      mapping: { id: 'conv_id', text: 'prompt', response: 'answer' },
    });
  });
});

describe('hierarchy build form', () => {
  it('defaults to the paper’s 3 levels and 12 top categories', () => {
    expect(buildArgs(DEFAULT_BUILD)).toEqual({ ok: true, args: { batches: false, levels: 3, nTop: 12, seed: 1 } });
  });

  it('passes a sample size for a trial and refuses nonsense', () => {
    expect(buildArgs({ ...DEFAULT_BUILD, sampleSize: '600', name: ' Trial ' })).toMatchObject({ ok: true, args: { sampleSize: 600, name: 'Trial' } });
    expect(buildArgs({ ...DEFAULT_BUILD, levels: '7' })).toEqual({ ok: false, error: 'Levels must be at most 6' });
    expect(buildArgs({ ...DEFAULT_BUILD, sampleSize: '10' })).toEqual({ ok: false, error: 'Sample size must be at least 50' });
    expect(buildArgs({ ...DEFAULT_BUILD, nTop: '2.5' })).toEqual({ ok: false, error: 'Top-level size must be a whole number' });
  });

  it('reads whole numbers from fields, empty meaning unset', () => {
    expect(intField('N', ' 42 ', 1)).toEqual({ value: 42 });
    expect(intField('N', '', 1)).toEqual({});
    expect(intField('N', '0', 1)).toEqual({ error: 'N must be at least 1' });
  });
});

describe('classify form', () => {
  const ready = { ...defaultDraft(), name: 'pilot-1', datasets: ['oasst'], hierarchyId: 'h1' };

  it('starts from the paper’s thresholds, 15 conversations and 5 accounts', () => {
    expect(classifyArgs(ready)).toEqual({
      ok: true,
      args: { name: 'pilot-1', datasets: ['oasst'], hierarchyId: 'h1', method: 'claude', minConversations: 15, minAccounts: 5, privacySummary: false, batches: false, replicates: 1000, bootstrapSeed: 1 },
    });
  });

  it('says what is missing before a run can start', () => {
    expect(classifyArgs({ ...ready, name: 'bad name' })).toMatchObject({ ok: false });
    expect(classifyArgs({ ...ready, datasets: [] })).toEqual({ ok: false, error: 'Choose at least one conversation dataset' });
    expect(classifyArgs({ ...ready, hierarchyId: '' })).toEqual({ ok: false, error: 'Choose a hierarchy' });
    expect(classifyArgs({ ...ready, minAccounts: '0' })).toEqual({ ok: false, error: 'Minimum accounts must be at least 1' });
  });

  it('drops the Batches API for the offline method and passes a trial limit', () => {
    const args = classifyArgs({ ...ready, method: 'offline-embedding', batches: true, limit: '50' });
    expect(args).toMatchObject({ ok: true, args: { method: 'offline-embedding', batches: false, limit: 50 } });
  });

  it('suggests a run name that is not taken', () => {
    expect(suggestRunName([])).toBe('run-1');
    expect(suggestRunName(['run-2', 'x'])).toBe('run-3');
    expect(suggestRunName(['run-1', 'run-2'])).toBe('run-3');
  });
});

describe('export form', () => {
  it('keeps both privacy opt-ins off unless chosen, and off for releases even when ticked', () => {
    const release = exportArgs({ ...DEFAULT_EXPORT, source: 'aei-2025-02-10', outDir: '/out', includeConversationText: true, includeAccountIds: true });
    expect(release).toMatchObject({ ok: true, args: { source: 'aei-2025-02-10', includeConversationText: false, includeAccountIds: false } });
    const run = exportArgs({ ...DEFAULT_EXPORT, from: 'run', run: 'pilot', outDir: '/out' });
    expect(run).toMatchObject({ ok: true, args: { run: 'pilot', includeConversationText: false, includeAccountIds: false, formats: ['csv'] } });
    const optedIn = exportArgs({ ...DEFAULT_EXPORT, from: 'run', run: 'pilot', outDir: '/out', includeAccountIds: true });
    expect(optedIn).toMatchObject({ ok: true, args: { includeAccountIds: true } });
  });

  it('needs a source or run and a folder', () => {
    expect(exportArgs({ ...DEFAULT_EXPORT, outDir: '/out' })).toEqual({ ok: false, error: 'Choose a source' });
    expect(exportArgs({ ...DEFAULT_EXPORT, source: 's' })).toEqual({ ok: false, error: 'Type the output folder' });
  });

  it('names the review bundle after the project', () => {
    expect(reviewBundleName('study')).toBe('study.taskatlas-review.json');
    expect(reviewBundleName(undefined)).toBe('task-atlas.taskatlas-review.json');
    expect(reviewBundleName('a/b')).toBe('a-b.taskatlas-review.json');
  });
});
