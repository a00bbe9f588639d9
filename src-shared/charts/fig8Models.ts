// Figure 8: category shares of usage by the model that answered (the paper compares Claude 3.5
// Sonnet with Claude 3 Opus). One bar trace per model, grouped per category; with one model there
// is one trace and a note that there is nothing to compare.
import type { RunReport } from '../report';
import type { Annotation, CartesianData, Figure } from './plotly-types';
import { barChartHeight, fmtInt, plainHoverText, plainText } from './format';
import type { ChartTable } from './table';

/** What the engine records for conversations whose file named no model. */
export const UNKNOWN_MODEL = 'unknown';
export const NO_DATA_TEXT = 'No classified conversations in this run';
export const UNKNOWN_MODEL_TEXT = 'The conversations name no model: usage cannot be split by model';
export const ONE_MODEL_TEXT = 'Only one model answered in this run: nothing to compare';
export const NOT_SHOWN_TEXT = 'No usage to show for';

type ModelRow = RunReport['byModel'][number];

const note = (text: string, y: number): Annotation => ({
  text,
  xref: 'paper',
  yref: 'paper',
  x: 0.5,
  y,
  showarrow: false,
  font: { size: 14 },
});

/** Categories any model used, by mean share across models (no model's order is privileged). */
function categoryOrder(models: readonly ModelRow[]): string[] {
  const total = new Map<string, number>();
  for (const m of models) for (const c of m.categories) total.set(c.title, (total.get(c.title) ?? 0) + c.usagePct);
  return [...total]
    .filter(([, sum]) => sum > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([title]) => title);
}

export function traceName(m: ModelRow): string {
  return `${plainText(m.model)} (${fmtInt(m.conversations)} conversations)`;
}

/**
 * A model with no positive share in the shown categories (none of its tasks kept, or a category
 * filter removed them) would be a legend entry without bars: it is named in a note instead.
 */
function hasBars(m: ModelRow, titles: readonly string[]): boolean {
  return m.categories.some((c) => c.usagePct > 0 && titles.includes(c.title));
}

function notes(models: readonly ModelRow[], shown: readonly ModelRow[]): Annotation[] {
  const texts: string[] = [];
  if (shown.every((m) => m.model === UNKNOWN_MODEL)) texts.push(UNKNOWN_MODEL_TEXT);
  else if (models.length === 1) texts.push(ONE_MODEL_TEXT);
  const hidden = models.filter((m) => !shown.includes(m));
  if (hidden.length > 0) texts.push(`${NOT_SHOWN_TEXT}: ${hidden.map((m) => plainText(m.model)).join(', ')}`);
  return texts.map((text, i) => note(text, 1.06 + 0.06 * i));
}

function trace(m: ModelRow, titles: readonly string[]): CartesianData {
  const share = new Map(m.categories.map((c) => [c.title, c.usagePct]));
  return {
    type: 'bar',
    orientation: 'h',
    name: traceName(m),
    y: titles.map(plainText),
    x: titles.map((t) => share.get(t) ?? 0),
    hovertemplate: `${plainHoverText(m.model)}<br>%{y}: %{x:.2f}% of its usage<extra></extra>`,
  };
}

export function toFigure(run: RunReport): Figure<CartesianData> {
  const models = run.byModel;
  const titles = categoryOrder(models);
  const shown = models.filter((m) => hasBars(m, titles));
  if (shown.length === 0) {
    return {
      data: [],
      layout: { xaxis: { visible: false }, yaxis: { visible: false }, height: 240, annotations: [note(NO_DATA_TEXT, 0.5)] },
    };
  }
  return {
    data: shown.map((m) => trace(m, titles)),
    layout: {
      title: { text: `Usage by occupational category and model (run ${plainText(run.run)})` },
      barmode: 'group',
      height: barChartHeight(titles.length, 14 + 12 * shown.length, 170),
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'Share of the model’s usage' }, ticksuffix: '%' },
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      showlegend: true,
      annotations: notes(models, shown),
      margin: { t: 110, r: 20 },
    },
  };
}

export function toTable(run: RunReport): ChartTable {
  return {
    columns: ['Model', 'Conversations', 'Category', 'Usage (%)'],
    rows: run.byModel.flatMap((m) => m.categories.map((c) => [m.model, m.conversations, c.title, c.usagePct])),
  };
}
