// Two sources side by side (e.g. the published release vs an own run): the engine's
// analysis.compare result drawn per level, with the agreement metrics and the items found by both,
// only A or only B as tables.
import { useEffect, useMemo, useState } from 'react';
import * as compare from '../../../src-shared/charts/compare';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import type { SourceComparison } from '../../../src-shared/api';
import type { ChartTable } from '../../../src-shared/charts/table';
import { Plot } from '../../components/Plot';
import { Downloads, Section } from './ChartCard';
import { compareStore, useCompare } from './compare-store';
import { sectionTitle } from './Contents';
import { SourceSelect } from './SourcePicker';
import { defaultCompareTarget, type SourceOption } from './sources';

function DataTable({ id, table, caption, digits }: { id: string; table: ChartTable; caption: string; digits?: (col: number) => number | undefined }) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table id={id} className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map(([label, ...values]) => (
            <tr key={String(label)}>
              <th scope="row">{label}</th>
              {values.map((v, i) => (
                <td key={i}>{cell(v, digits?.(i))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A count without decimals, a measure with `digits`. */
function cell(v: unknown, digits: number | undefined): string {
  if (typeof v !== 'number') return 'n/a';
  return digits === undefined ? fmtInt(v) : fmt(v, digits);
}

/** n is a count; the correlations get 3 decimals, the MSE (the last column) 4. */
const metricDigits = (last: number) => (i: number) => (i === 0 ? undefined : i === last ? 4 : 3);

function LevelSwitch({ name, level, onChange }: { name: string; level: compare.CompareLevel; onChange: (l: compare.CompareLevel) => void }) {
  return (
    <fieldset className="kind-switch">
      <legend>Level</legend>
      {compare.COMPARE_LEVELS.map((l) => (
        <label key={l.level}>
          <input type="radio" name={name} value={l.level} checked={level === l.level} onChange={() => onChange(l.level)} />
          {l.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * A comparison drawn: metrics and recovered counts per level, any scope notes, and the scatter of one
 * level. `id` keeps two of them on one page apart (the source comparison, the multi-task card).
 */
export function CompareResult({ cmp, id = 'compare', sides }: { cmp: SourceComparison; id?: string; sides?: readonly [string, string] }) {
  const [level, setLevel] = useState<compare.CompareLevel>('category');
  const figure = useMemo(() => compare.toFigure(cmp, level), [cmp, level]);
  const table = useMemo(() => compare.toTable(cmp, level), [cmp, level]);
  const metrics = compare.metricsTable(cmp);
  const title = `Comparison by ${level}`;
  return (
    <>
      <DataTable id={`${id}-metrics`} table={metrics} caption="Agreement metrics" digits={metricDigits(metrics.columns.length - 2)} />
      <DataTable id={`${id}-recovered`} table={compare.recoveredTable(cmp, sides)} caption="Items with usage found by each side" />
      {cmp.notes.map((note) => (
        <p key={note} className="note" data-testid={`${id}-note`}>
          {note}
        </p>
      ))}
      <div className="card-toolbar">
        <LevelSwitch name={`${id}-level`} level={level} onChange={setLevel} />
        <Downloads id={`${id}-chart`} title={title} fileName={`${id}-${level}-${cmp.a.id}-vs-${cmp.b.id}`} table={table} images />
      </div>
      <Plot id={`${id}-chart`} figure={figure} label={`Scatter plot: ${level} shares in ${cmp.a.label} against ${cmp.b.label}`} />
    </>
  );
}

export function ComparePanel({ options, selected }: { options: SourceOption[]; selected: string | undefined }) {
  const state = useCompare();
  // Start from the source on show against a run (or another source), once sources are known.
  useEffect(() => {
    const s = compareStore.getSnapshot();
    const known = (id: string | undefined) => id !== undefined && options.some((o) => o.id === id);
    if (known(s.a) && known(s.b)) return;
    compareStore.choose(selected, defaultCompareTarget(options, selected));
  }, [options, selected]);

  return (
    <Section id="compare" title={sectionTitle('compare')}
      caption="Shares of each category, occupation and task in two sources over the union of items either has, with Pearson, Spearman and Kendall correlations, the mean squared error (paper Appendix G) and the occupations and tasks found by both or by only one.">
      <form className="compare-form" onSubmit={(e) => { e.preventDefault(); void compareStore.run(); }}>
        <SourceSelect id="compare-a" label="Source A (x axis)" options={options} value={state.a} onChange={(a) => compareStore.choose(a, state.b)} />
        <SourceSelect id="compare-b" label="Source B (y axis)" options={options} value={state.b} onChange={(b) => compareStore.choose(state.a, b)} />
        <button type="submit" className="button" disabled={state.a === undefined || state.b === undefined || state.status === 'loading'}>
          Compare
        </button>
      </form>
      {state.status === 'loading' && <p className="status" role="status">Comparing…</p>}
      {state.status === 'error' && state.error && (
        <p className="plot-error" role="alert">
          Could not compare ({state.error.kind}): {state.error.message}
        </p>
      )}
      {state.status === 'ready' && state.result && <CompareResult cmp={state.result} />}
    </Section>
  );
}
