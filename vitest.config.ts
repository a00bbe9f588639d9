// The default test tier (`npm test`). Full-size acceptance runs (files named *.acceptance.test.ts)
// are excluded here and run by `npm run test:acceptance` (vitest.acceptance.config.ts); CI runs both.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Files known to be slow, slowest first (measured on 2 cores). Vitest starts the files it has cached
 * durations for longest-first; on a fresh clone (CI) it has none and would go by file size, so the
 * slow files are named here: started first, two workers finish together instead of one long file
 * running alone at the end.
 */
const SLOW_FILES = [
  'test/classify/run-kill-resume.test.ts',
  'test/cli/jobs.test.ts',
  'test/cli/cli.test.ts',
  'test/conversations/streaming.test.ts',
  'test/hierarchy/build-small.test.ts',
  'test/demo/demo.test.ts',
  'test/e2e/validate-analyst.e2e.test.ts',
  'test/e2e/validate.e2e.test.ts',
  'test/service/wizard.test.ts',
  'test/security/api-key.test.ts',
  'test/report-html/report.test.ts',
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const key = (f: TestSpecification) => relative(this.ctx.config.root, f.moduleId).split('\\').join('/');
    if (sorted.every((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${key(f)}`))) return sorted;
    const rank = (f: TestSpecification) => (SLOW_FILES.indexOf(key(f)) + SLOW_FILES.length + 1) % (SLOW_FILES.length + 1);
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/**/*.acceptance.test.ts'],
    environment: 'node',
    // Importers and the e2e test spin up SQLite files and Chromium; give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time on 2 cores: the slow files mostly wait on Chromium, a fake server's latency
    // or a child process, so a second worker fills the idle core.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
    // Builds the fixtures several files share once per run (test/support/shared-projects.ts).
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
