// The analyst's side of Validate: the sample form, the label files to import and the last answers
// (packet, import summary, report). An external store, like the validator's, so the form and the
// report survive stepping away and back; it talks to the engine only through the API client given.
import { useSyncExternalStore } from 'react';
import type { ApiArgs, ApiClient, ApiErrorPayload, ApiResults } from '../../../src-shared/api';
import type { ValidationFacet } from '../../../src-shared/validation';
import { toErrorPayload } from '../../components/errors';
import { intField, type Parsed } from '../../components/form-values';
import { getApiClient } from '../../transport/client';

export interface SampleDraft {
  run: string;
  facet: ValidationFacet;
  size: string;
  method: 'simple' | 'stratified';
  seed: string;
  redact: boolean;
  outPath: string;
}

/** The paper's 150 items per facet, stratified, seed 1: the engine's defaults, shown in the form. */
export function defaultSampleDraft(run = ''): SampleDraft {
  return { run, facet: 'task', size: '150', method: 'stratified', seed: '1', redact: false, outPath: '' };
}

export function sampleArgs(draft: SampleDraft): Parsed<ApiArgs<'validate.sample'>> {
  if (!draft.run) return { ok: false, error: 'Choose a classification run' };
  const size = intField('Sample size', draft.size, 1, 5000);
  if (size.error) return { ok: false, error: size.error };
  const seedText = draft.seed.trim();
  const seed = Number(seedText);
  if (seedText !== '' && !Number.isSafeInteger(seed)) return { ok: false, error: 'Seed must be a whole number' };
  const args: ApiArgs<'validate.sample'> = { run: draft.run, facet: draft.facet, method: draft.method, redact: draft.redact };
  if (size.value !== undefined) args.size = size.value;
  if (seedText !== '') args.seed = seed;
  if (draft.outPath.trim()) args.outPath = draft.outPath.trim();
  return { ok: true, args };
}

export const MAX_LABEL_FILES = 100;

/** A label file the analyst chose or dropped: its name and contents (the browser has no server path). */
export interface LabelFileText {
  name: string;
  text: string;
}

/** The chosen files plus new ones; a file chosen again by name replaces the earlier copy. */
export function mergeLabelFiles(current: readonly LabelFileText[], added: readonly LabelFileText[]): LabelFileText[] {
  const byName = new Map(current.map((f) => [f.name, f]));
  for (const f of added) byName.set(f.name, f);
  return [...byName.values()];
}

export function labelFilesToSend(files: readonly LabelFileText[]): Parsed<LabelFileText[]> {
  if (files.length === 0) return { ok: false, error: 'Choose or drop at least one label file' };
  if (files.length > MAX_LABEL_FILES) return { ok: false, error: `At most ${MAX_LABEL_FILES} label files at once (${files.length} chosen)` };
  return { ok: true, args: [...files] };
}

export type CallState<R> = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: R } | { status: 'error'; error: ApiErrorPayload };

export interface AnalystState {
  draft: SampleDraft;
  /** Label files chosen or dropped, waiting to be imported. */
  labelFiles: LabelFileText[];
  sample: CallState<ApiResults['validate.sample']>;
  imported: CallState<ApiResults['validate.importLabels']>;
  report: CallState<ApiResults['validate.report']>;
  /** The run the shown report is about (the draft's run may have changed since). */
  reportRun?: string;
}

export interface AnalystStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): AnalystState;
  setDraft(patch: Partial<SampleDraft>): void;
  addLabelFiles(files: readonly LabelFileText[]): void;
  removeLabelFile(name: string): void;
  createPacket(): Promise<void>;
  importLabels(): Promise<void>;
  loadReport(): Promise<void>;
}

type CallKey = 'sample' | 'imported' | 'report';

export function createAnalystStore(client: () => ApiClient = getApiClient): AnalystStore {
  let state: AnalystState = { draft: defaultSampleDraft(), labelFiles: [], sample: { status: 'idle' }, imported: { status: 'idle' }, report: { status: 'idle' } };
  const listeners = new Set<() => void>();
  const tickets: Record<CallKey, number> = { sample: 0, imported: 0, report: 0 };

  const publish = (patch: Partial<AnalystState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  // A newer call of the same kind supersedes an older one still in flight: a slow, stale answer
  // never replaces the one the user asked for last.
  async function track<K extends CallKey>(key: K, call: () => Promise<AnalystState[K] extends CallState<infer R> ? R : never>, extra: Partial<AnalystState> = {}) {
    const ticket = ++tickets[key];
    publish({ [key]: { status: 'running' }, ...extra });
    try {
      const result = await call();
      if (ticket === tickets[key]) publish({ [key]: { status: 'done', result } });
    } catch (err) {
      if (ticket === tickets[key]) publish({ [key]: { status: 'error', error: toErrorPayload(err) } });
    }
  }

  const loadReport = async () => {
    const run = state.draft.run;
    if (run) await track('report', () => client()['validate.report']({ run }), { reportRun: run });
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    setDraft(patch) {
      publish({ draft: { ...state.draft, ...patch } });
    },
    addLabelFiles(files) {
      publish({ labelFiles: mergeLabelFiles(state.labelFiles, files) });
    },
    removeLabelFile(name) {
      publish({ labelFiles: state.labelFiles.filter((f) => f.name !== name) });
    },
    async createPacket() {
      const parsed = sampleArgs(state.draft);
      if (parsed.ok) await track('sample', () => client()['validate.sample'](parsed.args));
    },
    async importLabels() {
      const parsed = labelFilesToSend(state.labelFiles);
      if (!parsed.ok) return;
      await track('imported', () => client()['validate.importLabelsContent']({ files: parsed.args }));
      // Imported files leave the list; a refused set stays, to be fixed and sent again.
      if (state.imported.status === 'done') publish({ labelFiles: [] });
      // A report on screen for this run is now out of date: recompute it with the new labels.
      if (state.imported.status === 'done' && state.report.status === 'done' && state.reportRun === state.draft.run) await loadReport();
    },
    loadReport,
  };
}

export const analystStore = createAnalystStore();

export function useAnalyst(): AnalystState {
  return useSyncExternalStore(analystStore.subscribe, analystStore.getSnapshot);
}
