// A failed call, with where it happened (file:line:column for bad input files) and an optional retry.
import type { ApiErrorPayload } from '../../src-shared/api';
import { errorLocation } from '../transport/client';

const KIND_TEXT: Record<ApiErrorPayload['kind'], string> = {
  'invalid-args': 'Invalid input',
  import: 'The file could not be read',
  'not-found': 'Not found',
  cancelled: 'Cancelled',
  conflict: 'Conflict',
  internal: 'Something went wrong',
};

interface ErrorBoxProps {
  /** What was being attempted, e.g. "Could not import the file". */
  title: string;
  error: ApiErrorPayload;
  onRetry?: () => void;
}

export function ErrorBox({ title, error, onRetry }: ErrorBoxProps) {
  const where = errorLocation(error);
  return (
    <div className="error-box" role="alert">
      <p>
        <strong>{title}</strong> ({KIND_TEXT[error.kind] ?? error.kind}): {error.message}
      </p>
      {where && (
        <p>
          At <code>{where}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
