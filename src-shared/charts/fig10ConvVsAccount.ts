// Figure 10 (Appendix B.2): category shares counted by conversations and by distinct accounts,
// side by side, with their Pearson correlation in the title. Without account ids the account-level
// count does not exist; the figure then shows conversations only and says why.
import type { RunReport } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import { barChartHeight, fmt, plainText } from './format';
import type { ChartTable } from './table';
import { noDataFigure } from './empty';

export const CONVERSATIONS_TRACE = 'By conversations (%)';
export const ACCOUNTS_TRACE = 'By accounts (%)';
export const NO_ACCOUNTS_TEXT = 'The conversations carry no account ids: usage by accounts cannot be measured';
export const NO_DATA_TEXT = 'No categories with usage in this run';

type Row = RunReport['conversationVsAccount']['categories'][number];

/** Categories with usage on either count, largest by conversations first. */
function rows(run: RunReport): Row[] {
  return run.conversationVsAccount.categories
    .filter((c) => c.byConversations > 0 || (run.accountsKnown && c.byAccounts > 0))
    .sort((a, b) => b.byConversations - a.byConversations || a.title.localeCompare(b.title));
}

export function toFigure(run: RunReport): Figure<CartesianData> {
  const list = rows(run);
  if (list.length === 0) {
    return noDataFigure(NO_DATA_TEXT);
  }
  const titles = list.map((c) => plainText(c.title));
  const data: CartesianData[] = [
    {
      type: 'bar',
      orientation: 'h',
      name: CONVERSATIONS_TRACE,
      y: titles,
      x: list.map((c) => c.byConversations),
      hovertemplate: '%{y}<br>By conversations: %{x:.2f}%<extra></extra>',
    },
  ];
  if (run.accountsKnown) {
    data.push({
      type: 'bar',
      orientation: 'h',
      name: ACCOUNTS_TRACE,
      y: titles,
      x: list.map((c) => c.byAccounts),
      hovertemplate: '%{y}<br>By accounts: %{x:.2f}%<extra></extra>',
    });
  }
  const r = run.accountsKnown ? `Pearson r = ${fmt(run.conversationVsAccount.correlation.pearson, 3)}` : 'no account ids';
  return {
    data,
    layout: {
      title: { text: `Usage by category, counted by conversations vs by accounts (${r})` },
      barmode: 'group',
      height: barChartHeight(list.length, run.accountsKnown ? 34 : 24, 170),
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'Share of usage' }, ticksuffix: '%' },
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      showlegend: true,
      annotations: run.accountsKnown
        ? []
        : [{ text: NO_ACCOUNTS_TEXT, xref: 'paper', yref: 'paper', x: 0.5, y: 1.1, showarrow: false, font: { size: 14 } }],
      margin: { t: 110, r: 20 },
    },
  };
}

/** Shares by accounts are null (not 0) when the data carry no account ids. */
export function toTable(run: RunReport): ChartTable {
  return {
    columns: ['Category', 'By conversations (%)', 'By accounts (%)'],
    rows: rows(run).map((c) => [c.title, c.byConversations, run.accountsKnown ? c.byAccounts : null]),
  };
}
