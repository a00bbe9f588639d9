// One figure's section: heading (a table-of-contents target), caption, a note on filters it ignores,
// the chart (or other content), and downloads of the chart as PNG/SVG and its data as CSV.
import { useState, type ReactNode } from 'react';
import type { ChartTable } from '../../../src-shared/charts/table';
import type { Figure } from '../../../src-shared/charts/plotly-types';
import type { FilterKind } from '../../../src-shared/explore-filters';
import { Plot } from '../../components/Plot';
import { downloadCsv, downloadImage, type ImageFormat } from './download';

const FILTER_NAMES: Record<FilterKind, string> = {
  category: 'category',
  occupation: 'occupation',
  jobZone: 'Job Zone',
  wage: 'wage band',
};

export function sectionId(id: string): string {
  return `sec-${id}`;
}

interface SectionProps {
  id: string;
  title: string;
  caption?: ReactNode;
  children: ReactNode;
}

/** tabIndex -1: following a table-of-contents link moves keyboard focus into the section. */
export function Section({ id, title, caption, children }: SectionProps) {
  return (
    <section id={sectionId(id)} className="chart-section" aria-labelledby={`${sectionId(id)}-title`} tabIndex={-1}>
      <h3 id={`${sectionId(id)}-title`}>{title}</h3>
      {caption && <p className="caption">{caption}</p>}
      {children}
    </section>
  );
}

export function IgnoredFilters({ kinds }: { kinds: FilterKind[] }) {
  if (kinds.length === 0) return null;
  return (
    <p className="note filter-note" data-testid="ignored-filters">
      Not filtered by {kinds.map((k) => FILTER_NAMES[k]).join(', ')}: this chart is computed over the whole source.
    </p>
  );
}

/** A chart's data, or how to get it when it needs rows Explore has not loaded yet (store.ts fullRun). */
export type TableSource = ChartTable | (() => Promise<ChartTable>);

interface DownloadsProps {
  id: string;
  title: string;
  fileName: string;
  table?: TableSource;
  images: boolean;
}

export function Downloads({ id, title, fileName, table, images }: DownloadsProps) {
  const [error, setError] = useState<string>();
  const [fetching, setFetching] = useState(false);
  const failed = (err: unknown) => setError(err instanceof Error ? err.message : String(err));
  const image = (format: ImageFormat) => {
    setError(undefined);
    downloadImage(id, format, fileName).catch(failed);
  };
  const csv = (source: TableSource) => {
    setError(undefined);
    if (typeof source !== 'function') return downloadCsv(source, fileName);
    setFetching(true);
    source()
      .then((t) => downloadCsv(t, fileName))
      .catch(failed)
      .finally(() => setFetching(false));
  };
  return (
    <div className="downloads" role="group" aria-label={`Download ${title}`}>
      {images && (
        <>
          <button type="button" className="button secondary" data-download="png" onClick={() => image('png')} aria-label={`Download ${title} as PNG`}>
            PNG
          </button>
          <button type="button" className="button secondary" data-download="svg" onClick={() => image('svg')} aria-label={`Download ${title} as SVG`}>
            SVG
          </button>
        </>
      )}
      {table && (
        <button type="button" className="button secondary" data-download="csv" onClick={() => csv(table)} disabled={fetching}
          aria-label={`Download the data of ${title} as CSV`}>
          {fetching ? 'CSV…' : 'CSV'}
        </button>
      )}
      {error && (
        <span className="plot-error" role="alert">
          Export failed: {error}
        </span>
      )}
    </div>
  );
}

interface ChartCardProps {
  id: string;
  title: string;
  caption?: ReactNode;
  figure: Figure;
  /** Accessible name of the chart (the drawing itself is not readable by screen readers). */
  label: string;
  table: TableSource;
  fileName: string;
  ignored?: FilterKind[];
  /** Controls above the chart (e.g. Figure 2's sunburst/treemap switch). */
  toolbar?: ReactNode;
}

export function ChartCard({ id, title, caption, figure, label, table, fileName, ignored = [], toolbar }: ChartCardProps) {
  return (
    <Section id={id} title={title} caption={caption}>
      <IgnoredFilters kinds={ignored} />
      <div className="card-toolbar">
        {toolbar}
        <Downloads id={id} title={title} fileName={fileName} table={table} images />
      </div>
      <Plot id={id} figure={figure} label={label} />
    </Section>
  );
}
