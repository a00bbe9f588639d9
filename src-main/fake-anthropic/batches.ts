// Message Batches: a batch stays in_progress for batchDelayMs, then ends. Its requests are answered
// when it is first seen ended (like the real service, nothing is decided while it is queued), and
// the results are served as JSONL from the absolute results_url that the SDK's results() fetches.
import { randomBytes } from 'node:crypto';
import { errorBody, validateParams } from './wire';

export type BatchResult =
  | { type: 'succeeded'; message: Record<string, unknown> }
  | { type: 'errored'; error: Record<string, unknown> }
  | { type: 'canceled' };

export interface BatchDeps {
  /** Answers one request's params (already validated), applying the fault injection. */
  process(params: unknown): BatchResult;
  baseURL(): string;
  delayMs(): number;
}

interface Batch {
  id: string;
  requests: { custom_id: string; params: unknown }[];
  createdAt: number;
  endAt: number;
  cancelInitiatedAt: number | null;
  results: { custom_id: string; result: BatchResult }[] | null;
}

export type Reply = { status: number; json: unknown } | { status: 200; jsonl: string };

const iso = (ms: number) => new Date(ms).toISOString();

function parseRequests(body: unknown): Batch['requests'] | string {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) return 'requests: at least one request is required';
  const ids = new Set<string>();
  for (const [i, r] of requests.entries()) {
    const req = r as { custom_id?: unknown; params?: unknown } | null;
    if (typeof req?.custom_id !== 'string' || !req.custom_id) return `requests.${i}.custom_id: required`;
    if (ids.has(req.custom_id)) return `requests.${i}.custom_id: duplicate "${req.custom_id}"`;
    if (typeof req.params !== 'object' || req.params === null) return `requests.${i}.params: required`;
    ids.add(req.custom_id);
  }
  return requests as Batch['requests'];
}

export class BatchStore {
  private readonly batches = new Map<string, Batch>();
  created = 0;
  requestCount = 0;

  constructor(private readonly deps: BatchDeps) {}

  create(body: unknown): Reply {
    const requests = parseRequests(body);
    if (typeof requests === 'string') return { status: 400, json: errorBody('invalid_request_error', requests) };
    const now = Date.now();
    const id = `msgbatch_fake${randomBytes(12).toString('hex')}`;
    const batch: Batch = { id, requests, createdAt: now, endAt: now + this.deps.delayMs(), cancelInitiatedAt: null, results: null };
    this.batches.set(id, batch);
    this.created++;
    this.requestCount += requests.length;
    return { status: 200, json: this.view(batch) };
  }

  retrieve(id: string): Reply {
    const batch = this.batches.get(id);
    return batch ? { status: 200, json: this.view(batch) } : notFound(id);
  }

  list(): Reply {
    const data = [...this.batches.values()].reverse().map((b) => this.view(b));
    return { status: 200, json: { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null } };
  }

  cancel(id: string): Reply {
    const batch = this.batches.get(id);
    if (!batch) return notFound(id);
    // Nothing is being worked on while a fake batch waits, so cancelling ends it at once.
    if (!this.settle(batch)) {
      batch.cancelInitiatedAt = Date.now();
      batch.endAt = batch.cancelInitiatedAt;
    }
    return { status: 200, json: this.view(batch) };
  }

  results(id: string): Reply {
    const batch = this.batches.get(id);
    if (!batch) return notFound(id);
    if (!this.settle(batch)) return { status: 400, json: errorBody('invalid_request_error', `batch ${id} is still in progress`) };
    return { status: 200, jsonl: batch.results!.map((r) => `${JSON.stringify(r)}\n`).join('') };
  }

  /** Answers the batch once its time is up; true when it has ended. */
  private settle(batch: Batch): boolean {
    if (batch.results) return true;
    if (Date.now() < batch.endAt) return false;
    batch.results = batch.requests.map((r) => ({ custom_id: r.custom_id, result: this.answer(batch, r.params) }));
    return true;
  }

  private answer(batch: Batch, params: unknown): BatchResult {
    if (batch.cancelInitiatedAt !== null) return { type: 'canceled' };
    const valid = validateParams(params);
    if (!valid.ok) return { type: 'errored', error: errorBody('invalid_request_error', valid.message) };
    return this.deps.process(valid.params);
  }

  private view(batch: Batch): Record<string, unknown> {
    const ended = this.settle(batch);
    const counts = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    if (!ended) counts.processing = batch.requests.length;
    for (const r of batch.results ?? []) counts[r.result.type]++;
    return {
      id: batch.id,
      type: 'message_batch',
      processing_status: ended ? 'ended' : 'in_progress',
      request_counts: counts,
      created_at: iso(batch.createdAt),
      ended_at: ended ? iso(batch.endAt) : null,
      expires_at: iso(batch.createdAt + 24 * 3600 * 1000),
      cancel_initiated_at: batch.cancelInitiatedAt === null ? null : iso(batch.cancelInitiatedAt),
      archived_at: null,
      results_url: ended ? `${this.deps.baseURL()}/v1/messages/batches/${batch.id}/results` : null,
    };
  }
}

function notFound(id: string): Reply {
  return { status: 404, json: errorBody('not_found_error', `message batch ${id} not found`) };
}
