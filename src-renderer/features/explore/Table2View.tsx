// Renders Table 2 from the pure rows in charts/table2.ts as a real, navigable HTML table. A Job Zone
// filter keeps only the chosen zones' rows (the published column included, for comparison).
import type { PaperReference, ReproduceReport } from '../../../src-shared/report';
import { fmt } from '../../../src-shared/charts/format';
import { paperGapText, toTable2Rows, type Table2 } from '../../../src-shared/charts/table2';
import type { ChartTable } from '../../../src-shared/charts/table';

/** Rows of the chosen zones only; every zone when none is chosen. */
export function zoneRows<T>(rows: T[], zoneOf: (row: T) => unknown, zones: number[]): T[] {
  return zones.length === 0 ? rows : rows.filter((r) => zones.includes(zoneOf(r) as number));
}

/** The CSV table of what the page shows. */
export function table2Csv(table: ChartTable, zones: number[]): ChartTable {
  return { ...table, rows: zoneRows(table.rows, (r) => r[0], zones) };
}

function GroupHeader({ table }: { table: Table2 }) {
  return (
    <tr>
      <td />
      {table.groups.map((g) => (
        <th key={g.label} scope="colgroup" colSpan={table.columns.filter((c) => c.group === g.label).length} className="group-start">
          {g.label}
        </th>
      ))}
    </tr>
  );
}

function ColumnHeader({ table }: { table: Table2 }) {
  return (
    <tr>
      <th scope="col">Job zone</th>
      {table.columns.map((c, i) => (
        <th key={`${c.group}/${c.metric}`} scope="col" className={i % 3 === 0 ? 'group-start' : undefined}>
          {c.label}
        </th>
      ))}
    </tr>
  );
}

export function Table2View({ report, paper, zones = [] }: { report: ReproduceReport; paper?: PaperReference; zones?: number[] }) {
  const full = toTable2Rows(report, paper);
  const table = { ...full, rows: zoneRows(full.rows, (r) => r.zone, zones) };
  return (
    <>
      {/* Focusable scroll region: on narrow windows keyboard users can scroll the wide table. */}
      <div className="table-wrap" role="region" aria-label="Table 2" tabIndex={0}>
        <table id="table2" className="data-table">
          <caption className="visually-hidden">Usage by O*NET job zone, per matching variant and as published</caption>
          <thead>
            <GroupHeader table={table} />
            <ColumnHeader table={table} />
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.zone}>
                <th scope="row">{row.zone}</th>
                {row.values.map((value, i) => {
                  const col = table.columns[i];
                  return (
                    <td key={i} className={i % 3 === 0 ? 'group-start' : undefined}>
                      {fmt(value, col?.digits ?? 1)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="coverage">
        {table.groups
          .filter((g) => g.coverage)
          .map((g) => (
            <li key={g.label}>
              <strong>{g.label}:</strong> {g.coverage}
              {g.paperGap !== undefined && <>; {paperGapText(g)}</>}
            </li>
          ))}
      </ul>
      <p className="note">
        Baseline: share of the tasks present in the data (each counted once) whose occupation is in the
        zone — the definition that reproduces the paper&apos;s published column. Ratio = conversations ÷ baseline.
        {paper !== undefined &&
          ' The variants differ only in where a task’s Job Zone comes from; each one’s largest gap to the paper’s Conv. % is listed above.'}
      </p>
    </>
  );
}
