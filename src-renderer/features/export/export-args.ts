// The export form → export.run arguments. Pure: the privacy opt-ins must stay off unless chosen,
// and only a run (not a published release) can carry conversation text or account ids.
import type { JobArgs } from '../../../src-shared/jobs';
import type { Parsed } from '../../components/form-values';

export const EXPORT_FORMATS = ['csv', 'r', 'dta', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportDraft {
  from: 'source' | 'run';
  source: string;
  run: string;
  outDir: string;
  formats: ExportFormat[];
  html: boolean;
  charts: boolean;
  review: boolean;
  replication: boolean;
  includeConversationText: boolean;
  includeAccountIds: boolean;
}

export const DEFAULT_EXPORT: ExportDraft = {
  from: 'source',
  source: '',
  run: '',
  outDir: '',
  formats: ['csv'],
  html: true,
  charts: true,
  review: false,
  replication: false,
  includeConversationText: false,
  includeAccountIds: false,
};

export function exportArgs(draft: ExportDraft): Parsed<JobArgs<'export.run'>> {
  const outDir = draft.outDir.trim();
  const chosen = draft.from === 'run' ? draft.run : draft.source;
  if (!chosen) return { ok: false, error: draft.from === 'run' ? 'Choose a run' : 'Choose a source' };
  if (!outDir) return { ok: false, error: 'Type the output folder' };
  if (draft.formats.length === 0 && !draft.html && !draft.charts && !draft.review) return { ok: false, error: 'Choose at least one thing to write' };
  if (draft.replication && !draft.formats.includes('csv')) return { ok: false, error: 'The replication scripts need the CSV format' };
  const isRun = draft.from === 'run';
  return {
    ok: true,
    args: {
      ...(isRun ? { run: chosen } : { source: chosen }),
      outDir,
      formats: EXPORT_FORMATS.filter((f) => draft.formats.includes(f)),
      html: draft.html,
      charts: draft.charts,
      review: draft.review,
      ...(draft.replication ? { replication: true } : {}),
      includeConversationText: isRun && draft.includeConversationText,
      includeAccountIds: isRun && draft.includeAccountIds,
    },
  };
}

/** File name of the browser download: "<project>.taskatlas-review.json". */
export function reviewBundleName(projectName: string | undefined): string {
  const base = (projectName ?? '').trim().replace(/[\\/:*?"<>|]+/g, '-') || 'task-atlas';
  return `${base}.taskatlas-review.json`;
}
