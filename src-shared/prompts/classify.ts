// The classification facets (paper sections 3.1-3.5), each a versioned template over the Appendix F
// prompt text with a strict parser. Defaults are verbatim; a user's edited transcript makes a new
// version (a hash of its text), so its answers are never mixed with the paper prompt's.
import { COLLABORATION_PATTERNS, type CollaborationPattern } from '../taxonomy';
import { F1_SCREENING, F2_TASK_MAPPING, F3_COLLABORATION, F4_SKILLS, F4_SKILL_OPTIONS } from './appendix-f';
import { fillPlaceholders, transcriptToMessages } from './transcript';
import { lastTagContent, type ParseResult, type PromptTemplate } from './types';

export interface ConversationVars {
  conversation: string;
}
export interface OptionVars extends ConversationVars {
  /** Options in the order shown (the caller shuffles where the paper does). */
  options: string[];
}

const CORRECTION = (error: string) =>
  `That answer could not be used: ${error}. Please answer again, following the instructions exactly.`;

function fromTranscript<V extends ConversationVars, O>(
  id: string,
  version: string,
  transcript: string,
  values: (v: V) => Record<string, string>,
  parse: (answer: string, v: V) => ParseResult<O>,
  cachePrefix = false,
): PromptTemplate<V, O> {
  const messages = transcriptToMessages(transcript);
  // The conversation is the long prefix that F.1, every F.2 level and the privacy summary send byte
  // for byte: cache it there. F.3 and F.4 quote it differently and are sent once per conversation,
  // so caching them would only add the cache-write surcharge. The client leaves the breakpoint out
  // when the prefix is shorter than the model's minimum cacheable length (engine/llm/caching.ts).
  const at = messages.findIndex((m) => m.content.includes('{conversation}'));
  const cacheMessageIndex = cachePrefix && at >= 0 ? at : undefined;
  return {
    id,
    version,
    render: (v) => ({ messages: fillPlaceholders(messages, values(v)), cacheMessageIndex }),
    parse,
    correction: CORRECTION,
  };
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/^['"]|['"]$/g, '').toLowerCase();

export function parseScreening(answer: string): ParseResult<boolean> {
  const a = norm(lastTagContent(answer, 'answer') ?? '');
  if (a === 'yes') return { ok: true, value: true };
  if (a === 'no') return { ok: true, value: false };
  return { ok: false, error: `the answer must be "Yes" or "No" inside <answer> tags, got "${a.slice(0, 60)}"` };
}

export function parseOption(answer: string, v: OptionVars): ParseResult<string> {
  const raw = lastTagContent(answer, 'answer');
  if (raw === null) return { ok: false, error: 'no <answer> tags' };
  const wanted = norm(raw).replace(/\.$/, '');
  const hit = v.options.find((o) => norm(o).replace(/\.$/, '') === wanted);
  return hit !== undefined ? { ok: true, value: hit } : { ok: false, error: `"${raw.trim().slice(0, 80)}" is not one of the options` };
}

export type PatternAnswer = CollaborationPattern | 'none';

export function parsePattern(answer: string): ParseResult<PatternAnswer> {
  const raw = lastTagContent(answer, 'answer');
  if (raw === null) return { ok: false, error: 'no <answer> tags' };
  const a = norm(raw);
  if (a === 'none') return { ok: true, value: 'none' };
  const hit = COLLABORATION_PATTERNS.find((p) => p === a);
  return hit ? { ok: true, value: hit } : { ok: false, error: `"${raw.trim().slice(0, 60)}" is not a collaboration pattern or 'None'` };
}

export function parseSkills(answer: string, v: OptionVars): ParseResult<string[]> {
  const picked = answer.split(/[,\n]/).map(norm).filter((s) => s.length > 0);
  if (picked.length === 0) return { ok: false, error: 'no skills listed (answer "none" if none apply)' };
  const known = new Set(v.options.map(norm));
  const unknown = picked.filter((s) => !known.has(s));
  if (unknown.length > 0) return { ok: false, error: `not in the list of skills: ${unknown.slice(0, 5).join(', ')}` };
  const skills = [...new Set(picked.filter((s) => s !== 'none'))];
  return { ok: true, value: skills };
}

export const PAPER_VERSION = 'appendix-f';

export function screeningTemplate(transcript = F1_SCREENING, version = PAPER_VERSION): PromptTemplate<ConversationVars, boolean> {
  return fromTranscript('classify.screening', version, transcript, (v) => ({ conversation: v.conversation }), parseScreening, true);
}

export function taskMappingTemplate(transcript = F2_TASK_MAPPING, version = PAPER_VERSION): PromptTemplate<OptionVars, string> {
  return fromTranscript(
    'classify.task',
    version,
    transcript,
    (v) => ({ conversation: v.conversation, options_str: v.options.join('\n') }),
    parseOption,
    true,
  );
}

/**
 * Multi-task assignment (paper §3 and B.1: "We also experimented with multi-class classification
 * allowing up to k=3 task assignments per conversation; results were qualitatively similar"). The
 * paper prints no prompt for it, so this is our adaptation of F.2, versioned apart from it: the same
 * conversation prefix and options, but up to three options in order of fit, one per line. F.2
 * itself stays verbatim above and is what a single-task run sends.
 */
export const F2_MULTI_TASK_MAPPING = F2_TASK_MAPPING.replace(
  'Your job is to identify which option best describes the previous conversation. In this case, the provided options are occupational tasks. Your job is to identify which task is performed by the assistant in the previous human-AI assistant conversation.',
  'Your job is to identify which options best describe the previous conversation. In this case, the provided options are occupational tasks. Your job is to identify which tasks are performed by the assistant in the previous human-AI assistant conversation.',
).replace(
  'You MUST provide an option exactly as written above. If multiple options apply, choose the single-most pertinent one.',
  'You MUST provide each option exactly as written above. If multiple options apply, choose up to three, in order from the most pertinent to the least; if only one applies, give only that one.',
).replace('<answer> tags with no other commentary.', '<answer> tags, one option per line, with no other commentary.');

export const MULTI_TASK_VERSION = 'f2-multi-v1';
/** The most options a multi-task answer may name per call (the paper's k). */
export const MAX_TASKS_PER_CONVERSATION = 3;

/**
 * Up to three options in order of fit: a line that is not an option (after "1." or "-" markers are
 * stripped) or repeats an earlier one is dropped, options past the third too; at least one must remain.
 */
export function parseOptions(answer: string, v: OptionVars): ParseResult<string[]> {
  const raw = lastTagContent(answer, 'answer');
  if (raw === null) return { ok: false, error: 'no <answer> tags' };
  const byNorm = new Map(v.options.map((o) => [norm(o).replace(/\.$/, ''), o]));
  const picked: string[] = [];
  for (const line of raw.split('\n')) {
    const wanted = norm(line.replace(/^\s*(?:\d+[.)]|[-*\u2022])\s+/, '')).replace(/\.$/, '');
    const hit = byNorm.get(wanted);
    if (hit !== undefined && !picked.includes(hit)) picked.push(hit);
  }
  if (picked.length === 0) return { ok: false, error: `none of "${raw.trim().replace(/\s+/g, ' ').slice(0, 80)}" is one of the options` };
  return { ok: true, value: picked.slice(0, MAX_TASKS_PER_CONVERSATION) };
}

export function multiTaskMappingTemplate(transcript = F2_MULTI_TASK_MAPPING, version = MULTI_TASK_VERSION): PromptTemplate<OptionVars, string[]> {
  return fromTranscript(
    'classify.task-multi',
    version,
    transcript,
    (v) => ({ conversation: v.conversation, options_str: v.options.join('\n') }),
    parseOptions,
    true,
  );
}

export function collaborationTemplate(transcript = F3_COLLABORATION, version = PAPER_VERSION): PromptTemplate<ConversationVars, PatternAnswer> {
  return fromTranscript('classify.pattern', version, transcript, (v) => ({ conversation: v.conversation }), parsePattern);
}

export function skillsTemplate(transcript = F4_SKILLS, version = PAPER_VERSION): PromptTemplate<OptionVars, string[]> {
  return fromTranscript('classify.skills', version, transcript, (v) => ({ conversation: v.conversation, options_str: v.options.join('\n') }), parseSkills);
}

export const SKILL_OPTIONS: readonly string[] = F4_SKILL_OPTIONS;

/** How a conversation is shown to the model inside {conversation}. */
export function formatConversation(messages: readonly { role: 'user' | 'assistant'; content: string }[], maxChars = 60_000): string {
  const text = messages.map((m) => `${m.role === 'user' ? 'User' : 'AI'}: ${m.content.trim()}`).join('\n\n');
  if (text.length <= maxChars) return text;
  // Keep the start and the end: the request and how it ended say most about the task.
  const half = Math.floor(maxChars / 2);
  return `${text.slice(0, half)}\n\n[… ${text.length - maxChars} characters omitted …]\n\n${text.slice(-half)}`;
}

/**
 * Optional privacy step before mapping (in the spirit of Clio's summaries): the task is mapped from
 * a summary that leaves out identifying details, not from the raw conversation. Our wording.
 */
export const PRIVACY_SUMMARY = [
  'Human: The following is a conversation between Claude, an AI assistant, and a user:',
  '',
  '{conversation}',
  '',
  'Assistant: I understand.',
  '',
  "Human: Summarize the user's overall request in this conversation in one or two sentences, as a task a person might do at work (for example \"Debug a Python function that parses dates\"). Leave out anything that could identify a person or an organisation: names, places, contact details, account or ID numbers. Provide the summary in <summary> tags with no other commentary.",
  '',
  'Assistant:',
].join('\n');

export function parseSummary(answer: string): ParseResult<string> {
  const s = lastTagContent(answer, 'summary')?.trim();
  return s ? { ok: true, value: s } : { ok: false, error: 'no summary inside <summary> tags' };
}

export function privacySummaryTemplate(transcript = PRIVACY_SUMMARY, version = 'privacy-summary-1'): PromptTemplate<ConversationVars, string> {
  return fromTranscript('classify.summary', version, transcript, (v) => ({ conversation: v.conversation }), parseSummary, true);
}
