// Answers to the paper's Appendix F classification prompts: F.1 screening, F.2 task mapping,
// F.3 collaboration pattern and F.4 skills. Simple keyword rules on the quoted conversation stand
// in for the model; they only need to be plausible, deterministic and in the expected format.
import { compareText, contentSet, firstBlock, overlap, words } from './text';
import type { Draft } from './types';

export interface Conversation {
  text: string;
  userTurns: string[];
}

// Where the F.1/F.2/F.4 prompts (and our B.7 composition prompt) stop quoting the conversation,
// whether the product sends the "Assistant: I understand." turn as a separate message (left out of
// the prompt) or inline.
const CONVERSATION_ENDS = [
  'Assistant: I understand.',
  'Your job is to answer this question',
  'Your job is to answer three questions',
  'Consider the following list of classification options',
  'Please identify which categories',
];

function quotedConversation(prompt: string): string {
  const tagged = firstBlock(prompt, 'conversation');
  if (tagged !== null) return tagged;
  const intro = /an AI assistant, and a user:/.exec(prompt);
  const rest = intro ? prompt.slice(intro.index + intro[0].length) : prompt;
  const end = Math.min(...CONVERSATION_ENDS.map((m) => rest.indexOf(m)).filter((i) => i >= 0), rest.length);
  return rest.slice(0, end).replace(/```/g, '').trim();
}

const TURN = /^\s*(human|user|assistant|ai|claude)\s*:\s?/i;

/** Split "User: … / Assistant: …" transcripts; text without role markers counts as one user turn. */
export function parseConversation(prompt: string): Conversation {
  const text = quotedConversation(prompt);
  const turns: { user: boolean; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    const marker = TURN.exec(line);
    if (marker) turns.push({ user: /^(human|user)$/i.test(marker[1]!), lines: [line.slice(marker[0].length)] });
    else turns[turns.length - 1]?.lines.push(line);
  }
  const userTurns = turns.length === 0 ? [text] : turns.filter((t) => t.user).map((t) => t.lines.join('\n').trim());
  return { text, userTurns };
}

function userText(c: Conversation): string {
  return c.userTurns.join('\n').trim();
}

const SMALL_TALK = new Set(
  'hi hello hey hiya yo sup thanks thank you ok okay bye goodbye good morning evening night how are what whats up cool nice great there claude doing today fine well lol'.split(' '),
);

/** F.1: "No" for greetings and very short exchanges, otherwise "Yes". */
export function answerScreening(c: Conversation, prefilled: boolean): Draft {
  const user = userText(c);
  const smallTalk = user.length < 40 || words(user).every((w) => SMALL_TALK.has(w));
  // The verbatim prompt prefills "<answer>", so the reply continues inside the tag.
  const wrap = (v: string) => (prefilled ? `${v}</answer>` : `<answer>${v}</answer>`);
  return { text: wrap(smallTalk ? 'No' : 'Yes'), outOfOptions: () => wrap('Maybe') };
}

function optionLines(prompt: string): string[] {
  const block = (firstBlock(prompt, 'options') ?? '').replace(/<\/?shuffle>/g, '').replace(/```/g, '');
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

function snippet(text: string): string {
  const flat = text.replace(/[<>]/g, '').replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

/** F.2: the option sharing most words with the conversation; ties by option text, not position. */
export function answerTaskMapping(prompt: string, c: Conversation): Draft {
  if (prompt.includes(MULTI_MARKER)) return answerMultiTaskMapping(prompt, c);
  const options = [...new Set(optionLines(prompt))].sort(compareText);
  const convWords = contentSet(c.text);
  let best = { option: options[0] ?? '', score: -1 };
  for (const option of options) {
    const score = overlap(convWords, contentSet(option));
    if (score > best.score) best = { option, score };
  }
  const pad = `<scratchpad>The user asks: "${snippet(userText(c))}". The assistant's work shares ${Math.max(0, best.score)} key words with the chosen task, more than with any other option.</scratchpad>`;
  let offList = 'Perform miscellaneous unlisted duties';
  while (options.includes(offList)) offList += ' again';
  return { text: `${pad}\n<answer>${best.option}</answer>`, outOfOptions: () => `${pad}\n<answer>${offList}</answer>` };
}

// F.3 rules, checked in this order; the first that matches names the pattern.
const LEARNING = /\b(explain\w*|what is|what are|what's|what does|why|how does|how do .* work|teach me|help me understand|difference between|meaning of)\b/i;
const VALIDATION = /\b(check|review my|is this correct|is this right|proofread|does this look|verify|any mistakes)\b/i;
const FEEDBACK = /(traceback|stack trace|\berror\b|\bexception\b|\bfailed\b|doesn'?t work|not working)/i;
const IMPERATIVE =
  /^\W*(please|can you|could you|would you|i need|i want|help me|write|create|make|generate|draft|translate|summari[sz]e|list|give|build|design|convert|rewrite|fix|implement|compose|calculate|plan|find|prepare|produce|edit|format|develop|add|provide|suggest|outline|describe|tell)\b/i;

function collaborationPattern(c: Conversation): { pattern: string; why: string } {
  const user = userText(c);
  if (user.length < 15 || words(user).length < 3) return { pattern: 'None', why: 'The user says too little to tell.' };
  if (LEARNING.test(user)) return { pattern: 'Learning', why: 'The user asks for explanations rather than finished work.' };
  if (VALIDATION.test(user)) return { pattern: 'Validation', why: 'The user asks the assistant to check their own work.' };
  if (FEEDBACK.test(user)) return { pattern: 'Feedback Loop', why: 'The user relays errors from their environment back to the assistant.' };
  if (c.userTurns.length > 2) return { pattern: 'Task Iteration', why: 'The user refines the output over several turns.' };
  if (IMPERATIVE.test(user)) return { pattern: 'Directive', why: 'The user delegates the whole task in one request.' };
  return { pattern: 'None', why: 'No collaboration pattern stands out.' };
}

/** F.3: one of the five patterns or None, after a short <thinking>. */
export function answerCollaboration(c: Conversation): Draft {
  const { pattern, why } = collaborationPattern(c);
  const thinking = `<thinking>${why} The user wrote: "${snippet(userText(c))}".</thinking>`;
  return { text: `${thinking}\n<answer>${pattern}</answer>`, outOfOptions: () => `${thinking}\n<answer>Collaborative Brainstorming</answer>` };
}

// F.4: skill ← keywords in the conversation. Output follows this list's order, not the shuffled options.
const SKILL_KEYWORDS: [string, RegExp][] = [
  ['programming', /\b(code|coding|program\w*|function|script|python|javascript|typescript|sql|api|compile\w*|debug\w*|class|variable)\b/],
  ['writing', /\b(write|writing|essay|email|letter|draft|article|blog|story|poem|rewrite|cover letter)\b/],
  ['mathematics', /\b(math\w*|calculat\w*|equation|integral|derivative|algebra|percent\w*|probability|statistics)\b/],
  ['science', /\b(physics|chemistry|biology|experiment|hypothesis|molecule|scientific)\b/],
  ['troubleshooting', /\b(error|bug|fix|crash\w*|traceback|exception|not working)\b/],
  ['reading comprehension', /\b(summari[sz]e|summary|passage|read this|this article)\b/],
  ['instructing', /\b(explain|teach|tutorial|step by step|how do i)\b/],
  ['technology design', /\b(design|architecture|interface|website|user experience)\b/],
  ['management of financial resources', /\b(budget\w*|invoice\w*|financ\w*|expenses?|costs?)\b/],
  ['time management', /\b(schedule\w*|deadline\w*|calendar)\b/],
  ['persuasion', /\b(persuade|convince|marketing|pitch|sales)\b/],
  ['negotiation', /\b(negotiat\w*|salary)\b/],
  ['social perceptiveness', /\b(feelings?|emotional|relationship|upset)\b/],
  ['speaking', /\b(speech|presentation|talk to)\b/],
  ['judgment and decision making', /\b(decide|decision|should i|pros and cons)\b/],
  ['management of personnel resources', /\b(hiring|hire|staff|employees?|interview)\b/],
];

function offeredSkills(prompt: string): Set<string> {
  return new Set(optionLines(prompt).flatMap((l) => l.split(',')).map((s) => s.trim().toLowerCase()));
}

/** F.4: comma-separated skills from the offered list, or "none". */
export function answerSkills(prompt: string, c: Conversation): Draft {
  const offered = offeredSkills(prompt);
  const text = c.text.toLowerCase();
  const picked = SKILL_KEYWORDS.filter(([skill, re]) => offered.has(skill) && re.test(text)).map(([s]) => s);
  if (userText(c).length >= 80 && offered.has('critical thinking')) picked.push('critical thinking');
  return {
    text: picked.length > 0 ? picked.join(', ') : 'none',
    outOfOptions: () => [...picked, 'telepathy'].join(', '),
  };
}

/** What only the multi-task adaptation of F.2 (f2-multi-v1) says. */
const MULTI_MARKER = 'choose up to three, in order from the most pertinent';

/**
 * The multi-task F.2 adaptation: the single-task answer first (the "true" task), then up to two
 * more options sharing at least half as many key words with the conversation, best first (ties by
 * text), one per line.
 */
export function answerMultiTaskMapping(prompt: string, c: Conversation): Draft {
  const convWords = contentSet(c.text);
  const scored = [...new Set(optionLines(prompt))]
    .sort(compareText)
    .map((option) => ({ option, score: overlap(convWords, contentSet(option)) }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0] ?? { option: '', score: 0 };
  const also = scored.slice(1).filter((s) => s.score > 0 && 2 * s.score >= best.score).slice(0, 2);
  const chosen = [best, ...also].map((s) => s.option);
  const pad = `<scratchpad>The user asks: "${snippet(userText(c))}". The options are ordered by how many key words they share with the conversation.</scratchpad>`;
  return {
    text: `${pad}\n<answer>\n${chosen.join('\n')}\n</answer>`,
    outOfOptions: () => `${pad}\n<answer>\nPerform miscellaneous unlisted duties\n</answer>`,
  };
}
