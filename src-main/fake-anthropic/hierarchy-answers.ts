// Answers to the hierarchy prompts of src-shared/prompts/hierarchy.ts (propose, dedupe, assign,
// rename), built from the prompt's own task lists so that they always satisfy the parsers there.
// Choices never depend on the order in which the prompt lists things that the product shuffles.
import { escapeXml, unescapeXml } from '../../src-shared/prompts/types';
import { compareText, contentSet, describe, elements, firstBlock, jaccard, nameFrom, overlap } from './text';
import type { Draft } from './types';

interface Named {
  name: string;
  description: string;
}

function taskTexts(block: string | null): string[] {
  if (block === null) return [];
  return elements(block, 'task')
    .map((e) => unescapeXml(e.body).trim())
    .filter((t) => t.length > 0);
}

function taskXml(t: Named): string {
  return `<task><name>${escapeXml(t.name)}</name><description>${escapeXml(t.description)}</description></task>`;
}

/** First integer captured by `re` in the prompt after `marker` (the instructions follow the data). */
function intAfter(prompt: string, marker: string, re: RegExp, fallback: number): number {
  const n = Number(re.exec(prompt.slice(Math.max(0, prompt.lastIndexOf(marker))))?.[1]);
  return Number.isInteger(n) ? n : fallback;
}

/** n contiguous chunks whose sizes differ by at most one (empty chunks when n > items). */
function chunks<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < n; i++) out.push(items.slice(Math.floor((i * items.length) / n), Math.floor(((i + 1) * items.length) / n)));
  return out;
}

/** A name not used yet in this answer: widen it with more words first, number it as a last resort. */
function uniqueName(texts: readonly string[], used: Set<string>): string {
  for (let size = 3; size <= 5; size++) {
    const name = nameFrom(texts, size);
    if (!used.has(name.toLowerCase())) return name;
  }
  const base = nameFrom(texts);
  let k = 2;
  while (used.has(`${base} (part ${k})`.toLowerCase())) k++;
  return `${base} (part ${k})`;
}

export function answerPropose(prompt: string): Draft {
  const tasks = taskTexts(firstBlock(prompt, 'tasks'));
  const count = Math.max(1, intAfter(prompt, '</nearby_tasks>', /Propose (\d+) higher-level tasks/, 3));
  const used = new Set<string>();
  const proposed = chunks(tasks, count).map((chunk) => {
    const name = uniqueName(chunk, used);
    used.add(name.toLowerCase());
    return { name, description: describe(chunk) };
  });
  return { text: `<answer>\n${proposed.map(taskXml).join('\n')}\n</answer>` };
}

interface Group extends Named {
  words: Set<string>;
}

function parseCandidates(prompt: string): Named[] {
  return elements(firstBlock(prompt, 'candidates') ?? '', 'task').map((e) => ({
    name: unescapeXml(firstBlock(e.body, 'name') ?? '').trim(),
    description: unescapeXml(firstBlock(e.body, 'description') ?? '').trim(),
  }));
}

/** Drop exact duplicates (case-insensitive), keeping the first; returns kept and dropped. */
function mergeExact(candidates: readonly Named[]): { kept: Group[]; dropped: Group[] } {
  const seen = new Set<string>();
  const kept: Group[] = [];
  const dropped: Group[] = [];
  for (const c of candidates) {
    const key = c.name.toLowerCase();
    const group = { ...c, words: contentSet(c.name) };
    (seen.has(key) ? dropped : kept).push(group);
    seen.add(key);
  }
  return { kept, dropped };
}

/**
 * Merge the most similar pair (word Jaccard of names; ties: earliest pair, keeping the earlier
 * name) until `target` remain. Scores are cached and only the grown group's row is rescored, so
 * a few hundred candidates stay fast.
 */
