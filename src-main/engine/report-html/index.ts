// One self-contained HTML file with the reproduction of the paper: Plotly inlined, every figure
// built by the same pure toFigure() modules the app draws (src-shared/charts), the tables as real
// HTML tables, the method and the provenance. It opens offline: the CSP forbids any network load.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { PaperReference, ReproduceReport } from '../../../src-shared/report';
import type { Figure } from '../../../src-shared/charts/plotly-types';
import * as fig3 from '../../../src-shared/charts/fig3Categories';
import * as fig4 from '../../../src-shared/charts/fig4Depth';
import * as fig6 from '../../../src-shared/charts/fig6Wage';
import * as fig7 from '../../../src-shared/charts/fig7Automation';
import * as fig13 from '../../../src-shared/charts/fig13TopTasks';
import { fmt, fmtInt, fracToPct } from '../../../src-shared/charts/format';
import { toTable2Rows } from '../../../src-shared/charts/table2';
import { escapeHtml, jsonForScript, paragraphs, scriptForInline } from './html';
import { PAPER_METHODS } from './methods';

export { PAPER_METHODS } from './methods';

export interface HtmlReportInput {
  report: ReproduceReport;
  /** The paper's published numbers, shown beside the reproduction when given. */
  paper?: PaperReference;
  title: string;
  /** Shown as a key/value table: data files with sha256, app version, source id, ... */
  provenance: Record<string, unknown>;
  /** Notes on this run, plain text (blank lines separate paragraphs), after the paper's method. */
  methods: string;
  /** Timestamp printed in the header; defaults to now. Pass one for byte-identical output. */
  generatedAt?: Date | string;
}

/** The policy of the report: only its own inline scripts and styles, images as data: URLs. */
// blob: images are Plotly's own in-page rendering (toImage, the PNG button); nothing leaves the file.
export const REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:";

/** Ids of the figure containers, in page order (each holds one Plotly graph once drawn). */
export const FIGURE_IDS = ['fig3', 'fig4', 'fig6', 'fig7', 'fig13'] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

let plotlyCache: string | undefined;

/** plotly.min.js (~4.6 MB), read once from node_modules and made safe to inline. */
export function plotlyInlineSource(): string {
  if (plotlyCache === undefined) {
    const require = createRequire(import.meta.url);
    plotlyCache = scriptForInline(readFileSync(require.resolve('plotly.js-dist-min'), 'utf8'));
  }
  return plotlyCache;
}

interface FigureSection {
  id: FigureId;
  heading: string;
  caption: string;
  figure: Figure;
  /** Extra HTML after the figure (tables). */
  after?: string;
}

export function renderHtmlReport(input: HtmlReportInput): string {
  const { report, paper, title } = input;
  const sections = figureSections(report, paper);
  const figures: Record<string, Figure> = Object.fromEntries(sections.map((s) => [s.id, s.figure]));
  const at = input.generatedAt ?? new Date();
  const generated = typeof at === 'string' ? at : at.toISOString();

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="Task Atlas">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="lede">Reproduction of <em>Which Economic Tasks are Performed with AI?</em> for
<strong>${escapeHtml(report.source.label)}</strong> (<code>${escapeHtml(report.source.id)}</code>). Generated ${escapeHtml(generated)}.</p>
<nav><ol>
<li><a href="#summary">Summary</a></li>
${sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`).join('\n')}
<li><a href="#table2">Table 2: Job Zones</a></li>
<li><a href="#methods">Methods</a></li>
<li><a href="#provenance">Provenance</a></li>
</ol></nav>
</header>
<main>
${summarySection(report, paper)}
${sections.slice(0, 4).map(figureHtml).join('\n')}
${table2Section(report, paper)}
${sections.slice(4).map(figureHtml).join('\n')}
${methodsSection(input.methods)}
${provenanceSection(input.provenance)}
</main>
<script type="application/json" id="figure-data">${jsonForScript(figures)}</script>
<script>${plotlyInlineSource()}</script>
<script>${DRAW_SCRIPT}</script>
</body>
</html>
`;
}

/**
 * Writes the report atomically: a temp file in the same directory, then rename, so a reader never
 * sees half a file. Returns the byte size written.
 */
export function writeHtmlReport(file: string, input: HtmlReportInput): { file: string; bytes: number } {
  const html = renderHtmlReport(input);
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, html, 'utf8');
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  return { file, bytes: Buffer.byteLength(html, 'utf8') };
}

