// A fixed corpus for cost figures (bench:classify and the estimate-vs-usage test): the synthetic
// work conversations, a quarter of them with about 1,500 tokens of pasted material (past the
// 1,024-token cacheable minimum of Sonnet-class models, short of Haiku 4.5's 4,096) and a sixth
// with about 5,000 (past both), the way real users paste code, reports and drafts. Every pasted
// block names its conversation, so no two conversations share a cacheable prefix by accident.
import { writeFileSync } from 'node:fs';
import { syntheticConversation } from '../../src-main/engine/ingest/conversations/synthetic';
import { mulberry32 } from '../../src-main/engine/cluster/seeding';

const LINE = (i: number, k: number) => `row ${k} of the attached ledger ${i}: invoice ${1000 + k}, amount ${(k * 37) % 997}.${k % 100} EUR, status open\n`;

function pasted(i: number, chars: number): string {
  let out = `\n\nHere is the material (document ${i}):\n`;
  for (let k = 0; out.length < chars; k++) out += LINE(i, k);
  return out;
}

/** Characters of pasted material for conversation i: none, ~6,000 or ~20,000. */
export function pastedChars(i: number): number {
  const slot = i % 12;
  return slot < 3 ? 6000 : slot < 5 ? 20_000 : 0;
}

export function writeCostCorpus(file: string, n: number, seed = 7): void {
  const r = mulberry32(seed);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = syntheticConversation(r, i) as { messages: { role: string; content: string }[] };
    const first = c.messages[0]!;
    // A reference number keeps even the short conversations distinct (identical requests are sent once).
    first.content = `${first.content} (ticket ${i})${pastedChars(i) > 0 ? pasted(i, pastedChars(i)) : ''}`;
    lines.push(JSON.stringify(c));
  }
  writeFileSync(file, lines.join('\n') + '\n');
}
