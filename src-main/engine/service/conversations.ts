// Wizard, conversations: preview a file before importing it (conversation-preview.ts), and the
// conversation datasets already in the project, each with whether it is whole.
import type { ConversationDatasetInfo } from '../../../src-shared/api';
import type { Db } from '../../db/open';
import type { AppHost } from '../host';
import { conversationDatasetNames, datasetCompleteness, type ConversationFormat } from '../ingest/conversations';
import { expandPath } from '../paths';
import { previewConversations } from './conversation-preview';
import type { HandlerGroup } from './types';

export function conversationHandlers(host: AppHost): HandlerGroup<'conversations.preview' | 'conversations.datasets'> {
  return {
    'conversations.preview': async (args) => previewConversations(expandPath(args.path), (args.format ?? 'auto') as ConversationFormat),
    'conversations.datasets': async () => conversationDatasets(host.project.db),
  };
}

/**
 * Every dataset with conversations or an import. One whose latest import of a file did not finish
 * is 'interrupted' (it keeps what it wrote; rerunning the import completes it), never complete.
 */
export function conversationDatasets(db: Db): ConversationDatasetInfo[] {
  const counts = db.prepare(
    'SELECT count(*) AS conversations, count(DISTINCT account_id) AS accounts, count(account_id) AS withAccount FROM conversation WHERE dataset = ?',
  );
  const imports = db.prepare(
    `SELECT max(coalesce(finished_at, started_at)) AS importedAt, coalesce(sum(bad_rows), 0) AS badRows
     FROM conversation_import WHERE dataset = ? AND status IN ('complete', 'cancelled')`,
  );
  const files = db.prepare('SELECT file FROM conversation_import WHERE dataset = ? GROUP BY file ORDER BY min(started_at)').pluck();
  const completeness = datasetCompleteness(db);
  return conversationDatasetNames(db).map((dataset) => {
    const c = counts.get(dataset) as { conversations: number; accounts: number; withAccount: number };
    const i = imports.get(dataset) as { importedAt: string | null; badRows: number };
    const whole = completeness.get(dataset) ?? { status: 'complete', incompleteFiles: [] };
    return {
      dataset,
      ...c,
      files: files.all(dataset) as string[],
      importedAt: i.importedAt ?? '',
      badRows: i.badRows,
      status: whole.status,
      incompleteFiles: whole.incompleteFiles,
    };
  });
}
