// Runs once per vitest run, before any test file: makes the run's scratch folder, where expensive
// fixtures that several files share (the project with the bundled data imported) are built once
// and copied by each test (see shared-projects.ts). Removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    runDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'atlas-test-run-'));
  project.provide('runDir', runDir);
  // Review bundles are signed with the installation's key: tests use a throwaway one, never ~/.task-atlas's.
  process.env.TASK_ATLAS_SIGNING_KEY_FILE ??= join(runDir, 'signing-key.pem');
  return () => rmSync(runDir, { recursive: true, force: true });
}
