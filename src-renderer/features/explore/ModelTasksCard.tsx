// Figure 8 by task: hierarchy task shares of two models at the chosen level. The user picks the level
// and any two of the run's models (by default the two with the most conversations); difference and
// ratio are recomputed for the pair from the shares the engine reported.
import { useMemo, useState } from 'react';
import type { RunReport } from '../../../src-shared/report';
import type { ExploreFilters } from '../../../src-shared/explore-filters';
import { ignoredFilters } from '../../../src-shared/explore-filters';
import * as fig8Tasks from '../../../src-shared/charts/fig8ModelTasks';
import { fmtInt } from '../../../src-shared/charts/format';
import { ChartCard } from './ChartCard';
import { hierarchyCaptions } from './captions';
import { sectionTitle } from './Contents';
import { exploreStore } from './store';

const ID = 'fig8tasks';

interface ToolbarProps {
  cmp: NonNullable<RunReport['modelTasks']>;
  resolved: fig8Tasks.Resolved;
  onChange: (choice: fig8Tasks.ModelTaskChoice) => void;
}

function ModelSelect({ label, value, exclude, cmp, onPick }: { label: string; value: string | undefined; exclude?: string; cmp: ToolbarProps['cmp']; onPick: (m: string) => void }) {
  const id = `${ID}-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onPick(e.target.value)}>
        {cmp.models
          .filter((m) => m.model !== exclude)
          .map((m) => (
            <option key={m.model} value={m.model}>
              {m.model} ({fmtInt(m.conversations)} conversations)
            </option>
          ))}
      </select>
    </span>
  );
}

function Toolbar({ cmp, resolved, onChange }: ToolbarProps) {
  const { level, a, b } = resolved;
  return (
    <div className="model-tasks-toolbar">
      <fieldset className="kind-switch">
        <legend>Level</legend>
        {fig8Tasks.TASK_LEVELS.map((l) => (
          <label key={l.level}>
            <input type="radio" name={`${ID}-level`} value={l.level} checked={level === l.level} disabled={cmp.levels[l.level].length === 0}
              onChange={() => onChange({ level: l.level, a, b })} />
            {l.label}
          </label>
        ))}
      </fieldset>
      {cmp.models.length > 1 && (
        <>
          {/* Picking the other side's model swaps the two, so a model is never compared with itself. */}
          <ModelSelect label="Model A" value={a} cmp={cmp} onPick={(m) => onChange({ level, a: m, b: m === b ? a : b })} />
          <ModelSelect label="Model B" value={b} exclude={a} cmp={cmp} onPick={(m) => onChange({ level, a, b: m })} />
        </>
      )}
    </div>
  );
}

export function ModelTasksCard({ run, filters, fileBase }: { run: RunReport; filters: ExploreFilters; fileBase: string }) {
  const [choice, setChoice] = useState<fig8Tasks.ModelTaskChoice>({});
  const cmp = run.modelTasks;
  const resolved = useMemo(() => (cmp ? fig8Tasks.resolve(cmp, choice) : undefined), [cmp, choice]);
  const figure = useMemo(() => fig8Tasks.toFigure(run, choice), [run, choice]);
  // A summary holds only the rows the chart can draw: the CSV of every task comes with the full report.
  const table = useMemo(
    () => (run.summary !== undefined ? async () => fig8Tasks.toTable(await exploreStore.fullRun(run), choice) : fig8Tasks.toTable(run, choice)),
    [run, choice],
  );
  const level = resolved ? fig8Tasks.TASK_LEVELS.find((l) => l.level === resolved.level)?.label.toLowerCase() : undefined;
  return (
    <ChartCard id={ID} title={sectionTitle(ID)} caption={hierarchyCaptions(run, choice).fig8tasks} figure={figure}
      label={`Grouped bar chart: hierarchy task shares per model${level ? `, ${level}` : ''}`} table={table}
      fileName={`${ID}-${resolved?.level ?? 'tasks'}-${fileBase}`} ignored={ignoredFilters(filters, ID)}
      toolbar={cmp && resolved && cmp.models.length > 0 ? <Toolbar cmp={cmp} resolved={resolved} onChange={setChoice} /> : undefined} />
  );
}
