// Two sources side by side (e.g. the published release vs an own run): the engine's
// analysis.compare result drawn per level, with the agreement metrics of every level as a table.
import { useEffect, useMemo, useState } from 'react';
import * as compare from '../../../src-shared/charts/compare';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import type { SourceComparison } from '../../../src-shared/api';
import { Plot } from '../../components/Plot';
import { Downloads, Section } from './ChartCard';
import { compareStore, useCompare } from './compare-store';
import { sectionTitle } from './Contents';
import { SourceSelect } from './SourcePicker';
import { defaultCompareTarget, type SourceOption } from './sources';

function MetricsTable({ cmp }: { cmp: SourceComparison }) {
  const table = compare.metricsTable(cmp);
  return (
    <div className="table-wrap" role="region" aria-label="Agreement metrics" tabIndex={0}>
      <table id="compare-metrics" className="data-table">
        <caption className="visually-hidden">Agreement between the two sources at each level</caption>
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
          {table.rows.map(([level, n, ...values]) => (
            <tr key={String(level)}>
              <th scope="row">{level}</th>
              <td>{typeof n === 'number' ? fmtInt(n) : 'n/a'}</td>
              {values.map((v, i) => (
                <td key={i}>{fmt(typeof v === 'number' ? v : null, i === values.length - 1 ? 4 : 3)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LevelSwitch({ level, onChange }: { level: compare.CompareLevel; onChange: (l: compare.CompareLevel) => void }) {
  return (
    <fieldset className="kind-switch">
      <legend>Level</legend>
      {compare.COMPARE_LEVELS.map((l) => (
        <label key={l.level}>
          <input type="radio" name="compare-level" value={l.level} checked={level === l.level} onChange={() => onChange(l.level)} />
          {l.label}
        </label>
      ))}
    </fieldset>
  );
}

function CompareResult({ cmp }: { cmp: SourceComparison }) {
  const [level, setLevel] = useState<compare.CompareLevel>('category');
  const figure = useMemo(() => compare.toFigure(cmp, level), [cmp, level]);
  const table = useMemo(() => compare.toTable(cmp, level), [cmp, level]);
  const title = `Comparison by ${level}`;
  return (
    <>
      <MetricsTable cmp={cmp} />
      <div className="card-toolbar">
        <LevelSwitch level={level} onChange={setLevel} />
        <Downloads id="compare-chart" title={title} fileName={`compare-${level}-${cmp.a.id}-vs-${cmp.b.id}`} table={table} images />
      </div>
      <Plot id="compare-chart" figure={figure} label={`Scatter plot: ${level} shares in ${cmp.a.label} against ${cmp.b.label}`} />
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
      caption="Shares of each category, occupation and task in two sources, with Pearson, Spearman and Kendall correlations and the mean squared error (paper Appendix G).">
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
