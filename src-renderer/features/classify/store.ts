// Classification runs of this project, re-read when a run's job settles (its counts change).
import type { RunInfo } from '../../../src-shared/api';
import { createResource } from '../../app/resource';
import { jobsStore } from '../jobs/store';

export const runsStore = createResource<RunInfo[]>((api) => api['classify.runs']({}));

jobsStore.onSettled((job) => {
  if (job.kind === 'classify.run') void runsStore.load();
});
