// Row-per-conversation readers: each framed row is decoded, parsed and normalised on its own, so
// memory stays at one row regardless of file size. Every outcome is an Item with the row's line.
import { frameText, type Frames, type ReadContext } from './reader';
import type { Frame } from './framing';
import { BadRow, isObj, type ConversationRecord, type Item, type Obj } from './types';

/** Decodes and JSON-parses one row into an object, or says why it cannot. */
export function frameObject(f: Frame): { obj: Obj } | { bad: string } {
  if (f.error !== undefined) return { bad: f.error };
  const t = frameText(f);
  if ('bad' in t) return t;
  let v: unknown;
  try {
    v = JSON.parse(t.text);
  } catch (e) {
    return { bad: `malformed JSON: ${(e as Error).message}` };
  }
  return isObj(v) ? { obj: v } : { bad: `expected a JSON object, found ${Array.isArray(v) ? 'an array' : typeof v}` };
}

/** Runs a parser, turning a BadRow into a bad-row item; any other exception is a bug and propagates. */
export function toItem(line: number, parse: () => ConversationRecord): Item {
  try {
    return { line, record: parse() };
  } catch (e) {
    if (e instanceof BadRow) return { line, bad: e.message };
    throw e;
  }
}

export async function* jsonItems(frames: Frames, ctx: ReadContext, parse: (o: Obj) => ConversationRecord): AsyncGenerator<Item> {
  for (let f = await frames.next(); f !== null; f = await frames.next()) {
    ctx.onRow();
    const r = frameObject(f);
    if ('bad' in r) yield { line: f.line, bad: r.bad };
    else {
      const obj = r.obj;
      yield toItem(f.line, () => parse(obj));
    }
  }
}
