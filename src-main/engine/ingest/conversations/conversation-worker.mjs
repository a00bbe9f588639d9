// Bootstrap of the conversation reader thread when running from TypeScript source (vitest,
// bin/task-atlas.mjs from source, `node --import tsx` scripts): a worker thread does not inherit the
// parent's tsx loader, so it registers its own before importing the TypeScript entry. The desktop
// bundle loads conversation-worker.js; the CLI bundle (scripts/cli-bundle.mjs) bundles this very
// file, with register a no-op. Same arrangement as workers/task-worker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./conversation-worker.ts');
