// The analyst's side of validation through dispatch(), as the Validate step calls it: sample a packet
// from a run (written to a "~" path, or only returned for the browser to download), import the label
// files two validators send back, and report accuracy, agreement and corrected pattern shares.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, type Project } from '../../src-main/engine/project';
import { createService, type ApiHandlers } from '../../src-main/engine/service';
import { itemIdFor } from '../../src-main/engine/validate/packet';
import { wilson } from '../../src-main/engine/validate/stats';
import { ValidationPacketSchema, type Label, type ValidationPacket } from '../../src-shared/validation';
import { RUN, cid, labelFile, writeJson } from '../validate/helpers';
import { call, callError } from './helpers';
import { validationProject } from './validate-fixture';

const AT = '2025-02-01T10:00:00Z';
const home = process.env.HOME;
let dir: string;
let project: Project;
let api: ApiHandlers;
let taskPacket: ValidationPacket;
let patternPacket: ValidationPacket;
const convOf = new Map<string, number>();

beforeAll(() => {
  ({ project, dir } = validationProject());
  api = createService(project);
  process.env.HOME = join(dir, 'home'); // "~" expands here
  for (let i = 1; i <= 40; i++) for (const f of ['task', 'pattern'] as const) convOf.set(itemIdFor(RUN, cid(i), f), i);
});
afterAll(() => {
  process.env.HOME = home;
  closeProject(project);
});

/** Every level right, except the levels listed per conversation. */
function taskLabels(wrong: Record<number, number[]>): Label[] {
  return taskPacket.items.map((it) => {
    const bad = wrong[convOf.get(it.itemId)!] ?? [];
    const levels = it.path!.map(({ level }) => ({ level, correct: !bad.includes(level) }));
    return { itemId: it.itemId, facet: 'task', levels, skipped: false, labelledAt: AT };
  });
}

describe('validate.sample', () => {
  it('samples from a run the Validate step can pick', async () => {
    expect((await call(api, 'classify.runs', {})).map((r) => [r.run, r.classified])).toEqual([[RUN, 30]]);
  });

  it('writes a stratified packet of every eligible item to a "~" path, with the defaults', async () => {
    const r = await call(api, 'validate.sample', { run: RUN, facet: 'task', outPath: '~/packets/task.json' });
    taskPacket = r.packet;
    expect(r.file).toBe(join(dir, 'home', 'packets', 'task.json'));
    expect(ValidationPacketSchema.parse(JSON.parse(readFileSync(r.file!, 'utf8')))).toEqual(r.packet);
    expect(readdirSync(join(dir, 'home', 'packets'))).toEqual(['task.json']);
    // 30 ok task rows, fewer than the default 150: all of them, drawn stratified with seed 1.
    expect(r.items).toBe(30);
    expect(r.packetId).toBe(r.packet.packetId);
    expect(r.packet.sampling).toEqual({ method: 'stratified', seed: 1, size: 30 });
    expect(r.packet.items[0]!.path!.map((p) => p.level)).toEqual([2, 1, 0]);
  });

  it('without an output path only returns (and stores) the packet; same seed, same items', async () => {
    const args = { run: RUN, facet: 'pattern', size: 6, method: 'simple', seed: 3, redact: true } as const;
    const r = await call(api, 'validate.sample', args);
    patternPacket = r.packet;
    expect(r.file).toBeNull();
    expect(r.items).toBe(6);
    expect(r.packet.items.every((it) => it.facet === 'pattern' && it.redacted)).toBe(true);
    const again = await call(api, 'validate.sample', args);
    expect(again.packet.items.map((it) => it.itemId)).toEqual(r.packet.items.map((it) => it.itemId));
    const stored = project.db.prepare('SELECT id FROM validation_packet WHERE run_id = ?').pluck().all(RUN);
    expect(stored).toEqual(expect.arrayContaining([taskPacket.packetId, r.packetId]));
  });

  it('names an unknown run, and refuses a run with nothing to validate', async () => {
    expect(await callError(api, 'validate.sample', { run: 'nope', facet: 'task' })).toMatchObject({ kind: 'not-found', message: expect.stringContaining('"nope"') });
    project.db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES ('empty', ?, 'complete', '', '')").run(JSON.stringify({ name: 'empty', hierarchyId: 'h1' }));
    const e = await callError(api, 'validate.sample', { run: 'empty', facet: 'pattern' });
    expect(e).toMatchObject({ kind: 'conflict', message: expect.stringContaining('no classified pattern items') });
    expect(await callError(api, 'validate.report', { run: 'nope' })).toMatchObject({ kind: 'not-found' });
  });
});

