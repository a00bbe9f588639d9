// Figure 7: collaboration patterns, grouped into automation vs augmentation (paper section 3.4).
import type { PatternShare, ReproduceReport } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { fmt, plainText } from './format';
import { noDataFigure } from './empty';
import { errorBars, type RunIntervals } from '../uncertainty';

export const AUTOMATION_TRACE = 'Automation';
export const AUGMENTATION_TRACE = 'Augmentation';
export const NO_DATA_TEXT = 'No collaboration-pattern data in this source';

const MODE_COLORS: Record<PatternShare['mode'], string> = {
  automation: '#d9622b',
  augmentation: '#2b7bb9',
};

function modeTrace(patterns: PatternShare[], mode: PatternShare['mode'], name: string, intervals?: RunIntervals | null): CartesianData {
  const rows = patterns.filter((p) => p.mode === mode);
  const whiskers = errorBars(intervals?.patterns, rows.map((p) => p.pattern), rows.map((p) => p.pct));
  return {
    ...(whiskers ? { error_y: { ...whiskers, color: '#333' } } : {}),
    type: 'bar',
    name,
    x: rows.map((p) => plainText(p.pattern)),
    y: rows.map((p) => p.pct),
    text: rows.map((p) => `${fmt(p.pct)}%`),
    textposition: 'outside',
    marker: { color: MODE_COLORS[mode] },
    hovertemplate: `%{x} (${mode}): %{y:.2f}%<extra></extra>`,
  };
}

export function splitText(augmentationPct: number, automationPct: number): string {
  return `Augmentation ${fmt(augmentationPct)}% · Automation ${fmt(automationPct)}%`;
}

export function toFigure(report: ReproduceReport, intervals?: RunIntervals | null): Figure<CartesianData> {
  const split = report.automation;
  if (split === null) return noDataFigure(NO_DATA_TEXT);
  // One trace per mode gives a legend for the colours; a fixed category order keeps the engine's
  // pattern order instead of Plotly's "first trace first" order.
  return {
    data: [
      modeTrace(split.patterns, 'automation', AUTOMATION_TRACE, intervals),
      modeTrace(split.patterns, 'augmentation', AUGMENTATION_TRACE, intervals),
    ],
    layout: {
      title: { text: 'Collaboration patterns' },
      barmode: 'stack',
      xaxis: { categoryorder: 'array', categoryarray: split.patterns.map((p) => plainText(p.pattern)) },
      yaxis: { title: { text: 'Share of conversations' }, ticksuffix: '%', automargin: true },
      annotations: [
        {
          text: splitText(split.augmentationPct, split.automationPct),
          xref: 'paper',
          yref: 'paper',
          x: 1,
          y: 1.08,
          xanchor: 'right',
          yanchor: 'bottom',
          showarrow: false,
          font: { size: 14 },
        },
      ],
      legend: { orientation: 'h', x: 0, y: 1.08, yanchor: 'bottom' },
      height: 420,
      margin: { t: 90, r: 20 },
    },
  };
}

/** Each pattern's share and mode; no rows when the source has no pattern data. */
export function toTable(report: ReproduceReport): ChartTable {
  return {
    columns: ['Pattern', 'Mode', 'Share of conversations (%)'],
    rows: (report.automation?.patterns ?? []).map((p) => [p.pattern, p.mode, p.pct]),
  };
}
