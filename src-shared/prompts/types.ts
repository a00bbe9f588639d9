// A prompt template is versioned data plus a strict parser for its answer. The version is part of
// every checkpoint and cache key, so editing a template never reuses answers given to the old one.

export interface PromptMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface RenderedPrompt {
  system?: string;
  messages: PromptMessage[];
  /** Index of the message whose content is a long prefix worth prompt-caching, if any. */
  cacheMessageIndex?: number;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface PromptTemplate<Vars, Out> {
  id: string;
  version: string;
  render(vars: Vars): RenderedPrompt;
  parse(answer: string, vars: Vars): ParseResult<Out>;
  /** A follow-up turn sent after an invalid answer, so the model can correct itself once more. */
  correction(error: string): string;
}

/** Text inside the last <tag>…</tag> of an answer (models sometimes repeat the tag in reasoning). */
export function lastTagContent(text: string, tag: string): string | null {
  const close = text.lastIndexOf(`</${tag}>`);
  if (close < 0) return null;
  const open = text.lastIndexOf(`<${tag}`, close);
  if (open < 0) return null;
  const start = text.indexOf('>', open);
  return start < 0 || start > close ? null : text.slice(start + 1, close);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
