// Charts leave the app as SVG and PNG files, drawn by the same Plotly figures as the HTML report.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, importBundledDefaults, openProject } from '../../src-main/engine/project';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { writeHtmlReport } from '../../src-main/engine/report-html';
import { exportChartImages } from '../../src-main/engine/export/charts';

describe('chart images', () => {
  it('writes every figure as SVG and PNG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-charts-'));
    const project = openProject(join(dir, 'p.sqlite'), { resourcesDir: resolve(__dirname, '../../resources') });
    try {
      importBundledDefaults(project);
      const html = join(dir, 'report.html');
      writeHtmlReport(html, { report: reproduce(project.db, 'aei-2025-02-10'), title: 't', provenance: {}, methods: '' });
      const files = await exportChartImages(html, join(dir, 'charts'), '/usr/bin/chromium');
      expect(files.map((f) => f.slice(dir.length + 8)).sort()).toEqual(
        ['fig13', 'fig3', 'fig4', 'fig6', 'fig7'].flatMap((f) => [`${f}.png`, `${f}.svg`]).sort(),
      );
      const svg = readFileSync(join(dir, 'charts', 'fig3.svg'), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('Computer and Mathematical Occupations');
      const png = readFileSync(join(dir, 'charts', 'fig7.png'));
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.readUInt32BE(16)).toBe(2200); // width at scale 2
    } finally {
      closeProject(project);
    }
  });
});
