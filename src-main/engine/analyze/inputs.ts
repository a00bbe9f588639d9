// Plain inputs of the analyses, loaded from the store once. Everything downstream is a pure function
// of these, so tests can build them by hand and the same code serves releases and our own runs.
import type { Db } from '../../db/open';
import type { SourceRef } from '../../../src-shared/report';
import type { ImportKind } from '../../../src-shared/api';
import { NotFoundError } from '../errors';

/** The paper's own release: the usage source analyses and exports default to. */
export const DEFAULT_SOURCE_ID = 'aei-2025-02-10';

/** The reference files loadInputs reads besides the usage source's own release files. */
export const ANALYSIS_REFERENCE_KINDS: ReadonlySet<ImportKind> = new Set<ImportKind>(['onet-job-zones', 'soc-crosswalk', 'onet-tasks']);

/** The O*NET release (Job Zones, task statements) and the 2010 -> 2019 SOC crosswalk every analysis reads. */
export const DEFAULT_ONET_DATASET = 'onet-29.2';
export const DEFAULT_CROSSWALK_DATASET = 'onet-2010-2019';

export interface AnalysisInputs {
  source: SourceRef;
  usageTasks: { taskName: string; pct: number }[];
  tasks: { code: string; title: string; task: string }[];
  majorGroups: { code: string; title: string }[];
  blsEmployment: { title: string; employment: number }[];
  wages: { code: string; jobZone: number | null; medianSalary: number | null }[];
  patterns: { pattern: string; pct: number }[];
  /** 2010 -> 2019 O*NET-SOC crosswalk and current O*NET Job Zones, for the second Table 2 variant. */
  crosswalk: { codeFrom: string; codeTo: string }[];
  onetJobZones: { code: string; zone: number }[];
  /** The same O*NET version's task statements, for the third variant (zones through the task text). */
  onetTasks: { code: string; task: string }[];
  onetDataset: string | null;
}

interface SourceRow {
  id: string;
  kind: 'release' | 'run';
  label: string;
  task_dataset: string;
  wage_dataset: string | null;
  soc_dataset: string | null;
  bls_dataset: string | null;
}

export function loadInputs(
  db: Db,
  sourceId: string,
  onetDataset = DEFAULT_ONET_DATASET,
  crosswalkDataset = DEFAULT_CROSSWALK_DATASET,
): AnalysisInputs {
  const src = db.prepare('SELECT * FROM usage_source WHERE id = ?').get(sourceId) as SourceRow | undefined;
  if (!src) throw new NotFoundError(`no usage source "${sourceId}"`);
  const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
  const hasOnet = db.prepare('SELECT 1 FROM job_zone WHERE dataset = ? LIMIT 1').get(onetDataset) !== undefined;
  return {
    source: { id: src.id, label: src.label, kind: src.kind },
    usageTasks: all('SELECT task_name AS taskName, pct FROM usage_task WHERE source_id = ? ORDER BY task_name', src.id),
    tasks: all(
      'SELECT code, title, task FROM task_statement WHERE dataset = ? ORDER BY code, task_id',
      src.task_dataset,
    ),
    majorGroups: all(
      `SELECT substr(code, 1, 2) AS code, title FROM soc_structure WHERE dataset = ? AND level = 'major' ORDER BY code`,
      src.soc_dataset,
    ),
    blsEmployment: all('SELECT title, employment FROM bls_major_employment WHERE dataset = ?', src.bls_dataset),
    wages: all(
      'SELECT code, job_zone AS jobZone, median_salary AS medianSalary FROM wage WHERE dataset = ?',
      src.wage_dataset,
    ),
    patterns: all('SELECT pattern, pct FROM usage_pattern WHERE source_id = ? ORDER BY pattern', src.id),
    crosswalk: all(
      'SELECT code_from AS codeFrom, code_to AS codeTo FROM soc_crosswalk WHERE dataset = ? ORDER BY code_from, code_to',
      crosswalkDataset,
    ),
    onetJobZones: hasOnet ? all('SELECT code, zone FROM job_zone WHERE dataset = ?', onetDataset) : [],
    onetTasks: hasOnet ? all('SELECT code, task FROM task_statement WHERE dataset = ? ORDER BY code, task_id', onetDataset) : [],
    onetDataset: hasOnet ? onetDataset : null,
  };
}
