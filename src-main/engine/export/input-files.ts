// The imported reference files behind a set of usage sources: what an export's manifest and a review
// bundle both list as their inputs, from this one function, so the two lists are always the same.
// A source reads its own release files (usage tasks and patterns) and the task, wage, SOC and BLS
// datasets it names; every analysis also reads the O*NET Job Zones and the 2010 -> 2019 crosswalk
// (loadInputs' defaults), which are listed whether or not the project holds them yet.
import { basename } from 'node:path';
import type { Db } from '../../db/open';
import { DEFAULT_CROSSWALK_DATASET, DEFAULT_ONET_DATASET } from '../analyze/inputs';

export interface DataFile {
  kind: string;
  dataset: string;
  /** The imported file's base name (importers store no local path; basename() again so none leaks). */
  file: string;
  sha256: string;
  rows: number;
}

/** The datasets loadInputs reads besides the source's own ones (its default arguments). */
const SHARED_REFERENCE_DATASETS = [DEFAULT_ONET_DATASET, DEFAULT_CROSSWALK_DATASET];

/** The datasets a usage source's analyses read: its own id plus those its row names. */
function datasetsOf(db: Db, sourceId: string): string[] {
  const src = db.prepare('SELECT task_dataset, wage_dataset, soc_dataset, bls_dataset FROM usage_source WHERE id = ?').get(sourceId) as
    | Record<string, string | null>
    | undefined;
  return [sourceId, ...Object.values(src ?? {})].filter((d): d is string => d !== null);
}

/** Every imported file the analyses of `sourceIds` read, ordered by dataset then kind. */
export function inputFiles(db: Db, sourceIds: readonly string[]): DataFile[] {
  const datasets = [...new Set([...sourceIds.flatMap((id) => datasetsOf(db, id)), ...SHARED_REFERENCE_DATASETS])];
  const rows = db
    .prepare(`SELECT kind, dataset, file, sha256, rows FROM dataset_import WHERE dataset IN (${datasets.map(() => '?').join(', ')}) ORDER BY dataset, kind`)
    .all(...datasets) as DataFile[];
  return rows.map((f) => ({ kind: f.kind, dataset: f.dataset, file: basename(f.file), sha256: f.sha256, rows: f.rows }));
}
