// Validate, the analyst's side (paper Appendix C): draw a packet from a classification run, merge the
// label files validators send back, and report accuracy, agreement and corrected pattern shares. The
// same engine functions as `task-atlas validate …`, so the app and the CLI give the same numbers.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ApiArgs, ApiResults } from '../../../src-shared/api';
import type { Db } from '../../db/open';
import type { AppHost } from '../host';
import { ConflictError, NotFoundError } from '../errors';
import { ImportError } from '../ingest/formats/errors';
import { expandPath } from '../paths';
import { correctedPatternShares } from '../validate/corrected';
import { importLabelFiles } from '../validate/labels';
import { buildPacket, exportPacket, storePacket } from '../validate/packet';
import { validationReport } from '../validate/report';
import { DEFAULT_SAMPLE_SIZE, sampleItems } from '../validate/sample';
import type { HandlerGroup } from './types';

type ValidateCall = 'validate.sample' | 'validate.importLabels' | 'validate.importLabelsContent' | 'validate.report';

export function validateHandlers(host: AppHost): HandlerGroup<ValidateCall> {
  return {
    'validate.sample': async (args) => sample(host.project.db, args),
    'validate.importLabels': async (args) => importLabels(host.project.db, args.paths),
    'validate.importLabelsContent': async (args) => importLabelContents(host.project.db, args.files),
    'validate.report': async (args) => report(host.project.db, args.run),
  };
}

/** The engine reads an unknown run as an empty one; the app must say the name is wrong instead. */
function requireRun(db: Db, run: string): void {
  if (db.prepare('SELECT 1 FROM classify_run WHERE id = ?').get(run) === undefined) {
    throw new NotFoundError(`no classification run "${run}" in this project`);
  }
}

function sample(db: Db, args: ApiArgs<'validate.sample'>): ApiResults['validate.sample'] {
  requireRun(db, args.run);
  const method = args.method ?? 'stratified';
  const seed = args.seed ?? 1;
  const items = sampleItems(db, args.run, { facet: args.facet, size: args.size ?? DEFAULT_SAMPLE_SIZE, method, seed });
  if (items.length === 0) {
    throw new ConflictError(`run "${args.run}" has no classified ${args.facet} items to validate yet`);
  }
  const opts = { redact: args.redact ?? false, sampling: { method, seed, size: items.length } };
  if (args.outPath === undefined) {
    // Browser build: no file on the server; the packet travels back in the answer and is downloaded.
    const packet = buildPacket(db, args.run, items, opts);
    storePacket(db, packet, items);
    return { packetId: packet.packetId, items: packet.items.length, file: null, packet };
  }
  const file = expandPath(args.outPath);
  const packet = exportPacket(db, args.run, items, { ...opts, file });
  return { packetId: packet.packetId, items: packet.items.length, file, packet };
}

function importLabels(db: Db, paths: readonly string[]): ApiResults['validate.importLabels'] {
  try {
    return importLabelFiles(db, paths.map(expandPath));
  } catch (err) {
    throw err instanceof ImportError ? withJsonLine(err) : err;
  }
}

/**
 * Label files the user chose or dropped in the app: the browser has their contents, not their paths.
 * They go through the same checks as files on disk (written to a private temporary folder for the
 * moment of the import), and errors name the file as the user knows it.
 */
function importLabelContents(db: Db, files: readonly { name: string; text: string }[]): ApiResults['validate.importLabels'] {
  const dir = mkdtempSync(join(tmpdir(), 'task-atlas-labels-'));
  const names = new Map<string, string>();
  try {
    const paths = files.map((f, i) => {
      const path = join(dir, `${i}-${basename(f.name).replace(/[^\w.-]/g, '_')}`);
      writeFileSync(path, f.text, { mode: 0o600 });
      names.set(path, f.name);
      return path;
    });
    return importLabels(db, paths);
  } catch (err) {
    const name = err instanceof ImportError ? names.get(err.file) : undefined;
    if (!name || !(err instanceof ImportError)) throw err;
    throw new ImportError(err.reason, { file: name, ...(err.line !== undefined ? { line: err.line } : {}), ...(err.column !== undefined ? { column: err.column } : {}) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The engine names the file of a label file that is not JSON but not the line; JSON.parse tells the
 * character position (Node 20) or the line and column (newer V8), so the app can point at the spot.
 */
export function withJsonLine(err: ImportError): ImportError {
  if (err.line !== undefined) return err;
  const lineCol = /\(line (\d+) column (\d+)\)/.exec(err.reason);
  if (lineCol) return new ImportError(err.reason, { file: err.file, line: Number(lineCol[1]), column: Number(lineCol[2]) });
  const position = /at position (\d+)/.exec(err.reason);
  if (!position) return err;
  let text: string;
  try {
    text = readFileSync(err.file, 'utf8');
  } catch {
    return err;
  }
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return new ImportError(err.reason, { file: err.file, line, column });
}

function report(db: Db, run: string): ApiResults['validate.report'] {
  requireRun(db, run);
  const result = validationReport(db, run);
  // Correction needs a validated pattern confusion matrix; without pattern labels there is none.
  const corrected = result.pattern ? correctedPatternShares(db, run) : null;
  return { ...result, correctedPatternShares: corrected };
}
