// Message Batches mode for large runs: half the price, answers within hours instead of seconds.
// The batch id is stored before polling starts, so a run killed while waiting resumes the same
// batch instead of paying for a second one. Answers land in the same call store as direct calls,
// so the steps that follow read them exactly as if they had been sent one by one. Polling (retrieve,
// results) retries transient failures with the same policy as direct requests: an hours-long wait
// must not fail on one 529.
import { sha256 } from '../base/hash';
import type { Db } from '../../db/open';
import { sleep, throwIfAborted } from '../base/cancel';
import { toApiMessages, toRecord, type LlmClient } from './client';
import { countRetry } from './stats';
import { withRetries, type RetryHooks } from './retry';
import { requestHash, type MessageRequest } from './store';

export interface BatchItem {
  request: MessageRequest;
  meta: { promptId: string; promptVersion: string };
  /** Kept for the direct calls a step may still make; a batch itself is sent without breakpoints (see createBatch). */
  cacheMessageIndex?: number;
}

export interface BatchOutcome {
  batchId: string | null;
  /** Requests already answered before the batch (nothing sent for them). */
  cached: number;
  succeeded: number;
  errored: number;
}

export async function runBatch(
  db: Db,
  client: LlmClient,
  items: readonly BatchItem[],
  opts: { signal?: AbortSignal; pollMs?: number; onStatus?: (s: { processing: number; succeeded: number }) => void } = {},
): Promise<BatchOutcome> {
  const store = client.storeFor();
  const pending = new Map<string, BatchItem>();
  for (const item of items) {
    const hash = requestHash(item.request);
    if (!store.get(hash)) pending.set(hash, item);
  }
  const outcome: BatchOutcome = { batchId: null, cached: items.length - pending.size, succeeded: 0, errored: 0 };
  if (pending.size === 0) return outcome;
  const batchKey = sha256([...pending.keys()].sort().join('\n'));
  const batchId = findOpenBatch(db, batchKey) ?? (await createBatch(db, client, batchKey, pending));
  outcome.batchId = batchId;
  await waitForEnd(client, batchId, opts);
  // A retried download starts from the first line again: lines already taken are skipped.
  const seen = new Set<string>();
  await polled(client, opts.signal, async () => {
    for await (const line of await client.anthropic.messages.batches.results(batchId)) {
      const item = pending.get(line.custom_id);
      if (!item || seen.has(line.custom_id)) continue;
      seen.add(line.custom_id);
      if (line.result.type === 'succeeded') {
        const rec = toRecord(item.request.model, line.result.message, true);
        store.put(line.custom_id, item.meta, item.request, rec);
        client.account(item.meta.promptId, rec);
        outcome.succeeded++;
      } else outcome.errored++;
    }
  });
  db.prepare("UPDATE llm_batch SET status = 'done', ended_at = ? WHERE id = ?").run(new Date().toISOString(), batchId);
  return outcome;
}

function findOpenBatch(db: Db, batchKey: string): string | null {
  const row = db.prepare("SELECT id FROM llm_batch WHERE batch_key = ? AND status = 'open'").get(batchKey) as
    | { id: string }
    | undefined;
  return row?.id ?? null;
}

async function createBatch(db: Db, client: LlmClient, batchKey: string, pending: Map<string, BatchItem>): Promise<string> {
  // No cache breakpoints in a batch: each step is its own batch, so a conversation appears once per
  // batch, and the next step's batch may start after the 5-minute cache has expired (batches take
  // minutes to hours). A breakpoint would pay the 1.25x write price for reads that rarely happen.
  const requests = [...pending].map(([hash, item]) => ({
    custom_id: hash,
    params: { ...item.request, messages: toApiMessages(item.request.messages) },
  }));
  const batch = await client.anthropic.messages.batches.create({ requests });
  const model = requests[0]?.params.model ?? '';
  db.prepare(
    "INSERT INTO llm_batch (id, batch_key, model, requests, status, created_at) VALUES (?, ?, ?, ?, 'open', ?)",
  ).run(batch.id, batchKey, model, requests.length, new Date().toISOString());
  return batch.id;
}

async function waitForEnd(
  client: LlmClient,
  batchId: string,
  opts: { signal?: AbortSignal; pollMs?: number; onStatus?: (s: { processing: number; succeeded: number }) => void },
): Promise<void> {
  for (;;) {
    throwIfAborted(opts.signal);
    const batch = await polled(client, opts.signal, () => client.anthropic.messages.batches.retrieve(batchId));
    opts.onStatus?.({ processing: batch.request_counts.processing, succeeded: batch.request_counts.succeeded });
    if (batch.processing_status === 'ended') return;
    await sleep(opts.pollMs ?? 30_000, opts.signal);
  }
}

/** A read of batch state, retried like a request; each retry is counted in the client's stats. */
function polled<T>(client: LlmClient, signal: AbortSignal | undefined, read: () => Promise<T>): Promise<T> {
  const hooks: RetryHooks = { signal, onRetry: (reason) => countRetry(client.stats, reason) };
  return withRetries(read, client.options, hooks);
}
