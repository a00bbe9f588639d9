// The validation report (paper Appendix C): accuracy per hierarchy level and for the pattern facet with
// Wilson 95% intervals, the pattern confusion matrix, agreement between validators, and the items they
// disagree on.
//
// Rules:
// - A validator's label for an item is their newest one across all packets of the run; skipped labels
//   do not count.
// - Accuracy at a level is computed over the items whose labels judged that level, independently of
//   the levels above (a wrong top level with a right base node is possible when siblings share names;
//   the per-level n makes the denominators explicit).
// - Several validators: the majority decides. A tie counts as incorrect (conservative) and is listed
//   as a disagreement to adjudicate; any non-unanimous judgement is listed too.
// - Confusion matrix: predicted = the classifier's pattern; truth = that pattern when judged correct,
//   else the validators' most frequent best pattern (ties: first in PATTERN_OPTIONS order). Incorrect
//   items with no best pattern are left out and counted in patternConfusionExcluded.
import type { Db } from '../../db/open';
import { LabelSchema, PATTERN_OPTIONS, ValidationPacketSchema, type Label, type ValidationItem } from '../../../src-shared/validation';
import { cohenKappa, confusionMatrix, krippendorffAlpha, wilson } from './stats';
import type { AccuracyEntry, Disagreement, FacetAgreement, ValidationReport } from './types';

/** item id → validator → label (the newest per validator). */
type Votes = Map<string, Map<string, Label>>;
/** A judgement unit: an item at a level (task) or an item (pattern), with each validator's verdict. */
interface Unit {
  itemId: string;
  level: number | null;
  verdicts: Map<string, boolean>;
}

export function validationReport(db: Db, runId: string): ValidationReport {
  const { items, packets } = loadPackets(db, runId);
  const votes = loadVotes(db, runId);
  const validators = [...new Set([...votes.values()].flatMap((m) => [...m.keys()]))].sort();
  const taskUnits = unitsOf(votes, items, 'task');
  const patternUnits = unitsOf(votes, items, 'pattern');
  const { confusion, excluded } = patternConfusion(patternUnits, votes, items);
  return {
    runId,
    packets,
    validators,
    task: taskAccuracy(taskUnits),
    pattern: patternUnits.length ? accuracyEntry('pattern', null, patternUnits) : null,
    patternConfusion: confusion,
    patternConfusionExcluded: excluded,
    agreement: [agreementOf('task', taskUnits), agreementOf('pattern', patternUnits)],
    disagreements: [...taskUnits, ...patternUnits].filter(isDisputed).map((u) => disagreementOf(u, votes, items)),
  };
}

function loadPackets(db: Db, runId: string): { items: Map<string, ValidationItem>; packets: string[] } {
  const rows = db.prepare('SELECT id, packet_json FROM validation_packet WHERE run_id = ? ORDER BY id').all(runId) as {
    id: string;
    packet_json: string;
  }[];
  const items = new Map<string, ValidationItem>();
  for (const r of rows) for (const it of ValidationPacketSchema.parse(JSON.parse(r.packet_json)).items) items.set(it.itemId, it);
  return { items, packets: rows.map((r) => r.id) };
}

function loadVotes(db: Db, runId: string): Votes {
  const rows = db
    .prepare(
      `SELECT l.validator, l.item_id, l.label_json FROM validation_label l JOIN validation_packet p ON p.id = l.packet_id
       WHERE p.run_id = ? ORDER BY l.item_id, l.validator`,
    )
    .all(runId) as { validator: string; item_id: string; label_json: string }[];
  const votes: Votes = new Map();
  for (const r of rows) {
    const label = LabelSchema.parse(JSON.parse(r.label_json));
    if (label.skipped) continue;
    const byValidator = votes.get(r.item_id) ?? new Map<string, Label>();
    const old = byValidator.get(r.validator);
    if (!old || Date.parse(label.labelledAt) > Date.parse(old.labelledAt)) byValidator.set(r.validator, label);
    votes.set(r.item_id, byValidator);
  }
  return votes;
}

function unitsOf(votes: Votes, items: Map<string, ValidationItem>, facet: 'task' | 'pattern'): Unit[] {
  const units: Unit[] = [];
  for (const [itemId, byValidator] of votes) {
    const item = items.get(itemId);
    if (item?.facet !== facet) continue;
    if (facet === 'pattern') {
      const verdicts = new Map<string, boolean>();
      for (const [v, l] of byValidator) if (l.pattern) verdicts.set(v, l.pattern.correct);
      if (verdicts.size) units.push({ itemId, level: null, verdicts });
      continue;
    }
    for (const { level } of item.path ?? []) {
      const verdicts = new Map<string, boolean>();
      for (const [v, l] of byValidator) {
        const judged = l.levels?.find((x) => x.level === level);
        if (judged) verdicts.set(v, judged.correct);
      }
      if (verdicts.size) units.push({ itemId, level, verdicts });
    }
  }
  return units.sort((a, b) => a.itemId.localeCompare(b.itemId) || (b.level ?? 0) - (a.level ?? 0));
}

