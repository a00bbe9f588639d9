// Child process of interrupted.test.ts: opens the project, starts a classification job and kills
// itself (SIGKILL, no cleanup) once the job has made progress, leaving its row 'running'.
import { testHost, HIERARCHY_ID } from './support';

const [configDir, projectPath, baseURL] = process.argv.slice(2) as [string, string, string];
const host = testHost(configDir, { baseURL });
host.openProject(projectPath);
const job = host.jobs.start({ kind: 'classify.run', args: { name: 'crashy', datasets: ['wildchat'], hierarchyId: HIERARCHY_ID, limit: 30 } });
host.jobs.on('update', (j) => {
  if (j.id === job.id && (j.progress?.done ?? 0) >= 10) {
    process.stdout.write(`${job.id}\n`, () => process.kill(process.pid, 'SIGKILL'));
  }
});
