// A failed call, with where it happened (file:line:column for bad input files), what to do about it
// when the kind tells (a missing key or model: Settings), and an optional retry.
import type { ApiErrorPayload } from '../../src-shared/api';
import { errorLocation, isRestartError } from '../transport/client';
import { errorHint, errorKindText } from './errors';

interface ErrorBoxProps {
  /** What was being attempted, e.g. "Could not import the file". */
  title: string;
  error: ApiErrorPayload;
  onRetry?: () => void;
}

export function ErrorBox({ title, error, onRetry }: ErrorBoxProps) {
  const where = errorLocation(error);
  const kind = errorKindText(error);
  const hint = errorHint(error);
  return (
    <div className="error-box" role="alert" data-kind={error.kind}>
      <p>
        <strong>{title}</strong>
        {kind ? ` (${kind})` : ''}: {error.message}
      </p>
      {where && (
        <p>
          At <code>{where}</code>
        </p>
      )}
      {hint && <p className="note">{hint}</p>}
      {isRestartError(error) && (
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      )}
      {onRetry && !isRestartError(error) && (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
