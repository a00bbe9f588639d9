// Still images behind the interactive figures: with JavaScript off (a mail client, a locked-down
// viewer, print-to-PDF) the report still shows every figure. The images are Plotly's own SVGs,
// rendered in headless Chromium after the report is written (export/charts.ts); the draw script
// clears them when it draws the live figure. A report written without Chromium keeps a sentence
// that points to the data tables instead.
import { readFileSync } from 'node:fs';
import { writeTextAtomic } from '../base/atomic-text';

/** What a figure's container holds until a still image is embedded (or JavaScript draws it). */
export function stillPlaceholder(id: string): string {
  return `<p class="no-js" data-still="${id}">This figure is drawn by JavaScript, which is off here; its data are in the report’s tables.</p>`;
}

/**
 * The report with each figure's placeholder replaced by its SVG. Every id must have a placeholder
 * (else the SVG would be lost without a word), and an SVG must be markup Plotly makes: no script.
 */
export function withStillImages(html: string, svgs: Record<string, string>): string {
  let out = html;
  for (const [id, svg] of Object.entries(svgs)) {
    const placeholder = stillPlaceholder(id);
    if (!out.includes(placeholder)) throw new Error(`report HTML has no still-image placeholder for figure ${id}`);
    if (!svg.startsWith('<svg') || /<script|\son\w+=/i.test(svg)) throw new Error(`figure ${id}: the still image is not a plain SVG`);
    out = out.replace(placeholder, () => `<div class="still" data-still="${id}">${svg}</div>`);
  }
  return out;
}

/** Rewrites the report file in place (temp file + rename, like writeHtmlReport) with the still images. */
export function embedStillImages(file: string, svgs: Record<string, string>): void {
  writeTextAtomic(file, withStillImages(readFileSync(file, 'utf8'), svgs));
}
