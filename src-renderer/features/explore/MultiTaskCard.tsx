// Multi-task assignment (paper §3, B.1: up to k = 3 tasks per conversation, "results were
// qualitatively similar"): a k = 3 run's single-task shares (first choice) beside its multi-task
// shares (each choice weighted 1/k), with the same metrics and recovered counts as the source
// comparison, drawn by the same component. Single-task runs and releases say how to get it.
import { useMemo } from 'react';
import type { RunReport } from '../../../src-shared/report';
import { multiTaskAsComparison } from '../../../src-shared/multi-task';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import { Section } from './ChartCard';
import { CompareResult } from './ComparePanel';
import { sectionTitle } from './Contents';

const CAPTION =
  'The paper also let a conversation map to up to three tasks and found the results qualitatively similar (section 3, Appendix B.1). ' +
  'Single: each conversation counts for its first choice. Multi: each of its k chosen tasks counts 1/k. The same privacy thresholds apply ' +
  'to both (whole conversations and accounts per task); shares are compared over the union of items either reading finds. Computed over the whole run: the filters do not apply.';

export function MultiTaskCard({ run }: { run: RunReport | undefined }) {
  const m = run?.multiTask ?? null;
  const cmp = useMemo(() => (run && m ? multiTaskAsComparison(run.run, m) : null), [run, m]);
  return (
    <Section id="multitask" title={sectionTitle('multitask')} caption={CAPTION}>
      {!run || !m || !cmp ? (
        <div className="unavailable" data-unavailable="true">
          <p>
            {run ? `Run ${run.run} chose one task per conversation. ` : 'This needs an own classification run. '}
            Classify with “Up to three tasks per conversation” (or <code>task-atlas classify --tasks-per-conversation 3</code>) to compare single- and multi-task shares.
          </p>
        </div>
      ) : (
        <>
          <p className="summary" id="multitask-summary">
            {fmtInt(m.conversations)} conversations with up to {m.k} tasks each, {fmt(m.meanTasksPerConversation, 2)} on average (
            {m.tasksChosen.map((c) => `${fmtInt(c.conversations)} with ${c.tasks}`).join(', ')}). Tasks passing the thresholds: {fmtInt(m.tasks.single.kept)} single,{' '}
            {fmtInt(m.tasks.multi.kept)} multi.
          </p>
          <CompareResult cmp={cmp} id="multitask" sides={['single', 'multi']} />
        </>
      )}
    </Section>
  );
}
