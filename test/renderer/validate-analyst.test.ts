// The analyst's side of Validate without a DOM: the sample form's arguments, the label paths, the
// store's calls through a fake client (a stale answer never wins, an import refreshes the report
// on screen), and every figure of the report as the page writes it.
import { describe, expect, it } from 'vitest';
import type { ApiClient, ApiResults } from '../../src-shared/api';
import { ApiError } from '../../src-renderer/transport/client';
import {
  createAnalystStore,
  defaultSampleDraft,
  labelFilesToSend,
  mergeLabelFiles,
  sampleArgs,
} from '../../src-renderer/features/validate/analyst-store';
import {
  accuracyRows,
  agreementRows,
  correctionMethod,
  disagreementSummary,
  importSummary,
  packetFileName,
  reportSummary,
  shareRows,
  type AnalystReport,
} from '../../src-renderer/features/validate/analyst-report';

const REPORT: AnalystReport = {
  runId: 'run-1',
  packets: ['vp-a', 'vp-b'],
  validators: ['alice', 'bob'],
  task: [
    { name: 'top', level: 2, correct: 29, n: 30, p: 29 / 30, low: 0.8333, high: 0.9941 },
    { name: 'base', level: 0, correct: 25, n: 30, p: 25 / 30, low: 0.6644, high: 0.9266 },
  ],
  pattern: { name: 'pattern', level: null, correct: 15, n: 20, p: 0.75, low: 0.5313, high: 0.8881 },
  patternConfusion: { labels: [], matrix: [] },
  patternConfusionExcluded: 0,
  agreement: [
    { facet: 'task', validators: ['alice', 'bob'], sharedUnits: 87, cohenKappa: 946 / 1120, krippendorffAlpha: 3788 / 4480 },
    { facet: 'pattern', validators: ['alice'], sharedUnits: 0, cohenKappa: null, krippendorffAlpha: null },
  ],
  disagreements: [
    { itemId: 'i1', facet: 'task', level: 0, judgements: { alice: 'correct', bob: 'incorrect' }, tie: true },
    { itemId: 'i2', facet: 'pattern', level: null, judgements: { alice: 'correct', bob: 'incorrect: learning', carol: 'correct' }, tie: false },
  ],
  correctedPatternShares: {
    method: 'design-weighted',
    labels: ['directive', 'learning', 'none'],
    raw: { directive: 0.4, learning: 0.1 },
    corrected: { directive: 0.4, learning: 0.2, none: 0 },
    validatedItems: 20,
    intervals: { directive: { ciLow: 0.3, ciHigh: 0.5 }, learning: { ciLow: 0.12, ciHigh: 0.28 }, none: { ciLow: 0, ciHigh: 0 } },
    design: {
      keptTasksOnly: true,
      population: 200,
      strata: [
        { stratum: 'directive', population: 80, validated: 19, weight: 80 / 19 },
        { stratum: 'learning', population: 20, validated: 1, weight: 20 },
        { stratum: 'none', population: 100, validated: 0, weight: null },
      ],
      outsideDomain: 2,
      bootstrap: { replicates: 1000, seed: 1, level: 0.95 },
    },
  },
};

describe('sample form', () => {
  it('defaults to the paper: 150 items, stratified, seed 1, no file', () => {
    expect(sampleArgs(defaultSampleDraft('run-1'))).toEqual({
      ok: true,
      args: { run: 'run-1', facet: 'task', method: 'stratified', redact: false, size: 150, seed: 1 },
    });
  });

  it('passes the choices and a trimmed output path, leaves blank numbers to the engine', () => {
    const draft = { ...defaultSampleDraft('r'), facet: 'pattern' as const, method: 'simple' as const, size: ' ', seed: '-4', redact: true, outPath: ' ~/p.json ' };
    expect(sampleArgs(draft)).toEqual({ ok: true, args: { run: 'r', facet: 'pattern', method: 'simple', redact: true, seed: -4, outPath: '~/p.json' } });
  });

  it('says why it cannot sample yet', () => {
    expect(sampleArgs(defaultSampleDraft())).toEqual({ ok: false, error: 'Choose a classification run' });
    expect(sampleArgs({ ...defaultSampleDraft('r'), size: '0' })).toEqual({ ok: false, error: 'Sample size must be at least 1' });
    expect(sampleArgs({ ...defaultSampleDraft('r'), size: '5001' })).toEqual({ ok: false, error: 'Sample size must be at most 5000' });
    expect(sampleArgs({ ...defaultSampleDraft('r'), seed: '1.5' })).toEqual({ ok: false, error: 'Seed must be a whole number' });
  });
});

