// The acceptance tier (`npm run test:acceptance`, run by CI after `npm test`): full-size runs too
// slow for every `npm test`, in files named *.acceptance.test.ts: the full 18.4K-task hierarchy
// build with injected faults, and 10,000 conversations classified through the CLI with a SIGKILL
// mid-run. The default tier (vitest.config.ts) runs the same assertions on subsets.
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
