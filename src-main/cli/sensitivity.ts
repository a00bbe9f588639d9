// `task-atlas run sensitivity`: the run's privacy-threshold sweep from its stored classifications (no
// API calls): tasks kept, share of conversations kept and the largest change of a category share
// against the run's own thresholds, per setting; --json prints the service's report as it is.
import type { SensitivityReport } from '../../src-shared/sensitivity';
import { thresholdsText } from '../../src-shared/thresholds';
import { UsageError } from './errors';
import { requireRun } from './lookups';
import { withSession } from './session';

interface Flags {
  project?: string;
  run: string;
  json?: boolean;
  conversations?: string[];
  accounts?: string[];
}

function counts(flag: string, values: readonly string[] | undefined): number[] | undefined {
  if (values === undefined) return undefined;
  return values.map((v) => {
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--${flag}: "${v}" is not a threshold (a whole number ≥ 1)`);
    return Number(v);
  });
}

export function runSensitivityCommand(flags: Flags): Promise<number> {
  const conversations = counts('conversations', flags.conversations);
  const accounts = counts('accounts', flags.accounts);
  return withSession({ project: flags.project }, async (s) => {
    requireRun(s.host.project.db, flags.run);
    // Reporting first records the run's inputs and its usage source, which the sweep reads.
    await s.call('analysis.runReport', { run: flags.run });
    const report = await s.call('analysis.sensitivity', {
      run: flags.run,
      ...(conversations ? { conversations } : {}),
      ...(accounts ? { accounts } : {}),
    });
    process.stdout.write(flags.json ? JSON.stringify(report, null, 2) + '\n' : describe(report));
    return 0;
  });
}

function describe(r: SensitivityReport): string {
  const head = `Run ${r.run}: ${r.tasksTotal} tasks, ${r.conversations} classified conversations; chosen thresholds ${thresholdsText(r.chosen)}\n`;
  const rows = r.cells.map(
    (c) =>
      `${c.chosen ? '*' : ' '} ≥${String(c.minConversations).padEnd(4)} ≥${String(c.minAccounts).padEnd(4)} ` +
      `${String(c.tasksKept).padStart(6)} ${c.conversationsKeptPct.toFixed(1).padStart(7)}% ` +
      `${c.maxCategoryChange.pp.toFixed(2).padStart(7)} pp ${c.maxCategoryChange.category ?? ''}`,
  );
  return `${head}  conv  acc   tasks  conv kept  max category change\n${rows.join('\n')}\n${r.note ? `(${r.note})\n` : ''}`;
}
