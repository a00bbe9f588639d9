// The conversation side of a run's report as columns: per conversation key, its model and account
// as small integer codes and its timestamp as a Julian day. Reading them from the conversation
// table costs a scan of every conversation of the run's datasets (0.7 s for model and account from
// their covering index at 1M conversations, 1.1 s more for the timestamps, which live in the table
// beside each conversation's messages). They change only when a dataset does, so they are stored
// once per set of datasets (migration 0016_conversation_columns) under the datasets' stamps and
// read back in milliseconds; a report after an import rebuilds them. Written when a run finishes
// (results.ts), so a finished run's first report already finds them.
import { UNKNOWN_MODEL } from '../../../src-shared/charts/fig8Models';
import type { Db } from '../../db/open';
import { sha256 } from '../base/hash';
import { BYTE_ORDER, bytes, float64, int32 } from '../base/typed-blob';
import { conversationStamp } from './inputs';
import { codeJsonArray, Codes, parseKeys } from './json-codes';


/** Indexed by conversation key - min; model -1: the key is not in the datasets. */
export interface ConversationColumns {
  min: number;
  model: Int32Array;
  /** Account code, -1: none. */
  account: Int32Array;
  /** julianday(created_at) as SQLite reads it; NaN when unreadable or absent. */
  time: Float64Array;
  models: string[];
  accounts: number;
  /** Over every conversation of the datasets (a run without a window): kept with the columns, so such a run reads no times. */
  span: ColumnsSpan;
}

/** Earliest and latest Julian day (null when none is readable), and how many conversations have one, of how many. */
export interface ColumnsSpan {
  first: number | null;
  last: number | null;
  dated: number;
  covered: number;
}

interface StoredRow {
  stamp: string;
  min_seq: number;
  models_json: string;
  accounts: number;
  model: Buffer;
  account: Buffer;
  time: Buffer;
  span_json: string;
}

/**
 * The datasets' columns, from the store when their stamps are unchanged, else read and stored. The
 * stamps and the columns are read in one snapshot (an import may be writing meanwhile); the store
 * is written after it, as a write inside a read snapshot fails when another connection wrote first.
 */
export function conversationColumns(db: Db, datasets: readonly string[]): ConversationColumns {
  const names = [...new Set(datasets)].sort();
  const key = JSON.stringify(names);
  const got = db.transaction((): { columns: ConversationColumns; fresh?: string } => {
    const stamp = columnsStamp(db, names);
    const row = db.prepare('SELECT stamp, min_seq, models_json, accounts, model, account, time, span_json FROM conversation_columns WHERE datasets = ?').get(key) as
      | StoredRow
      | undefined;
    return row !== undefined && row.stamp === stamp ? { columns: fromRow(row) } : { columns: readColumns(db, names), fresh: stamp };
  })();
  if (got.fresh !== undefined) store(db, key, got.fresh, got.columns);
  return got.columns;
}

/**
 * The datasets' conversationStamps (they move whenever a dataset's content does: inputs.ts) and the
 * byte order the arrays were written in, so a project opened on another machine rebuilds them.
 */
function columnsStamp(db: Db, names: readonly string[]): string {
  return sha256(JSON.stringify({ byteOrder: BYTE_ORDER, datasets: names.map((d) => conversationStamp(db, d)) }));
}

function store(db: Db, key: string, stamp: string, c: ConversationColumns): void {
  db.prepare(
    `INSERT OR REPLACE INTO conversation_columns (datasets, stamp, min_seq, models_json, accounts, model, account, time, span_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(key, stamp, c.min, JSON.stringify(c.models), c.accounts, bytes(c.model), bytes(c.account), bytes(c.time), JSON.stringify(c.span));
}

function fromRow(row: StoredRow): ConversationColumns {
  return { min: row.min_seq, model: int32(row.model), account: int32(row.account), time: float64(row.time), models: JSON.parse(row.models_json) as string[], accounts: row.accounts, span: JSON.parse(row.span_json) as ColumnsSpan };
}

/** From the conversation table: keys, accounts and models in one scan of their covering index, then the timestamps. */
function readColumns(db: Db, datasets: readonly string[]): ConversationColumns {
  const inList = datasets.map(() => '?').join(', ');
  const [keys, accountsJson, modelsJson] = db
    .prepare(`SELECT group_concat(seq), json_group_array(account_id), json_group_array(model) FROM conversation WHERE dataset IN (${inList})`)
    .raw()
    .get(...datasets) as [string | null, string, string];
  const seqs: number[] = [];
  let min = Infinity;
  let max = -1;
  parseKeys(keys, (k) => {
    seqs.push(k);
    if (k < min) min = k;
    if (k > max) max = k;
  });
  if (max < 0) min = 0;
  const size = max - min + 1;
  const models = new Codes();
  const model = new Int32Array(size).fill(-1);
  // A conversation without a model counts under 'unknown', like one whose model is named so.
  const unknown = models.code(UNKNOWN_MODEL);
  codeJsonArray(modelsJson, models, (i, m) => (model[seqs[i]! - min] = m < 0 ? unknown : m));
  const accounts = new Codes();
  const account = new Int32Array(size).fill(-1);
  codeJsonArray(accountsJson, accounts, (i, a) => (account[seqs[i]! - min] = a));
  const time = new Float64Array(size).fill(NaN);
  const span: ColumnsSpan = { first: null, last: null, dated: 0, covered: seqs.length };
  const times = db.prepare(`SELECT seq, julianday(created_at) FROM conversation WHERE dataset IN (${inList})`).raw().iterate(...datasets);
  for (const [seq, j] of times as IterableIterator<[number, number | null]>) {
    if (j === null) continue;
    time[seq - min] = j;
    span.dated++;
    if (span.first === null || j < span.first) span.first = j;
    if (span.last === null || j > span.last) span.last = j;
  }
  return { min, model, account, time, models: models.names, accounts: accounts.names.length, span };
}
