// A run's confidence intervals for its report: the sample read once, the analyses compiled once,
// then the bootstrap (bootstrap.ts). A run configured with 0 replicates reports none, and says so.
import type { Db } from '../../../db/open';
import type { RunIntervals, UncertaintySettings } from '../../../../src-shared/uncertainty';
import type { AnalysisInputs } from '../../analyze/inputs';
import type { ClassifyConfig } from '../config';
import type { ConversationColumns } from '../conversation-columns';
import { bootstrap } from './bootstrap';
import { makeEvaluator, sampleTexts } from './estimates';
import { loadRunSample } from './load-sample';
import { compileShareModel } from './share-model';

export { DEFAULT_REPLICATES, DEFAULT_SEED } from './bootstrap';

export interface RunUncertainty {
  uncertainty: UncertaintySettings | null;
  intervals: RunIntervals | null;
}

/** `columns`: the run's conversation columns when the report has read them already. */
export function runUncertainty(db: Db, cfg: ClassifyConfig, inputs: AnalysisInputs, columns?: ConversationColumns): RunUncertainty {
  if (cfg.uncertainty.replicates === 0) return { uncertainty: null, intervals: null };
  const sample = loadRunSample(db, cfg, columns);
  const model = compileShareModel(inputs, sampleTexts(sample));
  const titles = new Map(inputs.majorGroups.map((g) => [g.code, g.title]));
  const { uncertainty, intervals } = bootstrap(makeEvaluator(sample, model, cfg.thresholds), cfg.uncertainty, (code) => titles.get(code) ?? `SOC ${code}`);
  return { uncertainty, intervals };
}
