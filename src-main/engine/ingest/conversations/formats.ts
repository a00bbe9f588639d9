// Row-per-conversation formats. Each framed row is decoded, parsed and normalised on its own, so
// memory stays at one row whatever the file size; one function per format maps a parsed JSON
// object to a normalised record (or a BadRow). Format detection for 'auto' lives here too because
// it keys on the same fields.
import { chatgptRecord } from './chatgpt';
import type { Frame } from './framing';
import { finish, messagesFrom, optString, optTimestamp } from './normalize';
import { frameText, type Frames, type ReadContext } from './reader';
import { BadRow, isObj, type ConversationFormat, type ConversationRecord, type Item, type Message, type Obj } from './types';

export type RecordParser = (o: Obj) => ConversationRecord;

/** Generic JSONL and OpenAI chat format: {messages | conversation, id?, account_id?, model?, timestamp?}. */
function genericRecord(o: Obj): ConversationRecord {
  const key = Array.isArray(o.messages) ? 'messages' : Array.isArray(o.conversation) ? 'conversation' : 'messages';
  return finish({
    sourceId: optString(o, 'id', 'conversation_id'),
    accountId: optString(o, 'account_id', 'user_id'),
    model: optString(o, 'model'),
    createdAt: optTimestamp(o, 'timestamp', 'created_at', 'create_time'),
    messages: messagesFrom(o[key], key),
  });
}

/** ShareGPT: {id, conversations: [{from: human|gpt|system, value}]}. */
function sharegptRecord(o: Obj): ConversationRecord {
  return finish({
    sourceId: optString(o, 'id'),
    accountId: optString(o, 'account_id', 'user_id'),
    model: optString(o, 'model'),
    createdAt: optTimestamp(o, 'timestamp', 'created_at'),
    messages: messagesFrom(o.conversations, 'conversations'),
  });
}

/**
 * WildChat: the public prompt/response pairs ({prompt, response, model, timestamp}) have no
 * conversation id, so they get a content-hash id; full WildChat rows carry conversation_hash
 * (the conversation id) and hashed_ip (the closest thing to an account).
 */
function wildchatRecord(o: Obj): ConversationRecord {
  const meta = { model: optString(o, 'model'), createdAt: optTimestamp(o, 'timestamp', 'created_at') };
  if (Array.isArray(o.conversation)) {
    return finish({
      sourceId: optString(o, 'conversation_hash', 'conversation_id'),
      accountId: optString(o, 'hashed_ip'),
      ...meta,
      messages: messagesFrom(o.conversation, 'conversation'),
    });
  }
  if (typeof o.prompt !== 'string') throw new BadRow('missing "prompt" (or "conversation") field');
  if (o.response !== undefined && o.response !== null && typeof o.response !== 'string') {
    throw new BadRow('"response" must be a string');
  }
  const messages: Message[] = [];
  if (o.prompt.trim() !== '') messages.push({ role: 'user', content: o.prompt });
  if (typeof o.response === 'string' && o.response.trim() !== '') messages.push({ role: 'assistant', content: o.response });
  return finish({ sourceId: null, accountId: optString(o, 'hashed_ip'), ...meta, messages });
}

/** Claude.ai export element: {uuid, created_at, account: {uuid}, chat_messages: [{sender, text, content}]}. */
function claudeRecord(o: Obj): ConversationRecord {
  const account = isObj(o.account) ? optString(o.account, 'uuid') : null;
  return finish({
    sourceId: optString(o, 'uuid', 'id'),
    accountId: account,
    model: optString(o, 'model'),
    createdAt: optTimestamp(o, 'created_at'),
    messages: messagesFrom(o.chat_messages, 'chat_messages'),
  });
}

export const RECORD_PARSERS: Partial<Record<ConversationFormat, RecordParser>> = {
  jsonl: genericRecord,
  'openai-messages': genericRecord,
  sharegpt: sharegptRecord,
  wildchat: wildchatRecord,
  'claude-export': claudeRecord,
  'chatgpt-export': chatgptRecord,
};

/** The format a row looks like, from the keys it has; null if it matches none. */
export function detectFormat(o: Obj): ConversationFormat | null {
  if ('chat_messages' in o) return 'claude-export';
  if ('mapping' in o) return 'chatgpt-export';
  if ('message_tree_id' in o || ('message_id' in o && 'parent_id' in o)) return 'oasst';
  if ('conversation_hash' in o || 'prompt' in o) return 'wildchat';
  if (Array.isArray(o.conversations)) return 'sharegpt';
  if (Array.isArray(o.messages)) return looksOpenAi(o.messages) ? 'openai-messages' : 'jsonl';
  if (Array.isArray(o.conversation)) return 'jsonl';
  return null;
}

/** OpenAI chat rows are recognisable by a system message or by content given as an array of parts. */
function looksOpenAi(messages: unknown[]): boolean {
  return messages.some((m) => isObj(m) && (m.role === 'system' || Array.isArray(m.content)));
}

/** Decodes and JSON-parses one row into an object, or says why it cannot. */
export function frameObject(f: Frame): { obj: Obj } | { bad: string } {
  if (f.error !== undefined) return { bad: f.error };
  const t = frameText(f);
  if ('bad' in t) return t;
  let v: unknown;
  try {
    v = JSON.parse(t.text);
  } catch (e) {
    return { bad: `malformed JSON: ${(e as Error).message}` };
  }
  return isObj(v) ? { obj: v } : { bad: `expected a JSON object, found ${Array.isArray(v) ? 'an array' : typeof v}` };
}

/** Runs a parser, turning a BadRow into a bad-row item; any other exception is a bug and propagates. */
export function toItem(line: number, parse: () => ConversationRecord): Item {
  try {
    return { line, record: parse() };
  } catch (e) {
    if (e instanceof BadRow) return { line, bad: e.message };
    throw e;
  }
}

/** One item per row: the row's record, or why it is bad. */
export function jsonItem(f: Frame, parse: RecordParser): Item {
  const r = frameObject(f);
  if ('bad' in r) return { line: f.line, bad: r.bad };
  const obj = r.obj;
  return toItem(f.line, () => parse(obj));
}

export async function* jsonItems(frames: Frames, ctx: ReadContext, parse: RecordParser): AsyncGenerator<Item> {
  for (let f = await frames.next(); f !== null; f = await frames.next()) {
    ctx.onRow();
    yield jsonItem(f, parse);
  }
}
