// Allocation of a stratified sample, the regex redactor, and packet-building refusals, on inputs
// worked by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, type Db } from '../../src-main/db/open';
import { loadTree } from '../../src-main/engine/classify/tree';
import { buildPacket, itemIdFor, pathWithOptions, redactText } from '../../src-main/engine/validate/packet';
import { allocate, sampleItems } from '../../src-main/engine/validate/sample';
import { RUN, makeProject } from './helpers';

describe('allocate (largest remainder, then ≥ 1 and ≥ 2 per stratum)', () => {
  it('rounds proportional quotas by largest remainder', () => {
    // 7 of (18, 12): quotas 4.2, 2.8 → floors 4, 2 → the one left goes to .8 → (4, 3)
    expect(allocate([18, 12], 7)).toEqual([4, 3]);
    // 10 of (10, 10, 10): 3.33 each → floors 3,3,3 → tie on remainders goes to the first → (4, 3, 3)
    expect(allocate([10, 10, 10], 10)).toEqual([4, 3, 3]);
  });

  it('gives every non-empty stratum one item, then two (one for a stratum of one), from the largest', () => {
    // 10 of (50, 30, 15, 4, 1): quotas 5, 3, 1.5, .4, .1 → floors 5,3,1,0,0 → +1 to the .5 → 5,3,2,0,0
    // one each: stratum 4 takes one from the largest (5 → 4), stratum 5 from the largest (4 → 3): 3,3,2,1,1
    // two each (2+2+2+2+1 = 9 ≤ 10): stratum 4 takes one from the largest above two (first of the 3s) → 2,3,2,2,1
    expect(allocate([50, 30, 15, 4, 1], 10)).toEqual([2, 3, 2, 2, 1]);
    // 6 of (100, 3): 5.83, .17 → 6, 0 → one: 5, 1 → two: 4, 2
    expect(allocate([100, 3], 6)).toEqual([4, 2]);
    // 3 of (100, 3, 3): one each fits, two each (6) does not
    expect(allocate([100, 3, 3], 3)).toEqual([1, 1, 1]);
    // fewer slots than strata: pure largest remainder (2 of 5,3,1,1 → 1, .6, .2, .2 → 1, 1)
    expect(allocate([5, 3, 1, 1], 2)).toEqual([1, 1, 0, 0]);
    expect(allocate([4, 0, 6], 5)).toEqual([2, 0, 3]);
    expect(allocate([], 5)).toEqual([]);
  });
});

describe('redactText', () => {
  it('replaces emails, URLs, phone numbers and long digit runs', () => {
    const text = 'Mail jo.doe@example.com or call +1 415-555-0132, see https://x.org/a?b=1, account 12345678.';
    expect(redactText(text)).toBe('Mail [email] or call [phone], see [url], account [number].');
    expect(redactText('visit www.example.org/page now')).toBe('visit [url] now');
    expect(redactText('(020) 7946 0958')).toBe('[phone]');
  });

  it('leaves dates, years and short numbers alone', () => {
    const text = 'On 2024-01-15 we sold 350 units in 2023.';
    expect(redactText(text)).toBe(text);
  });
});

describe('building packets', () => {
  let db: Db;
  beforeAll(() => ({ db } = makeProject()));
  afterAll(() => closeDatabase(db));

  it('item ids are stable: sha256(run + conversation + facet), first 24 hex', () => {
    expect(itemIdFor('r', 'c', 'task')).toMatch(/^[0-9a-f]{24}$/);
    expect(itemIdFor('r', 'c', 'task')).toBe(itemIdFor('r', 'c', 'task'));
    expect(itemIdFor('r', 'c', 'task')).not.toBe(itemIdFor('r', 'c', 'pattern'));
  });

  it('the same items and clock give the same packet id; an empty sample is refused', () => {
    const items = sampleItems(db, RUN, { facet: 'pattern', method: 'simple', seed: 2, size: 3 });
    const opts = { sampling: { method: 'simple' as const, seed: 2, size: 3 }, now: new Date('2025-01-01T00:00:00Z') };
    expect(buildPacket(db, RUN, items, opts).packetId).toBe(buildPacket(db, RUN, items, opts).packetId);
    expect(() => buildPacket(db, RUN, [], opts)).toThrow(/at least one item/);
    expect(() => buildPacket(db, 'no-run', [{ ...items[0]!, facet: 'task', path: ['T1'] }], opts)).toThrow(/no classification run "no-run"/);
  });

  it('refuses a path through a node the hierarchy does not have', () => {
    const tree = loadTree(db, 'h1');
    expect(pathWithOptions(tree, ['T2', 'M3', 'B5'])[2]).toEqual({ level: 0, chosen: 'Translate', options: ['Proofread', 'Translate'] });
    expect(() => pathWithOptions(tree, ['T1', 'MX'])).toThrow(/node "MX" is not in hierarchy "h1"/);
  });
});
