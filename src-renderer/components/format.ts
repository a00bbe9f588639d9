// Number formatting shared by every wizard page and the job tray. Pure functions (no DOM, no
// locale surprises in tests): the app is in English, so separators are fixed to en-US.

const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatInt(n: number): string {
  return INT.format(Math.round(n));
}

/**
 * Dollars with enough precision to tell a cheap trial from a free one: a $0.004 estimate must not
 * read as "$0.00", while large amounts do not need cents of cents.
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  const abs = Math.abs(usd);
  if (abs === 0) return '$0.00';
  if (abs < 0.0001) return usd < 0 ? '> -$0.0001' : '< $0.0001';
  if (abs < 0.01) return `${usd < 0 ? '-' : ''}$${abs.toPrecision(2).replace(/0+$/, '').replace(/\.$/, '')}`;
  if (abs < 1000) return `${usd < 0 ? '-' : ''}$${abs.toFixed(2)}`;
  return `${usd < 0 ? '-' : ''}$${INT.format(Math.round(abs))}`;
}

/** Token counts as people read them: 950, 12.3k, 4.56M. */
export function formatTokens(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs < 1000) return String(Math.round(n));
  if (abs < 1_000_000) return `${trim((n / 1000).toFixed(abs < 10_000 ? 2 : 1))}k`;
  return `${trim((n / 1_000_000).toFixed(abs < 10_000_000 ? 2 : 1))}M`;
}

function trim(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** A duration in the two largest units: "45 s", "3 min 05 s", "2 h 07 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${pad(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${pad(minutes % 60)} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Time left, or why it is not known yet. */
export function formatEta(etaMs: number | null | undefined): string {
  if (etaMs === null || etaMs === undefined || !Number.isFinite(etaMs)) return 'time left unknown';
  if (etaMs < 1000) return 'almost done';
  return `about ${formatDuration(etaMs)} left`;
}

export function formatPercent(fraction: number, digits = 0): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** "120 / 600 (20%)", or "120 done" while the total is still unknown. */
export function formatProgress(done: number, total: number | null): string {
  if (total === null) return `${formatInt(done)} done`;
  if (total <= 0) return `${formatInt(done)} / ${formatInt(total)}`;
  return `${formatInt(done)} / ${formatInt(total)} (${formatPercent(Math.min(done / total, 1))})`;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** ISO timestamp → "2025-02-10 14:03" (local time), or the input when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const d = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${d} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