// ---------------------------------------------------------------------------------------------

function figureSections(report: ReproduceReport, paper: PaperReference | undefined): FigureSection[] {
  const { pearson, spearman } = report.categoryCorrelation;
  const automation = report.automation;
  return [
    {
      id: 'fig3',
      heading: 'Figure 3: Usage vs employment by category',
      caption:
        `Share of usage per SOC major group against its share of U.S. employment (BLS). ` +
        `Pearson r = ${fmt(pearson, 2)}, Spearman ρ = ${fmt(spearman, 2)} over ${fmtInt(report.categoryCorrelation.n)} categories.`,
      figure: fig3.toFigure(report),
      after: categoryTable(report, paper),
    },
    {
      id: 'fig4',
      heading: 'Figure 4: Depth of AI use',
      caption: `Share of ${fmtInt(report.depth.occupations)} occupations with at least a given share of their tasks in use.`,
      figure: fig4.toFigure(report),
      after: depthTable(report, paper),
    },
    {
      id: 'fig6',
      heading: 'Figure 6: Usage vs median wage',
      caption:
        `${fig6.wageTitle(report)}. ${fmtInt(report.wage.dropped)} occupation(s) dropped for a missing or hourly-looking wage.`,
      figure: fig6.toFigure(report),
    },
    {
      id: 'fig7',
      heading: 'Figure 7: Automation vs augmentation',
      caption: automation
        ? `${fig7.splitText(automation.augmentationPct, automation.automationPct)}` +
          (paper ? ` (paper: augmentation ${paper.augmentationPct}% · automation ${paper.automationPct}%)` : '') +
          `. ${fmt(automation.excludedPct)}% of the input had no pattern and was excluded.`
        : fig7.NO_DATA_TEXT,
      figure: fig7.toFigure(report),
    },
    {
      id: 'fig13',
      heading: 'Figure 13: Top tasks',
      caption: 'The tasks with the largest share of usage, after the even split across occupations.',
      figure: fig13.toFigure(report),
    },
  ];
}

function figureHtml(s: FigureSection): string {
  return `<section id="${s.id}" class="figure" aria-labelledby="${s.id}-h">
<h2 id="${s.id}-h">${escapeHtml(s.heading)}</h2>
<div class="plot" role="img" aria-label="${escapeHtml(s.heading)}"></div>
<p class="caption">${escapeHtml(s.caption)}</p>
${s.after ?? ''}
</section>`;
}

function summarySection(report: ReproduceReport, paper: PaperReference | undefined): string {
  const top = [...report.categories].sort((a, b) => b.usagePct - a.usagePct)[0];
  const m = report.matching;
  const items: string[] = [
    `Source: ${escapeHtml(report.source.label)} (${escapeHtml(report.source.kind)} <code>${escapeHtml(report.source.id)}</code>).`,
    `${fmtInt(m.matchedRows)} of ${fmtInt(m.mappingRows)} task mapping rows matched an O*NET task statement` +
      (m.unmatched.length > 0 ? ` (unmatched: ${m.unmatched.slice(0, 5).map((u) => `“${escapeHtml(u)}”`).join(', ')}${m.unmatched.length > 5 ? ', …' : ''}).` : '.'),
  ];
  if (top) items.push(`Largest category: ${escapeHtml(top.title)} with ${fmt(top.usagePct)}% of usage.`);
  items.push(
    `Depth of use (share of ${fmtInt(report.depth.occupations)} occupations with at least the given share of their tasks in use): ` +
      `${report.depth.marks.map((mark) => escapeHtml(fig4.markLabel(mark))).join(', ')}.`,
  );
  if (report.automation) {
    items.push(
      `Augmentation ${fmt(report.automation.augmentationPct)}% vs automation ${fmt(report.automation.automationPct)}%` +
        (paper ? ` (paper: ${paper.augmentationPct}% vs ${paper.automationPct}%).` : '.'),
    );
  }
  return `<section id="summary"><h2>Summary</h2><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></section>`;
}

