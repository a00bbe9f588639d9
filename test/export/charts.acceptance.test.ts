// Charts leave the app as SVG and PNG files, drawn by the same Plotly figures as the HTML report:
// every figure the report holds, Figure 2 always and Figures 5, 8 and 10 for a classification run.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeProject } from '../../src-main/engine/project';
import { openBundledProject } from '../support/shared-projects';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { runReport } from '../../src-main/engine/classify/report';
import { figureIds, writeHtmlReport } from '../../src-main/engine/report-html';
import { exportChartImages } from '../../src-main/engine/export/charts';
import { runProject } from './run-fixture';

const names = (dir: string, files: string[]) => files.map((f) => f.slice(dir.length + 8)).sort();
const expected = (ids: string[]) => ids.flatMap((f) => [`${f}.png`, `${f}.svg`]).sort();
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('chart images', () => {
  it('writes every figure of a release report as SVG and PNG, Figure 2 included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-charts-'));
    const project = openBundledProject(join(dir, 'p.sqlite'));
    try {
      const html = join(dir, 'report.html');
      writeHtmlReport(html, { report: reproduce(project.db, 'aei-2025-02-10'), title: 't', provenance: {}, methods: '' });
      const files = await exportChartImages(html, join(dir, 'charts'), '/usr/bin/chromium');
      expect(names(dir, files)).toEqual(expected(['fig2', 'fig13', 'fig3', 'fig4', 'fig6', 'fig6bands', 'fig7']));
      const svg = readFileSync(join(dir, 'charts', 'fig3.svg'), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('Computer and Mathematical Occupations');
      // The sunburst is really drawn into the SVG: its sectors and its category labels.
      const sunburst = readFileSync(join(dir, 'charts', 'fig2.svg'), 'utf8');
      expect(sunburst.match(/class="slice/g)?.length ?? 0).toBeGreaterThan(50);
      expect(sunburst).toContain('Computer and Mathematical');
      const png = readFileSync(join(dir, 'charts', 'fig7.png'));
      expect([...png.subarray(0, 8)]).toEqual(PNG_MAGIC);
      expect(png.readUInt32BE(16)).toBe(2200); // width at scale 2
    } finally {
      closeProject(project);
    }
  });

  it('adds Figures 5, 8 and 10 for a classification run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-charts-run-'));
    const project = runProject();
    try {
      const run = runReport(project.db, 'r', 'mini');
      const html = join(dir, 'report.html');
      writeHtmlReport(html, { report: reproduce(project.db, run.sourceId), run, title: 'run', provenance: {}, methods: '' });
      const files = await exportChartImages(html, join(dir, 'charts'), '/usr/bin/chromium');
      expect(names(dir, files)).toEqual(expected(figureIds({ run })));
      expect(readFileSync(join(dir, 'charts', 'fig5.svg'), 'utf8')).toContain('writing');
      const models = readFileSync(join(dir, 'charts', 'fig8.svg'), 'utf8');
      for (const m of run.byModel) expect(models).toContain(m.model);
      expect(readFileSync(join(dir, 'charts', 'fig10.svg'), 'utf8')).toContain('Pearson r = ');
      expect([...readFileSync(join(dir, 'charts', 'fig10.png')).subarray(0, 8)]).toEqual(PNG_MAGIC);
    } finally {
      closeProject(project);
    }
  });
});
