// The bundle format is shared with the renderer (src-shared/review-bundle.ts); re-exported here for
// the engine's own modules.
export * from '../../../src-shared/review-bundle';
