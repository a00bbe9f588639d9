// Ambient declarations for the renderer. Kept a script (no top-level import/export) so the
// `declare module` below declares the untyped package instead of trying to augment it.

interface Window {
  /** Exposed by the Electron preload via contextBridge; absent when served over HTTP. */
  taskAtlas?: import('./transport/client').TaskAtlasBridge;
  /** The engine's pushed events (jobs, engine restarts), exposed by the same preload. */
  taskAtlasEvents?: { subscribe(listener: import('../src-shared/events').EngineEventListener): () => void };
}

// plotly.js-dist-min ships no types; declare just the calls PlotlyChart uses, over the local
// minimal figure types (see components/plotly-types.ts) rather than pulling in @types/plotly.js.
declare module 'plotly.js-dist-min' {
  type PlotData = import('./components/plotly-types').PlotData;
  type Layout = import('./components/plotly-types').Layout;
  type Config = import('./components/plotly-types').PlotConfig;

  const Plotly: {
    react(root: HTMLElement, data: PlotData[], layout: Partial<Layout>, config?: Config): Promise<HTMLElement>;
    purge(root: HTMLElement): void;
    Plots: { resize(root: HTMLElement): void };
    /** Renders a figure off-screen to a data: URL (Explore's PNG/SVG downloads). */
    toImage(
      figure: { data: PlotData[]; layout: Partial<Layout> },
      opts: { format: 'png' | 'svg'; width: number; height: number; scale?: number },
    ): Promise<string>;
  };
  export default Plotly;
}
