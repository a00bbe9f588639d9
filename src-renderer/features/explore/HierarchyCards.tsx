// An own run's analyses over the task hierarchy: Figures 11 and 12 (Appendix D.1), Figure 8 by task
// and the collaboration patterns by task and occupation with the tasks characteristic of each
// pattern (B.5). They need each conversation's hierarchy path, answering model and pattern, which
// only an own run has; for a published release every section stays in place and says why.
import { Fragment, useMemo, useState } from 'react';
import type { ApiErrorPayload } from '../../../src-shared/api';
import type { RunReport } from '../../../src-shared/report';
import type { ExploreFilters } from '../../../src-shared/explore-filters';
import { ignoredFilters } from '../../../src-shared/explore-filters';
import * as fig11 from '../../../src-shared/charts/fig11TopLevel';
import * as fig12 from '../../../src-shared/charts/fig12MiddleLevel';
import * as patterns from '../../../src-shared/charts/patternsByTask';
import { NOT_IN_REPORT_TEXT } from '../../../src-shared/charts/levelShares';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import { ChartCard, Downloads, IgnoredFilters, Section } from './ChartCard';
import { hierarchyCaptions } from './captions';
import { sectionTitle } from './Contents';
import { HIERARCHY_SECTIONS } from './hierarchy-sections';
import { ModelTasksCard } from './ModelTasksCard';
import { exploreStore } from './store';
import type { SourceOption } from './sources';
import './hierarchy.css';

interface Props {
  run: RunReport | undefined;
  runError: ApiErrorPayload | undefined;
  source: SourceOption | undefined;
  filters: ExploreFilters;
  fileBase: string;
}

type Drawn = Omit<Props, 'run' | 'runError' | 'source'> & { run: RunReport };

function whyMissing({ runError, source }: Pick<Props, 'runError' | 'source'>): string {
  if (runError) return `The run's details could not be loaded (${runError.kind}): ${runError.message}`;
  const needs = 'each conversation’s path through the task hierarchy, its answering model and its collaboration pattern';
  if (source?.kind === 'run') return `This section needs ${needs}. “${source.label}” is not the main source of a classification run in this project.`;
  return `This section needs ${needs}. A published release carries only aggregated task shares, so it cannot be computed from it. Classify your own conversations, then pick the run as the source above.`;
}

function Unavailable(props: Pick<Props, 'runError' | 'source'>) {
  const text = whyMissing(props);
  return (
    <>
      {HIERARCHY_SECTIONS.map((s) => (
        <Section key={s.id} id={s.id} title={s.title}>
          <div className="unavailable" data-unavailable="true">
            <p role={props.runError ? 'alert' : undefined}>{text}</p>
          </div>
        </Section>
      ))}
    </>
  );
}

const LEVELS = {
  fig11: { chart: fig11, label: 'Bar chart: share of kept conversations per top-level task' },
  fig12: { chart: fig12, label: 'Bar chart: share of kept conversations per middle-level task' },
} as const;

function LevelCard({ id, run, filters, fileBase }: Drawn & { id: keyof typeof LEVELS }) {
  const { chart, label } = LEVELS[id];
  const figure = useMemo(() => chart.toFigure(run), [chart, run]);
  const table = useMemo(() => chart.toTable(run), [chart, run]);
  return (
    <ChartCard id={id} title={sectionTitle(id)} caption={hierarchyCaptions(run)[id]} figure={figure} label={label} table={table}
      fileName={`${id}-${fileBase}`} ignored={ignoredFilters(filters, id)} />
  );
}

function BySwitch({ by, onChange }: { by: patterns.PatternsBy; onChange: (b: patterns.PatternsBy) => void }) {
  return (
    <fieldset className="kind-switch">
      <legend>Per</legend>
      {(['task', 'occupation'] as const).map((b) => (
        <label key={b}>
          <input type="radio" name="patterns-by" value={b} checked={by === b} onChange={() => onChange(b)} />
          {b === 'task' ? 'Task' : 'Occupation'}
        </label>
      ))}
    </fieldset>
  );
}

function PatternsCard({ run, filters, fileBase }: Drawn) {
  const [by, setBy] = useState<patterns.PatternsBy>('task');
  const figure = useMemo(() => patterns.toFigure(run, by), [run, by]);
  // A summary lists only the tasks the chart draws: the CSV of every task comes with the full report.
  const table = useMemo(
    () => (run.summary !== undefined && by === 'task' ? async () => patterns.toTable(await exploreStore.fullRun(run), by) : patterns.toTable(run, by)),
    [run, by],
  );
  return (
    <ChartCard id="patterns" title={sectionTitle('patterns')} caption={hierarchyCaptions(run).patterns} figure={figure}
      label={`Stacked bar chart: collaboration patterns per ${by}`} table={table} fileName={`patterns-by-${by}-${fileBase}`}
      ignored={ignoredFilters(filters, 'patterns')} toolbar={<BySwitch by={by} onChange={setBy} />} />
  );
}

function CharacteristicCard({ run, filters, fileBase }: Drawn) {
  const table = useMemo(() => patterns.characteristicTable(run), [run]);
  const lists = run.characteristicTasks;
  return (
    <Section id="patternTasks" title={sectionTitle('patternTasks')} caption={hierarchyCaptions(run).patternTasks}>
      <IgnoredFilters kinds={ignoredFilters(filters, 'patternTasks')} />
      <div className="card-toolbar">
        <Downloads id="patternTasks" title={sectionTitle('patternTasks')} fileName={`pattern-tasks-${fileBase}`} table={table} images={false} />
      </div>
      {lists === undefined ? (
        <p className="note">{NOT_IN_REPORT_TEXT}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Tasks most characteristic of each pattern" tabIndex={0}>
          <table id="pattern-tasks" className="data-table pattern-tasks">
            <thead>
              <tr>
                <th scope="col">Pattern</th>
                <th scope="col">Task</th>
                <th scope="col">Conversations</th>
                <th scope="col">Share showing the pattern</th>
              </tr>
            </thead>
            {lists.map((c) => (
              <tbody key={c.pattern} data-pattern={c.pattern}>
                {c.tasks.length === 0 ? (
                  <tr>
                    <th scope="row">{c.pattern}</th>
                    <td className="text" colSpan={3}>No kept task with enough conversations shows this pattern.</td>
                  </tr>
                ) : (
                  c.tasks.map((t, i) => (
                    <tr key={`${t.task}-${i}`}>
                      {i === 0 && <th scope="rowgroup" rowSpan={c.tasks.length}>{c.pattern}</th>}
                      <td className="text">{t.task}</td>
                      <td>{fmtInt(t.conversations)}</td>
                      <td>{fmt(t.pct)}%</td>
                    </tr>
                  ))
                )}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </Section>
  );
}

export function HierarchyCards({ run, runError, source, filters, fileBase }: Props) {
  if (!run) return <Unavailable runError={runError} source={source} />;
  const props = { run, filters, fileBase };
  return (
    <Fragment>
      <LevelCard id="fig11" {...props} />
      <LevelCard id="fig12" {...props} />
      <ModelTasksCard {...props} />
      <PatternsCard {...props} />
      <CharacteristicCard {...props} />
    </Fragment>
  );
}
