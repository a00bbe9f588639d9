// End to end on a hand-built project: sample → two packets (task, pattern), each labelled by the same
// two validators → import the four label files → report, every figure worked out by hand below.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src-main/db/open';
import { closeDatabase } from '../../src-main/db/open';
import { exportPacket, itemIdFor } from '../../src-main/engine/validate/packet';
import { importLabelFiles } from '../../src-main/engine/validate/labels';
import { validationReport } from '../../src-main/engine/validate/report';
import { sampleItems } from '../../src-main/engine/validate/sample';
import { correctedPatternShares } from '../../src-main/engine/validate/corrected';
import { wilson } from '../../src-main/engine/validate/stats';
import { ValidationPacketSchema, type Label, type ValidationPacket } from '../../src-shared/validation';
import { RUN, cid, labelFile, makeProject, sha, writeJson } from './helpers';

const AT = '2025-02-01T10:00:00Z';
// Hand-chosen judgements (index = conversation number); a level not listed is judged correct.
const TASK_WRONG: Record<string, Record<number, number[]>> = {
  alice: { 1: [0], 2: [0], 3: [1, 0], 19: [2, 1, 0] },
  bob: { 1: [0], 2: [0], 3: [1, 0], 4: [0], 19: [1, 0] },
};
const TASK_SKIPPED: Record<string, number[]> = { alice: [], bob: [30] };
// Pattern: conversation → the validator's best pattern ('' = incorrect, no best given).
const PATTERN_WRONG: Record<string, Record<number, string>> = {
  alice: { 1: 'feedback loop', 9: 'directive', 15: 'learning', 16: '' },
  bob: { 1: 'feedback loop', 9: 'directive', 15: 'validation', 16: 'directive', 2: 'learning' },
};

let db: Db;
let dir: string;
let taskPacket: ValidationPacket;
let patternPacket: ValidationPacket;
const convOf = new Map<string, number>();

function taskLabels(v: string): Label[] {
  return taskPacket.items.map((it) => {
    const i = convOf.get(it.itemId)!;
    if (TASK_SKIPPED[v]!.includes(i)) return { itemId: it.itemId, facet: 'task', skipped: true, labelledAt: AT };
    const wrong = TASK_WRONG[v]![i] ?? [];
    const levels = [2, 1, 0].map((level) => ({ level, correct: !wrong.includes(level) }));
    return { itemId: it.itemId, facet: 'task', levels, skipped: false, labelledAt: AT };
  });
}

function patternLabels(v: string): Label[] {
  return patternPacket.items.map((it) => {
    const best = PATTERN_WRONG[v]![convOf.get(it.itemId)!];
    const pattern = best === undefined ? { correct: true } : best ? { correct: false, best } : { correct: false };
    return { itemId: it.itemId, facet: 'pattern', pattern, skipped: false, labelledAt: AT };
  });
}

beforeAll(() => {
  ({ db, dir } = makeProject());
  for (let i = 1; i <= 40; i++) for (const f of ['task', 'pattern'] as const) convOf.set(itemIdFor(RUN, cid(i), f), i);
  const now = new Date('2025-01-15T00:00:00Z');
  const taskItems = sampleItems(db, RUN, { facet: 'task', method: 'stratified', seed: 7 });
  taskPacket = exportPacket(db, RUN, taskItems, { redact: true, sampling: { method: 'stratified', seed: 7, size: 150 }, now, file: join(dir, 'task.json') });
  const patternItems = sampleItems(db, RUN, { facet: 'pattern', method: 'simple', seed: 7 });
  patternPacket = exportPacket(db, RUN, patternItems, { sampling: { method: 'simple', seed: 7, size: 150 }, now, file: join(dir, 'pattern.json') });
});
afterAll(() => closeDatabase(db));

