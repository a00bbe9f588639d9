// Figure 11 (paper Appendix D.1): the most prevalent top-level tasks of the hierarchy.
import type { RunReport } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { levelFigure, levelTable, type LevelSpec } from './levelShares';

export const SPEC: LevelSpec = {
  name: 'top-level',
  emptyText: 'No top-level tasks: no kept conversations, or the hierarchy has no level above its base tasks',
};

export function toFigure(run: Pick<RunReport, 'topLevelTasks'>): Figure<CartesianData> {
  return levelFigure(run.topLevelTasks, SPEC);
}

export function toTable(run: Pick<RunReport, 'topLevelTasks'>): ChartTable {
  return levelTable(run.topLevelTasks);
}
