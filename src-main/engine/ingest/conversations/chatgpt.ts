// ChatGPT data export (conversations.json). Each conversation is a tree of nodes in `mapping`:
// every regenerate or edit adds a branch. What the user last saw is the path from `current_node`
// up the parents to the root, so that single thread is the conversation we keep.
import { contentText, finish, mapRole, optString, optTimestamp } from './normalize';
import { BadRow, isObj, type ConversationRecord, type Message, type Obj } from './types';

// Only these carry words a person typed or read; others are tool calls, code-interpreter output,
// browsing results and reasoning traces.
const TEXT_CONTENT = new Set(['text', 'multimodal_text']);

export function chatgptRecord(o: Obj): ConversationRecord {
  if (!isObj(o.mapping)) throw new BadRow('missing "mapping" object');
  const messages: Message[] = [];
  let slug: string | null = null;
  displayedPath(o.mapping, o.current_node).forEach((node, i) => {
    if (!isObj(node.message)) return; // the synthetic root node has no message
    const msg = chatgptMessage(node.message, i);
    if (msg === null) return;
    messages.push(msg);
    if (msg.role === 'assistant') slug = modelSlug(node.message) ?? slug;
  });
  return finish({
    sourceId: optString(o, 'id', 'conversation_id'),
    accountId: optString(o, 'account_id', 'user_id'),
    model: optString(o, 'default_model_slug') ?? slug,
    createdAt: optTimestamp(o, 'create_time'),
    messages,
  });
}

/** Root-first list of nodes on the path that ends at `current` (or at the newest leaf). */
function displayedPath(mapping: Obj, current: unknown): Obj[] {
  let id: string | null = typeof current === 'string' ? current : newestLeaf(mapping);
  const path: Obj[] = [];
  const seen = new Set<string>(); // a corrupt export with a parent cycle must not loop forever
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const node = mapping[id];
    if (!isObj(node)) {
      if (path.length === 0) throw new BadRow(`current_node "${id}" is not in "mapping"`);
      break;
    }
    path.push(node);
    id = typeof node.parent === 'string' ? node.parent : null;
  }
  return path.reverse();
}

/** Fallback when current_node is absent: the leaf whose message was written last. */
function newestLeaf(mapping: Obj): string | null {
  let best: string | null = null;
  let bestTime = -Infinity;
  for (const [id, node] of Object.entries(mapping)) {
    if (!isObj(node) || (Array.isArray(node.children) && node.children.length > 0)) continue;
    const t = isObj(node.message) && typeof node.message.create_time === 'number' ? node.message.create_time : 0;
    if (best === null || t >= bestTime) {
      best = id;
      bestTime = t;
    }
  }
  return best;
}

function chatgptMessage(m: Obj, index: number): Message | null {
  const where = `node ${index + 1}`;
  const role = mapRole(isObj(m.author) ? m.author.role : undefined, where);
  if (role === null) return null;
  const meta = isObj(m.metadata) ? m.metadata : {};
  if (meta.is_visually_hidden_from_conversation === true) return null;
  // Assistant messages addressed to a tool (recipient "python", "browser", …) are tool calls.
  if (typeof m.recipient === 'string' && m.recipient !== 'all') return null;
  if (!isObj(m.content) || !TEXT_CONTENT.has(String(m.content.content_type))) return null;
  const text = contentText(m.content.parts, where);
  return text.trim() === '' ? null : { role, content: text };
}

function modelSlug(m: Obj): string | null {
  return isObj(m.metadata) && typeof m.metadata.model_slug === 'string' ? m.metadata.model_slug : null;
}
