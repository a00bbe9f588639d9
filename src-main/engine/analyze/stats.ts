// Agreement metrics between two distributions over the same keys (paper Appendix G). The code
// lives in src-shared/compare.ts so review mode, which has no engine, computes them identically.
export { averageRanks, compareDistributions, kendallTauB, meanSquaredError, pearson, spearman } from '../../../src-shared/compare';
