// Bootstrap of the task worker when running from TypeScript source (vitest, bin/task-atlas.mjs,
// `node --import tsx` scripts): a worker thread does not inherit the parent's tsx loader, so it
// registers its own before importing the TypeScript entry. The desktop bundle loads task-worker.js;
// the prebuilt CLI bundle (scripts/cli-bundle.mjs) bundles this very file, with register a no-op.
import { register } from 'tsx/esm/api';

register();
await import('./task-worker.ts');
