// Which classifications go to human validators (paper Appendix C: 150 per facet). Eligible items are
// the run's 'ok' rows for the facet; everything is seeded so the same seed draws the same sample.
import type { Db } from '../../db/open';
import { InvalidInputError } from '../errors';
import { shuffled, subSeed } from '../hierarchy/random';
import type { ValidationFacet } from '../../../src-shared/validation';
import type { SampleItem } from './types';

export interface SampleOptions {
  facet: ValidationFacet;
  /** Default 150, as in the paper. */
  size?: number;
  method: 'simple' | 'stratified';
  seed: number;
}

export const DEFAULT_SAMPLE_SIZE = 150;

/** An item before a draw picks it. */
export type EligibleItem = Omit<SampleItem, 'drawnFrom'>;

/** Every 'ok' classification of the facet, ordered by conversation id so shuffles are reproducible. */
export function eligibleItems(db: Db, runId: string, facet: ValidationFacet): EligibleItem[] {
  const rows = db
    .prepare(
      `SELECT conversation_id AS id, value, reason FROM classification
       WHERE run_id = ? AND facet = ? AND status = 'ok' AND value IS NOT NULL ORDER BY conversation_id`,
    )
    .all(runId, facet) as { id: string; value: string; reason: string | null }[];
  return rows.map((r) => {
    if (facet === 'pattern') return { conversationId: r.id, facet, value: r.value, stratum: r.value };
    const path = (r.reason ?? r.value).split('>');
    return { conversationId: r.id, facet, value: r.value, path, stratum: path[0]! };
  });
}

export function sampleItems(db: Db, runId: string, opts: SampleOptions): SampleItem[] {
  const size = opts.size ?? DEFAULT_SAMPLE_SIZE;
  if (!Number.isInteger(size) || size < 0) throw new InvalidInputError(`sample size must be a non-negative integer, got ${size}`);
  const items = eligibleItems(db, runId, opts.facet);
  if (opts.method === 'simple') {
    // One stratum, the whole run: every item had the same chance, n / N.
    const picked = shuffled(items, subSeed(opts.seed, `simple:${opts.facet}`)).slice(0, size);
    return picked.map((it) => ({ ...it, drawnFrom: { population: items.length, sampled: picked.length } }));
  }
  return stratifiedSample(items, size, opts.seed);
}

function stratifiedSample(items: EligibleItem[], size: number, seed: number): SampleItem[] {
  const strata = new Map<string, EligibleItem[]>();
  for (const it of items) strata.set(it.stratum, [...(strata.get(it.stratum) ?? []), it]);
  const keys = [...strata.keys()].sort();
  const counts = keys.map((k) => strata.get(k)!.length);
  const alloc = allocate(counts, Math.min(size, items.length));
  const picked = keys.flatMap((k, h) =>
    shuffled(strata.get(k)!, subSeed(seed, `stratum:${k}`))
      .slice(0, alloc[h])
      .map((it) => ({ ...it, drawnFrom: { population: counts[h]!, sampled: alloc[h]! } })),
  );
  // Interleave strata so a validator does not see one topic in a block.
  return shuffled(picked, subSeed(seed, 'stratified:order'));
}

/**
 * Proportional allocation with largest-remainder rounding (ties go to the earlier stratum), then,
 * when the size allows, at least one item per non-empty stratum and then at least two per stratum
 * of two or more, taken from the largest allocations. Two, because a stratum with a single
 * validated item shows no spread: the bootstrap of the corrected shares (weighted.ts) cannot
 * resample it, and its intervals would leave that stratum's uncertainty out.
 */
export function allocate(counts: readonly number[], size: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0 || size === 0) return counts.map(() => 0);
  const quotas = counts.map((c) => (size * c) / total);
  const alloc = quotas.map(Math.floor);
  let left = size - alloc.reduce((a, b) => a + b, 0);
  const byRemainder = quotas.map((q, h) => ({ h, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.h - b.h);
  for (const { h } of byRemainder) {
    if (left === 0) break;
    alloc[h]!++;
    left--;
  }
  for (const most of [1, 2]) {
    const floors = counts.map((c) => Math.min(c, most));
    if (size >= floors.reduce((a, b) => a + b, 0)) raiseToFloors(floors, alloc);
  }
  return alloc;
}

function raiseToFloors(floors: readonly number[], alloc: number[]): void {
  for (let h = 0; h < floors.length; h++) {
    while (alloc[h]! < floors[h]!) {
      // Donor: the stratum with the largest allocation above its own floor (earliest on ties).
      let donor = -1;
      for (let d = 0; d < alloc.length; d++) if (alloc[d]! > floors[d]! && (donor < 0 || alloc[d]! > alloc[donor]!)) donor = d;
      if (donor < 0) return;
      alloc[donor]!--;
      alloc[h]!++;
    }
  }
}