/** Majority of the validators' verdicts; a tie is incorrect until adjudicated. */
export function majority(verdicts: Iterable<boolean>): { correct: boolean; tie: boolean } {
  let yes = 0;
  let no = 0;
  for (const v of verdicts) if (v) yes++;
  else no++;
  return { correct: yes > no, tie: yes === no };
}

function isDisputed(u: Unit): boolean {
  return new Set(u.verdicts.values()).size > 1;
}

function accuracyEntry(name: string, level: number | null, units: Unit[]): AccuracyEntry {
  const correct = units.filter((u) => majority(u.verdicts.values()).correct).length;
  return { name, level, correct, n: units.length, ...wilson(correct, units.length) };
}

function taskAccuracy(units: Unit[]): AccuracyEntry[] {
  const levels = [...new Set(units.map((u) => u.level!))].sort((a, b) => b - a);
  const top = levels[0];
  const middles = levels.filter((l) => l !== top && l !== 0).length;
  return levels.map((level) => {
    const name = level === top ? 'top' : level === 0 ? 'base' : middles === 1 ? 'middle' : `middle ${level}`;
    return accuracyEntry(name, level, units.filter((u) => u.level === level));
  });
}

function agreementOf(facet: 'task' | 'pattern', units: Unit[]): FacetAgreement {
  const validators = [...new Set(units.flatMap((u) => [...u.verdicts.keys()]))].sort();
  const verdict = (u: Unit, v: string): string | null => {
    const x = u.verdicts.get(v);
    return x === undefined ? null : x ? 'correct' : 'incorrect';
  };
  const matrix = units.map((u) => validators.map((v) => verdict(u, v)));
  const shared = matrix.filter((row) => row.filter((x) => x !== null).length >= 2);
  let kappa: number | null = null;
  if (validators.length === 2) {
    const both = matrix.filter((row) => row[0] !== null && row[1] !== null);
    kappa = finite(cohenKappa(both.map((r) => r[0]!), both.map((r) => r[1]!)));
  }
  const alpha = validators.length >= 2 ? finite(krippendorffAlpha(matrix)) : null;
  return { facet, validators, sharedUnits: shared.length, cohenKappa: kappa, krippendorffAlpha: alpha };
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function disagreementOf(u: Unit, votes: Votes, items: Map<string, ValidationItem>): Disagreement {
  const judgements: Record<string, string> = {};
  for (const [v, ok] of [...u.verdicts].sort(([a], [b]) => a.localeCompare(b))) {
    const best = votes.get(u.itemId)?.get(v)?.pattern?.best;
    judgements[v] = ok ? 'correct' : best && u.level === null ? `incorrect: ${best}` : 'incorrect';
  }
  return { itemId: u.itemId, facet: items.get(u.itemId)!.facet, level: u.level, judgements, tie: majority(u.verdicts.values()).tie };
}

/** A validated pattern item: the classifier's pattern and the validators' truth (rules above). */
export interface PatternTruth {
  itemId: string;
  predicted: string;
  truth: string;
}

/** The run's validated pattern items, for the correction of pattern shares (corrected.ts). */
export function validatedPatterns(db: Db, runId: string): { items: PatternTruth[]; excluded: number } {
  const { items } = loadPackets(db, runId);
  const votes = loadVotes(db, runId);
  return patternTruths(unitsOf(votes, items, 'pattern'), votes, items);
}

function patternTruths(units: Unit[], votes: Votes, items: Map<string, ValidationItem>): { items: PatternTruth[]; excluded: number } {
  const out: PatternTruth[] = [];
  let excluded = 0;
  for (const u of units) {
    const chosen = items.get(u.itemId)!.pattern!.chosen;
    const t = majority(u.verdicts.values()).correct ? chosen : bestGuess(u, votes);
    if (t === null) excluded++;
    else out.push({ itemId: u.itemId, predicted: chosen, truth: t });
  }
  return { items: out, excluded };
}

function patternConfusion(units: Unit[], votes: Votes, items: Map<string, ValidationItem>) {
  const { items: judged, excluded } = patternTruths(units, votes, items);
  const truth = judged.map((j) => j.truth);
  const predicted = judged.map((j) => j.predicted);
  const extra = [...new Set([...truth, ...predicted])].filter((l) => !(PATTERN_OPTIONS as readonly string[]).includes(l)).sort();
  return { confusion: confusionMatrix(truth, predicted, [...PATTERN_OPTIONS, ...extra]), excluded };
}

function bestGuess(u: Unit, votes: Votes): string | null {
  const counts = new Map<string, number>();
  for (const [v, ok] of u.verdicts) {
    const best = votes.get(u.itemId)?.get(v)?.pattern?.best;
    if (!ok && best) counts.set(best, (counts.get(best) ?? 0) + 1);
  }
  const order = (l: string) => {
    const i = (PATTERN_OPTIONS as readonly string[]).indexOf(l);
    return i < 0 ? PATTERN_OPTIONS.length : i;
  };
  const ranked = [...counts].sort(([a, x], [b, y]) => y - x || order(a) - order(b) || a.localeCompare(b));
  return ranked[0]?.[0] ?? null;
}
