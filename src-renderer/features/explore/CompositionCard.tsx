// Appendix B.7, the composition of a run's conversations: work, coursework and personal use, each
// explicitly / likely / possibly / non-, before screening (every conversation asked) and after it
// (passed and mapped to a task), with the share at each confidence cut and the top tasks within
// non-work and coursework conversations. Runs that did not ask, and releases, say how to get it.
import { useMemo } from 'react';
import type { RunReport } from '../../../src-shared/report';
import { COMPOSITION_DIMENSIONS, dimensionShares, NO_COMPOSITION_TEXT, type CompositionReport, type CompositionShares } from '../../../src-shared/composition';
import * as chart from '../../../src-shared/charts/composition';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import { Plot } from '../../components/Plot';
import { Downloads, Section } from './ChartCard';
import { sectionTitle } from './Contents';

export const COMPOSITION_SECTION = 'composition';

const CAPTION =
  'The paper asked, through Clio, whether each conversation is work, coursework or personal use, each explicitly, likely, possibly or not, and ' +
  'found after screening 23% non-work and 5–10% coursework depending on the level (Appendix B.7). The prompt here is our own (the paper prints ' +
  'none). A cut counts its level and every more confident one. Computed over the whole run: the filters do not apply.';

function cell(s: CompositionShares, d: (typeof COMPOSITION_DIMENSIONS)[number], i: number): string {
  const l = dimensionShares(s, d).levels[i];
  return l ? `${fmt(l.cumulativePct, 1)}%` : '—';
}

function CutsTable({ c }: { c: CompositionReport }) {
  const sets = [
    ['Before screening', c.beforeScreening],
    ['After screening', c.afterScreening],
  ] as const;
  return (
    <div className="table-wrap" role="region" aria-label="Shares at each confidence cut" tabIndex={0}>
      <table id="composition-cuts" className="data-table">
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">Dimension</th>
            <th scope="col">Explicitly</th>
            <th scope="col">+ likely</th>
            <th scope="col">+ possibly</th>
            <th scope="col">Non-</th>
          </tr>
        </thead>
        <tbody>
          {sets.flatMap(([set, s]) =>
            COMPOSITION_DIMENSIONS.map((d) => (
              <tr key={`${set}-${d}`}>
                <td>
                  {set} ({fmtInt(s.conversations)})
                </td>
                <td>{d}</td>
                {[0, 1, 2, 3].map((i) => (
                  <td key={i}>{cell(s, d, i)}</td>
                ))}
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

function TopTasks({ c }: { c: CompositionReport }) {
  return (
    <div className="composition-tasks">
      {c.topTasks.map((g) => (
        <div key={g.group}>
          <h4>
            Top tasks: {g.label} ({fmtInt(g.conversations)} conversations after screening)
          </h4>
          {g.tasks.length === 0 ? (
            <p className="note">No task reaches the run’s privacy thresholds within this group.</p>
          ) : (
            <ol id={`composition-tasks-${g.group}`}>
              {g.tasks.map((t) => (
                <li key={t.nodeId}>
                  {t.task}: {fmtInt(t.conversations)} ({fmt(t.pct, 1)}%)
                </li>
              ))}
            </ol>
          )}
          {g.tasksUnderThresholds > 0 && <p className="note">{fmtInt(g.tasksUnderThresholds)} more tasks fall under the thresholds within the group and are not named.</p>}
        </div>
      ))}
    </div>
  );
}

export function CompositionCard({ run }: { run: RunReport | undefined }) {
  const c = run?.composition ?? null;
  const figure = useMemo(() => (c ? chart.toFigure(c) : null), [c]);
  const table = useMemo(() => (c ? chart.toTable(c) : null), [c]);
  const title = sectionTitle(COMPOSITION_SECTION);
  return (
    <Section id={COMPOSITION_SECTION} title={title} caption={CAPTION}>
      {!run || !c || !figure || !table ? (
        <div className="unavailable" data-unavailable="true">
          <p>
            {run ? `${NO_COMPOSITION_TEXT} ` : 'This needs an own classification run. '}
            Classify with “Also ask whether each conversation is work, coursework or personal use” (or <code>task-atlas classify --composition</code>) to see it.
          </p>
        </div>
      ) : (
        <>
          <p className="summary" id="composition-summary">
            {fmtInt(c.beforeScreening.conversations)} conversations asked, {fmtInt(c.afterScreening.conversations)} of them passed screening and were mapped to a task
            {c.unclassified > 0 ? `; ${fmtInt(c.unclassified)} gave no valid answer` : ''}. Prompt <code>{c.promptVersion}</code>.
          </p>
          <div className="card-toolbar">
            <Downloads id={COMPOSITION_SECTION} title={title} fileName={`composition-${run.sourceId}`} table={table} images />
          </div>
          <Plot id={COMPOSITION_SECTION} figure={figure} label="Stacked bars: share of conversations at each level of work, coursework and personal use, before and after screening" />
          <CutsTable c={c} />
          <TopTasks c={c} />
        </>
      )}
    </Section>
  );
}
