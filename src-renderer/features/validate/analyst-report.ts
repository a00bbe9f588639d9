// The validation report in words and table rows (paper Appendix C): accuracy per level with its Wilson
// 95% interval, agreement between validators, and raw vs corrected pattern shares. Pure, so every
// figure the page shows is tested without a DOM.
import type { ApiResults } from '../../../src-shared/api';
import type { AccuracyEntry, CorrectedShares, FacetAgreement } from '../../../src-shared/validation-report';
import { correctedInterval, correctionNotes } from '../../../src-shared/validation-correction';

export type AnalystReport = ApiResults['validate.report'];

/** One decimal: Wilson bounds on 150 items differ in the first decimal of a percent. */
export function percent(p: number): string {
  return Number.isFinite(p) ? `${(100 * p).toFixed(1)}%` : '—';
}

export function interval(e: Pick<AccuracyEntry, 'low' | 'high'>): string {
  return `${percent(e.low)} – ${percent(e.high)}`;
}

/** κ and α to three decimals; null means undefined for these labels (see the reason column). */
export function statistic(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '—' : x.toFixed(3);
}

export function levelLabel(e: AccuracyEntry): string {
  if (e.name === 'pattern') return 'Collaboration pattern';
  return `${e.name.charAt(0).toUpperCase()}${e.name.slice(1)} level`;
}

export interface AccuracyRow {
  key: string;
  level: string;
  accuracy: string;
  interval: string;
  counts: string;
}

/** Task levels top first, then the pattern facet. */
export function accuracyRows(report: AnalystReport): AccuracyRow[] {
  const entries = report.pattern ? [...report.task, report.pattern] : report.task;
  return entries.map((e) => ({
    key: `${e.name}:${e.level ?? 'p'}`,
    level: levelLabel(e),
    accuracy: percent(e.p),
    interval: e.n === 0 ? 'no judgements' : interval(e),
    counts: `${e.correct} / ${e.n}`,
  }));
}

export interface AgreementRow {
  facet: string;
  validators: string;
  sharedUnits: number;
  kappa: string;
  alpha: string;
  /** Why a statistic is missing, so "—" is never a mystery. */
  note: string;
}

function agreementNote(g: FacetAgreement): string {
  if (g.validators.length < 2) return g.validators.length === 0 ? 'no labels' : 'one validator only';
  if (g.sharedUnits === 0) return 'no item judged by two validators';
  const notes: string[] = [];
  if (g.cohenKappa === null) notes.push(g.validators.length === 2 ? 'κ undefined (one category only)' : 'κ needs exactly two validators');
  if (g.krippendorffAlpha === null) notes.push('α undefined (one category only)');
  return notes.join('; ');
}

export function agreementRows(report: AnalystReport): AgreementRow[] {
  return report.agreement.map((g) => ({
    facet: g.facet === 'task' ? 'Task path (item × level)' : 'Collaboration pattern',
    validators: g.validators.join(', ') || '—',
    sharedUnits: g.sharedUnits,
    kappa: statistic(g.cohenKappa),
    alpha: statistic(g.krippendorffAlpha),
    note: agreementNote(g),
  }));
}

export interface ShareRow {
  pattern: string;
  raw: string;
  corrected: string;
  /** The corrected share's 95% bootstrap interval; '—' when the report has none. */
  interval: string;
  /** Corrected minus raw, in percentage points with a sign. */
  change: string;
}

export function shareRows(c: CorrectedShares): ShareRow[] {
  return c.labels.map((label) => {
    const raw = c.raw[label] ?? 0;
    const corrected = c.corrected[label] ?? 0;
    const points = 100 * (corrected - raw);
    const change = Math.abs(points) < 0.05 ? '±0.0' : `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)}`;
    return { pattern: label, raw: percent(raw), corrected: percent(corrected), interval: correctedInterval(c, label, percent) ?? '—', change };
  });
}

/** How the shares were corrected, what was left out, and what the intervals do not cover. */
export function correctionMethod(c: CorrectedShares): string {
  return correctionNotes(c).join(' ') || `Corrected from ${c.validatedItems} validated item${c.validatedItems === 1 ? '' : 's'}.`;
}

export function reportSummary(report: AnalystReport): string {
  const v = report.validators.length;
  const p = report.packets.length;
  const who = v === 0 ? 'no validators yet' : `${v} validator${v === 1 ? '' : 's'} (${report.validators.join(', ')})`;
  return `Run ${report.runId}: ${who}, ${p} packet${p === 1 ? '' : 's'}.`;
}

export function disagreementSummary(report: AnalystReport): string {
  const n = report.disagreements.length;
  if (n === 0) return 'No disagreements between validators.';
  const ties = report.disagreements.filter((d) => d.tie).length;
  const tieText = ties ? `; ${ties} ${ties === 1 ? 'is a tie' : 'are ties'}, counted as incorrect until adjudicated` : '';
  return `${n} disagreement${n === 1 ? '' : 's'} to adjudicate${tieText}.`;
}

export function importSummary(s: ApiResults['validate.importLabels']): string {
  const files = `${s.files} file${s.files === 1 ? '' : 's'}`;
  return `Imported ${files}: ${s.added} label${s.added === 1 ? '' : 's'} added, ${s.replaced} replaced by newer ones, ${s.keptExisting} kept (the stored label was as new or newer).`;
}

/** Safe on every OS: packet ids are "vp-" and hex, but never trust a name from a file. */
export function packetFileName(packetId: string): string {
  return `packet-${packetId.replace(/[^\w.-]+/g, '-')}.json`;
}
