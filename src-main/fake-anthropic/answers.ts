// Which prompt is this, and what would a well-behaved model answer? Detection looks for a marker
// that only one prompt contains, in the system and user text (earlier assistant answers are left
// out, so a correction turn is recognised as the prompt it corrects).
import {
  answerCollaboration,
  answerScreening,
  answerSkills,
  answerTaskMapping,
  parseConversation,
} from './classify-answers';
import { answerComposition, COMPOSITION_MARKER } from './composition-answers';
import { answerAssign, answerDedupe, answerPropose, answerRename } from './hierarchy-answers';
import { answerClusterNaming, answerRequest, isClusterNaming, isRequestSummary } from './reconstruct-answers';
import type { Draft, PromptKind } from './types';
import type { PromptView } from './wire';

/**
 * Markers, checked in order. The Appendix F questions come first: they are long verbatim sentences,
 * whereas the hierarchy tags could in principle appear inside a quoted user conversation.
 */
const MARKERS: [PromptKind, (prompt: string) => boolean][] = [
  ['screening', (p) => p.includes('Does the conversation possibly involve an occupational task?')],
  ['task-mapping', (p) => p.includes('<options>') && p.includes('the provided options are occupational tasks')],
  ['collaboration', (p) => p.includes('identify the primary collaboration pattern')],
  ['skills', (p) => p.includes('Consider the provided list of occupational skills')],
  ['composition', (p) => p.includes(COMPOSITION_MARKER)],
  ['reconstruct.request', isRequestSummary],
  ['reconstruct.cluster', isClusterNaming],
  ['privacy-summary', (p) => p.includes('Provide the summary in <summary> tags')],
  ['hierarchy.propose', (p) => p.includes('<nearby_tasks>')],
  ['hierarchy.dedupe', (p) => p.includes('<candidates>')],
  ['hierarchy.assign', (p) => p.includes('<higher_level_tasks>')],
  ['hierarchy.rename', (p) => p.includes('<current_name>')],
];

export function detectKind(prompt: string): PromptKind {
  return MARKERS.find(([, test]) => test(prompt))?.[0] ?? 'unknown';
}

const GENERIC =
  "This is a demo answer from Task Atlas's built-in stand-in for Claude. It did not recognise the prompt, so it has nothing specific to say.";

/** The well-formed answer for a request of the given kind. */
export function draftAnswer(kind: PromptKind, view: PromptView): Draft {
  const { prompt, prefilled } = view;
  switch (kind) {
    case 'hierarchy.propose':
      return answerPropose(prompt);
    case 'hierarchy.dedupe':
      return answerDedupe(prompt);
    case 'hierarchy.assign':
      return answerAssign(prompt);
    case 'hierarchy.rename':
      return answerRename(prompt);
    case 'screening':
      return answerScreening(parseConversation(prompt), prefilled);
    case 'task-mapping':
      return answerTaskMapping(prompt, parseConversation(prompt));
    case 'collaboration':
      return answerCollaboration(parseConversation(prompt));
    case 'skills':
      return answerSkills(prompt, parseConversation(prompt));
    case 'privacy-summary':
      return answerSummary(parseConversation(prompt));
    case 'composition':
      return answerComposition(parseConversation(prompt));
    case 'reconstruct.request':
      return answerRequest(parseConversation(prompt));
    case 'reconstruct.cluster':
      return answerClusterNaming(prompt);
    case 'unknown':
      return { text: GENERIC };
  }
}

/** A privacy summary: the user's opening request, cut short and with digits and emails masked. */
function answerSummary(c: { userTurns: string[]; text: string }): Draft {
  const first = (c.userTurns[0] ?? c.text).replace(/\S+@\S+/g, '[email]').replace(/\d/g, '#');
  const words = first.split(/\s+/).filter(Boolean).slice(0, 25).join(' ');
  return { text: `<summary>The user asks for help to: ${words}</summary>` };
}

/** Detect and answer in one step; what the server and the batch processor call. */
export function answerFor(view: PromptView): { kind: PromptKind; draft: Draft } {
  const kind = detectKind(view.prompt);
  return { kind, draft: draftAnswer(kind, view) };
}
