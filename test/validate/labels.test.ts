// Label files that must be refused, each with a message naming the file and the problem, and without
// changing the project: a refused file in a batch stops the whole batch.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, type Db } from '../../src-main/db/open';
import { ImportError } from '../../src-main/engine/ingest/formats/errors';
import { importLabelFiles, readLabelFile } from '../../src-main/engine/validate/labels';
import { exportPacket } from '../../src-main/engine/validate/packet';
import { sampleItems } from '../../src-main/engine/validate/sample';
import type { Label, ValidationPacket } from '../../src-shared/validation';
import { RUN, labelFile, labelTable, makeProject, writeJson } from './helpers';

let db: Db;
let dir: string;
let packet: ValidationPacket;
let good: string;
const labels = (): Label[] =>
  packet.items.map((it) => ({ itemId: it.itemId, facet: 'pattern', pattern: { correct: true }, skipped: false, labelledAt: '2025-02-01T00:00:00Z' }));

beforeAll(() => {
  ({ db, dir } = makeProject());
  const items = sampleItems(db, RUN, { facet: 'pattern', method: 'simple', seed: 1, size: 5 });
  packet = exportPacket(db, RUN, items, { sampling: { method: 'simple', seed: 1, size: 5 }, file: join(dir, 'p.json') });
  good = writeJson(dir, 'good.json', labelFile(packet, 'carol', labels()));
  // One validator's labels already in the project: a refused batch must leave them exactly as they are.
  importLabelFiles(db, [writeJson(dir, 'first.json', labelFile(packet, 'dave', labels()))]);
});
afterAll(() => closeDatabase(db));

function refuses(name: string, content: unknown, reason: RegExp): void {
  const bad = writeJson(dir, name, content);
  const before = labelTable(db);
  let err: unknown;
  try {
    importLabelFiles(db, [good, bad]);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ImportError);
  expect((err as ImportError).file).toBe(bad);
  expect((err as ImportError).message).toContain(name);
  expect((err as ImportError).reason).toMatch(reason);
  expect(labelTable(db)).toEqual(before);
}

describe('refused label files change nothing', () => {
  it('a corrupted file (edited after export: checksum mismatch)', () => {
    const lf = labelFile(packet, 'erin', labels());
    lf.labels[0]!.pattern = { correct: false, best: 'none' };
    refuses('edited.json', lf, /checksum mismatch/);
  });

  it('foreign JSON', () => {
    refuses('foreign.json', { hello: 'world' }, /not a Task Atlas label file/);
    refuses('array.json', [1, 2, 3], /not a Task Atlas label file/);
  });

  it('a packet sent back instead of labels', () => {
    refuses('packet-back.json', packet, /validation packet, not a label file/);
  });

  it('not JSON at all', () => {
    refuses('truncated.json', '{"format": "task-atlas.validation-labels", "lab', /not valid JSON/);
  });

  it('a schema violation, naming the field', () => {
    const lf: Partial<ReturnType<typeof labelFile>> = labelFile(packet, 'erin', labels());
    delete lf.validator;
    refuses('no-validator.json', lf, /field "validator"/);
    const badLabel = labelFile(packet, 'erin', labels());
    (badLabel.labels[1] as { facet: string }).facet = 'skills';
    refuses('bad-facet.json', badLabel, /field "labels\.1\.facet"/);
  });

  it('labels for a packet that is not in this project', () => {
    refuses('other-project.json', labelFile({ ...packet, packetId: 'vp-elsewhere' }, 'erin', labels()), /packet "vp-elsewhere" is not in this project/);
  });

  it('labels for items that are not in the packet', () => {
    const extra = [...labels(), { itemId: 'not-an-item', facet: 'pattern' as const, pattern: { correct: true }, skipped: false, labelledAt: '2025-02-01T00:00:00Z' }];
    refuses('unknown-item.json', labelFile(packet, 'erin', extra), /item "not-an-item" which is not in packet/);
  });

  it('labels claiming another run, or the wrong facet', () => {
    refuses('other-run.json', labelFile({ ...packet, runId: 'run-x' }, 'erin', labels()), /for run "run-x"/);
    const wrongFacet = labels().map((l, i) => (i === 0 ? { ...l, facet: 'task' as const } : l));
    refuses('wrong-facet.json', labelFile(packet, 'erin', wrongFacet), /is a pattern item but was labelled as task/);
  });

  it('reading a good file works without a project, and the good file imports on its own', () => {
    expect(readLabelFile(good).validator).toBe('carol');
    expect(importLabelFiles(db, [good])).toEqual({ files: 1, added: 5, replaced: 0, keptExisting: 0 });
    expect(labelTable(db)).toHaveLength(10);
  });
});