describe('label files chosen or dropped', () => {
  const file = (name: string, text = '{}') => ({ name, text });

  it('keeps one copy per file name, the latest chosen', () => {
    expect(mergeLabelFiles([file('a.json', 'old'), file('b.json')], [file('a.json', 'new')])).toEqual([file('a.json', 'new'), file('b.json')]);
  });

  it('needs one file and at most 100', () => {
    expect(labelFilesToSend([file('a.json')])).toEqual({ ok: true, args: [file('a.json')] });
    expect(labelFilesToSend([])).toEqual({ ok: false, error: 'Choose or drop at least one label file' });
    const many = Array.from({ length: 101 }, (_, i) => file(`f${i}.json`));
    expect(labelFilesToSend(many)).toEqual({ ok: false, error: 'At most 100 label files at once (101 chosen)' });
  });
});

describe('report as shown', () => {
  it('accuracy per level with its Wilson interval, task levels then the pattern', () => {
    expect(accuracyRows(REPORT)).toEqual([
      { key: 'top:2', level: 'Top level', accuracy: '96.7%', interval: '83.3% – 99.4%', counts: '29 / 30' },
      { key: 'base:0', level: 'Base level', accuracy: '83.3%', interval: '66.4% – 92.7%', counts: '25 / 30' },
      { key: 'pattern:p', level: 'Collaboration pattern', accuracy: '75.0%', interval: '53.1% – 88.8%', counts: '15 / 20' },
    ]);
    expect(accuracyRows({ ...REPORT, task: [], pattern: null })).toEqual([]);
  });

  it('agreement with κ and α, and why a statistic is missing', () => {
    expect(agreementRows(REPORT)).toEqual([
      { facet: 'Task path (item × level)', validators: 'alice, bob', sharedUnits: 87, kappa: '0.845', alpha: '0.846', note: '' },
      { facet: 'Collaboration pattern', validators: 'alice', sharedUnits: 0, kappa: '—', alpha: '—', note: 'one validator only' },
    ]);
    const three = { ...REPORT, agreement: [{ facet: 'task' as const, validators: ['a', 'b', 'c'], sharedUnits: 4, cohenKappa: null, krippendorffAlpha: 0.5 }] };
    expect(agreementRows(three)[0]).toMatchObject({ kappa: '—', alpha: '0.500', note: 'κ needs exactly two validators' });
  });

  it('summaries of the run, the disagreements and an import', () => {
    expect(reportSummary(REPORT)).toBe('Run run-1: 2 validators (alice, bob), 2 packets.');
    expect(reportSummary({ ...REPORT, validators: [], packets: ['p'] })).toBe('Run run-1: no validators yet, 1 packet.');
    expect(disagreementSummary(REPORT)).toBe('2 disagreements to adjudicate; 1 is a tie, counted as incorrect until adjudicated.');
    expect(disagreementSummary({ ...REPORT, disagreements: [] })).toBe('No disagreements between validators.');
    expect(importSummary({ files: 1, added: 30, replaced: 2, keptExisting: 0 })).toBe(
      'Imported 1 file: 30 labels added, 2 replaced by newer ones, 0 kept (the stored label was as new or newer).',
    );
  });

  it('raw vs corrected pattern shares with the change in points', () => {
    expect(shareRows(REPORT.correctedPatternShares!)).toEqual([
      { pattern: 'directive', raw: '40.0%', corrected: '40.0%', interval: '30.0%–50.0%', change: '±0.0' },
      { pattern: 'learning', raw: '10.0%', corrected: '20.0%', interval: '12.0%–28.0%', change: '+10.0' },
      { pattern: 'none', raw: '0.0%', corrected: '0.0%', interval: '0.0%–0.0%', change: '±0.0' },
    ]);
    expect(correctionMethod(REPORT.correctedPatternShares!)).toBe(
      'Design-weighted from 20 validated items: each stands for N/n conversations of its predicted pattern (N conversations, n validated), ' +
        'over the 200 conversations whose task passed the privacy thresholds. ' +
        '2 validated items left out: the task fell below the privacy thresholds, or the pattern changed since the draw. ' +
        'Not validated, taken as correctly classified: none (100). ' +
        'One validated item only: learning (of 20); the intervals leave out the spread within that pattern. ' +
        'Intervals: 95% percentile bootstrap, 1000 replicates redrawing the validated items within each predicted pattern (seed 1).',
    );
    const bare = { ...REPORT.correctedPatternShares!, intervals: undefined, design: undefined };
    expect(shareRows(bare)[0]!.interval).toBe('—');
    expect(correctionMethod(bare)).toBe('Corrected from 20 validated items.');
  });

  it('names a downloaded packet safely', () => {
    expect(packetFileName('vp-0123abcd')).toBe('packet-vp-0123abcd.json');
    expect(packetFileName('../x y')).toBe('packet-..-x-y.json');
  });
});

