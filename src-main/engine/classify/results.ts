// Writing a run's outcomes, one row per conversation and facet, and summarising them so that every
// conversation is accounted for: classified, screened out, or unclassified with a reason.
import type { Db } from '../../db/open';
import { ConflictError } from '../errors';
import type { ItemResult } from '../pipeline/steps';
import { ClassifyConfigSchema, type ClassifyConfig, type Facet } from './config';
import type { ChunkItem, TraversalOutcome } from './facets';
import { recordRunFinish, recordRunStart } from './inputs';
import { conversationColumns } from './conversation-columns';
import { storeOutcomeColumns } from './outcome-columns';
import { runScope } from './scope';

/** Settings that change how fast a run goes but not what it produces. */
const NON_SEMANTIC = ['concurrency', 'batches'] as const;

function semantic(cfg: ClassifyConfig): string {
  const copy: Record<string, unknown> = { ...cfg };
  for (const k of NON_SEMANTIC) delete copy[k];
  return JSON.stringify(copy);
}

export class RunWriter {
  private readonly put;

  constructor(
    private readonly db: Db,
    private readonly cfg: ClassifyConfig,
  ) {
    // The conversation's integer key is looked up here, in the same statement (else the trigger does).
    this.put = db.prepare(
      `INSERT OR REPLACE INTO classification (run_id, conversation_id, facet, status, value, reason, conversation_seq)
       VALUES (@run, @id, @facet, @status, @value, @reason, (SELECT seq FROM conversation WHERE id = @id))`,
    );
  }

  start(): void {
    const existing = this.db.prepare('SELECT config_json FROM classify_run WHERE id = ?').pluck().get(this.cfg.name) as string | undefined;
    const now = new Date().toISOString();
    if (existing !== undefined) {
      // Parsed through the schema so that settings added by a newer app version take their defaults.
      if (semantic(ClassifyConfigSchema.parse(JSON.parse(existing))) !== semantic(this.cfg)) {
        throw new ConflictError(`run "${this.cfg.name}" already exists with a different configuration: choose another run name`);
      }
      recordRunStart(this.db, this.cfg);
      this.db.prepare("UPDATE classify_run SET status = 'running', config_json = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(this.cfg), now, this.cfg.name);
      return;
    }
    this.db
      .prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES (?, ?, 'running', ?, ?)")
      .run(this.cfg.name, JSON.stringify(this.cfg), now, now);
    recordRunStart(this.db, this.cfg);
  }

  private rows(rows: [string, Facet | 'summary' | 'tasks' | 'composition', string, string | null, string | null][]): void {
    this.db.transaction(() => {
      for (const [id, facet, status, value, reason] of rows) this.put.run({ run: this.cfg.name, id, facet, status, value, reason });
    })();
  }

  screening(items: readonly ChunkItem[], results: ItemResult<boolean>[]): void {
    this.rows(
      items.map((c, i) => {
        const r = results[i]!;
        if (!r.ok) return [c.id, 'screening', 'unclassified', null, r.error];
        return [c.id, 'screening', r.value ? 'ok' : 'screened-out', r.value ? 'yes' : 'no', null];
      }),
    );
  }

  tasks(items: readonly ChunkItem[], outcomes: TraversalOutcome[]): void {
    this.rows(
      items.map((c, i) => {
        const o = outcomes[i]!;
        return o.ok ? [c.id, 'task', 'ok', o.node.id, o.path.join('>')] : [c.id, 'task', 'unclassified', null, o.reason];
      }),
    );
  }

  facet<O>(facet: Facet | 'summary' | 'tasks' | 'composition', items: readonly ChunkItem[], results: ItemResult<O>[], toValue: (v: O) => string): void {
    this.rows(
      items.map((c, i) => {
        const r = results[i]!;
        return r.ok ? [c.id, facet, 'ok', toValue(r.value), null] : [c.id, facet, 'unclassified', null, r.error];
      }),
    );
  }

  finish(): void {
    const summary = summariseRun(this.db, this.cfg.name);
    this.db
      .prepare("UPDATE classify_run SET status = 'complete', stats_json = ?, updated_at = ? WHERE id = ?")
      .run(JSON.stringify(summary), new Date().toISOString(), this.cfg.name);
    recordRunFinish(this.db, this.cfg);
    // Stored now, while the run's datasets and answers are as classified, so its first report reads them.
    conversationColumns(this.db, this.cfg.datasets);
    storeOutcomeColumns(this.db, this.cfg.name);
  }
}

export interface RunSummary {
  run: string;
  conversations: number;
  screenedOut: number;
  classified: number;
  unclassified: number;
  /** Conversations with no outcome at all: must be 0 for a complete run. */
  missing: number;
  unclassifiedReasons: Record<string, number>;
  facets: Record<string, { ok: number; unclassified: number }>;
}

export function summariseRun(db: Db, runId: string): RunSummary {
  const cfg = JSON.parse(db.prepare('SELECT config_json FROM classify_run WHERE id = ?').pluck().get(runId) as string) as ClassifyConfig;
  const scope = runScope(cfg);
  const inDatasets = db.prepare(`SELECT count(*) FROM conversation WHERE ${scope.sql}`).pluck().get(...scope.params) as number;
  // A trial run (limit) covers only its first N conversations; the rest are not "missing".
  const conversations = cfg.limit !== undefined ? Math.min(cfg.limit, inDatasets) : inDatasets;
  const count = (sql: string) => db.prepare(sql).pluck().get(runId) as number;
  const screenedOut = count("SELECT count(*) FROM classification WHERE run_id = ? AND facet = 'screening' AND status = 'screened-out'");
  const classified = count("SELECT count(*) FROM classification WHERE run_id = ? AND facet = 'task' AND status = 'ok'");
  const unclassifiedRows = db
    .prepare(
      `SELECT conversation_id, reason FROM classification WHERE run_id = ? AND status = 'unclassified'
       AND (facet = 'task' OR (facet = 'screening'))`,
    )
    .all(runId) as { conversation_id: string; reason: string }[];
  const unclassified = new Set(unclassifiedRows.map((r) => r.conversation_id)).size;
  const reasons: Record<string, number> = {};
  for (const r of unclassifiedRows) {
    const key = r.reason.replace(/"[^"]*"/g, '"…"').slice(0, 80);
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  const facets: RunSummary['facets'] = {};
  for (const row of db
    .prepare('SELECT facet, status, count(*) AS n FROM classification WHERE run_id = ? GROUP BY facet, status')
    .all(runId) as { facet: string; status: string; n: number }[]) {
    const f = (facets[row.facet] ??= { ok: 0, unclassified: 0 });
    if (row.status === 'ok') f.ok += row.n;
    if (row.status === 'unclassified') f.unclassified += row.n;
  }
  return {
    run: runId,
    conversations,
    screenedOut,
    classified,
    unclassified,
    missing: conversations - screenedOut - classified - unclassified,
    unclassifiedReasons: reasons,
    facets,
  };
}
