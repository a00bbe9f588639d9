// The job kinds of the contract (src-shared/jobs.ts), one file each, and the runner that runs them.
import type { JobStart } from '../../../src-shared/jobs';
import type { Settings } from '../../../src-shared/settings';
import type { SecretStore } from '../settings/secrets';
import { checkClassifyRun, classifyRunJob } from './classify-run';
import { conversationsImport } from './conversations-import';
import { exportRun } from './export-run';
import { checkHierarchyBuild, hierarchyBuild } from './hierarchy-build';
import { checkReconstructRun, reconstructRunJob } from './reconstruct-run';
import type { JobKinds } from './types';

export { JobRunner, type JobRunnerOptions } from './runner';
export { checkJobInputs } from './inputs';
export type { JobContext, JobEnv, JobKindDef, JobKinds } from './types';

export const JOB_KINDS_TABLE: JobKinds = {
  'hierarchy.build': hierarchyBuild,
  'conversations.import': conversationsImport,
  'classify.run': classifyRunJob,
  'export.run': exportRun,
  'reconstruct.run': reconstructRunJob,
};

/**
 * Refuses a job whose key, model or network is missing before it starts (an UnavailableError),
 * so the user is told at once rather than by a failed job a moment later.
 */
export function checkJobCanStart(start: JobStart, settings: Settings, secrets: SecretStore): void {
  if (start.kind === 'hierarchy.build') checkHierarchyBuild(settings, secrets);
  else if (start.kind === 'classify.run') checkClassifyRun(start.args, settings, secrets);
  else if (start.kind === 'reconstruct.run') checkReconstructRun(start.args, settings, secrets);
}
