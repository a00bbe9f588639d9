// Before a run: each dataset's account coverage and warnings when the thresholds cannot work as the
// paper's do; after it: tasks and conversations kept vs dropped. Also the oasst import choice.
import { describe, expect, it } from 'vitest';
import type { ConversationDatasetInfo } from '../../src-shared/api';
import {
  accountCoverage,
  coverageText,
  keptShort,
  keptText,
  planOfDraft,
  privacyOfReport,
  runOfJob,
  thresholdWarnings,
} from '../../src-renderer/features/classify/coverage';
import { defaultDraft } from '../../src-renderer/features/classify/classify-args';
import { importArgs } from '../../src-renderer/features/conversations/mapping';

const dataset = (name: string, conversations: number, withAccount: number): ConversationDatasetInfo => ({
  dataset: name,
  conversations,
  accounts: withAccount > 0 ? Math.ceil(withAccount / 3) : 0,
  withAccount,
  files: [`${name}.jsonl`],
  importedAt: '2025-02-01T00:00:00Z',
  badRows: 0,
  status: 'complete',
  incompleteFiles: [],
});

const wildchat = dataset('wildchat', 1445, 0);
const oasst = dataset('oasst', 1003, 1003);
const big = dataset('big', 40_000, 30_000);

describe('account coverage', () => {
  it('is the share of conversations with an account id', () => {
    expect(accountCoverage(big)).toBe(0.75);
    expect(coverageText(big)).toBe('75% with an account id');
    expect(coverageText(wildchat)).toBe('no account ids');
    expect(accountCoverage(dataset('empty', 0, 0))).toBe(0);
  });
});

describe('threshold warnings before a run', () => {
  const plan = (over: Partial<ReturnType<typeof defaultDraft>>) => planOfDraft({ ...defaultDraft(), ...over });

  it('says the account threshold cannot apply when no chosen conversation has an account id', () => {
    const warnings = thresholdWarnings([wildchat, oasst, big], plan({ datasets: ['wildchat'] }));
    expect(warnings[0]).toMatch(/^None of the chosen conversations has an account id, so the account threshold \(≥5 accounts per task\) cannot be applied/);
  });

  it('warns that a small corpus leaves most tasks under the thresholds, counting the trial limit', () => {
    const small = thresholdWarnings([oasst], plan({ datasets: ['oasst'] }));
    expect(small).toEqual([expect.stringMatching(/^Only 1,003 conversations for thresholds of ≥15 conversations per task: most tasks will fall under them .*roughly 1,500 or more/)]);
    // Lowered thresholds for a trial: 1,003 ≥ 100 × 2, no warning.
    expect(thresholdWarnings([oasst], plan({ datasets: ['oasst'], minConversations: '2', minAccounts: '1' }))).toEqual([]);
    // A big corpus classified only in part is a small run.
    expect(thresholdWarnings([big], plan({ datasets: ['big'], limit: '100' }))).toEqual([expect.stringContaining('Only 100 conversations')]);
    expect(thresholdWarnings([big], plan({ datasets: ['big'] }))).toEqual([]);
  });

  it('says nothing before a dataset is chosen, and reads half-typed numbers as the defaults', () => {
    expect(thresholdWarnings([wildchat], plan({ datasets: [] }))).toEqual([]);
    expect(planOfDraft({ ...defaultDraft(), minConversations: '', minAccounts: 'x', limit: '0' })).toEqual({ datasets: [], minConversations: 15, minAccounts: 5 });
  });
});

describe('kept vs dropped after a run', () => {
  const privacy = { tasksKept: 12, tasksDropped: 28, conversationsKept: 300, conversationsDropped: 50, accountsKnown: true };

  it('states tasks and conversations kept and dropped', () => {
    expect(keptText(privacy)).toBe('Kept 12 of 40 tasks (300 of 350 conversations); 28 tasks (50 conversations) fell under the privacy thresholds.');
    expect(keptShort(privacy)).toBe('12 / 40 tasks, 300 / 350 conversations');
    expect(keptText({ ...privacy, tasksDropped: 1, conversationsDropped: 1, accountsKnown: false })).toBe(
      'Kept 12 of 13 tasks (300 of 301 conversations); 1 task (1 conversation) fell under the privacy thresholds. No account ids: only the conversation threshold applied.',
    );
  });

  it('reads the same counts from a run report, and finds the run a job started', () => {
    const report = { accountsKnown: true, tasks: { total: 40, kept: 12, dropped: 28, conversationsKept: 300, conversationsDropped: 50 } };
    expect(privacyOfReport(report)).toEqual(privacy);
    const runs = [{ run: 'r1' }, { run: 'r2' }] as never[];
    expect(runOfJob(runs, { name: 'r2' })).toEqual({ run: 'r2' });
    expect(runOfJob(runs, { outDir: 'x' })).toBeUndefined();
  });
});

describe('oasst import choice', () => {
  it('sends "one conversation per tree" only for oasst files', () => {
    expect(importArgs('/d/o.jsonl', 'auto', { format: 'oasst' }, '', undefined, 'longest')).toEqual({ path: '/d/o.jsonl', format: 'oasst', oasstMode: 'longest' });
    expect(importArgs('/d/o.jsonl', 'auto', { format: 'oasst' }, '', undefined, 'branches')).toEqual({ path: '/d/o.jsonl', format: 'oasst' });
    expect(importArgs('/d/w.jsonl', 'auto', { format: 'wildchat' }, '', undefined, 'longest')).toEqual({ path: '/d/w.jsonl', format: 'wildchat' });
  });
});
