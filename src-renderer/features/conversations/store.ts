// Conversation datasets of this project, re-read when an import job settles.
import type { ConversationDatasetInfo } from '../../../src-shared/api';
import { createResource } from '../../app/resource';
import { jobsStore } from '../jobs/store';

export const datasetsStore = createResource<ConversationDatasetInfo[]>((api) => api['conversations.datasets']({}));

jobsStore.onSettled((job) => {
  if (job.kind === 'conversations.import') void datasetsStore.load();
});
