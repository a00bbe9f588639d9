// The build form's text fields → hierarchy.build arguments, with the reason when they do not make
// one (so the Build button can say why it is disabled instead of failing on the server).
import type { JobArgs } from '../../../src-shared/jobs';
import { intField, type Parsed } from '../../components/form-values';

export interface BuildDraft {
  name: string;
  taskDataset: string;
  levels: string;
  nTop: string;
  sampleSize: string;
  seed: string;
  batches: boolean;
}

export const DEFAULT_BUILD: BuildDraft = { name: '', taskDataset: '', levels: '3', nTop: '12', sampleSize: '', seed: '1', batches: false };

export function buildArgs(draft: BuildDraft): Parsed<JobArgs<'hierarchy.build'>> {
  const levels = intField('Levels', draft.levels, 2, 6);
  const nTop = intField('Top-level size', draft.nTop, 2);
  const sample = intField('Sample size', draft.sampleSize, 50);
  const seed = intField('Seed', draft.seed, Number.MIN_SAFE_INTEGER);
  const error = levels.error ?? nTop.error ?? sample.error ?? seed.error;
  if (error) return { ok: false, error };
  if (sample.value !== undefined && nTop.value !== undefined && sample.value <= nTop.value) {
    return { ok: false, error: 'The sample must be larger than the top level' };
  }
  const args: JobArgs<'hierarchy.build'> = { batches: draft.batches };
  if (draft.name.trim()) args.name = draft.name.trim();
  if (draft.taskDataset.trim()) args.taskDataset = draft.taskDataset.trim();
  if (levels.value !== undefined) args.levels = levels.value;
  if (nTop.value !== undefined) args.nTop = nTop.value;
  if (sample.value !== undefined) args.sampleSize = sample.value;
  if (seed.value !== undefined) args.seed = seed.value;
  return { ok: true, args };
}
