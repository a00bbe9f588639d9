// The Plotly figure types now live with the pure chart modules in src-shared/charts (shared with
// the offline HTML report). Re-exported here so renderer imports keep working.
export type {
  Annotation,
  Axis,
  Datum,
  Figure,
  Layout,
  LineStyle,
  MarkerStyle,
  PlotConfig,
  PlotData,
} from '../../src-shared/charts/plotly-types';
