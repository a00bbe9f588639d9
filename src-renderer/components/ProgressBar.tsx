// A labelled progress bar: native <progress> (announced by screen readers), indeterminate while the
// total is unknown, with the numbers spelled out beside it.
import { formatProgress } from './format';

interface ProgressBarProps {
  label: string;
  done: number;
  total: number | null;
}

export function ProgressBar({ label, done, total }: ProgressBarProps) {
  const known = total !== null && total > 0;
  return (
    <div className="progress-bar">
      <progress aria-label={label} max={known ? total : undefined} value={known ? Math.min(done, total) : undefined} />
      <span className="progress-text">{formatProgress(done, total)}</span>
    </div>
  );
}
