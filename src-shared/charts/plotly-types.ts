// The slice of Plotly's figure schema this app uses. Declared locally so chart modules stay pure,
// typed and DOM-free (unit-testable in node, shared by the renderer and the HTML report) without
// pulling in the large @types/plotly.js.

export type Datum = number | string | null;

export interface MarkerStyle {
  color?: string | string[];
  size?: number;
  opacity?: number;
  line?: { color?: string; width?: number };
}

export interface LineStyle {
  color?: string;
  width?: number;
  shape?: 'linear' | 'hv' | 'spline';
  dash?: 'solid' | 'dot' | 'dash';
}

/** Bar and scatter traces: everything drawn on x/y axes. */
export interface CartesianData {
  type: 'bar' | 'scatter';
  name?: string;
  x: Datum[];
  y: Datum[];
  orientation?: 'h' | 'v';
  mode?: 'lines' | 'markers' | 'lines+markers' | 'markers+text' | 'lines+markers+text';
  text?: string | string[];
  textposition?: 'top left' | 'top center' | 'top right' | 'middle right' | 'bottom right' | 'outside' | 'auto' | 'none';
  /** Extra per-point values the hovertemplate can reference as %{customdata}. */
  customdata?: Datum[];
  hovertemplate?: string;
  marker?: MarkerStyle;
  line?: LineStyle;
  showlegend?: boolean;
  cliponaxis?: boolean;
  /** 'y2' draws against the layout's yaxis2: a second unit on the same chart (e.g. MSE beside correlations). */
  yaxis?: 'y' | 'y2';
  /** Whiskers (confidence intervals): distances above (array) and below (arrayminus) each value. */
  error_x?: ErrorBars;
  error_y?: ErrorBars;
}

export interface ErrorBars {
  type: 'data';
  symmetric: false;
  array: number[];
  arrayminus: number[];
  color?: string;
  thickness?: number;
  width?: number;
}

/**
 * Sunburst and treemap traces (Figure 2): a tree given as parallel arrays. With branchvalues
 * 'total' a parent's value must be at least the sum of its children's, else Plotly drops the tree.
 */
export interface HierarchyData {
  type: 'sunburst' | 'treemap';
  name?: string;
  /** Unique per node; `parents` refers to these ('' for a top-level node). */
  ids: string[];
  labels: string[];
  parents: string[];
  values: number[];
  branchvalues: 'total' | 'remainder';
  /** One array per node, read in hovertemplate as %{customdata[0]}, %{customdata[1]}, … */
  customdata?: Datum[][];
  /** One template for all nodes, or one per node. */
  hovertemplate?: string | string[];
  textinfo?: string;
  /** Rings (sunburst) or nesting levels (treemap) shown at once; clicking a node drills in. */
  maxdepth?: number;
  sort?: boolean;
  insidetextorientation?: 'horizontal' | 'radial' | 'tangential' | 'auto';
  marker?: { colors?: string[]; line?: { color?: string; width?: number } };
  pathbar?: { visible?: boolean };
  tiling?: { pad?: number };
  /** Part of the figure the trace fills (fractions of the width/height), e.g. to leave room for a key. */
  domain?: { x?: [number, number]; y?: [number, number] };
}

export type PlotData = CartesianData | HierarchyData;

export interface Axis {
  title?: { text: string };
  type?: 'linear' | 'log' | 'category';
  range?: [number, number];
  autorange?: boolean | 'reversed';
  automargin?: boolean;
  ticksuffix?: string;
  tickprefix?: string;
  tickformat?: string;
  categoryorder?: 'array' | 'trace';
  categoryarray?: string[];
  visible?: boolean;
  zeroline?: boolean;
  gridcolor?: string;
  linecolor?: string;
  zerolinecolor?: string;
  showgrid?: boolean;
  /** For yaxis2: share the plot area of 'y', with its ticks on the given side. */
  overlaying?: 'y';
  side?: 'left' | 'right';
}

export interface Annotation {
  text: string;
  xref?: 'paper' | 'x';
  yref?: 'paper' | 'y';
  x: number | string;
  y: number | string;
  showarrow?: boolean;
  xanchor?: 'left' | 'center' | 'right';
  yanchor?: 'top' | 'middle' | 'bottom';
  font?: { size?: number; color?: string };
  /** With showarrow: the label's offset from the point, in pixels. */
  ax?: number;
  ay?: number;
  arrowhead?: number;
  align?: 'left' | 'center' | 'right';
  bgcolor?: string;
}

export interface Layout {
  title: { text: string; font?: { size?: number } };
  xaxis: Axis;
  yaxis: Axis;
  yaxis2: Axis;
  barmode: 'group' | 'stack' | 'overlay' | 'relative';
  bargap: number;
  height: number;
  margin: { l?: number; r?: number; t?: number; b?: number };
  annotations: Annotation[];
  showlegend: boolean;
  legend: { orientation?: 'h' | 'v'; x?: number; y?: number; xanchor?: 'left' | 'center' | 'right'; yanchor?: 'top' | 'bottom'; traceorder?: 'normal' | 'reversed' };
  hovermode: 'closest' | 'x' | 'y' | 'x unified' | 'y unified' | false;
  paper_bgcolor: string;
  plot_bgcolor: string;
  font: { color?: string; family?: string; size?: number };
  /** Hide labels that would have to shrink below minsize (sunburst/treemap text). */
  uniformtext: { minsize?: number; mode?: 'hide' | 'show' };
}

export interface PlotConfig {
  responsive?: boolean;
  displaylogo?: boolean;
  displayModeBar?: boolean | 'hover';
}

/**
 * What every chart module returns: ready for Plotly.react. Modules that draw only bars and scatters
 * return Figure<CartesianData>, so callers can read x and y without narrowing.
 */
export interface Figure<T extends PlotData = PlotData> {
  data: T[];
  layout: Partial<Layout>;
}