function categoryTable(report: ReproduceReport, paper: PaperReference | undefined): string {
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

function depthTable(report: ReproduceReport, paper: PaperReference | undefined): string {
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

function table2Section(report: ReproduceReport, paper: PaperReference | undefined): string {
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
    .map((g) => `<li><strong>${escapeHtml(g.label)}</strong>: ${escapeHtml(g.coverage)}.</li>`)
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

function methodsSection(notes: string): string {
  const method = PAPER_METHODS.map((m) => `<h3>${escapeHtml(m.heading)}</h3>\n${paragraphs(m.text)}`).join('\n');
  const extra = notes.trim() ? `<h3>Notes on this report</h3>\n${paragraphs(notes)}` : '';
  return `<section id="methods"><h2>Methods</h2>\n${method}\n${extra}</section>`;
}

function provenanceSection(provenance: Record<string, unknown>): string {
  const rows = Object.entries(provenance)
    .map(([key, value]) => `<tr><th scope="row">${escapeHtml(key)}</th><td>${renderValue(value)}</td></tr>`)
    .join('\n');
  return `<section id="provenance"><h2>Provenance</h2>
<table class="kv"><tbody>
${rows || '<tr><td>No provenance recorded.</td></tr>'}
</tbody></table></section>`;
}

/** Plain values as text, arrays as lists, objects as nested key/value tables. */
function renderValue(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return /^[0-9a-f]{32,}$/i.test(value) ? `<code>${escapeHtml(value)}</code>` : escapeHtml(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return escapeHtml(String(value));
  if (value instanceof Date) return escapeHtml(value.toISOString());
  if (depth > 4) return `<code>${escapeHtml(JSON.stringify(value))}</code>`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return `<ul>${value.map((v) => `<li>${renderValue(v, depth + 1)}</li>`).join('')}</ul>`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '—';
    return `<table class="kv nested"><tbody>${entries
      .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${renderValue(v, depth + 1)}</td></tr>`)
      .join('')}</tbody></table>`;
  }
  return escapeHtml(String(value));
}

// ---------------------------------------------------------------------------------------------

const STYLE = `
:root { color-scheme: light; --fg: #1d232b; --muted: #5b6573; --rule: #d9dee5; --accent: #2b7bb9; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 32px 64px; color: var(--fg); background: #fff;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.8em; margin: 0.2em 0; }
h2 { font-size: 1.3em; margin: 1.8em 0 0.5em; padding-top: 0.6em; border-top: 1px solid var(--rule); }
h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
.lede, .caption { color: var(--muted); }
nav ol { columns: 2; padding-left: 1.2em; }
a { color: var(--accent); }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
.plot { width: 100%; min-height: 240px; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.3em; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--fg); }
th[scope="colgroup"] { text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.kv th { white-space: nowrap; font-weight: 600; }
table.kv.nested { margin: 0; font-size: 1em; }
ul.coverage { color: var(--muted); font-size: 0.9em; }
@media print {
  body { max-width: none; padding: 0; }
  nav { display: none; }
  section.figure, table { break-inside: avoid; }
}
`;

/** Draws every figure from the embedded JSON; marks each container data-drawn="true" when done. */
const DRAW_SCRIPT = `
(function () {
  'use strict';
  var figures = JSON.parse(document.getElementById('figure-data').textContent);
  var config = { displaylogo: false, responsive: true, displayModeBar: 'hover' };
  function axis(a) {
    var out = { gridcolor: '#e3e7ec', linecolor: '#c4cad3', zerolinecolor: '#c4cad3' };
    for (var k in a) out[k] = a[k];
    return out;
  }
  Object.keys(figures).forEach(function (id) {
    var section = document.getElementById(id);
    var el = section && section.querySelector('.plot');
    if (!el) return;
    var fig = figures[id];
    var layout = {};
    for (var k in fig.layout) layout[k] = fig.layout[k];
    layout.paper_bgcolor = '#ffffff';
    layout.plot_bgcolor = '#ffffff';
    layout.font = Object.assign({ color: '#1d232b', family: 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif' }, fig.layout.font || {});
    layout.xaxis = axis(fig.layout.xaxis);
    layout.yaxis = axis(fig.layout.yaxis);
    Plotly.newPlot(el, fig.data, layout, config).then(
      function () { section.setAttribute('data-drawn', 'true'); },
      function (err) {
        section.setAttribute('data-drawn', 'error');
        el.textContent = 'This figure could not be drawn: ' + (err && err.message ? err.message : String(err));
        console.error(err);
      }
    );
  });
})();
`;
