// Cost preview of a classification run, per conversation from its real length, under the same rules
// the API bills by (and the fake server reports): about four characters a token, a cache breakpoint
// only on the shared conversation prefix (F.1, the F.2 levels, the privacy summary; see facets.ts),
// cached only when that prefix reaches the model's minimum cacheable length, caches per model, the
// first call writes (1.25x) and later ones read (0.1x). Four ways to run it are priced side by side:
// direct, direct + caching, Message Batches (half price, no breakpoints: see llm/batches.ts) and
// mapping tasks from the privacy summary instead of the raw conversation (with caching).
import type { Db } from '../../db/open';
import { cacheMinimumTokens, costOf, priceOf } from '../../../src-shared/pricing';
import { SKILL_OPTIONS } from '../../../src-shared/prompts/classify';
import type { PromptTemplate } from '../../../src-shared/prompts/types';
import type { ClassifyEstimateView } from '../../../src-shared/api';
import type { ClassifyConfig } from './config';
import { compositionPrefixCached, screeningPrefixReused, summaryReadsCachedPrefix, TEMPLATES } from './facets';
import { loadTree, type Tree } from './tree';
import { taskCallsPerConversation } from './multi-task';
import { runScope } from './scope';

/** The contract's shape, so the app shows exactly what the CLI prints. */
export type ClassifyEstimate = ClassifyEstimateView;

/**
 * Typical answer lengths in tokens: "Yes</answer>", a scratchpad of a few sentences (the chosen
 * option's own length is added per level), a short <thinking> and the pattern, a list of skills,
 * a one-sentence summary, the three tagged composition answers (B.7).
 */
export const OUTPUT_TOKENS = { screening: 3, task: 60, pattern: 50, skills: 16, summary: 40, composition: 25 } as const;

export type Mode = 'direct' | 'caching' | 'batches' | 'summary';
export const MODES: readonly Mode[] = ['direct', 'caching', 'batches', 'summary'];

export interface Tally {
  calls: number;
  /** Input billed at the full price, written to the cache (1.25x), read from it (0.1x). */
  uncached: number;
  cacheWrite: number;
  cacheRead: number;
  output: number;
  costUsd: number;
}

export interface ClassifyEstimateDetail {
  conversations: number;
  /** Share of conversations assumed to pass screening (1 = upper bound). */
  passRate: number;
  modes: Record<Mode, Tally>;
}

type Kind = keyof typeof OUTPUT_TOKENS;

/** The composition question is asked of the screening model (classify/composition-run.ts). */
const modelOf = (cfg: ClassifyConfig, kind: Kind): string => cfg.models[kind === 'composition' ? 'screening' : kind];

/** One call of one conversation, in the order the run sends them. */
interface Call {
  kind: Kind;
  /** Prompt characters besides the conversation. */
  fixed: number;
  /** Whether it carries the conversation-prefix breakpoint. */
  marked: boolean;
  /** Share of conversations that make it (screening pass rate), and how many per conversation. */
  weight: number;
  /** Reads the summary instead of the conversation. */
  onSummary?: boolean;
  /** Output tokens besides the kind's typical answer (the option a task answer repeats). */
  extraOutput?: number;
}

const emptyTally = (): Tally => ({ calls: 0, uncached: 0, cacheWrite: 0, cacheRead: 0, output: 0, costUsd: 0 });

function chars(t: PromptTemplate<{ conversation: string; options: string[] }, unknown>, options: readonly string[] = []): number {
  const r = t.render({ conversation: '', options: [...options] });
  return (r.system ?? '').length + r.messages.reduce((s, m) => s + m.content.length, 0);
}

/** Prompt characters before and including the conversation in the shared first message. */
const INTRO = TEMPLATES.screening.render({ conversation: '' }).messages[0]!.content.length;

/** Per traversal level, top first: mean characters of an options list ("a\nb\nc") and of one option. */
function optionChars(tree: Tree): { list: number; option: number }[] {
  const out: { list: number; option: number }[] = [];
  let lists = [tree.top];
  while (lists.length > 0) {
    const names = lists.flat().reduce((s, n) => s + n.name.length, 0);
    const sizes = lists.map((l) => l.reduce((s, n) => s + n.name.length, 0) + Math.max(0, l.length - 1));
    out.push({ list: sizes.reduce((s, x) => s + x, 0) / lists.length, option: names / Math.max(1, lists.flat().length) });
    lists = lists.flatMap((l) => l.map((n) => tree.children.get(n.id) ?? [])).filter((l) => l.length > 0);
  }
  return out;
}

