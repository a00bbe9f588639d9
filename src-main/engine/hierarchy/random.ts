// Seeded randomness for the build: the same seed and inputs shuffle the same way on every run, so a
// resumed build sends byte-identical prompts and is answered from the call cache.
import { createHash } from 'node:crypto';
import { mulberry32 } from '../cluster/seeding';

export { mulberry32 } from '../cluster/seeding';

/** A seed derived from the run seed and a label, so each shuffle has its own stream. */
export function subSeed(seed: number, label: string): number {
  return createHash('sha256').update(`${seed}:${label}`).digest().readUInt32LE(0);
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const rand = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