describe('validate.importLabels and validate.report', () => {
  let files: string[];

  beforeAll(() => {
    const first = Math.min(...taskPacket.items.map((it) => convOf.get(it.itemId)!));
    // alice: the first conversation wrong at the base level; bob: right everywhere, so that is a tie.
    // alice also judges the pattern packet: all right but the first item, where "learning" is best.
    const patternLabels: Label[] = patternPacket.items.map((it, i) => ({
      itemId: it.itemId,
      facet: 'pattern',
      pattern: i === 0 ? { correct: false, best: 'learning' } : { correct: true },
      skipped: false,
      labelledAt: AT,
    }));
    files = [
      writeJson(dir, 'alice-task.json', labelFile(taskPacket, 'alice', taskLabels({ [first]: [0] }))),
      writeJson(dir, 'bob-task.json', labelFile(taskPacket, 'bob', taskLabels({}))),
      writeJson(dir, 'alice-pattern.json', labelFile(patternPacket, 'alice', patternLabels)),
    ];
  });

  it('reports an empty validation before any labels arrive', async () => {
    const r = await call(api, 'validate.report', { run: RUN });
    expect(r).toMatchObject({ runId: RUN, validators: [], task: [], pattern: null, correctedPatternShares: null });
    expect(r.packets.length).toBeGreaterThanOrEqual(2);
  });

  it('merges the label files and counts what was added, then what was already there', async () => {
    expect(await call(api, 'validate.importLabels', { paths: files })).toEqual({ files: 3, added: 66, replaced: 0, keptExisting: 0 });
    expect(await call(api, 'validate.importLabels', { paths: [files[2]!] })).toEqual({ files: 1, added: 0, replaced: 0, keptExisting: 6 });
  });

  it('reports accuracy per level with Wilson intervals, agreement and corrected shares', async () => {
    const r = await call(api, 'validate.report', { run: RUN });
    expect(r.validators).toEqual(['alice', 'bob']);
    // The base-level tie counts as incorrect until adjudicated: 29 of 30.
    expect(r.task.map((e) => [e.name, e.level, e.correct, e.n])).toEqual([
      ['top', 2, 30, 30],
      ['middle', 1, 30, 30],
      ['base', 0, 29, 30],
    ]);
    expect(r.task[2]).toMatchObject(wilson(29, 30));
    expect(r.pattern).toMatchObject({ name: 'pattern', correct: 5, n: 6, ...wilson(5, 6) });
    const [task, pattern] = r.agreement;
    expect(task).toMatchObject({ facet: 'task', validators: ['alice', 'bob'], sharedUnits: 90 });
    expect(pattern).toMatchObject({ facet: 'pattern', validators: ['alice'], sharedUnits: 0, cohenKappa: null, krippendorffAlpha: null });
    expect(r.disagreements).toEqual([expect.objectContaining({ facet: 'task', level: 0, tie: true, judgements: { alice: 'incorrect', bob: 'correct' } })]);
    expect(r.correctedPatternShares).not.toBeNull();
    expect(r.correctedPatternShares!.validatedItems).toBe(6);
    expect(r.correctedPatternShares!.raw).toMatchObject({ directive: 0.4, 'feedback loop': 0.3 });
  });
});

describe('bad label files', () => {
  const labelCount = () => project.db.prepare('SELECT COUNT(*) FROM validation_label').pluck().get();

  it('names the file and line of a label file that is not JSON, and changes nothing', async () => {
    const before = labelCount();
    const good = join(dir, 'alice-task.json');
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, '{\n  "format": "task-atlas.validation-labels",\n  "labels": [1 2]\n}\n');
    const e = await callError(api, 'validate.importLabels', { paths: [good, bad] });
    expect(e).toMatchObject({ kind: 'import', file: bad, line: 3 });
    expect(e.message).toContain('not valid JSON');
    expect(labelCount()).toBe(before);
  });

  it('names the file of an edited label file and of one that is missing', async () => {
    const edited = JSON.parse(readFileSync(join(dir, 'bob-task.json'), 'utf8')) as { labels: Label[] };
    edited.labels[0]!.levels![0]!.correct = false;
    const file = writeJson(dir, 'edited.json', edited);
    expect(await callError(api, 'validate.importLabels', { paths: [file] })).toMatchObject({ kind: 'import', file, message: expect.stringContaining('checksum mismatch') });
    const missing = join(dir, 'home', 'none.json');
    expect(existsSync(missing)).toBe(false);
    expect(await callError(api, 'validate.importLabels', { paths: ['~/none.json'] })).toMatchObject({ kind: 'import', file: missing });
  });
});
