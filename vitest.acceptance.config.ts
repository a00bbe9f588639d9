// The acceptance tier (`npm run test:acceptance`, run by CI after `npm test`): full-size runs too
// slow for every `npm test`, in files named *.acceptance.test.ts: the full 18.4K-task hierarchy
// build with injected faults, 10,000 conversations classified through the CLI with a SIGKILL
// mid-run, the hierarchy kill -9/resume, and the browser walks (wizard, demo, Explore, review mode,
// the HTML report's still images, chart export, export verification). The default tier
// (vitest.config.ts) keeps the engine, CLI and renderer tests and the 500-conversation kill/resume.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.acceptance.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000, // each file sets its own, longer set-up timeout
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
