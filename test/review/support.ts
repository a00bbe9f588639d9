// The source project of the review tests: the bundled release plus the hand-made classification
// run of test/export/run-fixture.ts over the mini release's task statements (imported as task
// dataset "mini-tasks", with no usage source of their own). The run keeps two of its four tasks,
// and every conversation text and account id carries a marker a byte search can find.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Project } from '../../src-main/engine/project';
import { importFile } from '../../src-main/engine/ingest';
import type { ReviewBundle } from '../../src-main/engine/review/schema';
import { seedRun } from '../export/run-fixture';
import { openBundledProject } from '../support/shared-projects';

export function sourceProject(file: string): Project {
  const project = openBundledProject(file);
  const tasks = path.resolve(__dirname, '../fixtures/mini-release/onet_task_statements.csv');
  importFile(project.db, { kind: 'onet-tasks', path: tasks, dataset: 'mini-tasks' });
  seedRun(project.db, 'mini-tasks');
  return project;
}

/** Field names that would mean raw conversations or accounts leaked into a bundle. */
export const FORBIDDEN_KEYS = /conversation(s)?$|^text$|transcript|messages?$|account(s|Id|Ids)?$|user(Id)?$|prompt/i;

/**
 * Aggregates of a run that the pattern above would flag by name: counts of conversations, shares
 * by conversations / by accounts and the thresholds. Allowed only as numbers (or, for the Figure 10
 * block, an object of category shares), which the test checks.
 */
export const AGGREGATE_KEYS = new Set([
  'conversations',
  'byConversations',
  'byAccounts',
  'conversationVsAccount',
  'minConversations',
  'minAccounts',
]);

/** Every [key, value] pair in a JSON value, depth first. */
export function entriesOf(value: unknown, out: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(value)) for (const v of value) entriesOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push([k, v]);
      entriesOf(v, out);
    }
  }
  return out;
}

/**
 * The same results as a version-1 bundle (what Task Atlas wrote before Figure 2 and runs): reports
 * without drill-downs, no runs, the checksum over the reports alone.
 */
export function asVersion1(bundle: ReviewBundle): unknown {
  const reports = Object.fromEntries(
    Object.entries(bundle.reports).map(([id, r]) => {
      const { drilldown, ...rest } = r;
      void drilldown;
      return [id, rest];
    }),
  );
  const { runs, runInfo, ...rest } = bundle;
  void runs;
  void runInfo;
  const checksum = createHash('sha256').update(JSON.stringify(reports), 'utf8').digest('hex');
  return { ...rest, version: 1, reports, checksum };
}
