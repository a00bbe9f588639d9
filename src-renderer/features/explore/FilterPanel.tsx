// Filter controls: categories and occupations (native multi-selects), Job Zones (checkboxes) and a
// median-wage band (number inputs), with a summary of what is active and a reset. Every control is
// a labelled native element, so the panel works from the keyboard without custom key handling.
import type { ChangeEvent } from 'react';
import { describeFilters, filtersActive, JOB_ZONES, type ExploreFilters, type FilterChoices } from '../../../src-shared/explore-filters';
import { fmtInt } from '../../../src-shared/charts/format';

interface FilterPanelProps {
  choices: FilterChoices;
  filters: ExploreFilters;
  problem: string | null;
  onUpdate: (patch: Partial<ExploreFilters>) => void;
  onReset: () => void;
}

const selected = (e: ChangeEvent<HTMLSelectElement>) => Array.from(e.target.selectedOptions, (o) => o.value);

function wageValue(e: ChangeEvent<HTMLInputElement>): number | null {
  return e.target.value === '' || Number.isNaN(e.target.valueAsNumber) ? null : e.target.valueAsNumber;
}

function OccupationSelect({ choices, filters, onUpdate }: Omit<FilterPanelProps, 'problem' | 'onReset'>) {
  // With categories chosen, only their occupations are offered (chosen ones stay visible).
  const offered = choices.occupations.filter(
    (o) => filters.categories.length === 0 || filters.categories.includes(o.category) || filters.occupations.includes(o.code),
  );
  const groups = [...new Set(offered.map((o) => o.category))].sort((a, b) => a.localeCompare(b));
  return (
    <div className="field">
      <label htmlFor="filter-occupations">Occupations ({fmtInt(offered.length)})</label>
      <select id="filter-occupations" multiple size={8} value={filters.occupations} onChange={(e) => onUpdate({ occupations: selected(e) })}>
        {groups.map((g) => (
          <optgroup key={g} label={g}>
            {offered
              .filter((o) => o.category === g)
              .map((o) => (
                <option key={o.code} value={o.code}>
                  {o.title} ({o.code})
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function WageBand({ choices, filters, onUpdate }: Omit<FilterPanelProps, 'problem' | 'onReset'>) {
  const [low, high] = choices.wageRange ?? [null, null];
  return (
    <fieldset className="fieldset">
      <legend>Median annual wage (USD)</legend>
      <label htmlFor="filter-wage-min">From</label>
      <input id="filter-wage-min" type="number" min={0} step={1000} placeholder={low === null ? '' : String(Math.floor(low))}
        value={filters.wageMin ?? ''} onChange={(e) => onUpdate({ wageMin: wageValue(e) })} />
      <label htmlFor="filter-wage-max">to</label>
      <input id="filter-wage-max" type="number" min={0} step={1000} placeholder={high === null ? '' : String(Math.ceil(high))}
        value={filters.wageMax ?? ''} onChange={(e) => onUpdate({ wageMax: wageValue(e) })} />
    </fieldset>
  );
}

function JobZones({ filters, onUpdate }: Pick<FilterPanelProps, 'filters' | 'onUpdate'>) {
  const toggle = (zone: number, on: boolean) =>
    onUpdate({ jobZones: on ? [...filters.jobZones, zone].sort((a, b) => a - b) : filters.jobZones.filter((z) => z !== zone) });
  return (
    <fieldset className="fieldset">
      <legend>Job Zones</legend>
      {JOB_ZONES.map((zone) => (
        <label key={zone}>
          <input type="checkbox" name="filter-job-zone" value={zone} checked={filters.jobZones.includes(zone)} onChange={(e) => toggle(zone, e.target.checked)} />
          {zone}
        </label>
      ))}
    </fieldset>
  );
}

export function FilterPanel(props: FilterPanelProps) {
  const { choices, filters, problem, onUpdate, onReset } = props;
  const titles = new Map(choices.occupations.map((o) => [o.code, o.title]));
  const lines = describeFilters(filters, (code) => titles.get(code) ?? code);
  return (
    <section id="sec-filters" className="chart-section filters" aria-labelledby="filters-title" tabIndex={-1}>
      <h3 id="filters-title">Filters</h3>
      <p className="caption">
        Filters narrow what the charts draw; shares stay shares of <strong>all</strong> usage in the source (they are not
        renormalised to the selection). Each chart says which active filters it cannot apply.
      </p>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="filter-categories">Categories</label>
          <select id="filter-categories" multiple size={8} value={filters.categories} onChange={(e) => onUpdate({ categories: selected(e) })}>
            {choices.categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <OccupationSelect choices={choices} filters={filters} onUpdate={onUpdate} />
        <div className="filter-column">
          <JobZones filters={filters} onUpdate={onUpdate} />
          <WageBand choices={choices} filters={filters} onUpdate={onUpdate} />
        </div>
      </div>
      {problem && (
        <p className="plot-error" role="alert">
          Filter not applied: {problem}
        </p>
      )}
      <div className="filter-summary" role="status" aria-live="polite" data-active={filtersActive(filters) ? 'true' : 'false'}>
        {lines.length === 0 ? (
          <span>No filters: every chart shows the whole source.</span>
        ) : (
          <>
            <strong>Filters active:</strong>
            <ul>
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button type="button" className="button secondary" onClick={onReset} disabled={!filtersActive(filters)}>
        Reset filters
      </button>
    </section>
  );
}
