// A chart slot that is cheap to render: Plotly (several MB) is fetched only when the first chart
// mounts, via a dynamic import that Vite splits into its own chunk.
import { Component, lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import type { Figure } from './plotly-types';

const PlotlyChart = lazy(() => import('./PlotlyChart'));

interface PlotProps {
  /** Stable DOM id (fig3, fig4, …): tests and deep links rely on it. */
  id: string;
  figure: Figure;
  /** Short accessible name; the chart itself is not readable by screen readers. */
  label: string;
}

export function Plot({ id, figure, label }: PlotProps) {
  const [drawn, setDrawn] = useState(false);
  // Stable identity so PlotlyChart's draw effect does not re-run on every parent render.
  const markDrawn = useCallback(() => setDrawn(true), []);
  return (
    <div id={id} className="plot" role="figure" aria-label={label} aria-busy={!drawn} data-drawn={drawn ? 'true' : 'false'}>
      <PlotErrorBoundary>
        <Suspense fallback={<p className="plot-status" role="status">Loading chart library…</p>}>
          <PlotlyChart figure={figure} onDrawn={markDrawn} />
        </Suspense>
      </PlotErrorBoundary>
    </div>
  );
}

interface BoundaryState {
  error?: Error;
}

/** A failed chunk download or Plotly crash should cost one chart, not the whole page. */
class PlotErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = {};

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (this.state.error) {
      return (
        <p className="plot-status plot-error" role="alert">
          Chart failed to load: {this.state.error.message}
        </p>
      );
    }
    return this.props.children;
  }
}
