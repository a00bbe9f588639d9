// Types for cli-bundle.mjs (plain JavaScript: bin/task-atlas.mjs imports it without a TypeScript loader).
export type BundleState = 'missing' | 'stale' | 'current';
export function cliOutDir(): string;
export function cliEntry(outDir?: string): string;
export function bundleState(outDir?: string): BundleState;
export function buildCliBundle(outDir?: string): Promise<{ ms: number; files: number }>;
