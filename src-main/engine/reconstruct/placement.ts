// Each cluster gets a name and a description from a sample of its members' summaries (Claude), and
// is then placed on the run's hierarchy by the same top-down traversal as a conversation (F.2, with
// the description in place of the conversation). Offline, a cluster is its most central member's
// request, placed by the embedding classifier. Every level's clusters go through together, so
// Batches mode sends one batch per step rather than one per level.
import { clusterAsConversation, clusterNamingTemplate } from '../../../src-shared/prompts/reconstruct';
import { claudeStep, type ClaudeStepDeps } from '../pipeline/claude-step';
import type { RunContext } from '../pipeline/steps';
import { traverse, type TraversalOutcome } from '../classify/facets';
import { offlineTraverse, type Embed } from '../classify/offline';
import type { Tree } from '../classify/tree';

export interface ClusterItem {
  /** "10:3": level (mean cluster size) and cluster index; also seeds the traversal's shuffles. */
  key: string;
  /** The summaries shown to Claude (a seeded sample of the members). */
  sample: string[];
  /** Offline: the most central member's request. */
  central: string;
}

export interface Placement {
  name: string | null;
  description: string | null;
  outcome: TraversalOutcome;
}

export const NAMING_TEMPLATE = clusterNamingTemplate();

/** Offline names are the central request, cut to a name's length. */
const NAME_CHARS = 80;

export async function placeWithClaude(
  deps: { cluster: ClaudeStepDeps; task: ClaudeStepDeps },
  tree: Tree,
  items: readonly ClusterItem[],
  seed: number,
  ctx: { name: RunContext; place: RunContext },
): Promise<Placement[]> {
  const named = await claudeStep(deps.cluster, 'reconstruct.cluster', NAMING_TEMPLATE, items.map((i) => ({ requests: i.sample })), ctx.name);
  const nameable = items.map((item, i) => ({ item, r: named[i]! })).filter(({ r }) => r.ok);
  const outcomes = await traverse(
    deps.task,
    tree,
    nameable.map(({ item, r }) => ({ id: `cluster:${item.key}`, text: clusterAsConversation((r as { value: { name: string; description: string } }).value) })),
    seed,
    ctx.place,
  );
  const byKey = new Map(nameable.map(({ item }, k) => [item.key, outcomes[k]!]));
  return items.map((item, i) => {
    const r = named[i]!;
    if (!r.ok) return { name: null, description: null, outcome: { ok: false, reason: `naming: ${r.error}` } };
    return { name: r.value.name, description: r.value.description, outcome: byKey.get(item.key)! };
  });
}

export async function placeOffline(embed: Embed, tree: Tree, items: readonly ClusterItem[], ctx: RunContext): Promise<Placement[]> {
  const outcomes = await offlineTraverse(embed, tree, items.map((i) => ({ id: `cluster:${i.key}`, text: i.central })), ctx);
  return items.map((item, i) => ({
    name: item.central.replace(/\s+/g, ' ').slice(0, NAME_CHARS),
    description: item.central,
    outcome: outcomes[i]!,
  }));
}
