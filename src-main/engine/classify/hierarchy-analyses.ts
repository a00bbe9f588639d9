// The run report's analyses over the task hierarchy, in one call for the report builder: Figures 11
// and 12 (Appendix D.1), Figure 8 by task (§3.5) and the tasks characteristic of each pattern (B.5).
import type { Db } from '../../db/open';
import type { RunReport } from '../../../src-shared/report';
import { loadNodes } from '../hierarchy/store';
import type { ClassifyConfig } from './config';
import type { TaskCount } from './aggregate';
import { modelTaskComparison } from './by-model-tasks';
import { hierarchyLevels, keptConversations, levelShares } from './levels';
import { characteristicTasks } from './patterns-by-task';
import type { RunFacts } from './run-facts';

type HierarchyAnalyses = Required<Pick<RunReport, 'topLevelTasks' | 'middleLevelTasks' | 'modelTasks' | 'characteristicTasks'>>;

/** Everything the run report adds from the hierarchy: Figures 11 and 12, Figure 8 by task, B.5. */
export function hierarchyAnalyses(db: Db, cfg: ClassifyConfig, kept: readonly TaskCount[], facts: Pick<RunFacts, 'byPattern' | 'byModel'>): HierarchyAnalyses {
  const levels = hierarchyLevels(loadNodes(db, cfg.hierarchyId));
  // Read merged over patterns for the level and model analyses (run-facts.ts), over models for B.5.
  const byModel = keptConversations(facts.byModel, kept);
  return {
    topLevelTasks: levelShares(byModel, levels, levels.top),
    middleLevelTasks: levelShares(byModel, levels, levels.middle),
    modelTasks: modelTaskComparison(byModel, levels),
    characteristicTasks: characteristicTasks(facts.byPattern, kept, cfg.thresholds.minConversations),
  };
}