describe('sampling', () => {
  it('takes only ok rows; size ≥ eligible takes them all', () => {
    expect(taskPacket.items).toHaveLength(30);
    expect(patternPacket.items).toHaveLength(20);
    expect(taskPacket.items.every((it) => convOf.get(it.itemId)! <= 30)).toBe(true);
  });

  it('stratified 7 of (T1 18, T2 12) allocates 4 and 3, the same for the same seed', () => {
    const s = sampleItems(db, RUN, { facet: 'task', method: 'stratified', seed: 3, size: 7 });
    expect(s.filter((x) => x.stratum === 'T1')).toHaveLength(4);
    expect(s.filter((x) => x.stratum === 'T2')).toHaveLength(3);
    // Each item carries its inclusion probability's terms: its stratum's size and the items drawn from it.
    expect(new Set(s.map((x) => `${x.stratum} ${x.drawnFrom.sampled}/${x.drawnFrom.population}`))).toEqual(new Set(['T1 4/18', 'T2 3/12']));
    const simple = sampleItems(db, RUN, { facet: 'pattern', method: 'simple', seed: 3, size: 5 });
    expect(simple.every((x) => x.drawnFrom.sampled === 5 && x.drawnFrom.population === 20)).toBe(true);
    expect(sampleItems(db, RUN, { facet: 'task', method: 'stratified', seed: 3, size: 7 })).toEqual(s);
    const other = sampleItems(db, RUN, { facet: 'task', method: 'stratified', seed: 4, size: 7 });
    expect(other.map((x) => x.conversationId)).not.toEqual(s.map((x) => x.conversationId));
  });

  it('simple random: distinct eligible items, deterministic per seed', () => {
    const s = sampleItems(db, RUN, { facet: 'pattern', method: 'simple', seed: 1, size: 5 });
    expect(new Set(s.map((x) => x.conversationId)).size).toBe(5);
    expect(s.every((x) => x.value === ['directive', 'feedback loop', 'task iteration', 'learning'].find((p) => p === x.value))).toBe(true);
    expect(sampleItems(db, RUN, { facet: 'pattern', method: 'simple', seed: 1, size: 5 })).toEqual(s);
  });
});

describe('packets', () => {
  it('are written atomically, stored, and checksummed', () => {
    const onDisk = ValidationPacketSchema.parse(JSON.parse(readFileSync(join(dir, 'task.json'), 'utf8')));
    expect(onDisk).toEqual(taskPacket);
    expect(taskPacket.checksum).toBe(sha(JSON.stringify(taskPacket.items)));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM validation_packet').get()).toEqual({ n: 2 });
    expect(existsSync(join(dir, 'pattern.json'))).toBe(true);
  });

  it('show the path with sibling options and the redacted conversation', () => {
    const c01 = taskPacket.items.find((it) => convOf.get(it.itemId) === 1)!;
    expect(c01.itemId).toBe(sha(RUN + cid(1) + 'task').slice(0, 24));
    expect(c01.path).toEqual([
      { level: 2, chosen: 'Software', options: ['Software', 'Writing'] },
      { level: 1, chosen: 'Web dev', options: ['Web dev', 'Data'] },
      { level: 0, chosen: 'Fix CSS', options: ['Fix CSS', 'Build API'] },
    ]);
    expect(c01.redacted).toBe(true);
    expect(c01.conversation).toEqual([
      { role: 'user', content: 'Mail [email] or [phone] about [url], ref [number]' },
      { role: 'assistant', content: 'answer 1' },
    ]);
    const p = patternPacket.items.find((it) => convOf.get(it.itemId) === 9)!;
    expect(p.pattern).toEqual({ chosen: 'feedback loop', options: ['directive', 'feedback loop', 'task iteration', 'learning', 'validation', 'none'] });
  });
});

