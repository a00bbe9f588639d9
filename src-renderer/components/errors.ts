// Every failure the wizard shows goes through one shape (the contract's ApiErrorPayload), so a
// network error, a thrown bug and a bad input file all render in the same ErrorBox.
import type { ApiErrorPayload } from '../../src-shared/api';
import { ApiError } from '../transport/client';

export function toErrorPayload(err: unknown): ApiErrorPayload {
  if (err instanceof ApiError) return err.payload;
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}
