// Appendix G: the cluster-based reconstruction of a classification run, as the engine reports it
// (`task-atlas reconstruct --json`, the reconstruct job's result, Explore, the HTML report and the
// export tables). Conversations are summarised ("the user's overall request"), embedded, clustered by
// k-means at several aggregation levels, and each cluster is placed on the run's hierarchy by the same
// top-down traversal as a conversation; a task's weight is the size of the clusters placed on it. Each
// level is compared with the run's direct, conversation-level assignment over the union of items
// either method found (the paper's rule), after the same privacy thresholds.
import type { CorrelationMetrics } from './report';

/** Default aggregation levels: the mean number of conversations per cluster. */
export const DEFAULT_RECONSTRUCT_LEVELS: readonly number[] = [10, 100, 1000];

/** Items found by both methods, only by direct assignment, only by the clusters (Figs 21, 25). */
export interface RecoveredCounts {
  both: number;
  directOnly: number;
  clusterOnly: number;
}

/** One item's share (percent of kept usage) under each method; 0 where a method did not find it. */
export interface PairedShare {
  key: string;
  label: string;
  direct: number;
  clusters: number;
}

export interface ReconstructionLevel {
  /** The requested mean cluster size (conversations per cluster). */
  meanClusterSize: number;
  /** k of the k-means at this level (conversations / meanClusterSize, at least 1). */
  clusters: number;
  /** Clusters the traversal placed on a base task; the others ended unplaced (with a reason). */
  placed: number;
  unplaced: number;
  metrics: { category: CorrelationMetrics; occupation: CorrelationMetrics; task: CorrelationMetrics };
  recovered: { occupation: RecoveredCounts; task: RecoveredCounts };
  /** The paired shares behind the metrics (Figs 14, 17, 22), sorted by the larger share. */
  shares: { category: PairedShare[]; occupation: PairedShare[]; task: PairedShare[] };
  /** Mean number of distinct kept tasks per occupation with usage (Figs 26–27). */
  tasksPerOccupation: { direct: number; clusters: number };
  /** Usage by median-wage band of the occupation (Fig 20), percent of usage with a known wage. */
  wageBands: { band: string; direct: number; clusters: number }[];
}

export interface ReconstructionReport {
  run: string;
  /** 'claude': summaries, cluster names and placement by Claude; 'offline-embedding': placed by the embedding classifier. */
  method: 'claude' | 'offline-embedding';
  /** Present in demo mode: the numbers come from simulated answers. */
  provenance?: string;
  /** Conversations that entered the clustering (the run's classified, screened-in conversations with a summary). */
  conversations: number;
  /** The same privacy thresholds as the run, applied at the base-task level for both methods. */
  thresholds: { minConversations: number; minAccounts: number };
  /** Prompt versions used for the request summary and the cluster naming (and the placement: F.2). */
  promptVersions: Record<string, string>;
  embeddingModel: string;
  seed: number;
  levels: ReconstructionLevel[];
  /** Requested levels left out, with the reason (e.g. fewer than two clusters at that size). */
  skipped?: { meanClusterSize: number; reason: string }[];
}

/** The stable `--json` shape of `task-atlas reconstruct` (the contract): a projection of the report. */
export interface ReconstructJson {
  run: string;
  levels: {
    meanClusterSize: number;
    clusters: number;
    metrics: { category: CorrelationMetrics; occupation: CorrelationMetrics; task: CorrelationMetrics };
    recovered: { occupation: RecoveredCounts; task: RecoveredCounts };
  }[];
}

export function reconstructJson(r: ReconstructionReport): ReconstructJson {
  return {
    run: r.run,
    levels: r.levels.map((l) => ({ meanClusterSize: l.meanClusterSize, clusters: l.clusters, metrics: l.metrics, recovered: l.recovered })),
  };
}

/** Median-wage bands of Fig 20 (annual USD, lower bound inclusive). */
export const WAGE_BANDS: readonly { band: string; min: number; max: number }[] = [
  { band: 'under $35K', min: 0, max: 35_000 },
  { band: '$35K–50K', min: 35_000, max: 50_000 },
  { band: '$50K–75K', min: 50_000, max: 75_000 },
  { band: '$75K–100K', min: 75_000, max: 100_000 },
  { band: '$100K–125K', min: 100_000, max: 125_000 },
  { band: '$125K and over', min: 125_000, max: Infinity },
];

/** The cost preview of a reconstruction (`reconstruct.estimate`, `reconstruct --estimate`): nothing is sent. */
export interface ReconstructEstimate {
  conversations: number;
  levels: { meanClusterSize: number; clusters: number }[];
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  costUsdWithBatches: number;
  priceKnown: boolean;
  note: string;
}
