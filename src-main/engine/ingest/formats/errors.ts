// The importers' error type lives with the engine's other error types (base/), so that errors.ts can
// map it without importing upwards; importers keep importing it from here.
export { ImportError, formatLocation, type ImportLocation } from '../../base/import-error';
