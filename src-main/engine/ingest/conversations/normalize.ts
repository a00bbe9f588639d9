// Normalisation shared by every format: roles folded to user/assistant, content flattened to plain
// text, metadata fields type-checked, and the stored id derived. Parsers throw BadRow for a
// row-level problem so the importer records it with its line instead of dropping it.
import { sha256 } from '../../base/hash';
import { BadRow, isObj, type ConversationRecord, type Message, type Obj, type Role } from './types';

const USER_ROLES = new Set(['user', 'human', 'prompter']);
const ASSISTANT_ROLES = new Set(['assistant', 'gpt', 'bot', 'model', 'claude', 'chatgpt', 'ai']);
// System prompts and tool traffic are not something a person asked for, so they never count
// towards the task a conversation performs.
const DROPPED_ROLES = new Set(['system', 'tool', 'function', 'developer', 'ipython']);

/** 'user' | 'assistant', or null for a role that is dropped; unknown roles are bad rows. */
export function mapRole(raw: unknown, where: string): Role | null {
  if (typeof raw !== 'string') throw new BadRow(`${where}: missing role`);
  const r = raw.trim().toLowerCase();
  if (USER_ROLES.has(r)) return 'user';
  if (ASSISTANT_ROLES.has(r)) return 'assistant';
  if (DROPPED_ROLES.has(r)) return null;
  throw new BadRow(`${where}: unknown role ${JSON.stringify(raw).slice(0, 40)}`);
}

/**
 * Plain text of a message body: a string, or an array of parts (strings, or {type:'text', text})
 * joined by newlines. Non-text parts (images, tool calls) carry no prompt text and are skipped.
 */
export function contentText(c: unknown, where: string): string {
  if (typeof c === 'string') return c;
  if (c === null || c === undefined) return '';
  if (!Array.isArray(c)) throw new BadRow(`${where}: content must be a string or an array of parts`);
  const texts: string[] = [];
  for (const p of c) {
    if (typeof p === 'string') texts.push(p);
    else if (isObj(p) && typeof p.text === 'string' && (p.type === undefined || p.type === 'text')) texts.push(p.text);
  }
  return texts.join('\n');
}

/**
 * One message in any of the common shapes: {role, content} (OpenAI, WildChat), {from, value}
 * (ShareGPT), {sender, text, content:[parts]} (Claude.ai export). Returns null for a dropped role
 * or an empty body (exports contain placeholder and tool-only nodes with no text).
 */
export function messageFrom(m: unknown, index: number): Message | null {
  const where = `message ${index + 1}`;
  if (!isObj(m)) throw new BadRow(`${where}: not an object`);
  const role = mapRole(m.role ?? m.from ?? m.sender, where);
  if (role === null) return null;
  let content = contentText(m.content ?? m.value, where);
  if (content.trim() === '' && typeof m.text === 'string') content = m.text;
  return content.trim() === '' ? null : { role, content };
}

export function messagesFrom(list: unknown, name: string): Message[] {
  if (!Array.isArray(list)) throw new BadRow(`missing "${name}" array`);
  const out: Message[] = [];
  list.forEach((m, i) => {
    const msg = messageFrom(m, i);
    if (msg !== null) out.push(msg);
  });
  return out;
}

/** An optional id/account/model field: string or number, else null; other types are bad rows. */
export function optString(o: Obj, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v !== 'string') throw new BadRow(`"${k}" must be a string`);
    if (v.trim() !== '') return v.trim();
  }
  return null;
}

/** Timestamps stay as given when textual; numbers are Unix seconds (or milliseconds if huge). */
export function optTimestamp(o: Obj, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = o[k];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return unixToIso(v, k);
    throw new BadRow(`"${k}" must be a string or a number`);
  }
  return null;
}

function unixToIso(v: number, key: string): string {
  const ms = v > 1e11 ? v : v * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) throw new BadRow(`"${key}" is not a valid time`);
  return d.toISOString();
}

/** The final check every format goes through: a conversation must contain a user turn. */
export function finish(rec: ConversationRecord): ConversationRecord {
  if (!rec.messages.some((m) => m.role === 'user')) {
    throw new BadRow(
      rec.messages.length === 0 ? 'no messages with text' : 'no user message (only assistant messages)',
    );
  }
  return rec;
}

/** Stored id: dataset-scoped source id, or a content hash so re-imports still dedupe. */
export function conversationId(dataset: string, rec: ConversationRecord): string {
  if (rec.sourceId !== null) return `${dataset}:${rec.sourceId}`;
  const canonical = JSON.stringify({ messages: rec.messages, account: rec.accountId, timestamp: rec.createdAt });
  return `${dataset}:h-${sha256(canonical).slice(0, 24)}`;
}
