// CSV conversations: a header row plus a mapping from our fields to column names (given, or
// guessed from common names). Records are framed on bytes by CsvFramer (quoted fields may span
// lines) and each record's fields are split by the RFC 4180 parser in formats/delimited.ts.
import { ImportError } from '../formats/errors';
import { parseDelimited } from '../formats/delimited';
import { finish, messagesFrom } from './normalize';
import { frameText, type Frames, type ReadContext } from './reader';
import { toItem } from './formats';
import { BadRow, type ColumnMapping, type ConversationRecord, type Item, type Message } from './types';

type Field = keyof ColumnMapping;
type Columns = Partial<Record<Field, number>>;

// Checked in order, case-insensitively, when no mapping is given.
export const GUESSES: Record<Field, string[]> = {
  id: ['conversation_id', 'id', 'conversation_hash'],
  account: ['user_id', 'account_id', 'hashed_ip', 'account'],
  model: ['model'],
  timestamp: ['timestamp', 'created_at', 'time', 'date'],
  text: ['text', 'prompt', 'message', 'question'],
  messages: ['messages', 'conversation'],
  response: ['response', 'reply', 'answer'],
};

function splitRecord(file: string, text: string): string[] {
  try {
    return parseDelimited(file, text, { delimiter: ',' }).header;
  } catch (e) {
    if (e instanceof ImportError) throw new BadRow(e.reason);
    throw e;
  }
}

/** Reads the header row and resolves every mapped field to a column index. */
async function readHeader(frames: Frames, file: string, mapping: ColumnMapping | undefined): Promise<Columns> {
  const f = await frames.next();
  if (f === null) throw new ImportError('empty file: no header line', { file, line: 1 });
  if (f.error !== undefined) throw new ImportError(`header: ${f.error}`, { file, line: f.line });
  const t = frameText(f);
  if ('bad' in t) throw new ImportError(`header: ${t.bad}`, { file, line: f.line });
  let header: string[];
  try {
    header = splitRecord(file, t.text);
  } catch (e) {
    throw new ImportError(`header: ${(e as Error).message}`, { file, line: f.line });
  }
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i] as const));
  const cols: Columns = {};
  for (const field of Object.keys(GUESSES) as Field[]) {
    const named = mapping?.[field];
    const candidates = mapping !== undefined ? (named === undefined ? [] : [named]) : GUESSES[field];
    const hit = candidates.map((c) => index.get(c.trim().toLowerCase())).find((i) => i !== undefined);
    if (named !== undefined && hit === undefined) {
      throw new ImportError(`header has no column "${named}" (mapped as ${field}); columns: ${header.join(', ')}`, { file, line: f.line, column: named });
    }
    if (hit !== undefined) cols[field] = hit;
  }
  if (cols.text === undefined && cols.messages === undefined) {
    throw new ImportError(`no text or messages column (map one with mapping.text or mapping.messages); columns: ${header.join(', ')}`, { file, line: f.line });
  }
  return cols;
}

function csvRecord(cells: string[], cols: Columns): ConversationRecord {
  const width = Math.max(...Object.values(cols)) + 1;
  if (cells.length < width) throw new BadRow(`expected at least ${width} fields, found ${cells.length}`);
  // Message text is kept as written; metadata is trimmed. A blank cell means "absent".
  const raw = (field: Field): string | null => {
    const i = cols[field];
    const v = i === undefined ? '' : (cells[i] ?? '');
    return v.trim() === '' ? null : v;
  };
  const meta = (field: Field): string | null => raw(field)?.trim() ?? null;
  return finish({
    sourceId: meta('id'),
    accountId: meta('account'),
    model: meta('model'),
    createdAt: meta('timestamp'),
    messages: cols.messages !== undefined ? messagesCell(raw('messages') ?? '') : textMessages(raw('text'), raw('response')),
  });
}

function messagesCell(raw: string): Message[] {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    throw new BadRow(`messages column is not valid JSON: ${(e as Error).message}`);
  }
  return messagesFrom(v, 'messages');
}

function textMessages(text: string | null, response: string | null): Message[] {
  const out: Message[] = [];
  if (text !== null) out.push({ role: 'user', content: text });
  if (response !== null) out.push({ role: 'assistant', content: response });
  return out;
}

/** Checks the header first (a file-level error, before anything is written), then reads records. */
export async function csvItems(frames: Frames, ctx: ReadContext, mapping: ColumnMapping | undefined): Promise<AsyncGenerator<Item>> {
  const cols = await readHeader(frames, ctx.file, mapping);
  return csvRecords(frames, ctx, cols);
}

async function* csvRecords(frames: Frames, ctx: ReadContext, cols: Columns): AsyncGenerator<Item> {
  for (let f = await frames.next(); f !== null; f = await frames.next()) {
    ctx.onRow();
    if (f.error !== undefined) {
      yield { line: f.line, bad: f.error };
      continue;
    }
    const t = frameText(f);
    if ('bad' in t) yield { line: f.line, bad: t.bad };
    else yield toItem(f.line, () => csvRecord(splitRecord(ctx.file, t.text), cols));
  }
}
