// OpenAssistant (oasst1/oasst2) message-level JSONL. Unlike every other format, one conversation
// is spread over many lines (each message names its parent), so the messages of the file are
// kept in memory, reduced to the few fields we store, until EOF; then one conversation is built
// per leaf-to-root thread. This is the one non-constant-memory path: it holds at most one file's
// messages (oasst1 in full is ~85k messages, a few tens of MB). With mode 'longest', only each
// tree's longest thread is built (one conversation per tree, not one per branch).
import { finish, mapRole } from './normalize';
import { frameObject, toItem } from './formats';
import type { Frames, ReadContext } from './reader';
import { BadRow, type ConversationRecord, type Item, type OasstMode, type Obj, type Role } from './types';

interface OasstMessage {
  id: string;
  parent: string | null;
  tree: string | null;
  user: string | null;
  role: Role;
  text: string;
  created: string | null;
  line: number;
}

export interface OasstStats {
  trees: number;
  threads: number;
}

export async function* oasstItems(frames: Frames, ctx: ReadContext, stats: OasstStats, mode: OasstMode = 'branches'): AsyncGenerator<Item> {
  const byId = new Map<string, OasstMessage>();
  for (let f = await frames.next(); f !== null; f = await frames.next()) {
    ctx.onRow();
    const r = frameObject(f);
    if ('bad' in r) {
      yield { line: f.line, bad: r.bad };
      continue;
    }
    try {
      const m = oasstMessage(r.obj, f.line);
      if (byId.has(m.id)) throw new BadRow(`duplicate message_id ${m.id}`);
      byId.set(m.id, m);
    } catch (e) {
      if (!(e instanceof BadRow)) throw e;
      yield { line: f.line, bad: e.message };
    }
  }
  yield* threads(byId, stats, mode);
}

function oasstMessage(o: Obj, line: number): OasstMessage {
  const str = (k: string): string | null => {
    const v = o[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw new BadRow(`"${k}" must be a string`);
    return v;
  };
  const id = str('message_id');
  const text = str('text');
  if (id === null) throw new BadRow('missing "message_id"');
  if (text === null) throw new BadRow('missing "text"');
  const role = mapRole(o.role, 'message');
  if (role === null) throw new BadRow(`unexpected role ${JSON.stringify(o.role)}`);
  return { id, parent: str('parent_id'), tree: str('message_tree_id'), user: str('user_id'), role, text, created: str('created_date'), line };
}

/**
 * One item per leaf (a message nobody in the file replied to), in file order; with 'longest', only
 * the leaf with the longest thread of each tree (the first such leaf in file order on a tie). A thread
 * whose root is not in the file starts at its top-most available message; if that leaves no prompter
 * message, the thread is a bad row rather than a conversation.
 */
function* threads(byId: Map<string, OasstMessage>, stats: OasstStats, mode: OasstMode): Generator<Item> {
  const hasReply = new Set<string>();
  const trees = new Set<string>();
  for (const m of byId.values()) {
    if (m.parent !== null && byId.has(m.parent)) hasReply.add(m.parent);
    trees.add(m.tree ?? m.id);
  }
  stats.trees = trees.size;
  const leaves = [...byId.values()].filter((m) => !hasReply.has(m.id)).map((leaf) => ({ leaf, chain: pathToRoot(byId, leaf) }));
  const kept = mode === 'longest' ? longestPerTree(leaves) : leaves;
  for (const { leaf, chain } of kept) {
    stats.threads++;
    yield toItem(leaf.line, () => threadRecord(leaf, chain));
  }
}

interface Thread {
  leaf: OasstMessage;
  chain: OasstMessage[];
}

/** Each tree's longest thread, in file order of their leaves. A tree is its root's (the chain's first) message. */
function longestPerTree(leaves: Thread[]): Thread[] {
  const best = new Map<string, Thread>();
  for (const t of leaves) {
    const root = t.chain[0]!;
    const key = root.tree ?? root.id;
    const current = best.get(key);
    if (current === undefined || t.chain.length > current.chain.length) best.set(key, t);
  }
  const keep = new Set(best.values());
  return leaves.filter((t) => keep.has(t));
}

function pathToRoot(byId: Map<string, OasstMessage>, leaf: OasstMessage): OasstMessage[] {
  const chain: OasstMessage[] = [];
  const seen = new Set<string>(); // guards against a parent cycle in a corrupt file
  for (let m: OasstMessage | undefined = leaf; m !== undefined && !seen.has(m.id); m = m.parent === null ? undefined : byId.get(m.parent)) {
    seen.add(m.id);
    chain.push(m);
  }
  return chain.reverse();
}

function threadRecord(leaf: OasstMessage, chain: OasstMessage[]): ConversationRecord {
  // The account is whoever wrote the thread's first prompt: the person who had the task.
  const opener = chain.find((m) => m.role === 'user');
  if (opener === undefined) throw new BadRow(`thread ending at message ${leaf.id} has no prompter message (its root is not in this file)`);
  return finish({
    sourceId: leaf.id,
    accountId: opener.user,
    model: null, // oasst assistant replies were written by human volunteers
    createdAt: opener.created,
    messages: chain.filter((m) => m.text.trim() !== '').map((m) => ({ role: m.role, content: m.text })),
  });
}
