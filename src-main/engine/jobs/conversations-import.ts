// Job "conversations.import": streams a conversation file into the project. Progress is bytes read
// of the file's size; rows that cannot be read are counted as failed and reported with their lines.
import { basename } from 'node:path';
import { importConversations } from '../ingest/conversations';
import { expandPath } from '../paths';
import { fromBytes } from './progress';
import type { JobKindDef } from './types';

export const conversationsImport: JobKindDef<'conversations.import'> = {
  label: (args) => `Import conversations from ${basename(args.path)}`,
  async run(args, env, ctx) {
    const file = expandPath(args.path);
    const started = performance.now();
    const r = await importConversations(env.project.db, file, {
      format: args.format ?? 'auto',
      dataset: args.dataset,
      mapping: args.mapping,
      oasstMode: args.oasstMode,
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress(fromBytes('reading', p.bytesRead, p.totalBytes, p.badRows, performance.now() - started)),
    });
    return {
      dataset: r.dataset,
      format: r.format,
      rowsRead: r.rowsRead,
      conversations: r.conversations,
      added: r.added,
      duplicates: r.duplicates,
      badRows: r.badRows,
      badRowSamples: r.badRowSamples,
      file,
    };
  },
};
