// The byte framers must cut the same rows, with the same start lines, however the file is
// chunked: every test feeds the input whole and in 1, 2 and 7-byte chunks.
import { describe, it, expect } from 'vitest';
import {
  CsvFramer,
  FramingError,
  JsonArrayFramer,
  LineFramer,
  type Frame,
  type Framer,
} from '../../src-main/engine/ingest/conversations/framing';

type Row = [line: number, text: string, error?: string];

function frame(make: () => Framer, input: string, chunk: number): Row[] {
  const f = make();
  const bytes = Buffer.from(input, 'utf8');
  const out: Frame[] = [];
  for (let i = 0; i < bytes.length; i += chunk) f.push(bytes.subarray(i, i + chunk), out);
  f.end(out);
  return out.map((x) => (x.error === undefined ? [x.line, x.bytes.toString('utf8')] : [x.line, x.bytes.toString('utf8'), x.error]));
}

/** Frames the input with every chunk size and checks they all agree; returns the rows. */
function rows(make: () => Framer, input: string): Row[] {
  const whole = frame(make, input, 1 << 20);
  for (const size of [1, 2, 7]) expect(frame(make, input, size)).toEqual(whole);
  return whole;
}

describe('LineFramer', () => {
  it('skips blank lines but counts them, strips CR, keeps a last line without LF', () => {
    expect(rows(() => new LineFramer(), '{"a":1}\r\n\n  \n{"b":"é😀"}\n{"c":3}')).toEqual([
      [1, '{"a":1}'],
      [4, '{"b":"é😀"}'],
      [5, '{"c":3}'],
    ]);
  });
});

describe('JsonArrayFramer', () => {
  it('cuts top-level elements, ignoring brackets, commas and escaped quotes inside strings', () => {
    const input = '[\n  {"t": "a ] , } [ { \\" \\\\", "n": [1, {"x": 2}]},\n  {"u": "é"}\n  , 42, "s,]"\n]\n';
    expect(rows(() => new JsonArrayFramer(), input).map(([line, text]) => [line, JSON.parse(text)])).toEqual([
      [2, { t: 'a ] , } [ { " \\', n: [1, { x: 2 }] }],
      [3, { u: 'é' }],
      [4, 42],
      [4, 's,]'],
    ]);
  });

  it('handles a minified one-line array and an empty one', () => {
    expect(rows(() => new JsonArrayFramer(), '[{"a":[]},{"b":{}}]').map((r) => r[1])).toEqual(['{"a":[]}', '{"b":{}}']);
    expect(rows(() => new JsonArrayFramer(), ' [ ] ')).toEqual([]);
  });

  it('reports an element cut off at EOF as a row with an error', () => {
    expect(rows(() => new JsonArrayFramer(), '[{"a":1},\n{"b":')).toEqual([
      [1, '{"a":1}'],
      [2, '{"b":', 'element cut off at end of file (file truncated?)'],
    ]);
  });

  it('throws a FramingError with the line for a non-array or trailing data', () => {
    const err = (input: string) => {
      try {
        frame(() => new JsonArrayFramer(), input, 3);
      } catch (e) {
        return e instanceof FramingError ? [e.line, e.message] : e;
      }
      return null;
    };
    expect(err('\n{"a":1}')).toEqual([2, 'expected a JSON array starting with "["']);
    expect(err('[1]\n\nx')).toEqual([3, 'unexpected data after the closing "]"']);
  });
});

describe('CsvFramer', () => {
  it('keeps quoted line breaks and "" escapes inside one record, located at its first line', () => {
    const input = 'id,text\r\n1,"two\nlines, ""q"""\r\n\r\n2,plain\n3,"a\r\nb",x\n';
    expect(rows(() => new CsvFramer(), input)).toEqual([
      [1, 'id,text'],
      [2, '1,"two\nlines, ""q"""'],
      [5, '2,plain'],
      [6, '3,"a\r\nb",x'],
    ]);
  });

  it('treats a quote in the middle of a field literally, and flags an unterminated quote', () => {
    expect(rows(() => new CsvFramer(), 'a,b"c\nd,e\n')).toEqual([
      [1, 'a,b"c'],
      [2, 'd,e'],
    ]);
    expect(rows(() => new CsvFramer(), 'a\n"open\nrest')).toEqual([
      [1, 'a'],
      [2, '"open\nrest', 'unterminated quoted field (file truncated?)'],
    ]);
  });
});
