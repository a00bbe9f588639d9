// Appendix B.7, the composition question (work, coursework, personal use; four levels each): our
// prompt's strict parser refuses anything outside its options; the report's shares and top tasks on
// a hand-built run; the flag and the form's checkbox; and a run against the fake server that stores
// the answers per conversation (checkpointed under the prompt's version) and reports them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { COMPOSITION_VERSION, compositionTemplate, parseComposition } from '../../src-shared/prompts/composition';
import { screeningTemplate } from '../../src-shared/prompts/classify';
import { COMPOSITION_DIMENSIONS, compositionOptions, compositionShares, dimensionShares, type CompositionShares } from '../../src-shared/composition';
import { openProject, closeProject, type Project } from '../../src-main/engine/project';
import { classifyRun, resolveConfig } from '../../src-main/engine/classify/run';
import { runReport } from '../../src-main/engine/classify/report';
import { estimateClassifyDetail } from '../../src-main/engine/classify/estimate';
import { importRelease } from '../../src-main/engine/ingest';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { llmFor, TEST_MODEL } from '../hierarchy/support';
import { TINY_HIERARCHY } from '../fixtures/tiny-hierarchy';
import { compositionReport } from '../../src-main/engine/classify/composition-report';
import { classifyArgsFrom } from '../../src-main/cli/classify';
import { classifyArgs, defaultDraft } from '../../src-renderer/features/classify/classify-args';
import { cli } from '../support/cli-capture';
import { runReportSchema } from '../../src-shared/review-bundle';

const ANSWER = '<work>Likely work</work>\n<coursework>Non-coursework</coursework>\n<personal>Possibly personal</personal>';

