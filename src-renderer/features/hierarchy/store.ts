// Hierarchies of this project, re-read when a build job settles.
import type { HierarchySummary } from '../../../src-shared/api';
import { createResource } from '../../app/resource';
import { jobsStore } from '../jobs/store';

export const hierarchiesStore = createResource<HierarchySummary[]>((api) => api['hierarchy.list']({}));

jobsStore.onSettled((job) => {
  if (job.kind === 'hierarchy.build') void hierarchiesStore.load();
});
