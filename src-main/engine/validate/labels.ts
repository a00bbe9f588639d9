// Label files coming back from validators. Every file is checked completely before anything is written
// (format, schema, checksum, and against the stored packet), then all files are merged in one
// transaction: a refused file changes nothing, and no validator's work is lost to another's.
import type { Db } from '../../db/open';
import { ImportError } from '../ingest/formats/errors';
import { assertNoDuplicateKeys } from '../base/json';
import { readInputText } from '../base/files';
import {
  LABELS_FORMAT,
  LabelFileSchema,
  PACKET_FORMAT,
  ValidationPacketSchema,
  type LabelFile,
  type ValidationPacket,
} from '../../../src-shared/validation';
import { sha256 } from './packet';

export interface LabelImportSummary {
  files: number;
  added: number;
  replaced: number;
  /** Labels not written because the stored label for that validator and item is at least as new. */
  keptExisting: number;
}

/** Reads and checks one label file; with a project, also checks it against the packet it answers. */
export function readLabelFile(file: string, db?: Db): LabelFile {
  const labels = parseLabels(file, readJson(file));
  if (db) checkAgainstPacket(db, file, labels);
  return labels;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readInputText(file);
  } catch (err) {
    if (err instanceof ImportError) throw err; // a folder, a missing or unreadable path, named
    throw new ImportError(`cannot read label file: ${(err as Error).message}`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (err) {
    throw new ImportError(`not a label file: not valid JSON (${(err as Error).message})`, { file });
  }
  assertNoDuplicateKeys(file, text);
  return json;
}

function parseLabels(file: string, json: unknown): LabelFile {
  const format = typeof json === 'object' && json !== null ? (json as { format?: unknown }).format : undefined;
  if (format === PACKET_FORMAT) throw new ImportError('this is a validation packet, not a label file', { file });
  if (format !== LABELS_FORMAT) {
    throw new ImportError(`not a Task Atlas label file (expected format "${LABELS_FORMAT}")`, { file });
  }
  const parsed = LabelFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`invalid label file: field "${issue.path.join('.')}": ${issue.message}`, { file });
  }
  const lf = parsed.data;
  // The checksum covers the labels as the validator's tool wrote them, so hash the raw array.
  const raw = (json as { labels: unknown }).labels;
  if (sha256(JSON.stringify(raw)) !== lf.checksum) {
    throw new ImportError('checksum mismatch: the labels were edited or the file is corrupted', { file });
  }
  lf.labels.forEach((l, i) => {
    if (Number.isNaN(Date.parse(l.labelledAt))) {
      throw new ImportError(`invalid label file: field "labels.${i}.labelledAt": not a date`, { file });
    }
  });
  return lf;
}

export function loadPacket(db: Db, packetId: string): ValidationPacket | null {
  const row = db.prepare('SELECT packet_json FROM validation_packet WHERE id = ?').get(packetId) as
    | { packet_json: string }
    | undefined;
  return row ? ValidationPacketSchema.parse(JSON.parse(row.packet_json)) : null;
}

function checkAgainstPacket(db: Db, file: string, lf: LabelFile): void {
  const packet = loadPacket(db, lf.packetId);
  if (!packet) throw new ImportError(`packet "${lf.packetId}" is not in this project`, { file });
  if (packet.runId !== lf.runId) {
    throw new ImportError(`labels are for run "${lf.runId}" but packet "${lf.packetId}" is from run "${packet.runId}"`, { file });
  }
  const facets = new Map(packet.items.map((i) => [i.itemId, i.facet]));
  const seen = new Set<string>();
  for (const l of lf.labels) {
    const facet = facets.get(l.itemId);
    if (facet === undefined) throw new ImportError(`label for item "${l.itemId}" which is not in packet "${lf.packetId}"`, { file });
    if (facet !== l.facet) throw new ImportError(`item "${l.itemId}" is a ${facet} item but was labelled as ${l.facet}`, { file });
    if (seen.has(l.itemId)) throw new ImportError(`item "${l.itemId}" is labelled twice`, { file });
    seen.add(l.itemId);
  }
}

/** Newer wins; ISO timestamps from different clocks are compared as instants, not strings. */
function isNewer(candidate: string, existing: string): boolean {
  return Date.parse(candidate) > Date.parse(existing);
}

export function importLabelFiles(db: Db, files: readonly string[]): LabelImportSummary {
  const parsed = files.map((f) => readLabelFile(f, db));
  const summary: LabelImportSummary = { files: files.length, added: 0, replaced: 0, keptExisting: 0 };
  const get = db.prepare('SELECT labelled_at FROM validation_label WHERE packet_id = ? AND validator = ? AND item_id = ?');
  const put = db.prepare(
    `INSERT OR REPLACE INTO validation_label (packet_id, validator, item_id, facet, label_json, labelled_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const lf of parsed) {
      for (const l of lf.labels) {
        const old = get.get(lf.packetId, lf.validator, l.itemId) as { labelled_at: string } | undefined;
        if (old && !isNewer(l.labelledAt, old.labelled_at)) {
          summary.keptExisting++;
          continue;
        }
        put.run(lf.packetId, lf.validator, l.itemId, l.facet, JSON.stringify(l), l.labelledAt);
        if (old) summary.replaced++;
        else summary.added++;
      }
    }
  })();
  return summary;
}
