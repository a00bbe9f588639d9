// `task-atlas validate sample|import|report`: the analyst's side of human validation. Validators
// open the packet in the app's Validate page (desktop or browser build) and send back label files.
import { resolve } from 'node:path';
import { closeProject, openProject, type Project } from '../engine/project';
import { sampleItems } from '../engine/validate/sample';
import { exportPacket } from '../engine/validate/packet';
import { importLabelFiles } from '../engine/validate/labels';
import { validationReport } from '../engine/validate/report';
import { correctedPatternShares } from '../engine/validate/corrected';
import { correctedInterval, correctionNotes } from '../../src-shared/validation-correction';
import type { AccuracyEntry } from '../engine/validate/types';
import { defaultProjectPath } from './project-path';
import { requireRun } from './lookups';

function withProject<T>(path: string | undefined, fn: (p: Project) => T): T {
  const project = openProject(path ? resolve(path) : defaultProjectPath());
  try {
    return fn(project);
  } finally {
    closeProject(project);
  }
}

export function runValidateSample(flags: {
  project?: string;
  run: string;
  facet: 'task' | 'pattern';
  out: string;
  size?: number;
  method?: 'stratified' | 'simple';
  seed?: number;
  redact?: boolean;
}): number {
  const { run, facet } = flags;
  const out = resolve(flags.out);
  return withProject(flags.project, ({ db }) => {
    requireRun(db, run);
    const method = flags.method ?? 'stratified';
    const seed = flags.seed ?? 1;
    const items = sampleItems(db, run, { facet, size: flags.size ?? 150, method, seed });
    const packet = exportPacket(db, run, items, { redact: flags.redact === true, sampling: { method, seed, size: items.length }, file: out });
    process.stdout.write(`wrote ${out}: packet ${packet.packetId}, ${packet.items.length} ${facet} items (${method}, seed ${seed})\n`);
    return 0;
  });
}

export function runValidateImport(files: string[], flags: { project?: string }): number {
  return withProject(flags.project, ({ db }) => {
    const s = importLabelFiles(db, files.map((f) => resolve(f)));
    process.stdout.write(`merged ${JSON.stringify(s)}\n`);
    return 0;
  });
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (a: AccuracyEntry) => `  ${a.name.padEnd(8)} ${pct(a.p)} (${a.correct}/${a.n}; 95% CI ${pct(a.low)}–${pct(a.high)})`;

export function runValidateReport(flags: { project?: string; run: string; json?: boolean }): number {
  return withProject(flags.project, ({ db }) => {
    requireRun(db, flags.run);
    const report = validationReport(db, flags.run);
    const corrected = report.pattern ? correctedPatternShares(db, flags.run) : null;
    if (flags.json) {
      process.stdout.write(JSON.stringify({ ...report, correctedPatternShares: corrected }, null, 2) + '\n');
      return 0;
    }
    const out = [`Validation of run ${report.runId}: ${report.validators.length} validator(s), ${report.packets.length} packet(s)`, 'Accuracy (Wilson 95% intervals):'];
    for (const a of report.task) out.push(line(a));
    if (report.pattern) out.push(line(report.pattern));
    for (const g of report.agreement) {
      out.push(`Agreement on ${g.facet} (${g.validators.join(', ')}; ${g.sharedUnits} shared units): Cohen's kappa ${g.cohenKappa?.toFixed(3) ?? '—'}, Krippendorff's alpha ${g.krippendorffAlpha?.toFixed(3) ?? '—'}`);
    }
    out.push(`Disagreements to adjudicate: ${report.disagreements.length}`);
    if (corrected) {
      out.push(`Pattern shares, raw vs corrected for misclassification (${corrected.method}, ${corrected.validatedItems} validated items):`);
      for (const l of corrected.labels) {
        const ci = correctedInterval(corrected, l);
        out.push(`  ${l.padEnd(15)} raw ${pct(corrected.raw[l] ?? 0)}  corrected ${pct(corrected.corrected[l] ?? 0)}${ci ? ` (95% CI ${ci})` : ''}`);
      }
      out.push(...correctionNotes(corrected).map((n) => `  ${n}`));
    } else if (report.pattern) {
      out.push('Pattern shares not corrected: no conversation of a task above the privacy thresholds has a pattern.');
    }
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  });
}
