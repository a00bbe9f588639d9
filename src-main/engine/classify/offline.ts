// The offline classifier, for machines with no API access: each conversation goes down the same
// hierarchy by embedding similarity (the closest child at every level). It has no screening and no
// pattern or skills facets, and every output of such a run is labelled "offline-embedding".
import type { RunContext } from '../pipeline/steps';
import type { HierarchyNode } from '../hierarchy/store';
import type { ChunkItem, TraversalOutcome } from './facets';
import type { Tree } from './tree';

export type Embed = (texts: string[], ctx: RunContext) => Promise<Float32Array[]>;

/** The part of a conversation that says what was asked: its opening, where the task is stated. */
const QUERY_CHARS = 2000;

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export async function offlineTraverse(embed: Embed, tree: Tree, items: readonly ChunkItem[], ctx: RunContext): Promise<TraversalOutcome[]> {
  const nodes = [...tree.byId.values()];
  const nodeVectors = await embed(nodes.map((n) => n.name), ctx);
  const vectorOf = new Map(nodes.map((n, i) => [n.id, nodeVectors[i]!]));
  const queries = await embed(items.map((c) => c.text.slice(0, QUERY_CHARS)), ctx);
  return queries.map((q) => {
    let options: HierarchyNode[] = tree.top;
    const path: string[] = [];
    for (;;) {
      let best = options[0]!;
      let bestScore = -Infinity;
      for (const o of options) {
        const score = dot(q, vectorOf.get(o.id)!);
        if (score > bestScore) [best, bestScore] = [o, score];
      }
      path.push(best.id);
      if (best.level === 0) return { ok: true, node: best, path };
      const next = tree.children.get(best.id) ?? [];
      if (next.length === 0) return { ok: false, reason: `node ${best.id} has no children` };
      options = next;
    }
  });
}