function plan(cfg: ClassifyConfig, tree: Tree, mode: Mode, passRate: number): Call[] {
  const caching = mode === 'caching' || mode === 'summary';
  const privacy = mode === 'summary';
  const run = { ...cfg, privacySummary: privacy };
  const reused = caching && screeningPrefixReused(run);
  const calls: Call[] = [];
  const has = (f: (typeof cfg.facets)[number]) => cfg.facets.includes(f);
  const p = has('screening') ? passRate : 1;
  if (has('screening')) calls.push({ kind: 'screening', fixed: chars(TEMPLATES.screening), marked: reused, weight: 1 });
  // B.7: every conversation, after screening, with the screening model.
  if (cfg.composition) calls.push({ kind: 'composition', fixed: chars(TEMPLATES.composition), marked: caching && compositionPrefixCached(run), weight: 1 });
  if (has('task')) {
    if (privacy) calls.push({ kind: 'summary', fixed: chars(TEMPLATES.summary), marked: caching && summaryReadsCachedPrefix(run), weight: p });
    const levels = optionChars(tree);
    const perLevel = taskCallsPerConversation(cfg.tasksPerConversation, tree.depth) / Math.max(1, levels.length);
    levels.forEach((o, i) => {
      // Multi-task runs ask k times below the top level; a single-task run once per level.
      const weight = p * (cfg.tasksPerConversation > 1 ? (i === 0 ? 1 : cfg.tasksPerConversation) : perLevel);
      const extraOutput = Math.ceil(o.option / 4);
      calls.push({ kind: 'task', fixed: chars(TEMPLATES.task) + o.list, marked: caching, weight, onSummary: privacy, extraOutput });
    });
  }
  if (has('pattern')) calls.push({ kind: 'pattern', fixed: chars(TEMPLATES.pattern), marked: false, weight: p });
  if (has('skills')) calls.push({ kind: 'skills', fixed: chars(TEMPLATES.skills, SKILL_OPTIONS), marked: false, weight: p });
  return calls;
}

/** Adds one conversation's calls to the tally, caching as the API does. */
function addConversation(t: Tally, calls: readonly Call[], conv: number, cfg: ClassifyConfig, mode: Mode): void {
  const written = new Set<string>();
  // The mapping reads "User: <summary>" when it reads the summary.
  const summary = 'User: '.length + OUTPUT_TOKENS.summary * 4;
  for (const c of calls) {
    const model = modelOf(cfg, c.kind);
    const text = c.onSummary ? summary : conv;
    // Four characters a token, rounded up per request, like estimateTokens and the fake server.
    const total = Math.ceil((text + c.fixed) / 4);
    const prefix = Math.ceil((INTRO + text) / 4);
    let usage = { inputTokens: total, cacheWriteTokens: 0, cacheReadTokens: 0, outputTokens: OUTPUT_TOKENS[c.kind] + (c.extraOutput ?? 0) };
    if (c.marked && prefix >= cacheMinimumTokens(model)) {
      const read = written.has(model);
      usage = { ...usage, inputTokens: total - prefix, [read ? 'cacheReadTokens' : 'cacheWriteTokens']: prefix };
      written.add(model);
    }
    const w = c.weight;
    t.calls += w;
    t.uncached += w * usage.inputTokens;
    t.cacheWrite += w * usage.cacheWriteTokens;
    t.cacheRead += w * usage.cacheReadTokens;
    t.output += w * usage.outputTokens;
    t.costUsd += w * costOf(model, usage, mode === 'batches');
  }
}

/** How a conversation is shown to the model: "User: …\n\nAI: …", cut to maxChars (formatConversation). */
function formattedLength(chars: number, turns: number, maxChars: number): number {
  const full = chars + turns * ('User: '.length + 'AI: '.length + 4) - 2;
  return full <= maxChars ? full : maxChars + '\n\n[… 100000 characters omitted …]\n\n'.length;
}

export function estimateClassifyDetail(db: Db, cfg: ClassifyConfig, opts: { passRate?: number } = {}): ClassifyEstimateDetail {
  const passRate = opts.passRate ?? 1;
  const tree = loadTree(db, cfg.hierarchyId);
  const plans = Object.fromEntries(MODES.map((m) => [m, plan(cfg, tree, m, passRate)])) as Record<Mode, Call[]>;
  const modes = Object.fromEntries(MODES.map((m) => [m, emptyTally()])) as Record<Mode, Tally>;
  const scope = runScope(cfg);
  const rows = db
    .prepare(`SELECT chars, turns FROM conversation WHERE ${scope.sql} ORDER BY id${cfg.limit !== undefined ? ' LIMIT ?' : ''}`)
    .raw()
    .iterate(...scope.params, ...(cfg.limit !== undefined ? [cfg.limit] : [])) as IterableIterator<[number, number]>;
  let n = 0;
  for (const [chars, turns] of rows) {
    n++;
    const conv = formattedLength(chars, turns, cfg.maxConversationChars);
    for (const m of MODES) addConversation(modes[m], plans[m], conv, cfg, m);
  }
  return { conversations: n, passRate, modes };
}

/** The whole datasets' estimate (a trial run's share is scaled from it by the service). */
export function estimateClassify(db: Db, cfg: ClassifyConfig): ClassifyEstimate {
  const d = estimateClassifyDetail(db, { ...cfg, limit: undefined });
  const tree = loadTree(db, cfg.hierarchyId);
  const { direct, caching, batches } = d.modes;
  return {
    conversations: d.conversations,
    calls: Math.round(direct.calls),
    inputTokens: Math.round(direct.uncached),
    outputTokens: Math.round(direct.output),
    costUsd: direct.costUsd,
    costUsdWithCaching: caching.costUsd,
    costUsdWithBatches: batches.costUsd,
    priceKnown: Object.values(cfg.models).every((m) => priceOf(m) !== null),
    note:
      'upper bound: assumes every conversation passes screening; caching counts only conversations whose prefix reaches the model’s minimum cacheable length' +
      (cfg.tasksPerConversation > 1
        ? `; up to ${cfg.tasksPerConversation} tasks per conversation: up to ${taskCallsPerConversation(cfg.tasksPerConversation, tree.depth)} task calls each instead of ${tree.depth + 1}`
        : '') +
      (cfg.composition ? '; includes the composition question (work, coursework, personal: B.7) for every conversation' : ''),
  };
}
