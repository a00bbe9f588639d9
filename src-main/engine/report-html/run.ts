// The report's part for a classification run: what the run kept under the privacy thresholds, and
// the run-only Figures 5 (skills), 8 (usage by model) and 10 (conversations vs accounts).
import type { RunReport } from '../../../src-shared/report';
import * as fig5 from '../../../src-shared/charts/fig5Skills';
import * as fig8 from '../../../src-shared/charts/fig8Models';
import * as fig10 from '../../../src-shared/charts/fig10ConvVsAccount';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import { escapeHtml } from './html';
import type { FigureSection } from './figures';
import { chartTableHtml } from './tables';
import { hierarchySections } from './hierarchy';
import { appliedThresholds, thresholdsText } from '../../../src-shared/thresholds';
import { intervalsNote } from '../../../src-shared/uncertainty';
import { multiTaskSections } from './multi-task';
import { compositionSections } from './composition';
import { timeSpanText } from '../../../src-shared/time-window';

export function runSummaryHtml(run: RunReport): string {
  const t = run.tasks;
  const items = [
    ...(run.provenance ? [`<strong>This run is a ${escapeHtml(run.provenance)}</strong>: built-in fake Claude answers and a stand-in embedding model; its numbers mean nothing.`] : []),
    `Run <strong>${escapeHtml(run.run)}</strong> (${escapeHtml(run.method)}), reported as usage source <code>${escapeHtml(run.sourceId)}</code>.`,
    `Privacy thresholds per task: ${escapeHtml(thresholdsText(appliedThresholds(run), fmtInt))}.`,
    `${fmtInt(t.kept)} of ${fmtInt(t.total)} tasks kept (${fmtInt(t.conversationsKept)} conversations); ` +
      `${fmtInt(t.dropped)} tasks with ${fmtInt(t.conversationsDropped)} conversations fell under the thresholds and appear nowhere in this report.`,
    `${escapeHtml(timeSpanText(run.timeSpan))}.`,
    `${escapeHtml(intervalsNote('run', run, false, fmtInt))}`,
  ];
  return `<section id="run"><h2>Classification run ${escapeHtml(run.run)}</h2><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></section>`;
}

export function runSections(run: RunReport): FigureSection[] {
  const models = run.byModel.map((m) => fig8.traceName(m)).join(', ');
  return [
    {
      id: 'fig5',
      heading: 'Figure 5: Skills exhibited by the assistant',
      caption:
        run.skills.length === 0
          ? fig5.NO_DATA_TEXT
          : `Share of classified conversations in which the assistant exhibited each skill; a conversation can show several. ${fig5.noneText(run)} ${intervalsNote('run', run, false, fmtInt)}`,
      figure: fig5.toFigure(run),
      after: run.skills.length === 0 ? '' : chartTableHtml('skills', 'Data: skills', fig5.toTable(run), 1),
    },
    {
      id: 'fig8',
      heading: 'Figure 8: Usage by model',
      caption: run.byModel.length === 0 ? fig8.NO_DATA_TEXT : `Share of each model’s usage per occupational category. Models: ${models}.`,
      figure: fig8.toFigure(run),
      after: run.byModel.length === 0 ? '' : chartTableHtml('by-model', 'Data: usage by model', fig8.toTable(run)),
    },
    {
      id: 'fig10',
      heading: 'Figure 10: Conversations vs accounts',
      caption: run.accountsKnown
        ? `Category shares counted by conversations and by distinct accounts: Pearson r = ${fmt(run.conversationVsAccount.correlation.pearson, 3)}, ` +
          `Spearman ρ = ${fmt(run.conversationVsAccount.correlation.spearman, 3)}.`
        : `${fig10.NO_ACCOUNTS_TEXT}.`,
      figure: fig10.toFigure(run),
      after: chartTableHtml('conversation-vs-account', 'Data: conversations vs accounts', fig10.toTable(run)),
    },
    ...hierarchySections(run),
    ...multiTaskSections(run),
    ...compositionSections(run),
  ];
}
