// Answers to the reconstruction's own prompts (src-shared/prompts/reconstruct.ts). A request summary
// is the user's opening turn, cut short and with digits and e-mails masked, so conversations that
// ask the same thing get the same summary (and embed together); a cluster's description is its
// sample's most frequent summary, so F.2 reads the cluster as it reads a conversation of that
// request and places it on the same task. Deterministic: ties break alphabetically.
import { CLUSTER_QUESTION, REQUEST_QUESTION } from '../../src-shared/prompts/reconstruct';
import type { Conversation } from './classify-answers';
import { byFrequency, firstBlock, nameFrom } from './text';
import type { Draft } from './types';

const SUMMARY_WORDS = 40;

export function isRequestSummary(prompt: string): boolean {
  return prompt.includes(REQUEST_QUESTION);
}

export function isClusterNaming(prompt: string): boolean {
  return prompt.includes(CLUSTER_QUESTION);
}

/** The user's first turn, masked and cut to a sentence's length. */
export function answerRequest(c: Conversation): Draft {
  // The question follows the quoted conversation with no end marker the parser knows: cut it off.
  const turn = (c.userTurns[0] ?? c.text).split(REQUEST_QUESTION)[0]!;
  const first = turn.replace(/\S+@\S+/g, '[email]').replace(/\d/g, '#');
  const words = first.split(/\s+/).filter(Boolean).slice(0, SUMMARY_WORDS).join(' ');
  return { text: `<request>${words || 'Unclear request'}</request>` };
}

/** Name from the sample's frequent words; description: its most frequent summary, as shown. */
export function answerClusterNaming(prompt: string): Draft {
  const lines = (firstBlock(prompt, 'requests') ?? '')
    .split('\n')
    .map((l) => l.replace(/^\s*-\s*/, '').trim())
    .filter((l) => l.length > 0);
  const description = byFrequency(lines)[0] ?? 'Requests of many kinds';
  return { text: `<name>${nameFrom(lines)}</name>\n<description>${description}</description>` };
}
