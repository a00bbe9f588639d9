#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so the CLI, the tests and the app share one engine
// source without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
