// Figure 12 (paper Appendix D.1): the most prevalent middle-level tasks of the hierarchy (the level
// right under the top; a hierarchy of fewer than three levels has none).
import type { RunReport } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { levelFigure, levelTable, type LevelSpec } from './levelShares';

export const SPEC: LevelSpec = {
  name: 'middle-level',
  emptyText: 'No middle-level tasks: no kept conversations, or the hierarchy has fewer than three levels',
};

export function toFigure(run: Pick<RunReport, 'middleLevelTasks'>): Figure<CartesianData> {
  return levelFigure(run.middleLevelTasks, SPEC);
}

export function toTable(run: Pick<RunReport, 'middleLevelTasks'>): ChartTable {
  return levelTable(run.middleLevelTasks);
}
