// A deliberately small markdown reader for conversation turns: paragraphs (blank-line separated,
// single newlines kept as line breaks), **bold**, `inline code` and ``` fenced code blocks. It
// returns plain data that Conversation.tsx turns into React elements, so text is never parsed as
// HTML (no dangerouslySetInnerHTML anywhere).

export type Inline = { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'bold'; children: Inline[] };

export type Block = { kind: 'paragraph'; lines: Inline[][] } | { kind: 'code'; lang?: string; text: string };

const INLINE = /`([^`\n]+)`|\*\*([^*\n](?:[^\n]*?[^*\n])?)\*\*/g;

export function parseInline(text: string, allowBold = true): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, code, bold] = match;
    if (bold !== undefined && !allowBold) continue;
    if (match.index > at) out.push({ kind: 'text', text: text.slice(at, match.index) });
    if (code !== undefined) out.push({ kind: 'code', text: code });
    else out.push({ kind: 'bold', children: parseInline(bold!, false) });
    at = match.index + whole.length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  const flush = () => {
    if (para.length > 0) blocks.push({ kind: 'paragraph', lines: para.map((line) => parseInline(line)) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*```\s*([\w+.#-]*)\s*$/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^\s*```\s*$/.test(lines[i]!)) body.push(lines[i++]!);
      blocks.push({ kind: 'code', lang: fence[1] || undefined, text: body.join('\n') });
      continue;
    }
    if (line.trim() === '') flush();
    else para.push(line);
  }
  flush();
  return blocks;
}
