// The report's inline assets: its stylesheet, the script that draws every figure from the
// embedded JSON, and Plotly itself (read once from node_modules). Nothing is fetched at view time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { scriptForInline } from './html';

let plotlyCache: string | undefined;

/** plotly.min.js (~4.6 MB), read once from node_modules and made safe to inline. */
export function plotlyInlineSource(): string {
  if (plotlyCache === undefined) {
    const require = createRequire(import.meta.url);
    plotlyCache = scriptForInline(readFileSync(require.resolve('plotly.js-dist-min'), 'utf8'));
  }
  return plotlyCache;
}

export const STYLE = `
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
.plot .still svg { display: block; width: 100%; height: auto; }
.plot .no-js { color: var(--muted); font-style: italic; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.3em; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--fg); }
th[scope="colgroup"] { text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.kv th { white-space: nowrap; font-weight: 600; }
table.kv.nested { margin: 0; font-size: 1em; }
ul.coverage { color: var(--muted); font-size: 0.9em; }
details.data { margin: 0.6em 0; }
details.data summary { cursor: pointer; color: var(--accent); }
details.data table { display: block; max-height: 28em; overflow: auto; }
/* Table 2 has up to three variants of three or four columns: it must fit a 1024 px window. */
#table2 { width: 100%; font-size: 0.8em; }
#table2 th, #table2 td { padding: 3px; }
#table2 thead tr + tr th { font-size: 0.82em; font-weight: 600; }
/* Headings wrap between words only; at 1024 px the widest (four variants with the paper) fits. */
#table2 thead th { overflow-wrap: break-word; }
@media (max-width: 1100px) { body { padding-left: 16px; padding-right: 16px; } }
@media print {
  body { max-width: none; padding: 0; }
  nav { display: none; }
  section.figure, table { break-inside: avoid; }
}
`;

/** Draws every figure from the embedded JSON; marks each container data-drawn="true" when done. */
export const DRAW_SCRIPT = `
(function () {
  'use strict';
  var figures = JSON.parse(document.getElementById('figure-data').textContent);
  var config = { displaylogo: false, responsive: true, displayModeBar: 'hover' };
  function axis(a) {
    var out = { gridcolor: '#e3e7ec', linecolor: '#c4cad3', zerolinecolor: '#c4cad3' };
    for (var k in a) out[k] = a[k];
    return out;
  }
  // The report's look for a figure; also used by the chart export for still variants (window.reportLayout).
  function reportLayout(fig) {
    var layout = {};
    for (var k in fig.layout) layout[k] = fig.layout[k];
    layout.paper_bgcolor = '#ffffff';
    layout.plot_bgcolor = '#ffffff';
    layout.font = Object.assign({ color: '#1d232b', family: 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif' }, fig.layout.font || {});
    layout.xaxis = axis(fig.layout.xaxis);
    layout.yaxis = axis(fig.layout.yaxis);
    return layout;
  }
  window.reportLayout = reportLayout;
  Object.keys(figures).forEach(function (id) {
    var section = document.getElementById(id);
    var el = section && section.querySelector('.plot');
    if (!el) return;
    var layout = reportLayout(figures[id]);
    var fig = figures[id];
    // The still image (or the no-JavaScript note) gives way to the live figure.
    el.textContent = '';
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
