// The record of every Claude response. The request hash covers exactly what decides the answer
// (model, system, messages, max_tokens; the current API takes no sampling temperature), so an identical call is answered from here
// and never paid twice, across runs and after a crash.
import { sha256 } from '../base/hash';
import type { Db } from '../../db/open';
import type { PromptMessage } from '../../../src-shared/prompts/types';

export interface MessageRequest {
  model: string;
  system?: string;
  messages: PromptMessage[];
  max_tokens: number;
}

export interface CallRecord {
  text: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
  viaBatch: boolean;
}

export function requestHash(req: MessageRequest): string {
  const semantic = {
    model: req.model,
    system: req.system ?? null,
    messages: req.messages,
    max_tokens: req.max_tokens,
  };
  return sha256(JSON.stringify(semantic));
}

export class CallStore {
  private readonly getStmt;
  private readonly putStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare(
      `SELECT response_text AS text, input_tokens AS inputTokens, output_tokens AS outputTokens,
              cache_read_tokens AS cacheReadTokens, cache_write_tokens AS cacheWriteTokens,
              cost_usd AS costUsd, via_batch AS viaBatch
       FROM llm_call WHERE request_hash = ?`,
    );
    this.putStmt = db.prepare(
      `INSERT OR IGNORE INTO llm_call (request_hash, prompt_id, prompt_version, model, params_json, request_json,
         response_text, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost_usd, via_batch, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  get(hash: string): CallRecord | null {
    const row = this.getStmt.get(hash) as (Omit<CallRecord, 'viaBatch'> & { viaBatch: number }) | undefined;
    return row ? { ...row, viaBatch: row.viaBatch === 1 } : null;
  }

  put(hash: string, meta: { promptId: string; promptVersion: string }, req: MessageRequest, rec: CallRecord): void {
    const params = { max_tokens: req.max_tokens };
    this.putStmt.run(
      hash,
      meta.promptId,
      meta.promptVersion,
      req.model,
      JSON.stringify(params),
      JSON.stringify({ system: req.system ?? null, messages: req.messages }),
      rec.text,
      rec.inputTokens,
      rec.outputTokens,
      rec.cacheReadTokens,
      rec.cacheWriteTokens,
      rec.costUsd,
      rec.viaBatch ? 1 : 0,
      new Date().toISOString(),
    );
  }

  /** Calls and cost recorded since `sinceIso`, for a run's summary. */
  totals(sinceIso?: string): { calls: number; costUsd: number; inputTokens: number; outputTokens: number } {
    return this.db
      .prepare(
        `SELECT count(*) AS calls, coalesce(sum(cost_usd), 0) AS costUsd, coalesce(sum(input_tokens), 0) AS inputTokens,
                coalesce(sum(output_tokens), 0) AS outputTokens
         FROM llm_call WHERE created_at >= ?`,
      )
      .get(sinceIso ?? '') as { calls: number; costUsd: number; inputTokens: number; outputTokens: number };
  }
}
