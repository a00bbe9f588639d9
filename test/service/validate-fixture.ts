// The validation tests' hand-built project (test/validate/helpers.ts) opened as an app project: its
// run gets a complete classify configuration, so classify.runs (the Validate step's run picker)
// lists it like a run the app made.
import { join } from 'node:path';
import { closeDatabase } from '../../src-main/db/open';
import { resolveConfig } from '../../src-main/engine/classify/run';
import { openProject, type Project } from '../../src-main/engine/project';
import { ROOT } from '../jobs/support';
import { RUN, makeProject } from '../validate/helpers';

export function validationProject(): { project: Project; dir: string } {
  const { db, dir } = makeProject();
  const config = resolveConfig({ name: RUN, datasets: ['t'], hierarchyId: 'h1', thresholds: { minConversations: 1, minAccounts: 1 } });
  db.prepare('UPDATE classify_run SET config_json = ? WHERE id = ?').run(JSON.stringify(config), RUN);
  closeDatabase(db);
  return { project: openProject(join(dir, 'project.sqlite'), { resourcesDir: join(ROOT, 'resources') }), dir };
}
