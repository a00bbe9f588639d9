// A hand-made Appendix G reconstruction report for the presentation tests (charts, HTML report,
// export tables, Explore e2e). Levels are stored coarse-first on purpose, so every consumer must
// order them itself; the task level has a metric the engine could not compute (null); one category
// is found only by the clusters and one only by direct assignment.
import type { PairedShare, ReconstructionLevel, ReconstructionReport } from '../../src-shared/reconstruct';
import type { CorrelationMetrics } from '../../src-shared/report';

const m = (n: number, pearson: number | null, spearman: number | null, kendallTauB: number | null, mse: number | null): CorrelationMetrics => ({
  n,
  pearson,
  spearman,
  kendallTauB,
  mse,
});

const share = (key: string, label: string, direct: number, clusters: number): PairedShare => ({ key, label, direct, clusters });

function level(meanClusterSize: number, clusters: number, spread: number): ReconstructionLevel {
  return {
    meanClusterSize,
    clusters,
    placed: clusters - 1,
    unplaced: 1,
    metrics: {
      category: m(4, 0.99 - spread, 0.95 - spread, 0.9 - spread, 1.5 + spread * 10),
      occupation: m(5, 0.9 - spread, 0.8 - spread, 0.7 - spread, 2 + spread * 10),
      task: m(6, 0.6 - spread, null, 0.3 - spread, 4 + spread * 10),
    },
    recovered: {
      occupation: { both: 3, directOnly: 1, clusterOnly: Math.round(spread * 10) },
      task: { both: 2, directOnly: 3, clusterOnly: 1 },
    },
    shares: {
      category: [
        share('15', 'Computer and Mathematical', 40, 40 + spread * 20),
        share('27', 'Arts, Design & Media', 30, 30 - spread * 10),
        share('25', 'Educational Instruction and Library', 30, 29 - spread * 10),
        share('11', 'Management', 0, 1),
      ],
      occupation: [
        share('15-1252.00', 'Software Developers', 35, 38),
        share('27-3043.00', 'Writers and Authors', 25, 20),
        share('25-1011.00', 'Business Teachers, Postsecondary', 15, 12),
        share('15-2041.00', 'Statisticians', 10, 0),
        share('11-1021.00', 'General and Operations Managers', 0, 5),
      ],
      task: [
        share('t1', 'Write, update, and maintain computer programs or software packages to handle specific jobs', 20, 25),
        share('t2', 'Develop and maintain software documentation', 10, 6),
        share('t3', 'Write fiction or nonfiction prose', 8, 0),
        share('t4', 'Prepare course materials', 6, 9),
        share('t5', 'Analyze data', 4, 0),
        share('t6', 'Plan operations', 0, 3),
      ],
    },
    tasksPerOccupation: { direct: 4.8, clusters: 4.8 - spread * 10 },
    wageBands: [
      { band: 'under $35K', direct: 5, clusters: 4 },
      { band: '$35K–50K', direct: 15, clusters: 14 },
      { band: '$50K–75K', direct: 30, clusters: 33 },
      { band: '$75K–100K', direct: 30, clusters: 31 },
      { band: '$100K–125K', direct: 15, clusters: 13 },
      { band: '$125K and over', direct: 5, clusters: 5 },
    ],
  };
}

export function makeReconstruction(): ReconstructionReport {
  return {
    run: 'r1',
    method: 'claude',
    conversations: 12_000,
    thresholds: { minConversations: 15, minAccounts: 5 },
    promptVersions: { requestSummary: 'request-summary@1', clusterName: 'cluster-name@1', placement: 'f2@1' },
    embeddingModel: 'Xenova/all-MiniLM-L6-v2',
    seed: 7,
    // Coarse first: consumers sort by mean cluster size themselves.
    levels: [level(1000, 12, 0.2), level(10, 1200, 0), level(100, 120, 0.1)],
  };
}

/** A finished reconstruction that produced no level (e.g. too few conversations). */
export function emptyReconstruction(): ReconstructionReport {
  return { ...makeReconstruction(), conversations: 0, levels: [] };
}
