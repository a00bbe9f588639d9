// How a dataset that is not whole is shown (Conversations list and the classify form's picker):
// a killed or paused import keeps the rows it committed, so the count alone would pass for the
// whole file. Pure, so the wording is tested without a page.
import type { ConversationDatasetInfo } from '../../../src-shared/api';
import { formatInt } from '../../components/format';

type StatusFields = Pick<ConversationDatasetInfo, 'status' | 'conversations' | 'incompleteFiles'>;

/** null for a complete dataset; otherwise what is wrong and what to do. */
export function datasetStatusText(d: StatusFields): string | null {
  const files = d.incompleteFiles.join(', ');
  if (d.status === 'importing') return `importing ${files} now — ${formatInt(d.conversations)} of ? rows so far`;
  if (d.status === 'interrupted') {
    return `interrupted — ${formatInt(d.conversations)} of ? rows (the import of ${files} did not finish); rerun the import to complete it`;
  }
  return null;
}

/** Only a whole dataset can be classified (the engine refuses the others too). */
export function isUsable(d: Pick<ConversationDatasetInfo, 'status'>): boolean {
  return d.status === 'complete';
}
