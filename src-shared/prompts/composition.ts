// Appendix B.7 ("Validating the Composition of our Dataset"): each conversation is classified on
// three dimensions — work, coursework, personal use — each with four levels (explicitly, likely,
// possibly, non-). The paper ran this through Clio and prints no prompt, so this one is ours, written
// in the style of Appendix F: the same opening as F.1 and F.2 (the conversation, then "Assistant: I
// understand."), so it shares their cacheable conversation prefix, then one short question per
// dimension whose options must be answered exactly as written, in tags, with no other commentary.
import { COMPOSITION_DIMENSIONS, COMPOSITION_LEVELS, compositionOptions, type CompositionAnswer, type CompositionLevel } from '../composition';
import { fillPlaceholders, transcriptToMessages } from './transcript';
import { lastTagContent, type ParseResult, type PromptTemplate } from './types';

/**
 * B.7's three questions as one Human/Assistant transcript with the {conversation} placeholder.
 * Written out in full (not assembled from the option labels), so that any edit to the text is an
 * edit here, made together with a new COMPOSITION_VERSION; a test checks it offers exactly the
 * options the parser accepts.
 */
export const B7_COMPOSITION = [
  'Human: The following is a conversation between Claude, an AI assistant, and a user:',
  '',
  '{conversation}',
  '',
  'Assistant: I understand.',
  '',
  'Human: Your job is to answer three questions about the preceding conversation:',
  '',
  '<questions>',
  '1. Is the conversation part of the user\'s work, that is their job, business or profession? Options: "Explicitly work", "Likely work", "Possibly work", "Non-work".',
  '2. Is the conversation part of the user\'s coursework, that is homework, assignments, exams or study for a class they are taking? Options: "Explicitly coursework", "Likely coursework", "Possibly coursework", "Non-coursework".',
  '3. Is the conversation part of the user\'s personal life, outside of work and coursework? Options: "Explicitly personal", "Likely personal", "Possibly personal", "Non-personal".',
  '</questions>',
  '',
  'Answer "Explicitly" only when the conversation states it, "Likely" when the context strongly suggests it, "Possibly" when it could plausibly be so, and the "Non-" option otherwise. The three questions are independent: a conversation can, for example, be possibly work and possibly personal.',
  '',
  'What are the answers? You MUST answer each question with only one of its options, exactly as written above. Provide the answers in <work>, <coursework> and <personal> tags, in that order, with no other commentary.',
  '',
  'Assistant:',
].join('\n');

export const COMPOSITION_VERSION = 'b7-composition-v1';

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/^['"]|['"]$/g, '').replace(/\.$/, '').toLowerCase();

/**
 * The three answers, each exactly one of its dimension's four options (case, surrounding quotes and
 * a final period aside). A missing tag or any other text refuses the whole answer: the pipeline then
 * asks once more with the error and, failing that, records the conversation as unclassified on this
 * facet with the reason.
 */
export function parseComposition(answer: string): ParseResult<CompositionAnswer> {
  const out: Partial<CompositionAnswer> = {};
  for (const d of COMPOSITION_DIMENSIONS) {
    const raw = lastTagContent(answer, d);
    if (raw === null) return { ok: false, error: `no <${d}> tags` };
    const options = compositionOptions(d);
    const at = options.findIndex((o) => norm(o) === norm(raw));
    if (at < 0) return { ok: false, error: `"${raw.trim().slice(0, 60)}" is not one of ${options.join(', ')}` };
    out[d] = COMPOSITION_LEVELS[at] as CompositionLevel;
  }
  return { ok: true, value: out as CompositionAnswer };
}

export function compositionTemplate(transcript = B7_COMPOSITION, version = COMPOSITION_VERSION): PromptTemplate<{ conversation: string }, CompositionAnswer> {
  const messages = transcriptToMessages(transcript);
  // The conversation message is the prefix F.1 and the F.2 levels send byte for byte: cache it there.
  const at = messages.findIndex((m) => m.content.includes('{conversation}'));
  return {
    id: 'classify.composition',
    version,
    render: (v) => ({ messages: fillPlaceholders(messages, { conversation: v.conversation }), ...(at >= 0 ? { cacheMessageIndex: at } : {}) }),
    parse: (answer) => parseComposition(answer),
    correction: (error) => `That answer could not be used: ${error}. Please answer again, following the instructions exactly.`,
  };
}