/** A client whose validate calls wait until the test settles them, recording their arguments. */
function fakeClient() {
  const calls: { name: string; args: unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  const pending = (name: string) => (args: unknown) => new Promise((resolve, reject) => calls.push({ name, args, resolve, reject }));
  const client = { 'validate.sample': pending('validate.sample'), 'validate.importLabelsContent': pending('validate.importLabelsContent'), 'validate.report': pending('validate.report') };
  return { client: client as unknown as ApiClient, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('analyst store', () => {
  it('creates a packet with the parsed form, and keeps only the newest answer', async () => {
    const { client, calls } = fakeClient();
    const store = createAnalystStore(() => client);
    store.setDraft({ run: 'run-1', size: '10' });
    const first = store.createPacket();
    store.setDraft({ seed: '2' });
    const second = store.createPacket();
    expect(calls.map((c) => c.args)).toEqual([
      { run: 'run-1', facet: 'task', method: 'stratified', redact: false, size: 10, seed: 1 },
      { run: 'run-1', facet: 'task', method: 'stratified', redact: false, size: 10, seed: 2 },
    ]);
    const answer = (id: string) => ({ packetId: id, items: 10, file: null }) as unknown as ApiResults['validate.sample'];
    calls[1]!.resolve(answer('vp-new'));
    await second;
    calls[0]!.resolve(answer('vp-old'));
    await first;
    expect(store.getSnapshot().sample).toEqual({ status: 'done', result: answer('vp-new') });
  });

  it('shows an import error with its file and line, and refreshes a report after an import', async () => {
    const { client, calls } = fakeClient();
    const store = createAnalystStore(() => client);
    store.setDraft({ run: 'run-1' });
    store.addLabelFiles([{ name: 'bad.json', text: '{' }]);
    const failed = store.importLabels();
    expect(calls[0]!.args).toEqual({ files: [{ name: 'bad.json', text: '{' }] });
    calls[0]!.reject(new ApiError('validate.importLabelsContent', { kind: 'import', message: 'bad.json:3:9: not valid JSON', file: 'bad.json', line: 3 }));
    await failed;
    expect(store.getSnapshot().imported).toEqual({ status: 'error', error: { kind: 'import', message: 'bad.json:3:9: not valid JSON', file: 'bad.json', line: 3 } });

    const report = store.loadReport();
    expect(store.getSnapshot()).toMatchObject({ report: { status: 'running' }, reportRun: 'run-1' });
    calls[1]!.resolve(REPORT);
    await report;
    // The refused file stays listed, to be replaced by a fixed copy of the same name.
    expect(store.getSnapshot().labelFiles).toEqual([{ name: 'bad.json', text: '{' }]);
    store.removeLabelFile('bad.json');
    store.addLabelFiles([{ name: 'good.json', text: '{}' }]);
    const imported = store.importLabels();
    calls[2]!.resolve({ files: 1, added: 5, replaced: 0, keptExisting: 0 });
    await tick();
    expect(calls.map((c) => c.name)).toEqual(['validate.importLabelsContent', 'validate.report', 'validate.importLabelsContent', 'validate.report']);
    expect(store.getSnapshot().labelFiles).toEqual([]);
    calls[3]!.resolve({ ...REPORT, validators: ['alice', 'bob', 'carol'] });
    await imported;
    expect(store.getSnapshot().report).toMatchObject({ status: 'done', result: { validators: ['alice', 'bob', 'carol'] } });
  });

  it('makes no call when the form cannot be sent', async () => {
    const { client, calls } = fakeClient();
    const store = createAnalystStore(() => client);
    await store.createPacket();
    await store.importLabels();
    await store.loadReport();
    expect(calls).toEqual([]);
    expect(store.getSnapshot().sample).toEqual({ status: 'idle' });
  });
});
