// Prompts written as "Human: … / Assistant: …" transcripts (the form the paper prints them in) and
// turned into Messages API turns. A final "Assistant:" with text becomes a prefill; an empty one is
// dropped. Placeholders are filled after the split, so conversation text can never add a turn.
import type { PromptMessage } from './types';

export function transcriptToMessages(transcript: string): PromptMessage[] {
  const turns: PromptMessage[] = [];
  for (const line of transcript.split('\n')) {
    const m = /^(Human|Assistant):(?: (.*))?$/.exec(line);
    if (m) turns.push({ role: m[1] === 'Human' ? 'user' : 'assistant', content: m[2] ?? '' });
    else if (turns.length === 0) throw new Error('a prompt transcript must start with "Human:"');
    else turns[turns.length - 1]!.content += '\n' + line;
  }
  const messages = turns.map((t) => ({ role: t.role, content: t.content.replace(/^\n+|\n+$/g, '') }));
  const last = messages[messages.length - 1];
  if (last && last.role === 'assistant' && last.content === '') messages.pop();
  return messages;
}

export function fillPlaceholders(messages: PromptMessage[], values: Record<string, string>): PromptMessage[] {
  return messages.map((m) => ({
    role: m.role,
    content: m.content.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole),
  }));
}

/** The inverse, for showing a rendered prompt (and testing it against the paper's text). */
export function messagesToTranscript(messages: readonly PromptMessage[]): string {
  const parts = messages.map((m) => `${m.role === 'user' ? 'Human' : 'Assistant'}: ${m.content}`);
  if (messages[messages.length - 1]?.role === 'user') parts.push('Assistant:');
  return parts.join('\n\n');
}

export function placeholdersOf(transcript: string): string[] {
  return [...new Set([...transcript.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
}
