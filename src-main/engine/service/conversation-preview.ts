// conversations.preview: what an import of this file would do, without writing anything. The file
// goes through the importer's own sniffing, framing, format detection and record parsers; only the
// first conversations are read (and, for OpenAssistant's message-per-line files, the first
// messages), so a multi-gigabyte file previews in a moment.
import type { ConversationPreview } from '../../../src-shared/api';
import { ImportError } from '../ingest/formats/errors';
import { parseDelimited } from '../ingest/formats/delimited';
import { CONVERSATION_FORMATS, detect, framerFor, isCsv, type ConversationFormat } from '../ingest/conversations';
import { jsonItems, RECORD_PARSERS } from '../ingest/conversations/formats';
import type { Frame } from '../ingest/conversations/framing';
import { oasstItems } from '../ingest/conversations/oasst';
import { csvItems, GUESSES } from '../ingest/conversations/csv';
import { Frames, frameText, newContext, readFrames, sniffFile, type ReadContext } from '../ingest/conversations/reader';
import type { Item } from '../ingest/conversations/types';

export const PREVIEW_SAMPLES = 5;
const FIRST_TEXT_CHARS = 200;
/** OpenAssistant threads are built from messages spread over the file: read this many at most. */
const OASST_FRAMES = 5000;

export async function previewConversations(file: string, requested: ConversationFormat = 'auto'): Promise<ConversationPreview> {
  if (!CONVERSATION_FORMATS.includes(requested)) {
    throw new ImportError(`unknown format "${requested}" (expected one of ${CONVERSATION_FORMATS.join(', ')})`, { file });
  }
  const sniff = sniffFile(file);
  const ctx = newContext(file, sniff.size);
  const csv = isCsv(requested, file);
  const frames = new Frames(readFrames(ctx, framerFor(requested, file, sniff), sniff.hasBom));
  try {
    if (csv) return { file, sizeBytes: sniff.size, format: 'csv', ...(await csvPreview(frames, ctx)) };
    const format = requested === 'auto' ? await detect(frames, file) : requested;
    return { file, sizeBytes: sniff.size, format, samples: await samples(jsonFormatItems(frames, ctx, format)) };
  } finally {
    await frames.close();
  }
}

async function csvPreview(frames: Frames, ctx: ReadContext): Promise<Pick<ConversationPreview, 'columns' | 'suggestedMapping' | 'samples'>> {
  const first = await frames.next();
  if (first === null) throw new ImportError('empty file: no header line', { file: ctx.file, line: 1 });
  const text = frameText(first);
  if ('bad' in text) throw new ImportError(`header: ${text.bad}`, { file: ctx.file, line: first.line });
  const columns = parseDelimited(ctx.file, text.text, { delimiter: ',' }).header;
  const suggestedMapping = guessMapping(columns);
  frames.unread([first]);
  try {
    return { columns, suggestedMapping, samples: await samples(await csvItems(frames, ctx, undefined)) };
  } catch (err) {
    // No text column to guess: still show the columns, so the user can map one.
    if (!(err instanceof ImportError)) throw err;
    return { columns, suggestedMapping, samples: [{ line: err.line ?? first.line, error: err.reason }] };
  }
}

function guessMapping(columns: string[]): Record<string, string> {
  const byLower = new Map(columns.map((c) => [c.trim().toLowerCase(), c.trim()] as const));
  const out: Record<string, string> = {};
  for (const [field, names] of Object.entries(GUESSES)) {
    const hit = names.map((n) => byLower.get(n)).find((c) => c !== undefined);
    if (hit !== undefined) out[field] = hit;
  }
  return out;
}

function jsonFormatItems(frames: Frames, ctx: ReadContext, format: ConversationFormat): AsyncGenerator<Item> {
  if (format === 'oasst') return oasstItems(new Frames(limited(frames, OASST_FRAMES)), ctx, { trees: 0, threads: 0 });
  const parse = RECORD_PARSERS[format];
  if (parse === undefined) throw new ImportError(`format "${format}" has no reader`, { file: ctx.file });
  return jsonItems(frames, ctx, parse);
}

async function* limited(frames: Frames, max: number): AsyncGenerator<Frame> {
  for (let i = 0; i < max; i++) {
    const f = await frames.next();
    if (f === null) return;
    yield f;
  }
}

async function samples(items: AsyncIterable<Item>): Promise<ConversationPreview['samples']> {
  const out: ConversationPreview['samples'] = [];
  for await (const item of items) {
    if ('bad' in item) out.push({ line: item.line, error: item.bad });
    else {
      const firstUser = item.record.messages.find((m) => m.role === 'user')?.content ?? '';
      out.push({
        line: item.line,
        messages: item.record.messages.length,
        firstUserText: firstUser.length > FIRST_TEXT_CHARS ? firstUser.slice(0, FIRST_TEXT_CHARS) + '…' : firstUser,
        account: item.record.accountId,
        model: item.record.model,
      });
    }
    if (out.length >= PREVIEW_SAMPLES) break;
  }
  return out;
}
