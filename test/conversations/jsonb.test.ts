// The JSONB batch writer: what SQLite reads back out of the blob (jsonb_each, ->>) is exactly what
// was written, for every size of header, and a recycled buffer is written into again. The stored
// messages JSON is exactly what JSON.stringify gives.
import { describe, expect, it } from 'vitest';
import { writeMessagesJson } from '../../src-main/engine/ingest/conversations/batch';
import { JsonbArrayWriter } from '../../src-main/engine/ingest/conversations/jsonb';
import type { Message } from '../../src-main/engine/ingest/conversations/types';
import { memoryDb } from './helpers';

type Cell = string | number | null;

/** Each row as SQLite reads it back: its element count and every element's value and type. */
function readBack(blob: Uint8Array, width: number): { rows: Cell[][]; types: string[][]; valid: number } {
  const db = memoryDb();
  const cols = Array.from({ length: width }, (_, i) => `value ->> ${i} AS v${i}, typeof(value ->> ${i}) AS t${i}`).join(', ');
  const out = db.prepare(`SELECT json_array_length(value) AS n, ${cols} FROM jsonb_each(?) ORDER BY key`).all(blob) as Record<string, Cell>[];
  const valid = (db.prepare('SELECT json_valid(?, 8) AS ok').get(blob) as { ok: number }).ok;
  db.close();
  for (const r of out) expect(r.n).toBe(width);
  return {
    rows: out.map((r) => Array.from({ length: width }, (_, i) => r[`v${i}`] as Cell)),
    types: out.map((r) => Array.from({ length: width }, (_, i) => r[`t${i}`] as string)),
    valid,
  };
}

function writeRow(w: JsonbArrayWriter, cells: Cell[]): void {
  w.beginRow();
  for (const c of cells) {
    if (typeof c === 'number') w.int(c);
    else w.text(c);
  }
  w.endRow();
}

describe('JsonbArrayWriter', () => {
  it('round-trips text of every kind, nulls and integers of any length', () => {
    const rows: Cell[][] = [
      ['', 'plain', 'quote " backslash \\ newline \n tab \t nul \u0000', 0],
      ['é ü ß 中文 😀', null, 'x'.repeat(300), 12345678901],
      ['y'.repeat(70_000), 'with \u2028 and \u2029', null, 123456789012345],
    ];
    const w = new JsonbArrayWriter();
    for (const r of rows) writeRow(w, r);
    expect(w.length).toBe(3);
    const back = readBack(w.take(), 4);
    expect(back.valid).toBe(1);
    expect(back.rows).toEqual(rows);
    expect(back.types[1]).toEqual(['text', 'null', 'text', 'integer']);
  });

  it('grows past its first buffer for a large batch and starts empty after take()', () => {
    const w = new JsonbArrayWriter();
    const big = 'z'.repeat(100_000);
    for (let i = 0; i < 40; i++) writeRow(w, [`id-${i}`, big, i]);
    const back = readBack(w.take(), 3);
    expect(back.rows).toHaveLength(40);
    expect(back.rows[39]).toEqual(['id-39', big, 39]);
    expect(w.length).toBe(0);
    writeRow(w, ['after', null, 1]);
    expect(readBack(w.take(), 3).rows).toEqual([['after', null, 1]]);
  });

  it('writes a later batch into a recycled buffer', () => {
    const w = new JsonbArrayWriter();
    writeRow(w, ['first', null, 1]);
    const first = w.take(); // the writer has already moved on to a fresh buffer
    w.recycle(first.buffer as ArrayBuffer);
    writeRow(w, ['second', null, 2]);
    const second = w.take();
    writeRow(w, ['third', null, 3]);
    const third = w.take();
    expect([second.buffer === first.buffer, third.buffer === first.buffer]).toEqual([false, true]);
    expect(readBack(third, 3).rows).toEqual([['third', null, 3]]);
  });
});

describe('writeMessagesJson', () => {
  it('writes JSON.stringify of the messages, escapes and all', () => {
    const contents = ['', 'plain', 'q " b \\ n \n t \t c \u0001 \u001f del \u007f', 'é 😀 \u2028 \u2029', 'lone \ud800 and \udfff', '</script>'];
    const messages: Message[] = contents.map((content, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content }));
    const w = new JsonbArrayWriter();
    for (const list of [messages, [], messages.slice(2, 3)]) {
      w.beginRow();
      writeMessagesJson(w, list);
      w.endRow();
    }
    const db = memoryDb();
    const back = db.prepare('SELECT value ->> 0 AS json FROM jsonb_each(?) ORDER BY key').pluck().all(w.take());
    expect(back).toEqual([JSON.stringify(messages), '[]', JSON.stringify(messages.slice(2, 3))]);
  });
});
