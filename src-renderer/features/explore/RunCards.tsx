// Figures 5, 8 and 10 need per-conversation data (skills, answering model, account ids) that only
// an own classification run has. For a published release — or a source without run details — the
// section stays in place and says why, with a way to the Classify step.
import { useMemo } from 'react';
import type { ApiErrorPayload } from '../../../src-shared/api';
import type { RunReport } from '../../../src-shared/report';
import type { ExploreFilters } from '../../../src-shared/explore-filters';
import { ignoredFilters } from '../../../src-shared/explore-filters';
import type { Figure } from '../../../src-shared/charts/plotly-types';
import type { ChartTable } from '../../../src-shared/charts/table';
import * as fig5 from '../../../src-shared/charts/fig5Skills';
import * as fig8 from '../../../src-shared/charts/fig8Models';
import * as fig10 from '../../../src-shared/charts/fig10ConvVsAccount';
import { ChartCard, Section } from './ChartCard';
import { runCaptions } from './captions';
import { sectionTitle } from './Contents';
import type { SourceOption } from './sources';

export type RunFigure = 'fig5' | 'fig8' | 'fig10';

const RUN: Record<RunFigure, { label: string; needs: string; figure: (r: RunReport) => Figure; table: (r: RunReport) => ChartTable }> = {
  fig5: {
    label: 'Bar chart: share of conversations in which the assistant exhibited each skill',
    needs: 'the skills the assistant exhibited in each conversation',
    figure: fig5.toFigure,
    table: fig5.toTable,
  },
  fig8: {
    label: 'Grouped bar chart: category shares of usage per answering model',
    needs: 'the model that answered each conversation',
    figure: fig8.toFigure,
    table: fig8.toTable,
  },
  fig10: {
    label: 'Grouped bar chart: category shares counted by conversations and by accounts',
    needs: 'the account behind each conversation',
    figure: fig10.toFigure,
    table: fig10.toTable,
  },
};

function whyMissing(id: RunFigure, source: SourceOption | undefined, runError: ApiErrorPayload | undefined): string {
  const needs = RUN[id].needs;
  if (runError) return `The run's details could not be loaded (${runError.kind}): ${runError.message}`;
  if (source?.kind === 'run') {
    return `This figure needs ${needs}. “${source.label}” is not the main source of a classification run in this project, so its run details are not available.`;
  }
  return (
    `This figure needs ${needs}. A published release carries only aggregated task shares — it publishes no ` +
    'per-conversation skills, answering models or account ids — so the figure cannot be computed from it. ' +
    'Classify your own conversations to compute it, then pick the run as the source above.'
  );
}

interface RunCardProps {
  id: RunFigure;
  run: RunReport | undefined;
  runError: ApiErrorPayload | undefined;
  source: SourceOption | undefined;
  filters: ExploreFilters;
  fileBase: string;
}

function Unavailable({ id, runError, source }: Pick<RunCardProps, 'id' | 'runError' | 'source'>) {
  return (
    <Section id={id} title={sectionTitle(id)}>
      <div className="unavailable" data-unavailable="true">
        <p role={runError ? 'alert' : undefined}>{whyMissing(id, source, runError)}</p>
        {!runError && (
          <a className="button" href="#/classify">
            Go to the Classify step
          </a>
        )}
      </div>
    </Section>
  );
}

function Drawn({ id, run, filters, fileBase }: Omit<RunCardProps, 'run' | 'runError' | 'source'> & { run: RunReport }) {
  const spec = RUN[id];
  const figure = useMemo(() => spec.figure(run), [spec, run]);
  const table = useMemo(() => spec.table(run), [spec, run]);
  return (
    <ChartCard id={id} title={sectionTitle(id)} caption={runCaptions(run)[id]} figure={figure} label={spec.label} table={table}
      fileName={`${id}-${fileBase}`} ignored={ignoredFilters(filters, id)} />
  );
}

export function RunCard(props: RunCardProps) {
  const { run, ...rest } = props;
  if (!run) return <Unavailable id={props.id} runError={props.runError} source={props.source} />;
  return <Drawn id={rest.id} run={run} filters={rest.filters} fileBase={rest.fileBase} />;
}
