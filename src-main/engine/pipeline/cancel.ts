// The pipeline's cancellation helpers are the engine's base ones (one CancelledError everywhere).
export { CancelledError, isCancelled, sleep, throwIfAborted } from '../base/cancel';
