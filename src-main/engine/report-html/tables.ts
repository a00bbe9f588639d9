// The report's HTML tables beside the figures: categories (Figure 3), the quoted depth thresholds
// (Figure 4), Table 2, and any chart's toTable() data as a collapsible table.
import type { PaperReference, ReproduceReport } from '../../../src-shared/report';
import { fmt, fmtInt, fracToPct } from '../../../src-shared/charts/format';
import type { ChartTable } from '../../../src-shared/charts/table';
import { paperGapText, toTable2Rows } from '../../../src-shared/charts/table2';
import { escapeHtml } from './html';

/**
 * A chart's data (its module's toTable()) as a table folded under <details>: numbers to
 * `digits` decimals, text escaped, null as n/a. Folded so long tables do not push figures apart.
 */
export function chartTableHtml(id: string, caption: string, table: ChartTable, digits = 2): string {
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const cell = (v: ChartTable['rows'][number][number]) =>
    typeof v === 'number' ? `<td class="num">${fmt(v, Number.isInteger(v) ? 0 : digits)}</td>` : `<td>${v === null ? 'n/a' : escapeHtml(v)}</td>`;
  const body = table.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n');
  return `<details class="data"><summary>${escapeHtml(caption)} (${fmtInt(table.rows.length)} rows)</summary>
<table id="${id}" class="data">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table></details>`;
}

export function categoryTable(report: ReproduceReport, paper: PaperReference | undefined): string {
  const paperPct = new Map((paper?.categories ?? []).map((c) => [c.title, c.usagePct]));
  const rows = [...report.categories].sort((a, b) => b.usagePct - a.usagePct || a.title.localeCompare(b.title));
  const paperHead = paper ? '<th scope="col">Paper usage (%)</th>' : '';
  const body = rows
    .map((c) => {
      const published = paperPct.get(c.title);
      const paperCell = paper ? `<td class="num">${published === undefined ? '—' : fmt(published)}</td>` : '';
      return (
        `<tr><td>${escapeHtml(c.code)}</td><th scope="row">${escapeHtml(c.title)}</th>` +
        `<td class="num">${fmt(c.usagePct, 2)}</td><td class="num">${fmt(c.blsPct, 2)}</td>` +
        `<td class="num">${c.blsEmployment === null ? 'n/a' : fmtInt(c.blsEmployment)}</td>${paperCell}</tr>`
      );
    })
    .join('\n');
  return `<table id="categories" class="data">
<caption>Categories (SOC major groups): share of usage and of U.S. employment</caption>
<thead><tr><th scope="col">SOC</th><th scope="col">Category</th><th scope="col">Claude usage (%)</th><th scope="col">BLS employment (%)</th><th scope="col">BLS employment</th>${paperHead}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

export function depthTable(report: ReproduceReport, paper: PaperReference | undefined): string {
  const published = new Map((paper?.depth ?? []).map((d) => [d.threshold, d.shareOfOccupations]));
  const body = report.depth.marks
    .map((mark) => {
      const p = published.get(mark.threshold);
      const paperCell = paper ? `<td class="num">${p === undefined ? '—' : fmt(p * 100)}</td>` : '';
      return `<tr><th scope="row">≥${fracToPct(mark.threshold)}%</th><td class="num">${fmt(mark.shareOfOccupations * 100)}</td>${paperCell}</tr>`;
    })
    .join('\n');
  return `<table id="depth-marks" class="data">
<caption>Share of occupations at the quoted thresholds</caption>
<thead><tr><th scope="col">Tasks in use</th><th scope="col">Occupations (%)</th>${paper ? '<th scope="col">Paper (%)</th>' : ''}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

export function table2Section(report: ReproduceReport, paper: PaperReference | undefined): string {
  const t = toTable2Rows(report, paper);
  const per = t.groups.length > 0 ? t.columns.length / t.groups.length : 0;
  const groupHead = t.groups.map((g) => `<th scope="colgroup" colspan="${per}">${escapeHtml(g.label)}</th>`).join('');
  const metricHead = t.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('');
  const body = t.rows
    .map(
      (r) =>
        `<tr><th scope="row">${r.zone}</th>${r.values
          .map((v, i) => `<td class="num">${fmt(v, t.columns[i]?.digits ?? 1)}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const coverage = t.groups
    .filter((g) => g.coverage !== undefined)
    .map((g) => `<li><strong>${escapeHtml(g.label)}</strong>: ${escapeHtml(g.coverage)}${g.paperGap === undefined ? '' : `; ${escapeHtml(paperGapText(g))}`}.</li>`)
    .join('');
  return `<section id="table2-section" aria-labelledby="table2-h">
<h2 id="table2-h">Table 2: Usage by Job Zone</h2>
<table id="table2" class="data">
<caption>Conversations (%), baseline (%) and representation ratio per O*NET Job Zone${paper ? ', beside the paper’s published values' : ''}</caption>
<thead>
<tr><th scope="col" rowspan="2">Job Zone</th>${groupHead}</tr>
<tr>${metricHead}</tr>
</thead>
<tbody>
${body}
</tbody>
</table>
${coverage ? `<ul class="coverage">${coverage}</ul>` : ''}
</section>`;
}
