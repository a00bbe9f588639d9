// The paper's published numbers (figures and tables of Handa et al. 2025), shipped as
// resources/reference/paper-figures.json: the one loader every comparison, export and report uses.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PaperReference } from '../../../src-shared/report';

export function paperFile(resourcesDir: string): string {
  return join(resourcesDir, 'reference', 'paper-figures.json');
}

/** The published numbers, or null when this installation does not ship them. */
export function loadPaper(resourcesDir: string | undefined): PaperReference | null {
  if (resourcesDir === undefined) return null;
  const file = paperFile(resourcesDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PaperReference) : null;
}
