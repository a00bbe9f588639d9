// What a job kind is: a label for its arguments and an async function over them. The runner gives
// it the project it was started in, a snapshot of the settings, the secret store, a signal that
// pauses or cancels it, and a progress callback in the one JobProgress shape every kind shares.
import type { JobArgs, JobKind, JobProgress, JobResults } from '../../../src-shared/jobs';
import type { Settings } from '../../../src-shared/settings';
import type { Logger } from '../log';
import type { Project } from '../project';
import type { SecretStore } from '../settings/secrets';

export interface JobEnv {
  project: Project;
  settings: Settings;
  secrets: SecretStore;
  logger: Logger;
}

export interface JobContext {
  signal: AbortSignal;
  onProgress: (p: JobProgress) => void;
}

export interface JobKindDef<K extends JobKind> {
  label(args: JobArgs<K>): string;
  run(args: JobArgs<K>, env: JobEnv, ctx: JobContext): Promise<JobResults[K]>;
}

export type JobKinds = { [K in JobKind]: JobKindDef<K> };
