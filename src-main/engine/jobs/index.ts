// The job kinds of the contract (src-shared/jobs.ts), one file each, and the runner that runs them.
import { classifyRunJob } from './classify-run';
import { conversationsImport } from './conversations-import';
import { exportRun } from './export-run';
import { hierarchyBuild } from './hierarchy-build';
import type { JobKinds } from './types';

export { JobRunner, type JobRunnerOptions } from './runner';
export type { JobContext, JobEnv, JobKindDef, JobKinds } from './types';

export const JOB_KINDS_TABLE: JobKinds = {
  'hierarchy.build': hierarchyBuild,
  'conversations.import': conversationsImport,
  'classify.run': classifyRunJob,
  'export.run': exportRun,
};