describe('the composition prompt', () => {
  it('is versioned and opens with the conversation message F.1 sends, marked for caching', () => {
    const t = compositionTemplate();
    expect(`${t.id}@${t.version}`).toBe(`classify.composition@${COMPOSITION_VERSION}`);
    const r = t.render({ conversation: 'User: hi' });
    expect(r.messages[0]).toEqual(screeningTemplate().render({ conversation: 'User: hi' }).messages[0]);
    expect(r.cacheMessageIndex).toBe(0);
    // Each question offers exactly the options its parser accepts, in order.
    const offered = [...r.messages.at(-1)!.content.matchAll(/Options: (.*)\.$/gm)].map((m) => m[1]!.split(', ').map((o) => o.slice(1, -1)));
    expect(offered).toEqual(COMPOSITION_DIMENSIONS.map(compositionOptions));
  });

  it('reads the three answers (case, quotes and a final period aside)', () => {
    expect(parseComposition(ANSWER)).toEqual({ ok: true, value: { work: 'likely', coursework: 'non', personal: 'possibly' } });
    const loose = '<work> "explicitly WORK." </work><coursework>Likely coursework</coursework><personal>non-personal</personal>';
    expect(parseComposition(loose)).toEqual({ ok: true, value: { work: 'explicitly', coursework: 'likely', personal: 'non' } });
  });

  it.each([
    ['a level that is not offered', ANSWER.replace('Likely work', 'Maybe work'), /"Maybe work" is not one of Explicitly work, Likely work, Possibly work, Non-work/],
    ['a bare level', ANSWER.replace('Likely work', 'Likely'), /"Likely" is not one of/],
    ['another spelling of an option', ANSWER.replace('Non-coursework', 'Non coursework'), /"Non coursework" is not one of/],
    ["another dimension's option", ANSWER.replace('Non-coursework', 'Non-work'), /"Non-work" is not one of Explicitly coursework/],
    ['a missing tag', ANSWER.replace(/<personal>.*<\/personal>/, ''), /no <personal> tags/],
    ['prose', 'I would need more context before I could classify this conversation.', /no <work> tags/],
  ])('refuses %s', (_, answer, error) => {
    const r = parseComposition(answer);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});

/** A dimension's cumulative shares, explicitly → non. */
const cuts = (s: CompositionShares, d: 'work' | 'coursework' | 'personal') => dimensionShares(s, d).levels.map((l) => Number(l.cumulativePct.toFixed(4)));

describe('composition shares at each confidence cut', () => {
  it('counts each level and cumulates the three yes-levels', () => {
    const s = compositionShares([
      [{ work: 'explicitly', coursework: 'non', personal: 'non' }, 2],
      [{ work: 'possibly', coursework: 'likely', personal: 'non' }, 1],
      [{ work: 'non', coursework: 'explicitly', personal: 'likely' }, 1],
    ]);
    expect(s.conversations).toBe(4);
    expect(dimensionShares(s, 'work').levels.map((l) => [l.label, l.conversations, l.pct])).toEqual([
      ['Explicitly work', 2, 50],
      ['Likely work', 0, 0],
      ['Possibly work', 1, 25],
      ['Non-work', 1, 25],
    ]);
    expect(cuts(s, 'work')).toEqual([50, 50, 75, 25]);
    expect(cuts(s, 'coursework')).toEqual([25, 50, 50, 50]);
    expect(compositionShares([]).dimensions[0]!.levels.every((l) => l.pct === 0)).toBe(true);
  });
});

type Level = 'explicitly' | 'likely' | 'possibly' | 'non';
interface Spec {
  id: string;
  account: string;
  /** [work, coursework, personal], or null: no valid answer. */
  levels: [Level, Level, Level] | null;
  screening: 'ok' | 'screened-out';
  task: string | null;
}

// Twelve conversations: c9 screened out, c10 without a valid answer, c11 in a task under the thresholds.
const SPECS: Spec[] = [
  ...[0, 1, 2, 3].map((i): Spec => ({ id: `c${i}`, account: `a${i}`, levels: ['explicitly', 'non', 'non'], screening: 'ok', task: 'b-code' })),
  // Two conversations of one account: within the coursework group, b-code misses the account threshold.
  ...[4, 5].map((i): Spec => ({ id: `c${i}`, account: 'a4', levels: ['likely', 'likely', 'non'], screening: 'ok', task: 'b-code' })),
  { id: 'c6', account: 'a6', levels: ['possibly', 'non', 'possibly'], screening: 'ok', task: 'b-stories' },
  ...[7, 8].map((i): Spec => ({ id: `c${i}`, account: `a${i}`, levels: ['non', 'possibly', 'likely'], screening: 'ok', task: 'b-stories' })),
  { id: 'c9', account: 'a9', levels: ['non', 'explicitly', 'non'], screening: 'screened-out', task: null },
  { id: 'c10', account: 'a10', levels: null, screening: 'ok', task: 'b-code' },
  { id: 'c11', account: 'a11', levels: ['non', 'non', 'explicitly'], screening: 'ok', task: 'b-reports' },
];

describe('the run report’s composition on a hand-built run', () => {
  let project: Project;
  const cfg = resolveConfig({ name: 'r', datasets: ['d'], hierarchyId: 'h', composition: true, thresholds: { minConversations: 2, minAccounts: 2 } });
  const counts = {
    accountsKnown: true,
    tasks: [
      { nodeId: 'b-code', task: 'Write code.', conversations: 7, accounts: 6, kept: true },
      { nodeId: 'b-reports', task: 'Write reports.', conversations: 1, accounts: 1, kept: false },
      { nodeId: 'b-stories', task: 'Write stories.', conversations: 3, accounts: 3, kept: true },
    ],
  };

  beforeAll(() => {
    project = openProject(':memory:', { resourcesDir: resolve(__dirname, '../../resources') });
    const db = project.db;
    db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES ('r', ?, 'complete', '', '')").run(JSON.stringify(cfg));
    db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('i', 'd', 'f', 'jsonl', '', 'complete', '')").run();
    const conv = db.prepare("INSERT INTO conversation (id, dataset, account_id, model, messages_json, turns, chars, import_id) VALUES (?, 'd', ?, 'm', '[]', 1, 1, 'i')");
    const put = db.prepare("INSERT INTO classification (run_id, conversation_id, facet, status, value, reason) VALUES ('r', ?, ?, ?, ?, ?)");
    for (const s of SPECS) {
      conv.run(s.id, s.account);
      const [work, coursework, personal] = s.levels ?? [];
      if (s.levels) put.run(s.id, 'composition', 'ok', JSON.stringify({ work, coursework, personal }), null);
      else put.run(s.id, 'composition', 'unclassified', null, 'invalid: "Maybe work" is not one of …');
      put.run(s.id, 'screening', s.screening, s.screening === 'ok' ? 'yes' : 'no', null);
      if (s.task) put.run(s.id, 'task', 'ok', s.task, null);
    }
  });
  afterAll(() => closeProject(project));

  it('is null for a run that did not ask', () => {
    expect(compositionReport(project.db, { ...cfg, composition: false }, counts)).toBeNull();
  });

  it('gives the shares before screening (every valid answer) and after (screened in, with a task)', () => {
    const c = compositionReport(project.db, cfg, counts)!;
    expect(c.promptVersion).toBe(`classify.composition@${COMPOSITION_VERSION}`);
    expect(c.unclassified).toBe(1);
    expect(c.beforeScreening.conversations).toBe(11);
    expect(dimensionShares(c.beforeScreening, 'work').levels.map((l) => l.conversations)).toEqual([4, 2, 1, 4]);
    expect(c.afterScreening.conversations).toBe(10);
    expect(cuts(c.afterScreening, 'work')).toEqual([40, 60, 70, 30]);
    expect(cuts(c.afterScreening, 'coursework')).toEqual([0, 20, 40, 60]);
    expect(cuts(c.afterScreening, 'personal')).toEqual([10, 30, 40, 60]);
  });

  it('lists the top tasks of non-work and coursework conversations under the run’s thresholds within each group', () => {
    const [nonWork, coursework] = compositionReport(project.db, cfg, counts)!.topTasks;
    // Non-work: c7, c8 (stories, two accounts) and c11 (reports: under the thresholds overall).
    expect(nonWork).toMatchObject({ group: 'non-work', conversations: 3, tasksUnderThresholds: 1 });
    expect(nonWork!.tasks.map((t) => [t.task, t.conversations, Number(t.pct.toFixed(2))])).toEqual([['Write stories.', 2, 66.67]]);
    // Coursework (any yes-level): c4, c5 (code, one account: under the account threshold) and c7, c8.
    expect(coursework).toMatchObject({ group: 'coursework', conversations: 4, tasksUnderThresholds: 1 });
    expect(coursework!.tasks.map((t) => [t.task, t.conversations, t.pct])).toEqual([['Write stories.', 2, 50]]);
  });
});

describe('asking for it', () => {
  it('the CLI flag and the form’s checkbox set composition (Claude method only)', () => {
    expect(classifyArgsFrom({ run: 'r', dataset: ['c'], composition: true }, 'h').composition).toBe(true);
    expect(classifyArgsFrom({ run: 'r', dataset: ['c'] }, 'h').composition).toBeUndefined();
    const draft = { ...defaultDraft(), name: 'r', datasets: ['c'], hierarchyId: 'h', composition: true };
    const on = classifyArgs(draft);
    expect(on.ok && on.args.composition).toBe(true);
    const offline = classifyArgs({ ...draft, method: 'offline-embedding' });
    expect(offline.ok && offline.args.composition).toBeUndefined();
  });

  it.each([
    [['--composition=yes'], '--composition takes no value'],
    [['--offline', '--composition'], /--offline.*--composition|--composition.*--offline/],
  ])('the CLI refuses %j with exit 2 and one line', async (extra, message) => {
    const r = await cli(['classify', '--run', 'r', '--dataset', 'c', ...extra]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
    if (typeof message === 'string') expect(r.err).toContain(message);
    else expect(r.err).toMatch(message);
  });

  it('refuses the composition question with the offline method', () => {
    expect(() => resolveConfig({ name: 'x', datasets: ['c'], hierarchyId: 'h', method: 'offline-embedding', composition: true })).toThrow(/needs the Claude method/);
  });
});

// Each text is built for the fake's keyword rules (src-main/fake-anthropic/composition-answers.ts).
const CONVERSATIONS = [
  ['job', "Please write code for my company's billing software and budgets this week.", { work: 'explicitly', coursework: 'non', personal: 'non' }],
  ['homework', 'Please explain the stories we read for my homework assignment in the writing class.', { work: 'non', coursework: 'explicitly', personal: 'likely' }],
  ['family', "Write stories about dragons for my daughter's birthday party next weekend please.", { work: 'non', coursework: 'non', personal: 'explicitly' }],
  ['vague', 'Direct budgets and approve hires for the office management work this quarter.', { work: 'possibly', coursework: 'non', personal: 'non' }],
  // Too short for the fake's screening: screened out, yet asked the composition question.
  ['hello', 'hi there', { work: 'non', coursework: 'non', personal: 'possibly' }],
] as const;

describe('a run with the composition question, against the fake server', () => {
  let project: Project;
  let fake: FakeAnthropic;
  const models = { screening: TEST_MODEL, task: TEST_MODEL, pattern: TEST_MODEL, skills: TEST_MODEL, summary: TEST_MODEL };
  const base = { datasets: ['c'], hierarchyId: 'h', models, facets: ['screening' as const, 'task' as const], thresholds: { minConversations: 1, minAccounts: 1 } };

  const write = async (dir: string, dataset: string, texts: readonly string[]) => {
    const file = join(dir, `${dataset}.jsonl`);
    const line = (t: string, i: number) => JSON.stringify({ id: `${dataset}${i}`, account_id: `acct-${i}`, messages: [{ role: 'user', content: t }, { role: 'assistant', content: 'Done.' }] });
    writeFileSync(file, texts.map(line).join('\n') + '\n');
    await importConversations(project.db, file, { dataset });
  };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-composition-'));
    project = openProject(join(dir, 'p.sqlite'), { resourcesDir: resolve(__dirname, '../../resources') });
    importRelease(project.db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
    importHierarchy(project.db, 'h.json', TINY_HIERARCHY);
    await write(dir, 'c', CONVERSATIONS.map((c) => c[1]));
    await write(dir, 'bad', ['Please write a cover letter for the job I am applying to next week.']);
    fake = await startFakeAnthropic({ seed: 5 });
    const llm = llmFor(project, fake);
    await classifyRun({ db: project.db, llm }, { ...base, name: 'with', composition: true });
    await classifyRun({ db: project.db, llm }, { ...base, name: 'without' });
    // Every answer off the options: the conversation ends unclassified on this facet, with the reason.
    fake.setOptions({ outOfOptionsRate: 1 });
    await classifyRun({ db: project.db, llm }, { ...base, name: 'refused', datasets: ['bad'], facets: [], composition: true });
    fake.setOptions({ outOfOptionsRate: 0 });
  }, 60_000);
  afterAll(async () => {
    closeProject(project);
    await fake.close();
  });

  const rows = (run: string) =>
    project.db.prepare("SELECT conversation_id AS id, status, value, reason FROM classification WHERE run_id = ? AND facet = 'composition' ORDER BY id").all(run) as {
      id: string; status: string; value: string | null; reason: string | null;
    }[];

  it('stores every conversation’s answers, screened out included, checkpointed under the prompt’s version', () => {
    const stored = Object.fromEntries(rows('with').map((r) => [r.id, JSON.parse(r.value!)]));
    expect(stored).toEqual(Object.fromEntries(CONVERSATIONS.map((c, i) => [`c:c${i}`, c[2]])));
    const version = `classify.composition@${COMPOSITION_VERSION}`;
    // Five answers of run "with" and the failed one of run "refused".
    const checkpoints = project.db.prepare('SELECT status, count(*) AS n FROM step_checkpoint WHERE step = ? AND prompt_version = ? GROUP BY status ORDER BY status');
    expect(checkpoints.all('classify.composition', version)).toEqual([{ status: 'failed', n: 1 }, { status: 'ok', n: 5 }]);
    const cfg = (run: string) => JSON.parse(project.db.prepare('SELECT config_json FROM classify_run WHERE id = ?').pluck().get(run) as string);
    expect(cfg('with').promptVersions.composition).toBe(version);
    expect(cfg('without').promptVersions.composition).toBeUndefined();
    expect(rows('without')).toEqual([]);
  });

  it('records an answer outside the options as a per-conversation failure with the reason', () => {
    expect(rows('refused')).toEqual([{ id: 'bad:bad0', status: 'unclassified', value: null, reason: expect.stringMatching(/"Maybe work" is not one of/) }]);
  });

  it('resumes without asking again', async () => {
    const before = fake.stats().requests;
    await classifyRun({ db: project.db, llm: llmFor(project, fake) }, { ...base, name: 'with', composition: true });
    expect(fake.stats().requests).toBe(before);
  });

  it('reports the composition before and after screening, and null for a run that did not ask', () => {
    expect(runReport(project.db, 'without', 'mini').composition).toBeNull();
    const c = runReport(project.db, 'with', 'mini').composition!;
    expect([c.beforeScreening.conversations, c.afterScreening.conversations, c.unclassified]).toEqual([5, 4, 0]);
    expect(cuts(c.beforeScreening, 'work')).toEqual([20, 20, 40, 60]);
    expect(cuts(c.afterScreening, 'work')).toEqual([25, 25, 50, 50]);
    expect(cuts(c.afterScreening, 'coursework')).toEqual([25, 25, 25, 75]);
    const nonWork = c.topTasks.find((g) => g.group === 'non-work')!;
    expect(nonWork.conversations).toBe(2);
    expect(nonWork.tasks.reduce((s, t) => s + t.conversations, 0)).toBe(2);
    // A review bundle carries it as it is.
    expect(runReportSchema.parse(runReport(project.db, 'with', 'mini')).composition).toEqual(c);
  });

  it('prices one more call per conversation', () => {
    const detail = (composition: boolean) => estimateClassifyDetail(project.db, resolveConfig({ ...base, name: 'e', composition })).modes.direct.calls;
    expect(detail(true) - detail(false)).toBe(5);
  });
});
