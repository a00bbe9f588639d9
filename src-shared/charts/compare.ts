// Side-by-side comparison of two usage sources (paper Appendix G): each point is one category,
// occupation or task at (share in A, share in B). Points on the dashed y = x line are used equally
// in both; the title carries the engine's agreement metrics for the level.
import type { SourceComparison } from '../api';
import type { CorrelationMetrics } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { fmt, fmtInt, plainHoverText, plainText, truncate } from './format';

export type CompareLevel = 'category' | 'occupation' | 'task';

export const COMPARE_LEVELS: { level: CompareLevel; label: string }[] = [
  { level: 'category', label: 'Categories' },
  { level: 'occupation', label: 'Occupations' },
  { level: 'task', label: 'Tasks' },
];

export const POINTS_TRACE = 'Shares';
export const DIAGONAL_TRACE = 'Equal share (y = x)';

/** The dashed y = x line from 0 to `top`, behind the points of a share-against-share scatter. */
export function diagonalTrace(top: number, hover: string): CartesianData {
  return {
    type: 'scatter',
    mode: 'lines',
    name: DIAGONAL_TRACE,
    x: [0, top],
    y: [0, top],
    line: { dash: 'dash', width: 1, color: '#888888' },
    hovertemplate: `${hover}<extra></extra>`,
  };
}
const HOVER_MAX = 120;

interface ComparePoint {
  name: string;
  /** Extra identifying column for the table (occupation code), absent for other levels. */
  code?: string;
  a: number;
  b: number;
}

export function comparePoints(cmp: SourceComparison, level: CompareLevel): ComparePoint[] {
  switch (level) {
    case 'category':
      return cmp.categories.map((c) => ({ name: c.title, a: c.a, b: c.b }));
    case 'occupation':
      return cmp.occupations.map((o) => ({ name: o.title, code: o.code, a: o.a, b: o.b }));
    case 'task':
      return cmp.tasks.map((t) => ({ name: t.task, a: t.a, b: t.b }));
  }
}

export function metricsFor(cmp: SourceComparison, level: CompareLevel): CorrelationMetrics | null {
  return cmp.metrics.find((m) => m.level === level)?.metrics ?? null;
}

export function metricsText(m: CorrelationMetrics | null): string {
  if (m === null) return 'no metrics for this level';
  return (
    `n = ${fmtInt(m.n)} · Pearson r = ${fmt(m.pearson, 3)} · Spearman ρ = ${fmt(m.spearman, 3)} · ` +
    `Kendall τb = ${fmt(m.kendallTauB, 3)} · MSE = ${fmt(m.mse, 4)}`
  );
}

export function toFigure(cmp: SourceComparison, level: CompareLevel): Figure<CartesianData> {
  const points = comparePoints(cmp, level);
  // The diagonal spans both axes' range so it is visible whichever source is larger.
  const top = Math.max(0, ...points.flatMap((p) => [p.a, p.b])) * 1.05 || 1;
  const levelLabel = COMPARE_LEVELS.find((l) => l.level === level)?.label ?? level;
  return {
    data: [
      diagonalTrace(top, 'Equal share in both sources'),
      {
        type: 'scatter',
        mode: 'markers',
        name: POINTS_TRACE,
        x: points.map((p) => p.a),
        y: points.map((p) => p.b),
        text: points.map((p) => plainText(truncate(p.name, HOVER_MAX))),
        marker: { size: level === 'task' ? 5 : 8, opacity: 0.7 },
        hovertemplate: `%{text}<br>${plainHoverText(cmp.a.label)}: %{x:.3f}%<br>${plainHoverText(cmp.b.label)}: %{y:.3f}%<extra></extra>`,
      },
    ],
    layout: {
      title: { text: `${levelLabel}: ${metricsText(metricsFor(cmp, level))}`, font: { size: 14 } },
      xaxis: { title: { text: `${plainText(cmp.a.label)} — share of usage` }, ticksuffix: '%', range: [0, top], zeroline: false },
      yaxis: { title: { text: `${plainText(cmp.b.label)} — share of usage` }, ticksuffix: '%', range: [0, top], zeroline: false },
      hovermode: 'closest',
      showlegend: false,
      height: 480,
      margin: { t: 60, r: 20 },
    },
  };
}

export function toTable(cmp: SourceComparison, level: CompareLevel): ChartTable {
  const points = comparePoints(cmp, level);
  const shares = [`${cmp.a.label} (%)`, `${cmp.b.label} (%)`];
  if (level === 'occupation') {
    return { columns: ['Occupation code', 'Occupation', ...shares], rows: points.map((p) => [p.code ?? null, p.name, p.a, p.b]) };
  }
  return { columns: [level === 'category' ? 'Category' : 'Task', ...shares], rows: points.map((p) => [p.name, p.a, p.b]) };
}

/** The agreement metrics of every level, one row per level (the panel's metrics table). */
export function metricsTable(cmp: SourceComparison): ChartTable {
  return {
    columns: ['Level', 'n', 'Pearson r', 'Spearman ρ', 'Kendall τb', 'MSE'],
    rows: COMPARE_LEVELS.map(({ level, label }) => {
      const m = metricsFor(cmp, level);
      return [label, m?.n ?? null, m?.pearson ?? null, m?.spearman ?? null, m?.kendallTauB ?? null, m?.mse ?? null];
    }),
  };
}

/**
 * Occupations and tasks with usage in both sources, only in A, only in B (paper Figs 21, 25). The
 * sides are named short (the form and the axes carry the full labels).
 */
export function recoveredTable(cmp: SourceComparison, sides: readonly [string, string] = ['A', 'B']): ChartTable {
  return {
    columns: ['Level', 'In both', `Only in ${sides[0]}`, `Only in ${sides[1]}`],
    rows: (['occupation', 'task'] as const).map((level) => {
      const r = cmp.recovered[level];
      return [level === 'occupation' ? 'Occupations' : 'Tasks', r.both, r.onlyA, r.onlyB];
    }),
  };
}
