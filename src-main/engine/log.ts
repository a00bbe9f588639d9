// The app's log: one JSON object per line in <configDir>/logs/task-atlas.log (jobs started, progress
// every 10%, finished or failed, projects opened, errors). Secrets must never be passed here; as a
// second line of defence every registered secret is replaced before a line is written.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A value that must never appear in the log (the API key); lines containing it are redacted. */
  registerSecret(value: string): void;
  /** The log file, or null for an in-memory log. */
  readonly file: string | null;
  /** The last lines written (kept in memory too, for tests and a future "copy log" button). */
  recent(): string[];
}

const MAX_BYTES = 5 * 1024 * 1024;
const KEEP_IN_MEMORY = 500;
const REDACTED = '[redacted]';

export function logFile(configDir: string): string {
  return join(configDir, 'logs', 'task-atlas.log');
}

/** A logger writing to `file` (rotated to .1 past 5 MB), or kept in memory only when file is null. */
export function createLogger(file: string | null): Logger {
  const secrets = new Set<string>();
  const lines: string[] = [];
  if (file) mkdirSync(dirname(file), { recursive: true });

  const redact = (text: string): string => {
    let out = text;
    for (const s of secrets) out = out.split(s).join(REDACTED);
    return out;
  };

  const write = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    const line = redact(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }, errorReplacer));
    lines.push(line);
    if (lines.length > KEEP_IN_MEMORY) lines.shift();
    if (!file) return;
    try {
      rotate(file);
      appendFileSync(file, line + '\n', { mode: 0o600 });
    } catch {
      // Logging must never take the app down (a full disk, a read-only folder).
    }
  };

  return {
    file,
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    registerSecret(value) {
      // Short values would redact ordinary words; keys are long.
      if (value.length < 8) return;
      secrets.add(value);
      // The form it takes inside a JSON string too, should it contain quotes or backslashes.
      secrets.add(JSON.stringify(value).slice(1, -1));
    },
    recent: () => [...lines],
  };
}

function rotate(file: string): void {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  if (size > MAX_BYTES) renameSync(file, file + '.1');
}

/** Errors serialise to their message (and name), never their stack or attached request objects. */
function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}
