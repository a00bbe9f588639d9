// Types for web-bundle.mjs (plain JavaScript, run by npm scripts without a TypeScript loader).
export function webInputs(): [string, number][];
export function webState(): 'missing' | 'stale' | 'current';
export function buildWeb(): void;