function mergeToTarget(groups: Group[], target: number): Group[] {
  const n = groups.length;
  const sim = new Float64Array(n * n);
  const alive = groups.map(() => true);
  const rescore = (i: number, j: number) => {
    const [a, b] = i < j ? [i, j] : [j, i];
    sim[a * n + b] = jaccard(groups[a]!.words, groups[b]!.words);
  };
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) rescore(i, j);
  for (let count = n; count > Math.max(1, target); count--) {
    let best = { score: -1, i: 0, j: 1 };
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) if (alive[j] && sim[i * n + j]! > best.score) best = { score: sim[i * n + j]!, i, j };
    }
    alive[best.j] = false;
    for (const w of groups[best.j]!.words) groups[best.i]!.words.add(w);
    for (let k = 0; k < n; k++) if (alive[k] && k !== best.i) rescore(k, best.i);
  }
  return groups.filter((_, i) => alive[i]);
}

export function answerDedupe(prompt: string): Draft {
  const candidates = parseCandidates(prompt);
  const instructions = prompt.slice(Math.max(0, prompt.lastIndexOf('</candidates>')));
  const range = /at least (\d+), at most (\d+)/.exec(instructions);
  const min = Number(range?.[1] ?? 1);
  const max = Number(range?.[2] ?? candidates.length);
  const target = Math.min(max, Math.max(min, intAfter(prompt, '</candidates>', /about (\d+)/, max)));
  const exact = mergeExact(candidates);
  const kept = mergeToTarget(exact.kept, target);
  const dropped = exact.dropped;
  // The parser's range wins over neatness: if merging exact duplicates left too few, give some back.
  while (kept.length < min && dropped.length > 0) kept.push(dropped.shift()!);
  return { text: `<answer>\n${kept.map(taskXml).join('\n')}\n</answer>` };
}

interface Option {
  id: string;
  text: string;
  words: Set<string>;
}

function parseOptions(prompt: string): Option[] {
  return elements(firstBlock(prompt, 'higher_level_tasks') ?? '', 'option')
    .filter((e): e is { id: string; body: string } => e.id !== null)
    .map((e) => ({ id: e.id, text: unescapeXml(e.body).trim(), words: contentSet(unescapeXml(e.body)) }))
    .sort((a, b) => compareText(a.text, b.text) || compareText(a.id, b.id));
}

/** Highest overlap wins; options are pre-sorted by text, so ties never depend on the shown order. */
function bestOption(options: readonly Option[], text: string): Option | undefined {
  const words = contentSet(text);
  let best: { option: Option; score: number } | undefined;
  for (const option of options) {
    const score = overlap(words, option.words);
    if (!best || score > best.score) best = { option, score };
  }
  return best?.option;
}

function bogusId(taken: ReadonlySet<string>): string {
  let k = 999;
  while (taken.has(`P${k}`)) k++;
  return `P${k}`;
}

export function answerAssign(prompt: string): Draft {
  const options = parseOptions(prompt);
  const children = elements(firstBlock(prompt, 'lower_level_tasks') ?? '', 'task').filter(
    (e): e is { id: string; body: string } => e.id !== null,
  );
  const lines = children.map((c) => `${c.id}: ${bestOption(options, unescapeXml(c.body))?.id ?? options[0]?.id ?? 'P1'}`);
  const wrap = (body: readonly string[]) => `<answer>\n${body.join('\n')}\n</answer>`;
  return {
    text: wrap(lines),
    outOfOptions: () => {
      const bogus = bogusId(new Set(options.map((o) => o.id)));
      return wrap(lines.map((line, i) => (i === 0 ? line.replace(/:\s*\S+$/, `: ${bogus}`) : line)));
    },
  };
}

export function answerRename(prompt: string): Draft {
  const children = taskTexts(firstBlock(prompt, 'lower_level_tasks'));
  const current = unescapeXml(firstBlock(prompt, 'current_name') ?? '').trim();
  const name = children.length > 0 ? nameFrom(children) : current || 'Perform related occupational activities';
  const description = children.length > 0 ? describe(children) : 'Covers related occupational activities.';
  return { text: `<answer><name>${escapeXml(name)}</name><description>${escapeXml(description)}</description></answer>` };
}
