// The conversations a reconstruction clusters, and the text each is clustered by: the run's
// classified (screened-in, placed) conversations, each summarised as "the user's overall request"
// (Claude, checkpointed per conversation like every classify call), or offline the user's opening
// request itself. A conversation whose summary failed is left out and counted.
import type { Db } from '../../db/open';
import { formatConversation } from '../../../src-shared/prompts/classify';
import { requestSummaryTemplate } from '../../../src-shared/prompts/reconstruct';
import { claudeStep, type ClaudeStepDeps } from '../pipeline/claude-step';
import type { RunContext } from '../pipeline/steps';

export interface Member {
  id: string;
  account: string | null;
}

export interface Corpus {
  members: Member[];
  /** One per member, in the same order. */
  summaries: string[];
  /** Conversations left out because their summary failed (with the first reasons). */
  failed: number;
  failures: string[];
}

/** Conversations per summary step: bounded memory, and one batch each in Batches mode. */
export const CHUNK_SIZE = 2000;
/** Offline, the user's opening request, cut here (as long as the offline classifier reads). */
const OFFLINE_CHARS = 2000;

export const REQUEST_TEMPLATE = requestSummaryTemplate();

export function classifiedConversations(db: Db, run: string): Member[] {
  return db
    .prepare(
      `SELECT c.conversation_id AS id, v.account_id AS account FROM classification c
       JOIN conversation v ON v.id = c.conversation_id
       WHERE c.run_id = ? AND c.facet = 'task' AND c.status = 'ok' ORDER BY c.conversation_id`,
    )
    .all(run) as Member[];
}

type Messages = { role: 'user' | 'assistant'; content: string }[];

function messagesOf(db: Db, ids: readonly string[]): Messages[] {
  const get = db.prepare('SELECT messages_json FROM conversation WHERE id = ?').pluck();
  return ids.map((id) => JSON.parse(get.get(id) as string) as Messages);
}

/** Offline: the user's first turn (what was asked), as the offline classifier reads a conversation. */
export function offlineRequests(db: Db, members: readonly Member[]): Corpus {
  const summaries = messagesOf(db, members.map((m) => m.id)).map((msgs) => {
    const first = msgs.find((m) => m.role === 'user')?.content ?? formatConversation(msgs);
    return first.trim().slice(0, OFFLINE_CHARS);
  });
  return { members: [...members], summaries, failed: 0, failures: [] };
}

/** Claude: one summary per conversation, chunk by chunk; progress counts the whole corpus. */
export async function requestSummaries(
  db: Db,
  deps: ClaudeStepDeps,
  members: readonly Member[],
  maxChars: number,
  ctx: RunContext,
): Promise<Corpus> {
  const out: Corpus = { members: [], summaries: [], failed: 0, failures: [] };
  let reused = 0;
  for (let start = 0; start < members.length; start += CHUNK_SIZE) {
    const chunk = members.slice(start, start + CHUNK_SIZE);
    const inputs = messagesOf(db, chunk.map((m) => m.id)).map((msgs) => ({ conversation: formatConversation(msgs, maxChars) }));
    const chunkCtx: RunContext = {
      ...ctx,
      onProgress: (p) => ctx.onProgress?.({ ...p, done: start + p.done, total: members.length, fromCheckpoint: reused + p.fromCheckpoint }),
    };
    const results = await claudeStep(deps, 'reconstruct.request', REQUEST_TEMPLATE, inputs, chunkCtx);
    reused += results.filter((r) => r.fromCheckpoint).length;
    results.forEach((r, i) => {
      if (r.ok) {
        out.members.push(chunk[i]!);
        out.summaries.push(r.value);
      } else {
        out.failed++;
        if (out.failures.length < 5) out.failures.push(r.error);
      }
    });
  }
  return out;
}
