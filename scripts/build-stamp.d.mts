// Types for build-stamp.mjs (plain JavaScript: bin/task-atlas.mjs uses it without a TypeScript loader).
export const ROOT: string;
export function stampState(stampFile: string, required: string): 'missing' | 'stale' | 'current';
export function mtimeOf(path: string): number;
export function writeStamp(stampFile: string, inputs: [string, number][]): void;
export function writeAtomic(path: string, contents: string | Uint8Array): void;
