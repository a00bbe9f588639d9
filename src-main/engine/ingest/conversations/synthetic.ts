// Deterministic synthetic conversations (generic JSONL) for benchmarks, memory tests and the
// app's demo mode. User messages are filled-in templates of recognisable work tasks, so a
// rule-based or LLM classifier has real signal to find; the same seed always gives the same file.
import { open } from 'node:fs/promises';
import { mulberry32 } from '../../cluster/seeding';

const TASKS: readonly string[] = [
  'Can you help me debug this Python function? It raises a KeyError when the {thing} list is empty.',
  'Write an email to {person} explaining that the {thing} delivery will be two weeks late.',
  'Explain how {concept} works, in terms a new analyst would understand.',
  'Review my essay on {topic} and suggest how to tighten the argument.',
  'Draft a cover letter for a {job} position at a mid-sized company.',
  'Summarise this quarterly report on {thing} sales for the board in five bullet points.',
  'Write a SQL query that returns the top 10 customers by {thing} revenue last month.',
  'Translate this product description for our {thing} into Spanish.',
  'Create a lesson plan for a 45-minute class on {topic} for high-school students.',
  'Refactor this JavaScript component so the {thing} table renders faster.',
  'Write unit tests for a function that parses {thing} invoices.',
  'Help me prepare for a job interview as a {job}.',
  'Draft a clause for a services contract covering {thing} confidentiality.',
  'Analyse this spreadsheet of {thing} expenses and point out anything unusual.',
  'Write marketing copy for the launch of our new {thing}.',
  'Explain the difference between {concept} and linear regression for a stakeholder memo.',
  'Give me feedback on this patient-education leaflet about {topic}.',
  'Plan a two-week sprint for a team building a {thing} tracking app.',
];

const FOLLOW_UPS: readonly string[] = [
  'Can you make it shorter and more formal?',
  'Thanks. Now add error handling for the edge cases.',
  'Could you explain the second step in more detail?',
  'Please rewrite it for a non-technical audience.',
  'Add a short summary at the top.',
  'What would you change if the deadline were tomorrow?',
];

const FILL: Record<string, readonly string[]> = {
  thing: ['inventory', 'payroll', 'solar panel', 'coffee machine', 'shipment', 'subscription', 'warehouse', 'insurance'],
  person: ['our largest client', 'the hiring manager', 'my landlord', 'the project sponsor', 'a supplier'],
  concept: ['gradient descent', 'double-entry bookkeeping', 'TCP congestion control', 'compound interest', 'a Kalman filter'],
  topic: ['climate policy', 'the French Revolution', 'type 2 diabetes', 'remote work', 'photosynthesis'],
  job: ['data analyst', 'registered nurse', 'software engineer', 'paralegal', 'marketing manager'],
};

const REPLIES: readonly string[] = [
  'Sure. Here is a first version you can adapt to your situation.',
  'The key idea is to break the problem into smaller steps and check each one before moving on.',
  'I would start by clarifying the goal, then list the constraints, then draft the text.',
  'Below is a revised draft with the main changes explained after it.',
  'There are three likely causes; the most common one is an unchecked empty input.',
];

const MODELS: readonly string[] = ['claude-3-5-sonnet', 'claude-3-haiku', 'gpt-4o', 'gpt-4o-mini'];
const ACCOUNTS = 5000;
const START_MS = Date.UTC(2025, 0, 1);
const SPAN_MS = 90 * 24 * 3600 * 1000;
const WRITE_BYTES = 1 << 20;

// Math.random cannot be seeded; the engine's mulberry32 gives the same file for the same seed.
const rng = mulberry32;

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

function userTask(r: () => number): string {
  return pick(r, TASKS).replace(/\{(\w+)\}/g, (_, k: string) => pick(r, FILL[k] ?? ['it']));
}

function reply(r: () => number): string {
  const n = 1 + Math.floor(r() * 3);
  return Array.from({ length: n }, () => pick(r, REPLIES)).join(' ');
}

/** One conversation of 2–6 messages (1–3 user turns, each answered). */
export function syntheticConversation(r: () => number, i: number): object {
  const turns = 1 + Math.floor(r() * 3);
  const messages: { role: string; content: string }[] = [];
  for (let t = 0; t < turns; t++) {
    messages.push({ role: 'user', content: t === 0 ? userTask(r) : pick(r, FOLLOW_UPS) });
    messages.push({ role: 'assistant', content: reply(r) });
  }
  return {
    id: `syn-${i}`,
    account_id: `acct-${String(Math.floor(r() * ACCOUNTS)).padStart(4, '0')}`,
    model: pick(r, MODELS),
    timestamp: new Date(START_MS + Math.floor(r() * SPAN_MS)).toISOString(),
    messages,
  };
}

/** Writes n conversations as JSONL to `file`, in ~1 MiB writes; returns the bytes written. */
export async function generateSynthetic(file: string, n: number, seed = 1): Promise<number> {
  const r = rng(seed);
  const fh = await open(file, 'w');
  let bytes = 0;
  try {
    let buf: string[] = [];
    let size = 0;
    for (let i = 0; i < n; i++) {
      const line = JSON.stringify(syntheticConversation(r, i)) + '\n';
      buf.push(line);
      size += line.length;
      if (size >= WRITE_BYTES || i === n - 1) {
        const chunk = Buffer.from(buf.join(''), 'utf8');
        await fh.write(chunk);
        bytes += chunk.length;
        buf = [];
        size = 0;
      }
    }
  } finally {
    await fh.close();
  }
  return bytes;
}
