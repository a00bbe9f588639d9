// Downloads from a chart card: the chart as PNG or SVG (rendered by Plotly on a white background, so
// an export taken in dark mode is still printable) and its data as CSV. Plotly is imported lazily
// here too; Vite puts it in the same chunk Plot.tsx already loads, so nothing is fetched twice.
import { tableToCsv, type ChartTable } from '../../../src-shared/charts/table';
import type { Figure, Layout } from '../../../src-shared/charts/plotly-types';
import { saveBlob } from '../../components/save-file';

export type ImageFormat = 'png' | 'svg';

/** What Plotly leaves on its graph div: the figure it drew. */
interface GraphDiv extends HTMLElement {
  data?: Figure['data'];
  layout?: Partial<Layout>;
}

/** Letters, digits, dots and dashes only: the name is used on every OS the app runs on. */
export function safeFileName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '') || 'chart';
}


/** A byte-order mark so spreadsheet programs read the UTF-8 (ρ, τ, accented titles) correctly. */
export const CSV_BOM = '\ufeff';

export function downloadCsv(table: ChartTable, fileName: string): void {
  saveBlob(new Blob([CSV_BOM + tableToCsv(table)], { type: 'text/csv;charset=utf-8' }), safeFileName(`${fileName}.csv`));
}

/** The drawn figure with print colours: white paper, dark text, light grid. */
export function printable(figure: Figure): Figure {
  const grid = '#e3e5e8';
  const axis = (a: Layout['xaxis'] | undefined) => (a ? { ...a, gridcolor: grid, linecolor: grid, zerolinecolor: grid } : undefined);
  const layout: Partial<Layout> = { ...figure.layout, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff', font: { ...figure.layout.font, color: '#1d1f23' } };
  const xaxis = axis(figure.layout.xaxis);
  const yaxis = axis(figure.layout.yaxis);
  if (xaxis) layout.xaxis = xaxis;
  if (yaxis) layout.yaxis = yaxis;
  return { data: figure.data, layout };
}

function dataUrlToBlob(url: string): Blob {
  const comma = url.indexOf(',');
  const head = url.slice(0, comma);
  const body = url.slice(comma + 1);
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  if (head.endsWith(';base64')) {
    const bin = atob(body);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], { type });
  }
  return new Blob([decodeURIComponent(body)], { type });
}

/** Renders the chart drawn inside `containerId` (a Plot's id) and saves it. */
export async function downloadImage(containerId: string, format: ImageFormat, fileName: string): Promise<void> {
  const gd = document.getElementById(containerId)?.querySelector<GraphDiv>('.js-plotly-plot');
  if (!gd?.data || !gd.layout) throw new Error(`the chart "${containerId}" has not been drawn yet`);
  const { default: plotly } = await import('plotly.js-dist-min');
  const width = Math.max(gd.clientWidth, 600);
  const height = gd.layout.height ?? Math.max(gd.clientHeight, 400);
  const url = await plotly.toImage(printable({ data: gd.data, layout: gd.layout }), { format, width, height, scale: format === 'png' ? 2 : 1 });
  saveBlob(dataUrlToBlob(url), safeFileName(`${fileName}.${format}`));
}
