// A chart slot that is cheap to render: Plotly (several MB) is fetched only when the first chart
// mounts, via a dynamic import that Vite splits into its own chunk, and a chart off screen draws
// its figure on its turn (draw-turns.ts), so a page of charts answers at once.
import { Component, lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Figure } from './plotly-types';
import { drawTurns } from './draw-turns';

const PlotlyChart = lazy(() => import('./PlotlyChart'));

interface PlotProps {
  /** Stable DOM id (fig3, fig4, …): tests and deep links rely on it. */
  id: string;
  figure: Figure;
  /** Short accessible name; the chart itself is not readable by screen readers. */
  label: string;
}

export function Plot({ id, figure, label }: PlotProps) {
  const ref = useRef<HTMLDivElement>(null);
  // The figure handed to Plotly (it lags `figure` until this chart's turn) and the one it has drawn:
  // data-drawn is true only once the current figure is on screen, which is what tests wait for.
  const [shown, setShown] = useState<Figure>();
  const [drawn, setDrawn] = useState<Figure>();
  // Stable identity so PlotlyChart's draw effect does not re-run on every parent render.
  const markDrawn = useCallback((f: Figure) => setDrawn(f), []);
  useEffect(() => {
    const el = ref.current;
    if (!el || shown === figure) return;
    return drawTurns().request(el, () => setShown(figure));
  }, [figure, shown]);
  const current = drawn === figure;
  return (
    <div ref={ref} id={id} className="plot" role="figure" aria-label={label} aria-busy={!current} data-drawn={current ? 'true' : 'false'}>
      <PlotErrorBoundary>
        {shown && (
          <Suspense fallback={<p className="plot-status" role="status">Loading chart library…</p>}>
            <PlotlyChart figure={shown} onDrawn={markDrawn} />
          </Suspense>
        )}
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
