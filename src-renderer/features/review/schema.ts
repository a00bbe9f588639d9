// The bundle format is shared with the engine that writes bundles (src-shared/review-bundle.ts).
// Renderer note: zod must already be jitless (../../zod-config is main.tsx's first import).
export * from '../../../src-shared/review-bundle';
