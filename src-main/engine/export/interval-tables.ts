// The run's confidence intervals as an export table: one row per share with its 95% interval
// (ci_low, ci_high in R, Stata and Parquet), and the settings that drew them in the description,
// so a reader of the file alone knows what the bounds mean.
import type { RunReport } from '../../../src-shared/report';
import { MEASURES, uncertaintyText } from '../../../src-shared/uncertainty';
import { cat, num, str, table, type Table } from './table';

const MEANING: Record<(typeof MEASURES)[number], string> = {
  categories: 'SOC major group share of usage (Figure 3); key = 2-digit SOC code',
  occupations: 'Occupation share of usage (Figure 2), the 50 largest',
  tasks: 'O*NET task statement share of usage (Figure 13), the 50 largest',
  depth: 'Share of occupations with at least the key\'s fraction of their tasks in use (Figure 4)',
  jobZones: 'Share of usage by Job Zone (Table 2, Conv. %); key = variant:zone',
  patterns: 'Collaboration pattern share of patterned conversations, then automation and augmentation (Figure 7)',
  skills: 'Share of skill-classified conversations exhibiting the skill (Figure 5)',
  models: 'Share of kept conversations answered by the model (Figure 8)',
};

export function intervalTables(report: RunReport): Table[] {
  const iv = report.intervals;
  if (iv === null || iv === undefined) return [];
  const rows = MEASURES.flatMap((m) => iv[m].map((i) => [m, i.key, i.label, i.pct, i.ciLow, i.ciHigh]));
  return [
    table('confidence_intervals', `Every share of the run with its ${uncertaintyText(report.uncertainty)}`, [
      cat('measure', `What the share is: ${MEASURES.map((m) => `${m} = ${MEANING[m]}`).join('; ')}`, MEASURES),
      str('key', 'Identifier of the share within its measure'),
      str('label', 'Readable name of the share'),
      num('pct', 'Point estimate, as in the report', 'percent'),
      num('ciLow', 'Lower bound of the 95% bootstrap interval (2.5th percentile of the replicates)', 'percent'),
      num('ciHigh', 'Upper bound of the 95% bootstrap interval (97.5th percentile of the replicates)', 'percent'),
    ], rows),
  ];
}
