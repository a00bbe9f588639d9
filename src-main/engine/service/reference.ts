// Wizard, reference data: import the bundled files, and preview a file before importing it (in a
// task worker: ingest/preview.ts; a caller that goes away cancels it).
import type { AppHost } from '../host';
import { importBundledDefaults } from '../project';
import { previewReferenceAsync } from '../ingest/preview';
import { expandPath } from '../paths';
import type { HandlerGroup } from './types';

export { PREVIEW_ROWS, previewReference } from '../ingest/preview';

export function referenceHandlers(host: AppHost): HandlerGroup<'reference.importBundled' | 'reference.preview'> {
  return {
    'reference.importBundled': async () => {
      const r = importBundledDefaults(host.project);
      return { imported: r.imported.length, skipped: r.skipped.length, files: r.imported };
    },
    'reference.preview': async (args, ctx) => previewReferenceAsync(args.kind, expandPath(args.path), ctx.signal),
  };
}
