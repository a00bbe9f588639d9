// Codes read straight from the text of a JSON array of strings and nulls (json-codes.ts), as
// run-facts.ts reads a dataset's accounts and models from SQLite's json_group_array: the same codes
// as JSON.parse would give, escapes and all, and a clear error for anything else.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { codeJsonArray, Codes } from '../../src-main/engine/classify/json-codes';

/** Each element's code and the names, as the straightforward parse gives them. */
function viaParse(json: string): { codes: number[]; names: string[] } {
  const codes = new Codes();
  return { codes: (JSON.parse(json) as (string | null)[]).map((v) => (v === null ? -1 : codes.code(v))), names: codes.names };
}

function viaScan(json: string): { codes: number[]; names: string[] } {
  const codes = new Codes();
  const out: number[] = [];
  const n = codeJsonArray(json, codes, (i, c) => (out[i] = c));
  expect(n).toBe(out.length);
  return { codes: out, names: codes.names };
}

describe('codes of a JSON array', () => {
  it('codes strings in order of first sight and nulls as -1, as JSON.parse would', () => {
    const values = ['acct-1', null, 'acct-2', 'acct-1', '', 'null', 'café 🚀', 'a "quoted" name', 'back\\slash', 'tab\tand\nnewline', '\u0001', 'acct-2', null];
    const json = JSON.stringify(values);
    expect(viaScan(json)).toEqual(viaParse(json));
    expect(viaScan(json).names).toEqual(['acct-1', 'acct-2', '', 'null', 'café 🚀', 'a "quoted" name', 'back\\slash', 'tab\tand\nnewline', '\u0001']);
  });

  it('reads SQLite\'s own json_group_array text, escapes included', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (i INTEGER, v TEXT)');
    const put = db.prepare('INSERT INTO t VALUES (?, ?)');
    ['m-1', null, 'm "2"', 'm\\3', 'ünïcode', 'm-1', 'ctrl\u0002'].forEach((v, i) => put.run(i, v));
    const json = db.prepare('SELECT json_group_array(v) FROM (SELECT v FROM t ORDER BY i)').pluck().get() as string;
    db.close();
    expect(viaScan(json)).toEqual(viaParse(json));
  });

  it('an empty array has no elements; anything but strings and nulls is an error', () => {
    expect(viaScan('[]')).toEqual({ codes: [], names: [] });
    expect(() => viaScan('[1,2]')).toThrow(/expected a string or null at character 1/);
    expect(() => viaScan('{"a":1}')).toThrow(/expected a JSON array/);
    expect(() => viaScan('["open')).toThrow(/unterminated string/);
  });

  it('reads a million elements in linear time', () => {
    const json = JSON.stringify(Array.from({ length: 1_000_000 }, (_, i) => (i % 7 === 0 ? null : `claude-model-${i % 3}`)));
    for (let round = 0; round < 4; round++) {
      // Fresh text each round: an indexOf from a position was once quadratic on such strings.
      const text = json.slice(0, -1) + ']';
      const t = performance.now();
      expect(viaScan(text).names).toHaveLength(3);
      expect(performance.now() - t).toBeLessThan(5000);
    }
  });
});
