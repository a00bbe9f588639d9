// Opening a file the user named (an import, a preview, a hierarchy or label file). Node's own
// errors ("EISDIR: illegal operation on a directory, read") say neither which path nor what to do,
// so every input file is checked and opened here and fails with an ImportError naming it.
import { closeSync, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { ImportError } from './import-error';

const MB = 2 ** 20;

/** The ImportError for a failed stat/open/read of `path`, phrased for a person. */
export function fileError(path: string, err: unknown): ImportError {
  const code = (err as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'file does not exist'
      : code === 'EISDIR'
        ? 'this is a folder, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'file cannot be read (permission denied)'
          : `file cannot be read (${code ?? (err as Error).message})`;
  return new ImportError(reason, { file: path });
}

function checkStats(path: string, st: Stats, maxBytes: number): number {
  if (st.isDirectory()) throw new ImportError('this is a folder, not a file', { file: path });
  if (!st.isFile()) throw new ImportError('not a regular file', { file: path });
  if (st.size > maxBytes) {
    const limit = Math.round(maxBytes / MB);
    throw new ImportError(`file too large (${Math.round(st.size / MB)} MB; the limit is ${limit} MB)`, { file: path });
  }
  return st.size;
}

/** The size of `path` when it is a regular file (at most `maxBytes`); an ImportError naming it otherwise. */
export function inputFileSize(path: string, maxBytes = Infinity): number {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    throw fileError(path, err);
  }
  return checkStats(path, st, maxBytes);
}

/**
 * Opens `path` for reading and returns its descriptor and size; refuses folders, devices and
 * files over `maxBytes` before anything is read. The caller closes the descriptor.
 */
export function openInputFile(path: string, maxBytes = Infinity): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw fileError(path, err);
  }
  try {
    return { fd, size: checkStats(path, fstatSync(fd), maxBytes) };
  } catch (err) {
    closeSync(fd);
    throw err instanceof ImportError ? err : fileError(path, err);
  }
}

/** The whole file, after the same checks as openInputFile. */
export function readInputFile(path: string, maxBytes = Infinity): Buffer {
  const { fd } = openInputFile(path, maxBytes);
  try {
    return readFileSync(fd);
  } catch (err) {
    throw fileError(path, err);
  } finally {
    closeSync(fd);
  }
}

/** The whole file as UTF-8 text (JSON inputs), after the same checks. */
export function readInputText(path: string, maxBytes = Infinity): string {
  return readInputFile(path, maxBytes).toString('utf8');
}