describe('labels → report', () => {
  beforeAll(() => {
    const files = ['alice', 'bob'].flatMap((v) => [
      writeJson(dir, `${v}-task.labels.json`, labelFile(taskPacket, v, taskLabels(v))),
      writeJson(dir, `${v}-pattern.labels.json`, labelFile(patternPacket, v, patternLabels(v))),
    ]);
    expect(importLabelFiles(db, files)).toEqual({ files: 4, added: 100, replaced: 0, keptExisting: 0 });
  });

  it('task accuracy per level with Wilson intervals', () => {
    // top: c19 is a tie (alice wrong, bob right) → incorrect; c30 judged by alice only → 29/30
    // middle: c03, c19 wrong for both → 28/30
    // base: c01, c02, c03, c19 wrong for both, c04 a tie → 25/30
    const r = validationReport(db, RUN);
    expect(r.task.map((e) => [e.name, e.level, e.correct, e.n])).toEqual([
      ['top', 2, 29, 30],
      ['middle', 1, 28, 30],
      ['base', 0, 25, 30],
    ]);
    expect(r.task[2]).toMatchObject(wilson(25, 30));
    expect(r.task[2]!.p).toBeCloseTo(25 / 30, 12);
  });

  it('pattern accuracy 15/20 with its Wilson interval (hand-computed in stats.test)', () => {
    // incorrect: c01, c09, c15, c16 (both), c02 (tie) → 15/20
    const r = validationReport(db, RUN);
    expect(r.pattern).toMatchObject({ name: 'pattern', correct: 15, n: 20, p: 0.75 });
    expect(r.pattern!.low).toBeCloseTo(0.5313, 4);
    expect(r.pattern!.high).toBeCloseTo(0.8881, 4);
  });

  it('pattern confusion matrix (rows truth, columns predicted)', () => {
    // c01 directive→truth FL; c09 FL→directive; c15 TI→learning (learning/validation tie: option order);
    // c16 TI→directive (only bob gave a best); c02 directive→learning (tie, bob's best)
    const r = validationReport(db, RUN);
    expect(r.patternConfusion.labels).toEqual(['directive', 'feedback loop', 'task iteration', 'learning', 'validation', 'none']);
    expect(r.patternConfusion.matrix).toEqual([
      [6, 1, 1, 0, 0, 0],
      [1, 5, 0, 0, 0, 0],
      [0, 0, 2, 0, 0, 0],
      [1, 0, 1, 2, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
    ]);
    expect(r.patternConfusionExcluded).toBe(0);
  });

  it('agreement: kappa and alpha for the two validators', () => {
    const [task, pattern] = validationReport(db, RUN).agreement;
    // Task units item × level shared: 29 items × 3 = 87. alice wrong 7, bob wrong 7, both wrong 6,
    // only alice 1 (c19 top), only bob 1 (c04 base), both right 79.
    // κ = (po − pe)/(1 − pe), po = 85/87, pe = (7² + 80²)/87² = 6449/7569 → (7395 − 6449)/(7569 − 6449) = 946/1120
    expect(task).toMatchObject({ facet: 'task', validators: ['alice', 'bob'], sharedUnits: 87 });
    expect(task!.cohenKappa).toBeCloseTo(946 / 1120, 12);
    // α: n = 174, n_correct = 160, n_wrong = 14, Σ o_cc = 2·85 = 170
    // (173·170 − (160·159 + 14·13)) / (174·173 − 25622) = (29410 − 25622)/(30102 − 25622) = 3788/4480
    expect(task!.krippendorffAlpha).toBeCloseTo(3788 / 4480, 12);
    // Pattern: 20 shared; alice wrong 4, bob wrong 5, agree 19. po = 0.95,
    // pe = (4·5 + 16·15)/400 = 0.65 → κ = 0.30/0.35 = 6/7
    expect(pattern).toMatchObject({ facet: 'pattern', sharedUnits: 20 });
    expect(pattern!.cohenKappa).toBeCloseTo(6 / 7, 12);
    // α: n = 40, n_correct = 31, n_wrong = 9, Σ o_cc = 38: (39·38 − (930 + 72))/(40·39 − 1002) = 480/558
    expect(pattern!.krippendorffAlpha).toBeCloseTo(480 / 558, 12);
  });

  it('lists the disagreements to adjudicate', () => {
    const d = validationReport(db, RUN).disagreements.map((x) => ({ ...x, conv: convOf.get(x.itemId) }));
    expect(d.map(({ conv, facet, level, judgements, tie }) => ({ conv, facet, level, judgements, tie })).sort((a, b) => a.conv! - b.conv!)).toEqual([
      { conv: 2, facet: 'pattern', level: null, judgements: { alice: 'correct', bob: 'incorrect: learning' }, tie: true },
      { conv: 4, facet: 'task', level: 0, judgements: { alice: 'correct', bob: 'incorrect' }, tie: true },
      { conv: 19, facet: 'task', level: 2, judgements: { alice: 'incorrect', bob: 'correct' }, tie: true },
    ]);
  });

  it('corrects pattern shares with the validated matrix', () => {
    const c = correctedPatternShares(db, RUN)!;
    // raw shares over the 20 ok rows: 8, 6, 4, 2 of 20
    expect(c.raw).toMatchObject({ directive: 0.4, 'feedback loop': 0.3, 'task iteration': 0.2, learning: 0.1 });
    // P(pred | true) rows: directive (6,1,1)/8, FL (1,5)/6, TI (0,0,1), learning (1,0,1,2)/4;
    // validation and none were never the truth → identity rows. Solve o = Mᵀt column by column:
    //   learning: 0.1 = 0.5 t_L                         → t_L = 0.2
    //   FL:       0.3 = 0.125 t_D + 5/6 t_F             → t_F = 0.36 − 0.15 t_D
    //   directive 0.4 = 0.75 t_D + t_F/6 + 0.25 t_L     → 0.29 = 0.725 t_D → t_D = 0.4, t_F = 0.3
    //   TI:       0.2 = 0.125 t_D + t_T + 0.25 t_L      → t_T = 0.1
    // Every item was validated (weights 1), so that is also the validators' truth counted: 8, 6, 2, 4 of 20.
    expect(c.method).toBe('design-weighted');
    const expected = { directive: 0.4, 'feedback loop': 0.3, 'task iteration': 0.1, learning: 0.2, validation: 0, none: 0 };
    for (const [k, v] of Object.entries(expected)) expect(c.corrected[k]).toBeCloseTo(v, 12);
    expect(c.validatedItems).toBe(20);
    // A census has no sampling spread: each interval is its point.
    for (const [k, v] of Object.entries(expected)) expect(c.intervals![k]).toEqual({ ciLow: expect.closeTo(v, 12), ciHigh: expect.closeTo(v, 12) });
    expect(c.design).toMatchObject({ keptTasksOnly: true, population: 20, outsideDomain: 0, bootstrap: { replicates: 1000, seed: 1, level: 0.95 } });
    expect(c.design!.strata.find((s) => s.stratum === 'directive')).toEqual({ stratum: 'directive', population: 8, validated: 8, weight: 1 });
  });

  it('records each item\'s conversation and the chance it was drawn', () => {
    const rows = db.prepare('SELECT conversation_id AS c, population, sampled FROM validation_design WHERE packet_id = ? ORDER BY c').all(taskPacket.packetId);
    // stratified 150 of (T1 18, T2 12): every item of each stratum
    expect(rows).toHaveLength(30);
    expect(rows[0]).toEqual({ c: cid(1), population: 18, sampled: 18 });
    expect(rows[29]).toEqual({ c: cid(30), population: 12, sampled: 12 });
    const pattern = db.prepare('SELECT DISTINCT population, sampled FROM validation_design WHERE packet_id = ?').all(patternPacket.packetId);
    expect(pattern).toEqual([{ population: 20, sampled: 20 }]);
  });

  it('counts only conversations whose task passed the privacy thresholds', () => {
    const config = db.prepare('SELECT config_json FROM classify_run WHERE id = ?').pluck().get(RUN) as string;
    // ≥ 9 conversations: B1 (c01–c10) and B4 (c19–c30) stay, B3 (c11–c18) goes.
    const strict = { ...JSON.parse(config), thresholds: { minConversations: 9, minAccounts: 1 } };
    db.prepare('UPDATE classify_run SET config_json = ? WHERE id = ?').run(JSON.stringify(strict), RUN);
    try {
      const c = correctedPatternShares(db, RUN)!;
      // Patterned conversations kept: c01–c08 directive, c09–c10 FL, c19–c20 learning (12).
      expect(c.raw).toMatchObject({ directive: 8 / 12, 'feedback loop': 2 / 12, learning: 2 / 12, 'task iteration': 0 });
      // Truths among them: c01 FL, c02 learning (a tie: bob's best), c09 directive, the rest as classified
      // → directive 6 + 1, FL 1 + 1, learning 1 + 2.
      expect(c.corrected.directive).toBeCloseTo(7 / 12, 12);
      expect(c.corrected['feedback loop']).toBeCloseTo(2 / 12, 12);
      expect(c.corrected.learning).toBeCloseTo(3 / 12, 12);
      expect(c.design).toMatchObject({ population: 12, outsideDomain: 8 });
      expect(c.validatedItems).toBe(12);
    } finally {
      db.prepare('UPDATE classify_run SET config_json = ? WHERE id = ?').run(config, RUN);
    }
  });

  it('re-importing: newer labels replace, older ones are ignored, validators stay separate', () => {
    const fixed = patternLabels('alice').map((l) => (convOf.get(l.itemId) === 1 ? { ...l, pattern: { correct: true }, labelledAt: '2025-03-01T00:00:00Z' } : l));
    const newer = writeJson(dir, 'alice-pattern-2.labels.json', labelFile(patternPacket, 'alice', fixed));
    expect(importLabelFiles(db, [newer])).toEqual({ files: 1, added: 0, replaced: 1, keptExisting: 19 });
    const older = writeJson(dir, 'alice-pattern-old.labels.json', labelFile(patternPacket, 'alice', patternLabels('alice').map((l) => ({ ...l, labelledAt: '2025-01-20T00:00:00Z' }))));
    expect(importLabelFiles(db, [older])).toMatchObject({ replaced: 0, keptExisting: 20 });
    const r = validationReport(db, RUN);
    // c01 is now alice correct / bob incorrect: a tie, still incorrect, and now a disagreement.
    expect(r.pattern).toMatchObject({ correct: 15, n: 20 });
    expect(r.disagreements.filter((x) => x.facet === 'pattern').map((x) => convOf.get(x.itemId)).sort()).toEqual([1, 2]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM validation_label WHERE validator = 'bob'").get()).toEqual({ n: 50 });
  });
});
