// JSON files the engine imports (hierarchies, label files) go through here after JSON.parse, so a
// key given twice is refused with its file, line and column instead of silently keeping the last.
import { duplicateKeyReason, findDuplicateKey } from '../../../src-shared/strict-json';
import { ImportError } from './import-error';

/** Throws an ImportError at the second occurrence of a repeated key in `text` (already valid JSON). */
export function assertNoDuplicateKeys(file: string, text: string): void {
  const dup = findDuplicateKey(text);
  if (dup) throw new ImportError(duplicateKeyReason(dup), { file, line: dup.line, column: dup.column });
}
