// Every prompt kind answered by the fake through the real SDK must satisfy the product's parser
// (hierarchy prompts) or the paper's answer format (Appendix F prompts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Anthropic from '@anthropic-ai/sdk';
import { ASSIGN, DEDUPE, PROPOSE, RENAME, type AssignVars } from '../../src-shared/prompts/hierarchy';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { detectKind } from '../../src-main/fake-anthropic/answers';
import {
  ask,
  CONVERSATIONS,
  PATTERNS,
  patternPrompt,
  screeningPrompt,
  sdk,
  SKILLS,
  skillsPrompt,
  taskPrompt,
} from './helpers';

let fake: FakeAnthropic;
let client: Anthropic;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  client = sdk(fake.baseURL);
});
afterAll(() => fake.close());

const TASKS = [
  'Prepare and manage departmental budgets and expense reports.',
  'Review budget proposals and monitor expenditures.',
  'Schedule staff shifts and coordinate work schedules.',
  'Coordinate staff training sessions and schedules.',
  'Write software code to automate data processing.',
  'Debug and test software applications.',
  'Maintain databases of customer records.',
];

describe('hierarchy prompts', () => {
  it('propose returns exactly the requested number of distinct tasks', async () => {
    for (const count of [1, 3, 9]) {
      const vars = { tasks: TASKS, nearby: ['Greet visitors at the front desk.'], count };
      const parsed = PROPOSE.parse(await ask(client, PROPOSE.render(vars)), vars);
      expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value).toHaveLength(count);
      expect(new Set(parsed.value.map((t) => t.name.toLowerCase())).size).toBe(count);
      for (const t of parsed.value) expect(t.name.split(/\s+/).length).toBeLessThanOrEqual(12);
    }
  });

  it('propose names come from the tasks and are deterministic', async () => {
    const vars = { tasks: TASKS, nearby: [], count: 3 };
    const first = await ask(client, PROPOSE.render(vars));
    expect(await ask(client, PROPOSE.render(vars))).toBe(first);
    expect(first.toLowerCase()).toMatch(/budget|staff|schedule/);
  });

  it('dedupe merges duplicates and lands within [min, max]', async () => {
    const candidates = [
      { name: 'Manage budgets', description: 'a' },
      { name: 'manage budgets', description: 'b' },
      { name: 'Manage department budgets', description: 'c' },
      { name: 'Schedule staff shifts', description: 'd' },
      { name: 'Schedule staff', description: 'e' },
      { name: 'Develop software', description: 'f' },
      { name: 'Develop and test software', description: 'g' },
      { name: 'Maintain customer databases', description: 'h' },
    ];
    const vars = { candidates, target: 4, min: 3, max: 5 };
    const parsed = DEDUPE.parse(await ask(client, DEDUPE.render(vars)), vars);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (parsed.ok) expect(parsed.value.map((t) => t.name)).toEqual(['Manage budgets', 'Schedule staff shifts', 'Develop software', 'Maintain customer databases']);
  });

  it('assign covers every task and ignores the order of the options', async () => {
    const options = [
      { id: 'P1', name: 'Manage budgets', description: 'Prepare budgets and monitor expenditures.' },
      { id: 'P2', name: 'Schedule staff', description: 'Coordinate staff shifts and training schedules.' },
      { id: 'P3', name: 'Develop software', description: 'Write, debug and test software code.' },
      { id: 'P4', name: 'Maintain records', description: 'Maintain customer databases and records.' },
    ];
    const children = TASKS.map((text, i) => ({ id: String(i + 1), text }));
    const answers: Record<string, string>[] = [];
    for (const order of [options, [...options].reverse(), [options[2]!, options[0]!, options[3]!, options[1]!]]) {
      const vars: AssignVars = { options: order, children };
      const parsed = ASSIGN.parse(await ask(client, ASSIGN.render(vars)), vars);
      expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
      if (parsed.ok) answers.push(parsed.value);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ '1': 'P1', '2': 'P1', '3': 'P2', '5': 'P3', '6': 'P3', '7': 'P4' });
  });

  it('rename gives a non-empty name and one-sentence description', async () => {
    const vars = { current: { name: 'Old name', description: 'x' }, children: TASKS.slice(0, 2) };
    const parsed = RENAME.parse(await ask(client, RENAME.render(vars)), vars);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (parsed.ok) expect(parsed.value.name.toLowerCase()).toContain('budget');
  });
});

describe('Appendix F prompts', () => {
  it('F.1 screening continues the prefilled <answer> with Yes or No', async () => {
    expect(await ask(client, screeningPrompt(CONVERSATIONS.coding))).toBe('Yes</answer>');
    expect(await ask(client, screeningPrompt(CONVERSATIONS.greeting))).toBe('No</answer>');
  });

  it('F.2 task mapping answers one option exactly as written', async () => {
    const options = [
      'Teach courses in English language and literature.',
      'Write, update, and maintain computer programs or software packages to handle specific jobs.',
      'Prepare detailed reports on audit findings.',
    ];
    for (const order of [options, [...options].reverse()]) {
      const text = await ask(client, taskPrompt(CONVERSATIONS.coding, order));
      expect(text).toMatch(/^<scratchpad>[\s\S]+<\/scratchpad>\n<answer>/);
      expect(/<answer>([\s\S]*)<\/answer>/.exec(text)?.[1]).toBe(options[1]);
    }
  });

  it('F.3 names the collaboration pattern by the rules', async () => {
    const expected: Record<keyof typeof CONVERSATIONS, string> = {
      coding: 'Directive',
      greeting: 'None',
      learning: 'Learning',
      validation: 'Validation',
      feedback: 'Feedback Loop',
      iteration: 'Task Iteration',
      directive: 'Directive',
    };
    for (const [name, conversation] of Object.entries(CONVERSATIONS)) {
      const text = await ask(client, patternPrompt(conversation));
      expect(text).toMatch(/^<thinking>[\s\S]+<\/thinking>\n<answer>/);
      const pattern = /<answer>([\s\S]*)<\/answer>/.exec(text)?.[1];
      expect(PATTERNS).toContain(pattern);
      expect(pattern, name).toBe(expected[name as keyof typeof CONVERSATIONS]);
    }
  });

  it('F.4 skills come from the offered list only, or none', async () => {
    const picked = (await ask(client, skillsPrompt(CONVERSATIONS.coding))).split(', ');
    expect(picked).toContain('programming');
    expect(picked).toContain('critical thinking');
    for (const s of picked) expect(SKILLS).toContain(s);
    const narrow = await ask(client, skillsPrompt(CONVERSATIONS.coding, ['writing', 'none']));
    expect(narrow).toBe('writing');
    expect(await ask(client, skillsPrompt(CONVERSATIONS.greeting))).toBe('none');
  });

  it('detects every kind and falls back to unknown', () => {
    const kinds = [
      screeningPrompt('x'),
      taskPrompt('x', ['a']),
      patternPrompt('x'),
      skillsPrompt('x'),
      PROPOSE.render({ tasks: ['a'], nearby: [], count: 1 }),
      DEDUPE.render({ candidates: [], target: 1, min: 1, max: 1 }),
      ASSIGN.render({ options: [], children: [] }),
      RENAME.render({ current: { name: 'a', description: '' }, children: [] }),
    ].map((p) => detectKind(p.messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n\n')));
    expect(kinds).toEqual(['screening', 'task-mapping', 'collaboration', 'skills', 'hierarchy.propose', 'hierarchy.dedupe', 'hierarchy.assign', 'hierarchy.rename']);
    expect(detectKind('Tell me a joke.')).toBe('unknown');
  });
});
