// One self-contained HTML file with the reproduction of the paper: Plotly inlined, every figure
// built by the same pure toFigure() modules the app draws (src-shared/charts), the tables as real
// HTML tables, the method and the provenance. For a classification run it adds the run's own
// Figures 5, 8 and 10. It opens offline: the CSP forbids any network load.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PaperReference, ReproduceReport, RunReport } from '../../../src-shared/report';
import type { Figure } from '../../../src-shared/charts/plotly-types';
import * as fig4 from '../../../src-shared/charts/fig4Depth';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import { escapeHtml, jsonForScript, paragraphs } from './html';
import { PAPER_METHODS } from './methods';
import { DRAW_SCRIPT, plotlyInlineSource, STYLE } from './assets';
import { figureHtml, releaseSections } from './figures';
import { runSections, runSummaryHtml } from './run';
import { HIERARCHY_FIGURE_IDS } from './hierarchy';
import { reconstructionSections } from './reconstruct';
import type { ReconstructionReport } from '../../../src-shared/reconstruct';
import { table2Section } from './tables';
import { writeTextAtomic } from '../base/atomic-text';

export { PAPER_METHODS } from './methods';
export { plotlyInlineSource } from './assets';

export interface HtmlReportInput {
  report: ReproduceReport;
  /** The classification run behind `report` (its usage source "run:<name>"): adds Figures 5, 8, 10. */
  run?: RunReport;
  /** The run's stored Appendix G reconstruction: adds Figures 14–27 after the run's figures. */
  reconstruction?: ReconstructionReport;
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

/** Ids of the figure containers of every report, in page order (each holds one Plotly graph once drawn). */
export const FIGURE_IDS = ['fig2', 'fig3', 'fig4', 'fig6', 'fig6bands', 'fig7', 'fig13'] as const;
/** Added after them when the report is for a classification run. */
export const RUN_FIGURE_IDS = ['fig5', 'fig8', 'fig10', ...HIERARCHY_FIGURE_IDS] as const;
export type FigureId = (typeof FIGURE_IDS)[number] | (typeof RUN_FIGURE_IDS)[number];

/** The figures a report built from `input` holds, in page order. */
export function figureIds(input: Pick<HtmlReportInput, 'run'>): FigureId[] {
  return input.run ? [...FIGURE_IDS, ...RUN_FIGURE_IDS] : [...FIGURE_IDS];
}

export function renderHtmlReport(input: HtmlReportInput): string {
  const { report, paper, title } = input;
  const sections = releaseSections(report, paper, input.run);
  const runPart = [...(input.run ? runSections(input.run) : []), ...(input.reconstruction ? reconstructionSections(input.reconstruction) : [])];
  const figures: Record<string, Figure> = Object.fromEntries([...sections, ...runPart].map((s) => [s.id, s.figure]));
  const stills: Record<string, Figure> = Object.fromEntries([...sections, ...runPart].flatMap((s) => (s.still ? [[s.id, s.still]] : [])));
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
${input.run ? `<li><a href="#run">Classification run ${escapeHtml(input.run.run)}</a></li>` : ''}
${runPart.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`).join('\n')}
<li><a href="#methods">Methods</a></li>
<li><a href="#provenance">Provenance</a></li>
</ol></nav>
</header>
<main>
${summarySection(report, paper)}
${sections.map((s) => figureHtml(s) + (s.id === 'fig7' ? `\n${table2Section(report, paper)}` : '')).join('\n')}
${input.run ? runSummaryHtml(input.run) : ''}
${runPart.map(figureHtml).join('\n')}
${methodsSection(input.methods)}
${provenanceSection(input.provenance)}
</main>
<script type="application/json" id="figure-data">${jsonForScript(figures)}</script>
<script type="application/json" id="still-figure-data">${jsonForScript(stills)}</script>
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
  mkdirSync(dirname(file), { recursive: true });
  writeTextAtomic(file, html);
  return { file, bytes: Buffer.byteLength(html, 'utf8') };
}

// ---------------------------------------------------------------------------------------------

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
