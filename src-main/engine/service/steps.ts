// project.steps: what each wizard step already has in the project, counted from the project file,
// so a reopened project resumes where it was and the wizard can show a tick or a half-tick.
import type { StepState, StepStatus } from '../../../src-shared/api';
import type { Db } from '../../db/open';
import { JobStore } from '../jobs/store';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function count(db: Db, sql: string, ...params: unknown[]): number {
  return db.prepare(sql).pluck().get(...params) as number;
}

function state(done: boolean, partial: boolean): StepState {
  return done ? 'done' : partial ? 'partial' : 'todo';
}

export function stepStatus(db: Db): StepStatus {
  return {
    reference: reference(db),
    hierarchy: hierarchy(db),
    conversations: conversations(db),
    classify: classify(db),
    validate: validate(db),
    explore: explore(db),
    export: exportStep(db),
  };
}

function reference(db: Db): StepStatus['reference'] {
  const datasets = count(db, 'SELECT count(DISTINCT dataset) FROM dataset_import');
  const files = count(db, 'SELECT count(*) FROM dataset_import');
  // Task statements and one release are what the later steps need.
  const ready = count(db, "SELECT count(*) FROM dataset_import WHERE kind = 'onet-tasks'") > 0 && count(db, "SELECT count(*) FROM usage_source WHERE kind = 'release'") > 0;
  return { state: state(ready, files > 0), datasets, summary: files === 0 ? 'no reference data yet' : `${plural(files, 'file')} in ${plural(datasets, 'dataset')}` };
}

function hierarchy(db: Db): StepStatus['hierarchy'] {
  const hierarchies = count(db, 'SELECT count(*) FROM hierarchy');
  const complete = count(db, "SELECT count(*) FROM hierarchy WHERE status = 'complete'");
  const summary = hierarchies === 0 ? 'no hierarchy yet' : `${hierarchies === 1 ? '1 hierarchy' : `${hierarchies} hierarchies`}, ${complete} complete`;
  return { state: state(complete > 0, hierarchies > 0), hierarchies, summary };
}

function conversations(db: Db): StepStatus['conversations'] {
  const n = count(db, 'SELECT count(*) FROM conversation');
  const datasets = count(db, 'SELECT count(DISTINCT dataset) FROM conversation');
  const imports = count(db, 'SELECT count(*) FROM conversation_import');
  return {
    state: state(n > 0, imports > 0),
    conversations: n,
    summary: n === 0 ? 'no conversations yet' : `${plural(n, 'conversation')} in ${plural(datasets, 'dataset')}`,
  };
}

function classify(db: Db): StepStatus['classify'] {
  const runs = count(db, 'SELECT count(*) FROM classify_run');
  const complete = count(db, "SELECT count(*) FROM classify_run WHERE status = 'complete'");
  return { state: state(complete > 0, runs > 0), runs, summary: runs === 0 ? 'no run yet' : `${plural(runs, 'run')}, ${complete} complete` };
}

function validate(db: Db): StepStatus['validate'] {
  const packets = count(db, 'SELECT count(*) FROM validation_packet');
  const labels = count(db, 'SELECT count(*) FROM validation_label');
  const validators = count(db, 'SELECT count(DISTINCT validator) FROM validation_label');
  const summary = packets === 0 ? 'no validation sample yet' : labels === 0 ? `${plural(packets, 'packet')}, no labels yet` : `${plural(labels, 'label')} from ${plural(validators, 'validator')}`;
  return { state: state(labels > 0, packets > 0), summary };
}

function explore(db: Db): StepStatus['explore'] {
  const sources = count(db, 'SELECT count(*) FROM usage_source');
  const runs = count(db, "SELECT count(*) FROM usage_source WHERE kind = 'run'");
  // A release alone can be explored; the step is done once one of the user's own runs can be.
  return {
    state: state(runs > 0, sources > 0),
    sources,
    summary: sources === 0 ? 'nothing to explore yet' : `${plural(sources, 'source')} (${runs} from own runs)`,
  };
}

function exportStep(db: Db): StepStatus['export'] {
  const last = new JobStore(db).lastDone('export.run');
  const dir = last?.result && 'dir' in last.result ? last.result.dir : null;
  return { state: state(dir !== null, false), summary: dir === null ? 'nothing exported yet' : `last export to ${dir}` };
}
