// The only module that imports Plotly; it is loaded through React.lazy (see Plot.tsx) so the
// library lands in its own chunk. Figures stay pure data; colours for the current theme are
// applied here, where the DOM is available.
import Plotly from 'plotly.js-dist-min';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Axis, Figure, Layout, PlotConfig } from './plotly-types';

const CONFIG: PlotConfig = { responsive: true, displaylogo: false };
const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeTheme(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  // Settings switches the theme by setting <html data-theme>; the OS query alone would miss it.
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    media.removeEventListener('change', onChange);
    observer.disconnect();
  };
}

/** A key that changes whenever the effective theme may have: re-render (and so re-theme) the chart. */
function useThemeKey(): string {
  return useSyncExternalStore(
    subscribeTheme,
    () => `${document.documentElement.dataset.theme ?? 'system'}:${window.matchMedia(DARK_QUERY).matches}`,
  );
}

/** Takes text and grid colours from the page's CSS variables so charts follow app.css. */
function themed(layout: Partial<Layout>, el: HTMLElement): Partial<Layout> {
  const css = getComputedStyle(el);
  const grid = css.getPropertyValue('--plot-grid').trim() || undefined;
  const axis = (a: Axis | undefined): Axis => ({ gridcolor: grid, linecolor: grid, zerolinecolor: grid, ...a });
  return {
    ...layout,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { color: css.color, family: css.fontFamily, ...layout.font },
    xaxis: axis(layout.xaxis),
    yaxis: axis(layout.yaxis),
  };
}

interface PlotlyChartProps {
  figure: Figure;
  /** Called with the figure once Plotly has drawn it. */
  onDrawn: (figure: Figure) => void;
}

export default function PlotlyChart({ figure, onDrawn }: PlotlyChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useThemeKey();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let current = true;
    Plotly.react(el, figure.data, themed(figure.layout, el), CONFIG).then(
      () => current && onDrawn(figure),
      (err: unknown) => current && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      current = false;
    };
  }, [figure, theme, onDrawn]);

  // Purge once on unmount (not per redraw): it drops Plotly's listeners and the resize handler.
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) Plotly.purge(el);
    };
  }, []);

  if (error) {
    return (
      <p className="plot-status plot-error" role="alert">
        Chart could not be drawn: {error}
      </p>
    );
  }
  return <div ref={ref} className="plot-canvas" />;
}
