// Plain-text rendering of a report for the terminal.
import type { JobZoneTable, PaperReference, ReproduceReport } from '../../src-shared/report';

const pct = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '—' : v.toFixed(digits));
const num = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? '—' : v.toFixed(digits));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatReport(report: ReproduceReport, paper: PaperReference | null): string {
  const out: string[] = [];
  out.push(`Source: ${report.source.label} (${report.source.id})`);
  const m = report.matching;
  out.push(
    `Task mapping: ${m.matchedRows} of ${m.mappingRows} task names matched O*NET statements` +
      (m.unmatched.length ? ` (unmatched: ${m.unmatched.slice(0, 5).map((u) => JSON.stringify(u)).join(", ")})` : ''),
  );
  out.push('', 'Figure 3 — occupational categories: usage vs U.S. employment (BLS)');
  out.push(
    table(
      ['Category', 'Usage %', 'BLS %'],
      report.categories.map((c) => [c.title, pct(c.usagePct), pct(c.blsPct)]),
    ),
  );
  const c = report.categoryCorrelation;
  out.push(`Usage vs BLS: Pearson ${num(c.pearson)}, Spearman ${num(c.spearman)}, Kendall tau-b ${num(c.kendallTauB)}, MSE ${num(c.mse)} (n=${c.n})`);
  out.push('', `Figure 4 — depth of use (${report.depth.occupations} occupations)`);
  const paperDepth = new Map((paper?.depth ?? []).map((d) => [d.threshold, d.shareOfOccupations]));
  out.push(
    table(
      ['At least % of tasks', 'Share of occupations %', 'Paper %'],
      report.depth.marks.map((d) => [
        pct(d.threshold * 100, 0),
        pct(d.shareOfOccupations * 100, 1),
        paperDepth.has(d.threshold) ? `~${pct(paperDepth.get(d.threshold)! * 100, 0)}` : '—',
      ]),
    ),
  );
  out.push('', 'Table 2 — usage by Job Zone (Base % = share of the tasks present, counted once; Occup. % = share of all occupations)');
  for (const t of report.jobZones) out.push(formatJobZones(t, paper));
  out.push('', 'Figure 7 — automation vs augmentation');
  if (report.automation) {
    out.push(table(['Pattern', 'Mode', '%'], report.automation.patterns.map((p) => [p.pattern, p.mode, pct(p.pct, 1)])));
    out.push(
      `Augmentation ${pct(report.automation.augmentationPct, 1)}% / automation ${pct(report.automation.automationPct, 1)}%` +
        (paper ? `  (paper: ${paper.augmentationPct}/${paper.automationPct})` : ''),
    );
  } else out.push('No collaboration-pattern data in this source.');
  out.push('', `Figure 6 — wage vs usage: ${report.wage.points.length} occupations (${report.wage.dropped} without an annual wage)`);
  out.push(`Pearson ${num(report.wage.correlation.pearson)}, Spearman ${num(report.wage.correlation.spearman)}`);
  out.push('', 'Figure 13 — top tasks');
  out.push(table(['%', 'Task'], report.topTasks.slice(0, 10).map((t) => [pct(t.usagePct), t.task.slice(0, 100)])));
  return out.join('\n');
}

function formatJobZones(t: JobZoneTable, paper: PaperReference | null): string {
  const paperZone = new Map((paper?.table2 ?? []).map((r) => [r.zone, r]));
  const cov = t.coverage;
  const head = `${t.label}: ${cov.tasksMatched} of ${cov.tasksWithUsage} tasks with usage matched a Job Zone (${pct(cov.usageMatchedPct, 1)}% of usage); ${cov.occupationsMatched} of ${cov.occupationsTotal} occupations`;
  const rows = t.rows.map((r) => {
    const p = paperZone.get(r.zone);
    return [String(r.zone), pct(r.convPct), pct(r.basePct), pct(r.repRatio), pct(r.occupationPct), pct(p?.convPct), pct(p?.basePct), pct(p?.repRatio)];
  });
  return head + '\n' + table(['Zone', 'Conv %', 'Base %', 'Ratio', 'Occup. %', 'Paper conv', 'Paper base', 'Paper ratio'], rows) + '\n';
}
