// Issue #13.1: one huge record cannot exhaust memory. A record over MAX_RECORD_BYTES is skipped to
// its end without being buffered and becomes a bad row with its line; the import goes on. The
// 100 MB line runs through the CLI so the peak RSS of the whole process is what is measured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { CsvFramer, JsonArrayFramer, LineFramer, MAX_RECORD_BYTES, type Frame, type Framer } from '../../src-main/engine/ingest/conversations/framing';
import { timedCli } from '../support/peak-rss';
import { memoryDb, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Frames `text` fed in chunks of `size` bytes, so records span chunk boundaries. */
function frames(framer: Framer, text: string, size = 7): Frame[] {
  const out: Frame[] = [];
  const b = Buffer.from(text);
  for (let i = 0; i < b.length; i += size) framer.push(b.subarray(i, i + size), out);
  framer.end(out);
  return out;
}

const summary = (fs: Frame[]) => fs.map((f) => [f.line, f.error ?? f.bytes.toString()]);
const tooBig = (n: number) => `record of ${(n / 2 ** 20).toFixed(1)} MB exceeds the 0.0 MB limit`;

describe('framers skip a record over the limit and report it at its line', () => {
  const LIMIT = 40; // bytes: (40 / 2^20) MB prints as 0.0 MB

  it('LineFramer', () => {
    const long = `{"a":"${'x'.repeat(100)}"}`;
    const out = frames(new LineFramer(LIMIT), `{"a":1}\n${long}\n{"a":2}\n`);
    expect(summary(out)).toEqual([
      [1, '{"a":1}'],
      [2, tooBig(long.length)],
      [3, '{"a":2}'],
    ]);
    expect(out[1]?.bytes).toHaveLength(0);
  });

  it('JsonArrayFramer', () => {
    const long = `{"a":"${'y'.repeat(100)}"}`;
    const out = frames(new JsonArrayFramer(LIMIT), `[\n{"a":1},\n${long},\n{"a":2}]`);
    expect(summary(out)).toEqual([
      [2, '{"a":1}'],
      [3, tooBig(long.length)],
      [4, '{"a":2}'],
    ]);
  });

  it('CsvFramer, with the oversized record spanning lines inside quotes', () => {
    const long = `2,"${'z\n'.repeat(50)}"`;
    const out = frames(new CsvFramer(LIMIT), `id,text\n1,a\n${long}\n3,c\n`);
    expect(summary(out)).toEqual([
      [1, 'id,text'],
      [2, '1,a'],
      [3, tooBig(long.length)],
      [54, '3,c'],
    ]);
  });

  it('the default limit is 16 MB', () => {
    expect(MAX_RECORD_BYTES).toBe(16 * 2 ** 20);
  });
});

/** JSONL: `before` normal rows, one line of about `mb` MB (written in pieces), then `after` rows. */
function fileWithHugeLine(name: string, mb: number, before = 3, after = 3): string {
  const file = path.join(tmp.dir, name);
  const row = (i: number) => JSON.stringify({ id: `c${i}`, messages: [{ role: 'user', content: `task ${i}` }] }) + '\n';
  writeFileSync(file, Array.from({ length: before }, (_, i) => row(i)).join(''));
  appendFileSync(file, '{"id":"huge","messages":[{"role":"user","content":"');
  const piece = 'w'.repeat(2 ** 20);
  for (let i = 0; i < mb; i++) appendFileSync(file, piece);
  appendFileSync(file, '"}]}\n');
  appendFileSync(file, Array.from({ length: after }, (_, i) => row(before + i)).join(''));
  return file;
}

describe('importing a file with one huge line', () => {
  let file: string;
  beforeAll(() => {
    file = fileWithHugeLine('huge-20.jsonl', 20);
  });

  it('imports the other rows and records the huge one as a bad row with its line', async () => {
    const db = memoryDb();
    const r = await importConversations(db, file);
    expect([r.conversations, r.badRows]).toEqual([6, 1]);
    expect(r.badRowSamples).toEqual([{ line: 4, reason: 'record of 20.0 MB exceeds the 16 MB limit' }]);
    const bad = db.prepare('SELECT line, reason FROM conversation_bad_row').all();
    expect(bad).toEqual([{ line: 4, reason: 'record of 20.0 MB exceeds the 16 MB limit' }]);
  });

  it('a 100 MB line: the CLI imports the rest with a peak RSS under 300 MB', async () => {
    const big = fileWithHugeLine('huge-100.jsonl', 100);
    const env = { ...process.env, TASK_ATLAS_HOME: path.join(tmp.dir, 'home') };
    const r = await timedCli(['conversations', 'import', big, '--project', path.join(tmp.dir, 'p.sqlite')], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('6 added, 0 already present, 1 bad rows');
    expect(r.stdout).toContain(`${big}:4: record of 100.0 MB exceeds the 16 MB limit`);
    expect(r.peakMb).toBeLessThan(300);
  }, 120_000);
});
